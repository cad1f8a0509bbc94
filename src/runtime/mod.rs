//! What sits under the VM: the clock, threads, the GIL and the timeline.

mod clock;
mod gil;
pub mod json;
mod output;
pub mod report;
mod runtime;
mod sync;
mod threads;
mod timeline;

pub use output::NullSink;
#[cfg(not(target_arch = "wasm32"))]
pub use output::StdoutSink;
pub use report::{ErrorReport, OutputLine, Report, Span, State, ThreadReport};
pub use runtime::{Runtime, RuntimeConfig, INTERRUPT_POLL_SECS};
pub use threads::{set_spawner, SpawnError, Spawner, StdSpawner, NATIVE_STACK_BYTES};

/// A Python thread's lane index in the timeline; 0 is MainThread.
pub type Tid = usize;

/// `eval_breaker` bit: a thread waiting for the GIL asks the holder to drop it.
pub const BREAK_GIL_DROP: u32 = 1;
/// `eval_breaker` bit: the user pressed Stop (or a deadline passed); every thread unwinds.
pub const BREAK_STOP: u32 = 2;
/// `eval_breaker` bit: the program ended; every thread but the caller of `shutdown_daemons` unwinds.
pub const BREAK_SHUTDOWN: u32 = 4;

/// Why a runtime call asks the VM to unwind the current Python thread. Not a Python exception:
/// the VM must not let Python code catch it, and should run no more Python code on the way out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interrupt {
    /// The user pressed Stop.
    Stop,
    /// The program ended; daemon threads must exit.
    Shutdown,
}

/// How a program's threads run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    /// `Thread.start()` runs the target to completion on the calling thread.
    Sequential,
    /// CPython's GIL protocol decides who runs.
    #[default]
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
