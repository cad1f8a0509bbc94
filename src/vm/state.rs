//! Interpreter state: `Interp` is shared by all Python threads of a run (modules, the runtime,
//! stderr); `Vm` is one Python thread's state (its frames, its handled exception, its Tid).
//!
//! A Python thread is one call of a function value on a fresh `Vm` (see
//! `modules/threading/thread.rs`). All the `Vm`s of a run share the heap through `Arc`s.

use super::exceptions::Unwind;
use super::frame::Frame;
use super::types::{Builtins, Module};
use super::value::Value;
use crate::runtime::{Runtime, Tid};
use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// What all threads of one run share.
pub struct Interp {
    pub rt: Arc<Runtime>,
    pub filename: Arc<str>,
    /// The `builtins` namespace every module of the run is handed.
    pub builtins: &'static Builtins,
    /// The program's source lines, for tracebacks.
    pub source_lines: Vec<String>,
    /// `sys.modules`: imported modules by name (a dict the program can read and change).
    pub modules: Arc<super::types::Dict>,
    /// Where `import` finds the program's own modules (`import.rs`), if anywhere.
    pub sources: OnceLock<Arc<dyn super::import::ModuleSource>>,
    /// `sys.argv` when the runner gave one (`RunOptions::argv`); else `[filename]`.
    pub argv: OnceLock<Vec<String>>,
    /// Source lines of the imported Python files, by file name, for tracebacks.
    pub file_lines: Mutex<HashMap<String, Arc<Vec<String>>>>,
    pub main: OnceLock<Arc<Module>>,
    pub recursion_limit: AtomicUsize,
    /// Text written to stderr (tracebacks), in order.
    pub stderr: Mutex<String>,
    /// Generators dropped while suspended in a `try`, to be closed (`types/generator.rs`).
    pub(crate) finalizers: Mutex<Vec<Arc<super::types::Generator>>>,
    /// Per-run state of modules implemented in Rust (e.g. threading's registry), by type.
    ext: Mutex<HashMap<TypeId, Arc<dyn Any + Send + Sync>>>,
}

impl Interp {
    pub fn new(rt: Arc<Runtime>, filename: &str, source: &str, builtins: &'static Builtins) -> Arc<Interp> {
        Arc::new(Interp {
            rt,
            filename: filename.into(),
            builtins,
            source_lines: source.lines().map(|l| l.to_string()).collect(),
            modules: Arc::new(super::types::Dict::new(Default::default())),
            sources: OnceLock::new(),
            argv: OnceLock::new(),
            file_lines: Mutex::new(HashMap::new()),
            main: OnceLock::new(),
            recursion_limit: AtomicUsize::new(1000),
            stderr: Mutex::new(String::new()),
            ext: Mutex::new(HashMap::new()),
            finalizers: Mutex::new(Vec::new()),
        })
    }

    /// Per-run state of type `T`, created with `Default` on first use. For modules written in
    /// Rust that need run-wide state (a thread registry, a name counter).
    pub fn ext<T: Default + Send + Sync + 'static>(&self) -> Arc<T> {
        let mut m = super::sync::lock(&self.ext);
        let e = m.entry(TypeId::of::<T>()).or_insert_with(|| Arc::new(T::default()) as Arc<dyn Any + Send + Sync>);
        e.clone().downcast::<T>().expect("ext type")
    }

    /// Appends to the run's stderr text.
    pub fn write_stderr(&self, text: &str) {
        super::sync::lock(&self.stderr).push_str(text);
        // Live, to the run's sink (the browser shows tracebacks as they happen).
        self.rt.forward_stderr(text);
    }

    pub fn source_line(&self, filename: &str, line: u32) -> Option<String> {
        if line == 0 {
            return None;
        }
        if filename != &*self.filename {
            let files = super::sync::lock(&self.file_lines);
            return files.get(filename)?.get(line as usize - 1).cloned();
        }
        self.source_lines.get(line as usize - 1).cloned()
    }

    /// `sys.modules[name]`.
    pub fn module(&self, name: &str) -> Option<Value> {
        self.modules.lock().get(&super::types::HashKey::of(Value::str(name))).cloned()
    }

    /// `sys.modules[name] = m`.
    pub fn set_module(&self, name: &str, m: Value) {
        self.modules.lock().insert(super::types::HashKey::of(Value::str(name)), m);
    }
}

/// One Python thread's interpreter state.
pub struct Vm {
    pub interp: Arc<Interp>,
    pub rt: Arc<Runtime>,
    pub tid: Tid,
    pub(crate) frames: Vec<Box<Frame>>,
    pub(crate) pool: Vec<Box<Frame>>,
    /// The exception being handled (`except` body), for bare `raise` and implicit chaining.
    pub(crate) handled: Value,
    /// Set by re-raising instructions so unwinding adds no traceback line for the frame.
    pub(crate) reraising: bool,
    /// Nested Rust-level entries into the interpreter (builtins calling back into Python).
    pub(crate) native_depth: usize,
    /// Containers being repr'd (to print `[...]` for self-references).
    pub(crate) repr_stack: Vec<usize>,
    /// The namespace of the class body that just returned (taken by `build_class`).
    pub(crate) class_namespace: Option<super::types::AttrMap>,
    /// Green threads: a blocking call's park (see `green.rs`).
    pub(crate) park: super::green::Park,
    /// The generator frame that just yielded (`Op::Yield`), for `gen_step` to take back.
    pub(crate) suspended: Option<Box<Frame>>,
}

impl Vm {
    pub fn new(interp: Arc<Interp>, tid: Tid) -> Vm {
        let rt = interp.rt.clone();
        Vm {
            interp,
            rt,
            tid,
            frames: Vec::with_capacity(64),
            pool: Vec::new(),
            handled: Value::Null,
            reraising: false,
            native_depth: 0,
            repr_stack: Vec::new(),
            class_namespace: None,
            park: Default::default(),
            suspended: None,
        }
    }

    pub fn recursion_limit(&self) -> usize {
        self.interp.recursion_limit.load(Ordering::Relaxed)
    }

    /// The module whose globals the running code uses (`__main__` outside any frame).
    pub fn current_module(&self) -> Option<Arc<Module>> {
        match self.frames.last() {
            Some(f) => Some(f.func.module.clone()),
            None => self.interp.main.get().cloned(),
        }
    }

    /// The source line being executed, for error reports.
    pub fn current_line(&self) -> Option<u32> {
        let f = self.frames.last()?;
        Some(f.func.code.code.line_at(f.pc.saturating_sub(1)))
    }
}

impl Unwind {
    /// The exception instance, if this is a Python exception.
    pub fn exception(&self) -> Option<&Value> {
        match self {
            Unwind::Exception(e) => Some(e),
            Unwind::Interrupt(_) => None,
        }
    }
}
