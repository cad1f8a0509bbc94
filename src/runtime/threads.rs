//! Starting OS threads (native) or Web Workers (browser) for Python threads.
//!
//! The runtime does not know how to start a thread on every platform: the web layer installs a
//! spawner that runs the closure on a Web Worker sharing the wasm memory. Natively the default
//! uses `std::thread` with a large stack, because the VM's Rust recursion grows with Python's.

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
            .spawn(f)
            .map(|_| ())
            .map_err(|e| SpawnError::Failed(e.to_string()))
    }
}

static SPAWNER: RwLock<Option<Arc<dyn Spawner>>> = RwLock::new(None);

/// Installs the process-wide spawner (the web layer calls this once at start-up).
pub fn set_spawner(s: Arc<dyn Spawner>) {
    *SPAWNER.write().unwrap_or_else(|e| e.into_inner()) = Some(s);
}

/// The installed spawner, or `StdSpawner`.
pub fn spawner() -> Arc<dyn Spawner> {
    SPAWNER.read().unwrap_or_else(|e| e.into_inner()).clone().unwrap_or_else(|| Arc::new(StdSpawner))
}
