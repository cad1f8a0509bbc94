//! Naming deadlocks: when every live thread of a run is blocked in a wait with no timeout, no
//! thread can ever wake another, so the run ends with a report of who waits for what.
//!
//! Real threads (`wait_for` with no timeout) register while they wait. Each waiter, each time
//! its wait's condition is re-checked and found false, records the registry's generation it
//! read *before* that check. Every registration and unregistration bumps the generation. So
//! "every live lane is registered and each checked at the current generation" means every
//! waiter saw its condition false after the last thread began waiting: a thread that freed a
//! lock and then began waiting itself bumped the generation after the release, and the lock's
//! waiter must check again (and finds it free) before a deadlock can be declared.
//!
//! Green threads: the scheduler sees it directly: no thread ready, every parked thread parked
//! with no deadline, just after a full poll found none of them done.
//!
//! The VM describes each wait (`describe_wait`: "Lock at line 4, held by MainThread") for the
//! report; the description is dropped when the wait ends.

use super::report::{DeadlockReport, State};
use super::runtime::Runtime;
use super::sync::lock;
use super::Tid;
use std::collections::HashMap;


/// `Waits::stuck` of a lane waiting on a thread that runs nested on its own OS thread.
const NESTED: u64 = u64::MAX;

#[derive(Default)]
pub(crate) struct Waits {
    gen: u64,
    /// Lanes in an untimed wait, with the generation of their latest failed check.
    stuck: HashMap<Tid, u64>,
    /// What the VM said a lane waits for.
    notes: HashMap<Tid, String>,
    /// Threads between `thread_exiting(true)` and `(false)`.
    exiting: usize,
}

impl Runtime {
    /// What lane `tid` is about to wait for, for a deadlock report (cleared when the wait ends).
    pub fn describe_wait(&self, tid: Tid, what: String) {
        lock(&self.waits).notes.insert(tid, what);
    }

    /// A thread begins (true) or has finished (false) its exit: its lane turns done before
    /// it wakes its joiners, so no deadlock is declared in between.
    pub fn thread_exiting(&self, begins: bool) {
        let mut w = lock(&self.waits);
        w.gen += 1;
        if begins {
            w.exiting += 1;
        } else {
            w.exiting -= 1;
        }
    }

    /// The generation a waiter reads before re-checking its condition.
    pub(crate) fn wait_generation(&self) -> u64 {
        lock(&self.waits).gen
    }

    /// Lane `tid` begins (true) or ends (false) a wait with no timeout.
    pub(crate) fn set_stuck(&self, tid: Tid, stuck: bool) {
        let mut w = lock(&self.waits);
        w.gen += 1;
        if stuck {
            w.stuck.insert(tid, 0);
        } else {
            w.stuck.remove(&tid);
            w.notes.remove(&tid);
        }
    }

    /// Sequential mode: lane `tid` runs another thread's target on its own OS thread and waits
    /// for it (true), or is back (false). It counts as stuck without re-checking.
    pub(crate) fn set_waiting_on_nested(&self, tid: Tid, waiting: bool) {
        let mut w = lock(&self.waits);
        w.gen += 1;
        if waiting {
            w.stuck.insert(tid, NESTED);
        } else {
            w.stuck.remove(&tid);
            w.notes.remove(&tid);
        }
    }

    /// A lane's wait is over (or never began).
    pub(crate) fn clear_wait_note(&self, tid: Tid) {
        lock(&self.waits).notes.remove(&tid);
    }

    /// A waiter in an untimed wait found its condition false, having read generation `seen`
    /// before the check. Declares the deadlock (and stops the run) if every live lane is
    /// stuck and checked at the current generation; returns whether it did.
    pub(crate) fn check_deadlock(&self, tid: Tid, seen: u64) -> bool {
        let mut w = lock(&self.waits);
        match w.stuck.get_mut(&tid) {
            Some(checked) => *checked = seen,
            None => return false,
        }
        let gen = w.gen;
        // Every live lane stuck and checked since the last change, and none about to begin.
        let (unbegun, live) = self.timeline.counts();
        if unbegun > 0 || w.exiting > 0 || w.stuck.len() != live || !w.stuck.values().all(|&c| c == gen || c == NESTED) {
            return false;
        }
        let mut blocked: Vec<Tid> = w.stuck.keys().copied().collect();
        blocked.sort_unstable();
        let report = self.deadlock_report(&w, &blocked);
        drop(w);
        self.declare_deadlock(report)
    }

    /// Whether every lane that has begun and not ended is one of `tids` (none is about to begin).
    pub(crate) fn all_live_in(&self, tids: &[Tid]) -> bool {
        let (unbegun, live) = self.timeline.counts();
        unbegun == 0 && live == tids.len()
    }

    /// Green threads: every lane in `parked` waits with no deadline and none is ready.
    pub(crate) fn green_deadlock(&self, parked: &[Tid]) -> bool {
        let mut parked = parked.to_vec();
        parked.sort_unstable();
        let w = lock(&self.waits);
        let report = self.deadlock_report(&w, &parked);
        drop(w);
        self.declare_deadlock(report)
    }

    fn deadlock_report(&self, w: &Waits, blocked: &[Tid]) -> DeadlockReport {
        let threads = blocked
            .iter()
            .map(|&t| {
                let what = w.notes.get(&t).cloned().unwrap_or_else(|| match self.timeline.state(t) {
                    Some(State::BlockedJoin) => "a thread to finish".to_string(),
                    _ => "a lock".to_string(),
                });
                (self.timeline.name(t), what)
            })
            .collect();
        DeadlockReport { t_ms: self.now_us() / 1000.0, threads }
    }

    fn declare_deadlock(&self, report: DeadlockReport) -> bool {
        if self.deadlock.set(report).is_ok() {
            self.request_stop();
        }
        true
    }

    /// The deadlock that ended the run, if one did.
    pub fn deadlock(&self) -> Option<&DeadlockReport> {
        self.deadlock.get()
    }
}

/// Lines for stderr: one per blocked thread.
pub fn deadlock_text(d: &DeadlockReport) -> String {
    d.threads.iter().map(|(name, what)| format!("deadlock: {} waits for {}\n", name, what)).collect()
}

