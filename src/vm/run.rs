//! Running a whole program: parse, compile, run `__main__` as thread 0, print the traceback of
//! an uncaught exception, wait for threads, shut daemons down, report.

use super::exceptions::{exc_args, exc_class, format_exception, last_line, Unwind};
use super::frame::Frame;
use super::load::load_code;
use super::types::{Builtins, Function, Module};
use super::state::{Interp, Vm};
use super::value::Value;
use super::{PyResult, RunOptions};
use crate::lang::bytecode::Code;
use crate::lang::CompileError;
use crate::runtime::{ErrorReport, Interrupt, Mode, OutputSink, Report, Runtime, RuntimeConfig};
use std::sync::{Arc, Mutex, OnceLock};

/// A run's report plus what the program wrote to stderr (tracebacks), which the report does not
/// carry.
pub struct RunOutput {
    pub report: Report,
    /// CPython's stderr text: tracebacks of uncaught exceptions (the main thread's and, once the
    /// threading module prints them, other threads'), SyntaxError reports, `sys.stderr.write`.
    pub stderr: String,
    /// The exit status `python3` would return (0, 1, or the `sys.exit` code).
    pub exit_code: i32,
}

/// Hooks the threading module installs to run at interpreter exit, before daemon shutdown
/// (CPython's `threading._shutdown`: join all non-daemon threads).
pub type ExitHook = Box<dyn FnOnce(&mut Vm) + Send>;

#[derive(Default)]
pub struct ExitHooks(pub Mutex<Vec<ExitHook>>);

/// Runs a program; see [`RunOutput`].
pub fn run(source: &str, opts: RunOptions, sink: Arc<dyn OutputSink>, builtins: &'static Builtins) -> RunOutput {
    super::limits::reset_for_run();
    crate::runtime::stack::note_stack_top();
    let mut cfg = RuntimeConfig::new(opts.mode, sink);
    cfg.switch_interval = opts.switch_interval;
    cfg.max_threads = opts.max_threads;
    let rt = Runtime::new(cfg);
    let interp = Interp::new(rt.clone(), &opts.filename, source, builtins);
    if let Some(sources) = &opts.sources {
        let _ = interp.sources.set(sources.clone());
    }
    if !opts.argv.is_empty() {
        let _ = interp.argv.set(opts.argv.clone());
    }
    if opts.green && opts.mode == Mode::Gil {
        super::green::install(&interp);
    }
    let mut exit_code = 0;
    let error = match compile(source, &opts.filename) {
        // Free-threaded mode on one worker would be the GIL mode under another name.
        _ if opts.green && opts.mode == Mode::Free => {
            interp.write_stderr(&format!("RuntimeError: {}\n", FREE_NEEDS_THREADS));
            exit_code = 1;
            Some(ErrorReport { typ: "RuntimeError".into(), message: FREE_NEEDS_THREADS.into(), line: None })
        }
        Err(e) => {
            interp.write_stderr(&syntax_error_text(&e, &opts.filename, source));
            exit_code = 1;
            Some(ErrorReport { typ: e.kind.to_string(), message: e.msg.clone(), line: Some(e.line) })
        }
        Ok(code) => {
            let main = Arc::new(Module::new("__main__", count_names(&code) + 256, Some(builtins)));
            main.set("__name__", Value::str("__main__"));
            main.set("__file__", Value::str(&opts.filename));
            main.set("__doc__", Value::None);
            let _ = interp.main.set(main.clone());
            interp.set_module("__main__", Value::Module(main.clone()));
            let mut vm = Vm::new(interp.clone(), 0);
            let result = vm.run_module_code(&code, &main);
            let error = match result {
                Ok(_) => None,
                Err(Unwind::Exception(exc)) => {
                    let (err, code) = report_uncaught(&mut vm, &exc);
                    exit_code = code;
                    err
                }
                Err(Unwind::Interrupt(Interrupt::Stop)) => {
                    exit_code = 130;
                    Some(stopped_error(&vm))
                }
                Err(Unwind::Interrupt(Interrupt::Shutdown | Interrupt::Switch)) => None,
            };
            // Like CPython: wait for non-daemon threads, then daemons die with the process.
            let hooks = std::mem::take(&mut *super::sync::lock(&interp.ext::<ExitHooks>().0));
            for h in hooks {
                h(&mut vm);
            }
            if !rt.is_stopped() {
                vm.close_module_generators(&main);
            }
            if error.is_none() && rt.is_stopped() {
                exit_code = 130;
                Some(stopped_error(&vm))
            } else {
                error
            }
        }
    };
    rt.shutdown_daemons();
    if rt.is_green() {
        let why = if rt.is_stopped() { Interrupt::Stop } else { Interrupt::Shutdown };
        super::green::end_all(&interp, why);
    }
    rt.thread_end(0);
    // A deadlock stopped the run: name it (stderr, exit status 1, the report's `deadlock`).
    let error = match rt.deadlock() {
        Some(d) => {
            let text = crate::runtime::deadlock_text(d);
            interp.write_stderr(&text);
            exit_code = 1;
            let line = error.and_then(|e| e.line);
            Some(ErrorReport { typ: "RuntimeError".into(), message: text.trim_end().replace('\n', "; "), line })
        }
        None => error,
    };
    let mut report = rt.finish(error);
    super::modules::multiprocessing::merge_children(&interp, &mut report);
    // Sequential mode runs green without the scheduler: it never has two threads at once.
    report.green = opts.green;
    let stderr = super::sync::lock(&interp.stderr).clone();
    clear_modules(&interp);
    RunOutput { report, stderr, exit_code }
}

/// Breaks the cycles between the run's modules and what they define (function -> globals ->
/// function), so that the run's objects are freed when it ends; in a page that runs thousands of
/// programs this is the difference between flat and growing wasm memory. Daemon threads that
/// still run afterwards see their globals gone, as in CPython's finalization.
pub(crate) fn clear_modules(interp: &Interp) {
    let modules = std::mem::take(&mut *interp.modules.lock());
    let mut garbage = Vec::new();
    for m in modules.values().into_iter().chain(interp.main.get().map(|m| Value::Module(m.clone()))) {
        if let Value::Module(m) = m {
            garbage.extend(m.clear());
        }
    }
    // Dropped here, outside every lock: a value's drop may take other locks.
    drop(modules);
    drop(garbage);
}

/// Why green threads refuse free-threaded mode (the page shows this message).
pub const FREE_NEEDS_THREADS: &str = "free-threaded mode needs real threads, one Web Worker each, which only a \
cross-origin isolated page can share memory with; this engine runs green threads on one worker (gil and sequential modes)";

fn stopped_error(vm: &Vm) -> ErrorReport {
    ErrorReport { typ: "KeyboardInterrupt".into(), message: "stopped".into(), line: vm.current_line() }
}

/// Parses and compiles, naming the file in errors.
pub fn compile(source: &str, filename: &str) -> Result<Arc<Code>, CompileError> {
    let module = crate::lang::parser::parse(source)?;
    crate::lang::compiler::compile(&module, filename)
}

pub(crate) fn count_names(code: &Code) -> usize {
    let mut n = code.names.len();
    for c in &code.consts {
        if let crate::lang::bytecode::Const::Code(child) = c {
            n += count_names(child);
        }
    }
    n
}

/// The error report for an uncaught exception, and the process exit code. Prints the traceback
/// (SystemExit prints only its message, as CPython does).
pub(crate) fn report_uncaught(vm: &mut Vm, exc: &Value) -> (Option<ErrorReport>, i32) {
    let cls = exc_class(exc).cloned();
    let is_exit = cls.as_ref().map_or(false, |c| c.is_subclass(super::types::types().exc("SystemExit")));
    if is_exit {
        // Reported as an error of type SystemExit whose message is the exit code ("" for 0) or
        // the text printed on stderr.
        let args = exc_args(exc);
        let line = vm.current_line();
        let exit = |message: String| Some(ErrorReport { typ: "SystemExit".into(), message, line });
        return match args.first() {
            None | Some(Value::None) => (exit(String::new()), 0),
            Some(Value::Int(i)) => (exit(i.to_string()), *i as i32),
            Some(Value::Bool(b)) => (exit((*b as i32).to_string()), *b as i32),
            Some(other) => {
                let msg = vm.str_string(other).unwrap_or_default();
                vm.interp.write_stderr(&format!("{}\n", msg));
                (exit(msg), 1)
            }
        };
    }
    let text = format_exception(vm, exc);
    vm.interp.write_stderr(&text);
    let typ = cls.map(|c| c.name.as_str().to_string()).unwrap_or_default();
    let last = last_line(vm, exc);
    let message = last.splitn(2, ": ").nth(1).unwrap_or("").to_string();
    let line = super::exceptions::with_state(exc, |st| st.traceback.first().map(|e| e.line)).flatten();
    (Some(ErrorReport { typ, message, line }), 1)
}

/// What CPython prints for a SyntaxError (or other compile-time error).
pub fn syntax_error_text(e: &CompileError, filename: &str, source: &str) -> String {
    let mut out = String::new();
    if e.kind == "NotImplementedError" {
        out.push_str("Traceback (most recent call last):\n");
        out.push_str(&format!("  File \"{}\", line {}, in <module>\n", filename, e.line));
        if let Some(l) = source.lines().nth(e.line.saturating_sub(1) as usize) {
            out.push_str(&format!("    {}\n", l.trim()));
        }
        out.push_str(&format!("{}: {}\n", e.kind, e.msg));
        return out;
    }
    out.push_str(&format!("  File \"{}\", line {}\n", filename, e.line));
    if let Some(l) = source.lines().nth(e.line.saturating_sub(1) as usize) {
        let trimmed = l.trim_start();
        let removed = l.chars().count() - trimmed.chars().count();
        let t = trimmed.trim_end();
        if !t.is_empty() {
            out.push_str(&format!("    {}\n", t));
            if e.col > 0 {
                let caret_col = (e.col as usize).saturating_sub(1).saturating_sub(removed);
                out.push_str(&format!("    {}^\n", " ".repeat(caret_col.min(t.chars().count()))));
            }
        }
    }
    out.push_str(&format!("{}: {}\n", e.kind, e.msg));
    out
}

impl Vm {
    /// Runs compiled module code with `module` as its globals.
    pub fn run_module_code(&mut self, code: &Arc<Code>, module: &Arc<Module>) -> PyResult<Value> {
        let code_obj = load_code(code, module)?;
        let func = Arc::new(Function {
            name: code_obj.name.clone(),
            qualname: code_obj.qualname.clone(),
            code: code_obj,
            module: module.clone(),
            defaults: Box::new([]),
            kwdefaults: Box::new([]),
            closure: Box::new([]),
            class: OnceLock::new(),
            attrs: Mutex::new(Default::default()),
        });
        let mut frame = Box::new(Frame::new(func.clone()));
        frame.locals.resize(func.code.code.nlocals as usize, Value::Null);
        self.run_frame(frame)
    }
}
