//! The virtual machine: values, the dispatch loop and the builtins.

pub mod format;

use crate::runtime::{Mode, OutputSink, Report};
use std::sync::Arc;

#[derive(Clone, Debug)]
pub struct RunOptions {
    pub mode: Mode,
    /// Seconds; CPython's default is 0.005. `sys.setswitchinterval()` can change it at run time.
    pub switch_interval: f64,
    /// Shown in tracebacks (`File "NAME", line N`).
    pub filename: String,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions { mode: Mode::Gil, switch_interval: 0.005, filename: "<main>".into() }
    }
}

/// Runs a whole program and returns its report. Output reaches `sink` live, as it is printed.
/// Stub until the interpreter lands.
pub fn run_program(source: &str, opts: RunOptions, sink: Arc<dyn OutputSink>) -> Report {
    let _ = (source, opts, sink);
    unimplemented!("the interpreter is not built yet")
}
