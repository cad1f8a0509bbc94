//! Per-run thread bookkeeping (CPython's `_active`, `_limbo`, `_counter` and `_main_thread`):
//! which Thread objects are alive, which one runs on which lane, and the `Thread-N` counter.
//!
//! Lives in `Interp::ext::<Registry>()`, so every run starts from `Thread-1` and an empty table.

use super::thread::ThreadCore;
use crate::runtime::Tid;
use crate::vm::sync::lock;
use crate::vm::value::Value;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

#[derive(Default)]
pub struct Registry {
    /// `Thread-N`: N counts every Thread created without a name, from 1 per run.
    counter: AtomicUsize,
    /// Started threads that have not finished, in start order (`_limbo` + `_active`).
    active: Mutex<Vec<Entry>>,
    /// The `_MainThread` object, made when the module is imported.
    pub main: OnceLock<(Value, Arc<ThreadCore>)>,
}

#[derive(Clone)]
pub struct Entry {
    pub tid: Tid,
    pub obj: Value,
    pub core: Arc<ThreadCore>,
}

impl Registry {
    /// The next `Thread-N` number.
    pub fn next_number(&self) -> usize {
        self.counter.fetch_add(1, Ordering::Relaxed) + 1
    }

    pub fn add(&self, e: Entry) {
        lock(&self.active).push(e);
    }

    pub fn remove(&self, tid: Tid) {
        let removed = {
            let mut a = lock(&self.active);
            a.iter().position(|e| e.tid == tid).map(|i| a.remove(i))
        };
        // Dropped outside the lock: the Thread object's last reference may go with it.
        drop(removed);
    }

    /// The Thread object running on lane `tid`, if it is a started, unfinished thread or main.
    pub fn by_tid(&self, tid: Tid) -> Option<Entry> {
        if tid == 0 {
            return self.main.get().map(|(obj, core)| Entry { tid: 0, obj: obj.clone(), core: core.clone() });
        }
        lock(&self.active).iter().find(|e| e.tid == tid).cloned()
    }

    /// Main (if made) followed by the live threads in start order: `threading.enumerate()`.
    pub fn alive(&self) -> Vec<Entry> {
        let mut out: Vec<Entry> = self.by_tid(0).into_iter().collect();
        out.extend(lock(&self.active).iter().cloned());
        out
    }

    /// Live non-daemon threads (what interpreter exit waits for).
    pub fn non_daemon(&self) -> Vec<Entry> {
        lock(&self.active).iter().filter(|e| !e.core.is_daemon()).cloned().collect()
    }
}

/// What `get_ident()` returns for lane `tid`. CPython's ident is the pthread handle, an address
/// near the top of the address space with each thread's stack 8 MiB + a guard page below the
/// previous one; we derive a look-alike from the lane so it is stable and unique within a run.
pub fn ident_for(tid: Tid) -> i64 {
    const MAIN: i64 = 0x7f3a_8c1e_5740;
    const STACK_STRIDE: i64 = 0x80_1000;
    MAIN - (tid as i64) * STACK_STRIDE
}

/// What `get_native_id()` returns for lane `tid`: Linux numbers a process's threads after its
/// pid, so pid + lane is the usual picture.
pub fn native_id_for(tid: Tid) -> i64 {
    #[cfg(not(target_arch = "wasm32"))]
    let pid = std::process::id() as i64;
    #[cfg(target_arch = "wasm32")]
    let pid = 1000;
    pid + tid as i64
}
