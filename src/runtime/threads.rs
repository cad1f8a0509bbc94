//! Starting OS threads (native) or Web Workers (browser) for Python threads.
//!
//! The runtime does not know how to start a thread on every platform: the web layer installs a
//! spawner that runs the closure on a Web Worker sharing the wasm memory. Natively the default
//! uses `std::thread` with a large stack, because the VM's Rust recursion grows with Python's.

use super::sync::{read, write};
use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

/// Why a thread could not be started.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpawnError {
    /// The run's `max_threads` live threads already exist ("RuntimeError: can't start new thread").
    Limit,
    /// The platform refused (message for the error report).
    Failed(String),
}

pub trait Spawner: Send + Sync {
    fn spawn(&self, f: Box<dyn FnOnce() + Send + 'static>) -> Result<(), SpawnError>;

    /// A process pool's worker process (it lives until the pool ends). The web spawner runs it
    /// on the rayon pool, sized to the cores; by default it is started like a thread.
    fn spawn_pool_process(&self, f: Box<dyn FnOnce() + Send + 'static>) -> Result<(), SpawnError> {
        self.spawn(f)
    }
}

/// Logical CPUs reported to Python (`os.cpu_count()`); 0 until a platform layer sets it.
static CPU_COUNT: AtomicU64 = AtomicU64::new(0);

/// Sets what `cpu_count` reports (the web layer: `navigator.hardwareConcurrency`).
pub fn set_cpu_count(n: usize) {
    CPU_COUNT.store(n as u64, Ordering::Relaxed);
}

/// The machine's logical CPUs: as set by `set_cpu_count`, else as Rust sees them (1 where it
/// cannot tell).
pub fn cpu_count() -> usize {
    match CPU_COUNT.load(Ordering::Relaxed) {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n as usize,
    }
}

/// Stack size of a native Python thread: deep Python recursion must not overflow it first.
pub const NATIVE_STACK_BYTES: usize = 64 << 20;

/// `std::thread` with a `NATIVE_STACK_BYTES` stack.
pub struct StdSpawner;

impl Spawner for StdSpawner {
    fn spawn(&self, f: Box<dyn FnOnce() + Send + 'static>) -> Result<(), SpawnError> {
        std::thread::Builder::new()
            .name("threadlab-py".into())
            .stack_size(NATIVE_STACK_BYTES)
            .spawn(move || {
                super::stack::declare_stack(NATIVE_STACK_BYTES);
                f()
            })
            .map(|_| ())
            .map_err(|e| SpawnError::Failed(e.to_string()))
    }
}

static SPAWNER: RwLock<Option<Arc<dyn Spawner>>> = RwLock::new(None);

/// Installs the process-wide spawner (the web layer calls this once at start-up).
pub fn set_spawner(s: Arc<dyn Spawner>) {
    *write(&SPAWNER) = Some(s);
}

/// The installed spawner, or `StdSpawner`.
pub fn spawner() -> Arc<dyn Spawner> {
    read(&SPAWNER).clone().unwrap_or_else(|| Arc::new(StdSpawner))
}

thread_local! {
    /// Set by a spawner for the task running on this thread: gives the thread's slot back
    /// (the web spawner's rayon worker) once the task's outcome is published.
    static RELEASE: std::cell::RefCell<Option<Box<dyn FnOnce()>>> = const { std::cell::RefCell::new(None) };
}

/// A spawner's hook for the task about to run on this thread (see `release_slot`).
pub fn on_release(f: Box<dyn FnOnce()>) {
    RELEASE.with(|r| *r.borrow_mut() = Some(f));
}

/// The task on this thread is as good as done (its waiters are about to be told): a spawner
/// that counts its workers may hand this one out again. Runs the hook once; later calls, and
/// threads without one, do nothing.
pub fn release_slot() {
    if let Some(f) = RELEASE.with(|r| r.borrow_mut().take()) {
        f();
    }
}

thread_local! {
    /// Which OS thread or Web Worker this is, for the report's per-lane `native_id`.
    static NATIVE_ID: Cell<Option<u64>> = const { Cell::new(None) };
}

/// Ids handed out to threads that never called `set_native_id` (native OS threads).
static NEXT_NATIVE_ID: AtomicU64 = AtomicU64::new(1);

/// Names the calling thread for `native_id` (the web layer: 0 for the engine worker, 1.. for
/// the workers of the thread set, as the page numbers them).
pub fn set_native_id(id: u64) {
    NATIVE_ID.with(|c| c.set(Some(id)));
}

/// The calling thread's id: set by `set_native_id`, or else a process-wide counter's next value
/// (fixed for the thread's life). Lanes run on the same thread iff they have the same id.
pub fn native_id() -> u64 {
    NATIVE_ID.with(|c| match c.get() {
        Some(id) => id,
        None => {
            let id = NEXT_NATIVE_ID.fetch_add(1, Ordering::Relaxed);
            c.set(Some(id));
            id
        }
    })
}
