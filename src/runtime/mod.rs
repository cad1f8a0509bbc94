//! What sits under the VM: the clock, threads, the GIL and the timeline.
//!
//! # How the VM uses it
//!
//! * Main thread: `let rt = Runtime::new(cfg)` on the thread that runs the program. It is lane 0
//!   ("MainThread"), running from the epoch, and (mode `Gil`) already holds the GIL.
//! * `Thread.start()`: `let tid = rt.register_thread(name)` (lane appears, no spans yet), then
//!   `rt.spawn(Box::new(move || { rt.thread_begin(tid); /* run target */ rt.thread_end(tid); }))`.
//!   `Err(SpawnError::Limit)` -> `RuntimeError: can't start new thread`. Call `thread_end` on
//!   every exit path (normal, exception, `Interrupt`); it is safe without the GIL.
//! * Hot loop: at backward jumps and calls, `if rt.breaker() != 0 { rt.handle_eval_breaker(tid)? }`.
//! * Blocking builtins: `rt.sleep(tid, secs)?`; join/Lock/RLock/Event/Semaphore/Condition as
//!   `Mutex<State>` + `Condvar` waited on with `rt.wait_for(tid, State::BlockedLock, &m, &cv,
//!   timeout, |s| ...)` (the closure may take the resource, e.g. `if !s.locked { s.locked = true;
//!   true } else { false }`); whoever releases changes the state under `m` and notifies `cv`.
//!   Anything else that blocks: `rt.blocking(tid, state, || ...)`.
//! * `Err(Interrupt::Stop | Interrupt::Shutdown)`: unwind the Python thread without running more
//!   Python code (no `except`/`finally`), then `thread_end(tid)`. Python code cannot catch it.
//! * Never call into the runtime's waits (breaker, sleep, wait_for, blocking) while holding a
//!   VM-internal lock: a thread waiting for the GIL could need that lock.
//! * Program end: join non-daemon threads, `rt.shutdown_daemons()` from the main thread, then
//!   `rt.finish(error)`.

mod clock;
mod deadlock;
mod gil;
mod green;
pub mod json;
mod output;
mod registry;
pub mod report;
mod report_lanes;
mod runtime;
pub mod stack;
pub mod sync;
mod threads;
mod timeline;
pub use timeline::{TimelineCut, MAX_LANES, MAX_SPANS, MAX_TASKS};
pub use report_lanes::{GilSpan, ProcessReport, TaskReport};

pub use output::{NullSink, OutputCut, MAX_OUTPUT_BYTES, MAX_OUTPUT_PIECES};
pub use registry::stop_all_runs;
pub use deadlock::deadlock_text;
pub use report::{DeadlockReport, ErrorReport, OutputLine, Report, Span, State, ThreadReport};
pub use green::{Poll, Runner};
pub use runtime::{stop_requested, Runtime, RuntimeConfig, INTERRUPT_POLL_SECS};
pub use threads::{cpu_count, native_id, on_release, release_slot, set_cpu_count, set_native_id, set_spawner, SpawnError, Spawner, StdSpawner, NATIVE_STACK_BYTES};

/// A Python thread's lane index in the timeline; 0 is MainThread.
pub type Tid = usize;

/// `eval_breaker` bit: a thread waiting for the GIL asks the holder to drop it.
pub const BREAK_GIL_DROP: u32 = 1;
/// `eval_breaker` bit: the user pressed Stop (or a deadline passed); every thread unwinds.
pub const BREAK_STOP: u32 = 2;
/// `eval_breaker` bit: the program ended; every thread but the caller of `shutdown_daemons` unwinds.
pub const BREAK_SHUTDOWN: u32 = 4;

/// `eval_breaker` bit: green threads (`green.rs`): another thread is ready or parked, so the
/// holder's checks replay the GIL's timeouts.
pub const BREAK_GREEN: u32 = 8;
/// `eval_breaker` bit: a suspended generator was dropped and must be closed by the VM
/// (`vm/types/generator.rs`); the runtime ignores it.
pub const BREAK_FINALIZE: u32 = 16;
/// Green threads: the holder's eval-breaker checks between two `green_tick`s (one check costs
/// a few ns; a tick reads the clock: ~25 ns natively, a JS call in the browser).
pub const GREEN_TICK_EVERY: u32 = 64;

/// Why a runtime call asks the VM to unwind the current Python thread. Not a Python exception:
/// the VM must not let Python code catch it, and should run no more Python code on the way out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interrupt {
    /// The user pressed Stop.
    Stop,
    /// The program ended; daemon threads must exit.
    Shutdown,
    /// Green threads: this thread gives up the worker (a drop request, or it parked in a
    /// blocking call). Its frames stay as they are; the VM returns to its scheduler, which
    /// resumes them later. Never reaches Python code either.
    Switch,
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
    /// Text the program wrote to stderr (tracebacks), live. The report does not keep it (the VM
    /// does: `vm::RunOutput::stderr`); sinks that show only stdout can ignore it.
    fn write_stderr(&self, thread: &str, t_ms: f64, text: &str) {
        let _ = (thread, t_ms, text);
    }
}
