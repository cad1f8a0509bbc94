//! Messages from any worker to the page. Every worker threadlab uses for Python (the engine
//! worker, the thread set's workers) was created by the page, so a worker's `postMessage` goes
//! straight to the page's main thread, which never blocks: it arrives even while the sender
//! goes on to block in Rust.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Posts `{type, ...fields}` to the page. Does nothing outside a dedicated worker.
fn post(kind: &str, fields: &[(&str, JsValue)]) {
    let global = js_sys::global();
    let Some(scope) = global.dyn_ref::<web_sys::DedicatedWorkerGlobalScope>() else { return };
    let msg = Object::new();
    let _ = Reflect::set(&msg, &"type".into(), &kind.into());
    for (key, value) in fields {
        let _ = Reflect::set(&msg, &(*key).into(), value);
    }
    let _ = scope.post_message(&msg);
}

/// Asks the page's thread-set manager (www/threadlab/thread-set.js) for `count` more workers.
pub(crate) fn ask_for_workers(count: usize) {
    post("threadlab-grow", &[("count", JsValue::from(count as u32))]);
}

/// One piece of printed text, live: `seq` orders pieces from different workers (the page
/// delivers them in `seq` order); `run` tells a finished run's stragglers apart.
pub(crate) fn post_output(run: u32, seq: u32, stream: &str, thread: &str, t_ms: f64, text: &str) {
    post(
        "threadlab-output",
        &[
            ("run", JsValue::from(run)),
            ("seq", JsValue::from(seq)),
            ("stream", stream.into()),
            ("thread", thread.into()),
            ("t_ms", JsValue::from(t_ms)),
            ("text", text.into()),
        ],
    );
}
