//! The thread set: the Web Workers that run Python threads, one thread per worker at a time.
//!
//! Why this shape (docs/wasm-threads.md, "Running in the browser"):
//! * A blocked Python thread (sleep, join, lock) holds its worker, as an OS thread would, so
//!   every started thread needs a worker of its own; a fixed pool would serialize sleepers.
//! * A worker that creates a nested worker and then blocks deadlocks (the nested worker never
//!   starts). So no worker here creates workers: the spawning thread only *asks the page* for
//!   one (`postMessage` to its parent, which is the page for every worker we use) and goes on;
//!   the page's main thread, which never blocks, creates it with the module and the memory.
//! * Workers are kept and reused across runs: a cold worker costs tens of milliseconds to start,
//!   so the page has some started with the engine (`startThreadSet(warm)`; the number is
//!   `WARM_WORKERS` in www/threadlab.js) and a run's `start()` usually finds one idle.
//!
//! Tasks wait in a queue in shared memory; every worker loops in `thread_worker_main`: take a
//! task, run it, repeat. An idle worker waits on a condvar (blocking is allowed in a worker).

use crate::runtime::sync::lock;
use crate::runtime::{set_native_id, RuntimeConfig, SpawnError, Spawner};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use wasm_bindgen::prelude::*;

/// Most workers: one per Python thread alive at once, so the runtime's per-run thread limit.
/// Each worker costs a thread stack (`THREAD_STACK_BYTES`) and TLS in the shared memory, which
/// never shrinks.
pub const MAX_WORKERS: usize = RuntimeConfig::DEFAULT_MAX_THREADS;
/// Stack of each worker's Rust thread (wasm-bindgen's `thread_stack_size`; a multiple of 64 KiB).
pub const THREAD_STACK_BYTES: usize = 2 << 20;

type Task = Box<dyn FnOnce() + Send + 'static>;

struct Set {
    tasks: VecDeque<Task>,
    /// Workers asked of the page so far (started or not yet).
    workers: usize,
    /// Workers whose loop has begun.
    started: usize,
    /// Workers waiting for a task.
    idle: usize,
}

static SET: Mutex<Set> = Mutex::new(Set {
    tasks: VecDeque::new(),
    workers: 0,
    started: 0,
    idle: 0,
});
static WORK: Condvar = Condvar::new();

fn set() -> MutexGuard<'static, Set> {
    lock(&SET)
}

impl Set {
    /// Asks the page for workers when a queued task has none (idle or on its way), within
    /// MAX_WORKERS. Never waits: the page creates them when it gets the message.
    ///
    /// Asks ahead, doubling the set: threads come in groups (a loop of `start()`), and each
    /// `start()` waits for its thread to begin, so asking for one worker at a time would pay a
    /// worker's start-up (~45 ms) per thread, one after the other. Workers are kept, so the
    /// extra ones serve the next run.
    fn grow_for_queue(&mut self) {
        let pending = self.workers - self.started;
        let wanted = self.tasks.len().saturating_sub(self.idle + pending);
        if wanted == 0 {
            return;
        }
        let count = wanted.max(self.workers).min(MAX_WORKERS - self.workers);
        if count > 0 {
            self.workers += count;
            super::page::ask_for_workers(count);
        }
    }
}

/// Why threads cannot start on a page that is not cross-origin isolated (Python's message is
/// "RuntimeError: can't start new thread (WHY)").
const NOT_ISOLATED: &str = "this page is not cross-origin isolated, so Python threads get no Web Workers: \
serve it with the headers Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp";

/// Whether the thread set can share the engine's memory (set by `start`). Without it the
/// engine runs a program's threads as green threads on its own worker (`vm/green.rs`).
static ISOLATED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub(crate) fn isolated() -> bool {
    ISOLATED.load(std::sync::atomic::Ordering::SeqCst)
}

/// Runs Python threads on the thread set.
struct WebSpawner {
    isolated: bool,
}

/// Workers of the rayon pool that pool processes may take (0 until `enableProcessPool`), and
/// how many of them run one now. A pool process holds its rayon worker for its whole life
/// (it waits on the task queue between tasks), so at most `POOL_WORKERS` run there; the rest
/// go to the thread set.
static POOL_WORKERS: AtomicUsize = AtomicUsize::new(0);
static POOL_BUSY: AtomicUsize = AtomicUsize::new(0);

/// Lanes that ran on rayon worker k (0..) report `native_id` `POOL_NATIVE_ID_BASE + 1 + k`,
/// apart from the thread set's 1..=MAX_WORKERS and the engine worker's 0.
pub const POOL_NATIVE_ID_BASE: u64 = 1000;

/// Takes a rayon worker for a pool process if one is free.
fn take_pool_worker() -> bool {
    let size = POOL_WORKERS.load(Ordering::SeqCst);
    let mut busy = POOL_BUSY.load(Ordering::SeqCst);
    while busy < size {
        match POOL_BUSY.compare_exchange(busy, busy + 1, Ordering::SeqCst, Ordering::SeqCst) {
            Ok(_) => return true,
            Err(now) => busy = now,
        }
    }
    false
}

/// Lets pool processes run on the rayon pool (call after `initThreadPool` has resolved, from
/// the engine worker). Returns the pool's size.
#[wasm_bindgen(js_name = enableProcessPool)]
pub fn enable_process_pool() -> usize {
    let n = rayon::current_num_threads();
    POOL_WORKERS.store(n, Ordering::SeqCst);
    n
}

impl Spawner for WebSpawner {
    /// A process pool's worker runs on the rayon pool, sized to `navigator.hardwareConcurrency`
    /// as a real pool is sized to the cores; past that many at once (a pool bigger than the
    /// core count, two pools), on the thread set like any process.
    fn spawn_pool_process(&self, f: Task) -> Result<(), SpawnError> {
        if !self.isolated || !take_pool_worker() {
            return self.spawn(f);
        }
        rayon::spawn(move || {
            let k = rayon::current_thread_index().unwrap_or(0) as u64;
            set_native_id(POOL_NATIVE_ID_BASE + 1 + k);
            crate::runtime::stack::declare_stack(THREAD_STACK_BYTES);
            // This worker's parent is the engine worker, which is blocked in the run: its
            // messages (output, requests for thread-set workers) go to the page another way.
            super::page::posting_from_nested_worker();
            // Given back when the process's exit is published (`release_slot` in
            // multiprocessing.rs), so a pool started right after a join finds the worker free;
            // the next task waits in rayon's queue for the few drops left.
            crate::runtime::on_release(Box::new(|| {
                POOL_BUSY.fetch_sub(1, Ordering::SeqCst);
            }));
            f();
            crate::runtime::release_slot();
        });
        Ok(())
    }

    fn spawn(&self, f: Task) -> Result<(), SpawnError> {
        if !self.isolated {
            return Err(SpawnError::Failed(NOT_ISOLATED.into()));
        }
        // The run's thread limit is counted by `Runtime::spawn`, before this is called.
        let mut s = set();
        s.tasks.push_back(f);
        s.grow_for_queue();
        drop(s);
        WORK.notify_one();
        Ok(())
    }
}

/// Installs the web spawner and asks the page for the warm workers (once; later calls only
/// report). Returns how many workers have been asked for in all. Not `isolated`: the memory
/// cannot be shared, so no workers, and starting a thread fails with a message saying why.
pub(crate) fn start(warm: usize, isolated: bool) -> usize {
    ISOLATED.store(isolated, std::sync::atomic::Ordering::SeqCst);
    if let Some(n) = hardware_concurrency() {
        crate::runtime::set_cpu_count(n);
    }
    crate::runtime::set_spawner(Arc::new(WebSpawner { isolated }));
    if !isolated {
        return 0;
    }
    let mut s = set();
    let count = warm.min(MAX_WORKERS).saturating_sub(s.workers);
    if count > 0 {
        s.workers += count;
        super::page::ask_for_workers(count);
    }
    s.workers
}

/// `navigator.hardwareConcurrency` (a worker has a `navigator` too), what `os.cpu_count()` gives.
fn hardware_concurrency() -> Option<usize> {
    let nav = js_sys::Reflect::get(&js_sys::global(), &"navigator".into()).ok()?;
    let n = js_sys::Reflect::get(&nav, &"hardwareConcurrency".into()).ok()?.as_f64()?;
    (n >= 1.0).then_some(n as usize)
}

/// (workers asked for, workers started, idle workers).
pub(crate) fn counts() -> (usize, usize, usize) {
    let s = set();
    (s.workers, s.started, s.idle)
}

/// The body of a thread-set worker (www/thread-worker.js calls it once and it never returns):
/// take a task, run it, repeat. `worker_id` (1..) is the page's number for this worker; lanes
/// run here report it as their `native_id`.
#[wasm_bindgen(js_name = threadWorkerMain)]
pub fn thread_worker_main(worker_id: u32) {
    set_native_id(u64::from(worker_id));
    crate::runtime::stack::declare_stack(THREAD_STACK_BYTES);
    let mut s = set();
    s.started += 1;
    loop {
        s.idle += 1;
        while s.tasks.is_empty() {
            s = WORK.wait(s).unwrap_or_else(|e| e.into_inner());
        }
        s.idle -= 1;
        let task = s.tasks.pop_front().expect("a task");
        drop(s);
        task();
        s = set();
    }
}
