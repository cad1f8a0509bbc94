//! What sits under the VM: the clock, threads, the GIL and the timeline.

pub mod report;

pub use report::{ErrorReport, OutputLine, Report, Span, State, ThreadReport};

/// How a program's threads run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `Thread.start()` runs the target to completion on the calling thread.
    Sequential,
    /// CPython's GIL protocol decides who runs.
    Gil,
    /// No GIL: threads run in parallel.
    Free,
}

impl Mode {
    pub fn parse(s: &str) -> Option<Mode> {
        match s {
            "sequential" => Some(Mode::Sequential),
            "gil" => Some(Mode::Gil),
            "free" | "free-threaded" => Some(Mode::Free),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Sequential => "sequential",
            Mode::Gil => "gil",
            Mode::Free => "free",
        }
    }
}

/// Where printed text goes while the program runs (the report keeps a copy too).
pub trait OutputSink: Send + Sync {
    fn write(&self, thread: &str, t_ms: f64, text: &str);
}
