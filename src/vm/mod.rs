//! The virtual machine: values, the dispatch loop and the builtins.

pub mod format;

pub mod args;
mod attr;
pub mod bigmath;
pub mod builtins;
mod call;
pub mod convert;
mod eval;
pub mod exceptions;
mod frame;
pub(crate) mod green;
pub mod import;
mod iterate;
pub mod limits;
pub mod load;
pub mod modules;
pub mod ops;
pub mod run;
pub mod sync;
pub mod state;
mod trashcan;
pub mod types;
pub mod value;

#[cfg(test)]
mod tests;

pub use exceptions::{PyResult, Unwind};
pub use run::RunOutput;
pub use state::{Interp, Vm};
pub use value::Value;

use crate::runtime::{Mode, OutputSink, RuntimeConfig};
use std::sync::Arc;

#[derive(Clone)]
pub struct RunOptions {
    pub mode: Mode,
    /// Seconds; CPython's default is 0.005. `sys.setswitchinterval()` can change it at run time.
    pub switch_interval: f64,
    /// Shown in tracebacks (`File "NAME", line N`).
    pub filename: String,
    /// Python threads alive at once besides the main thread; `start()` past it raises
    /// CPython's `RuntimeError: can't start new thread`.
    pub max_threads: usize,
    /// Run every Python thread on the calling OS thread as green threads (`green.rs`): the
    /// browser without cross-origin isolation, `threadlab run --green`. Modes gil and
    /// sequential; free-threaded needs real threads.
    pub green: bool,
    /// Where `import` finds the program's own modules (the native runner: the program's
    /// directory; the page: modules given by name), before the built-in ones.
    pub sources: Option<Arc<dyn import::ModuleSource>>,
    /// `sys.argv`: the script as it was named, then the program's arguments. Empty means
    /// `[filename]`.
    pub argv: Vec<String>,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            mode: Mode::Gil,
            switch_interval: RuntimeConfig::DEFAULT_SWITCH_INTERVAL,
            filename: "<main>".into(),
            max_threads: RuntimeConfig::DEFAULT_MAX_THREADS,
            green: false,
            sources: None,
            argv: Vec::new(),
        }
    }
}

/// Runs a whole program; see [`RunOutput`]. Output reaches `sink` live, as it is printed.
pub fn run(source: &str, opts: RunOptions, sink: Arc<dyn OutputSink>) -> RunOutput {
    // The one place the builtins namespace is named: every module of the run is handed it.
    run::run(source, opts, sink, builtins::namespace())
}
