//! Running a program in the browser: the engine worker calls `runPython`, which blocks that
//! worker until the program ends; output goes to the page live from whichever worker printed it.
//! Stop comes from another worker (`stopCurrentRun`), since the engine worker is busy. On a page
//! that is not cross-origin isolated no other worker shares the memory: the program's threads
//! are green threads on the engine worker, and Stop ends that worker (www/threadlab.js).

use super::threads::{self, MAX_WORKERS};
use super::page;
use crate::runtime::json::write_str;
use crate::runtime::{stop_all_runs, Mode, OutputSink};
use crate::vm::run::FREE_NEEDS_THREADS;
use crate::vm::import::{ModuleSource, NamedSources};
use crate::vm::{run, RunOptions};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Posts every printed piece to the page. The runtime calls it under its output lock, so `seq`
/// follows the report's order even when several workers print.
struct WebSink {
    run: u32,
    seq: AtomicU32,
}

impl WebSink {
    fn post(&self, stream: &str, thread: &str, t_ms: f64, text: &str) {
        let seq = self.seq.fetch_add(1, Ordering::SeqCst);
        page::post_output(self.run, seq, stream, thread, t_ms, text);
    }
}

impl OutputSink for WebSink {
    fn write(&self, thread: &str, t_ms: f64, text: &str) {
        self.post("stdout", thread, t_ms, text);
    }
    fn write_stderr(&self, thread: &str, t_ms: f64, text: &str) {
        self.post("stderr", thread, t_ms, text);
    }
}

/// Runs `source` to the end (or to Stop) and returns `{"report": <the native --json report>,
/// "stderr", "exit_code", "pieces"}` as JSON; `pieces` is how many output messages were posted,
/// so the page knows when it has seen them all. `max_threads` (0: the default, MAX_WORKERS)
/// caps the Python threads alive at once for this run. `modules` (undefined, or an object of
/// name -> source text) are modules the program can import, beside the one-file program
/// (docs/imports.md). Call it in the engine worker, one run at a time.
#[wasm_bindgen(js_name = runPython)]
pub fn run_python(source: &str, mode: &str, switch_interval: f64, max_threads: u32, run_id: u32, modules: JsValue) -> Result<String, JsError> {
    let sources = named_modules(&modules)?;
    let mode = Mode::parse(mode).ok_or_else(|| JsError::new(&format!("unknown mode {mode:?} (sequential, gil or free)")))?;
    // No shared memory for thread workers: every Python thread runs here, as a green thread.
    let green = !threads::isolated();
    if green && mode == Mode::Free {
        return Err(JsError::new(&format!("threadlab: {FREE_NEEDS_THREADS}")));
    }
    let sink = Arc::new(WebSink { run: run_id, seq: AtomicU32::new(0) });
    // No more threads than the thread set has workers.
    let max_threads = if max_threads == 0 { MAX_WORKERS } else { (max_threads as usize).clamp(1, MAX_WORKERS) };
    let opts = RunOptions { mode, switch_interval, filename: "<main>".into(), max_threads, green, sources, argv: Vec::new() };
    let out = run(source, opts, sink.clone());
    let mut json = String::from("{\"report\":");
    json.push_str(&out.report.to_json());
    json.push_str(",\"stderr\":");
    write_str(&mut json, &out.stderr);
    json.push_str(&format!(",\"exit_code\":{},\"pieces\":{}}}", out.exit_code, sink.seq.load(Ordering::SeqCst)));
    Ok(json)
}

/// The run's extra modules from the page: `{ name: source, ... }`, or none.
fn named_modules(modules: &JsValue) -> Result<Option<Arc<dyn ModuleSource>>, JsError> {
    if modules.is_undefined() || modules.is_null() {
        return Ok(None);
    }
    let bad = || JsError::new("threadlab: modules must be an object mapping module names to source strings");
    let obj: &js_sys::Object = modules.dyn_ref().ok_or_else(bad)?;
    let mut map = HashMap::new();
    for entry in js_sys::Object::entries(obj).iter() {
        let pair: js_sys::Array = entry.dyn_into().map_err(|_| bad())?;
        let (name, source) = (pair.get(0).as_string().ok_or_else(bad)?, pair.get(1).as_string().ok_or_else(bad)?);
        map.insert(name, source);
    }
    Ok(if map.is_empty() { None } else { Some(Arc::new(NamedSources(map))) })
}

/// Stops the program running now, if any (from the page's control worker; never blocks for
/// long). Returns how many runs it stopped (0 or 1).
#[wasm_bindgen(js_name = stopCurrentRun)]
pub fn stop_current_run() -> u32 {
    stop_all_runs() as u32
}
