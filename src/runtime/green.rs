//! Green threads: every Python thread of a run on one OS thread (one Web Worker), switched by
//! the VM at its eval-breaker points under the GIL's rules. Used where threads cannot share
//! memory (a page that is not cross-origin isolated has exactly one worker per engine) and
//! natively behind `threadlab run --green`.
//!
//! # The protocol
//!
//! This is `gil.rs`'s protocol (CPython's `ceval_gil.c`) replayed by one scheduler instead of
//! by threads racing for a mutex. Nothing runs concurrently, so every decision a waiting thread
//! would take on its own (time out, set the drop request, wake on a notify) is taken here, by
//! the running thread's eval-breaker checks or by the scheduler when the GIL is free.
//!
//! * **One holder.** `Sched::holder` is the thread whose bytecode runs now; its lane alone is
//!   `running`, so no two running spans overlap.
//! * **Ready threads wait for the GIL** in `Sched::ready`, oldest first (a new thread, one
//!   woken from a wait, one that dropped the GIL on request). Each has `since_us`, when it began
//!   waiting; its lane is `waiting_gil` from then.
//! * **The switch interval is a timeout, not a time slice.** A ready thread would wait on the
//!   GIL's condvar for one interval at a time, and set the drop request when an interval ends
//!   with no switch during it. Replayed: its timeouts fall at `since + k * interval`, and the
//!   first one with no switch in the interval before it is the first at or after
//!   `last_switch + interval`. The earliest such instant over all ready threads is when the drop
//!   request is set (`drop_due`).
//! * **The holder notices at its next eval-breaker check.** While any other thread is ready or
//!   parked, the runtime keeps `BREAK_GREEN` set in `eval_breaker`, and every
//!   `GREEN_TICK_EVERY`-th check of the holder calls `green_tick` (the VM counts: a clock read
//!   costs far more than a check). It reads the clock, wakes parked threads whose deadline passed (their wait
//!   started at the deadline, as an OS wake-up would) and, at most every `POLL_US`, those whose
//!   condition came true; then it answers whether the drop request is due. If so the VM gives
//!   up the worker: it saves the thread's frames (or, inside Python code a builtin called,
//!   runs the others on top of them: see `vm/green.rs`) and the scheduler picks the next.
//! * **Forced switching.** The dropper joins the back of `ready`, so the thread that asked
//!   (older) takes the GIL first, and its own wait for the GIL (its interval timeouts) starts
//!   only when that thread has taken it, as a dropper waits for the switch before `take_gil`.
//! * **Blocking calls park the thread** (`green_park`): the GIL is released, the lane shows the
//!   wait's state (`sleeping`, `blocked_join`, `blocked_lock`), and the wait is a deadline plus
//!   a `Poll` closure that completes it (takes the lock, consumes the notification) and returns
//!   true when it is over. A poll is called with `timed_out` once the deadline has passed and
//!   must then finish the wait either way.
//! * **When the GIL is free** (`green_next`) the scheduler polls every parked thread and gives
//!   the GIL to the oldest ready thread that the caller may resume. If none is ready it waits on
//!   the runtime's wake condvar (which Stop notifies) until the earliest deadline, in slices of
//!   at most `IDLE_SLICE_SECS` so Stop is seen even without a notify.
//! * **Switch counting** as in `gil.rs`: the GIL passing to another thread than its last holder.
//!
//! The runtime knows nothing of Python: which threads exist, their frames, and which of them
//! may be resumed at a given moment (some are suspended inside Rust code below the caller) are
//! the VM's (`vm/green.rs`), passed in as a filter.

use super::report::State;
use super::runtime::Runtime;
use super::sync::{lock, wait_secs};
use super::{Interrupt, Tid, BREAK_GREEN};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};

/// How often a running thread polls the parked threads' conditions (deadlines are checked at
/// every clock read).
const POLL_US: f64 = 50.0;
/// The idle wait re-checks Stop at least this often.
const IDLE_SLICE_SECS: f64 = 0.1;

/// Completes a parked thread's wait: called with `timed_out` (the deadline has passed), returns
/// true when the wait is over (it must be over when `timed_out`).
pub type Poll = Box<dyn FnMut(bool) -> bool + Send>;

/// Runs the other threads until `tid` holds the GIL again: installed by the VM, called when a
/// thread must wait but its frames cannot be saved (it is inside Rust code).
pub type Runner = Box<dyn Fn(Tid) -> Result<(), Interrupt> + Send + Sync>;

struct Ready {
    tid: Tid,
    since_us: f64,
    /// Gave the GIL up on a drop request: its wait for the GIL begins only once another thread
    /// has taken it (forced switching), so `since_us` is reset then.
    forced: bool,
}

struct Parked {
    tid: Tid,
    deadline_us: Option<f64>,
    poll: Poll,
}

#[derive(Default)]
struct Sched {
    holder: Option<Tid>,
    last_holder: Option<Tid>,
    last_switch_us: f64,
    ready: Vec<Ready>,
    parked: Vec<Parked>,
    next_poll_us: f64,
}

#[derive(Default)]
pub(crate) struct Green {
    s: Mutex<Sched>,
    runner: OnceLock<Runner>,
    switches: AtomicU64,
}

impl Green {
    pub fn switches(&self) -> u64 {
        self.switches.load(Ordering::Relaxed)
    }
}

impl Runtime {
    /// Turns this run's threads into green threads (before any thread starts). The caller, the
    /// main thread, holds the GIL.
    pub fn start_green(&self, runner: Runner) {
        let g = self.green.get_or_init(Green::default);
        let _ = g.runner.set(runner);
        let mut s = lock(&g.s);
        s.holder = Some(0);
        s.last_holder = Some(0);
    }

    /// Whether this run's threads are green threads.
    #[inline]
    pub fn is_green(&self) -> bool {
        self.green.get().is_some()
    }

    fn green(&self) -> &Green {
        self.green.get().expect("green threads not started")
    }

    /// A new thread: ready, waiting for the GIL from now. Its lane is on this worker.
    pub fn green_start(&self, tid: Tid) {
        self.timeline.set_native_id(tid, super::threads::native_id());
        let now = self.now_us();
        let mut s = lock(&self.green().s);
        self.timeline.set_state(tid, State::WaitingGil, now);
        s.ready.push(Ready { tid, since_us: now, forced: false });
        self.green_breaker(&s);
    }

    /// The holder blocks: it releases the GIL and waits in lane `state` until `poll` says the
    /// wait is over (`timeout` seconds at most; None waits for `poll` alone).
    pub fn green_park(&self, tid: Tid, state: State, timeout: Option<f64>, poll: Poll) {
        let now = self.now_us();
        let deadline_us = timeout.map(|t| now + if t.is_finite() { t.max(0.0) * 1e6 } else { 1e18 });
        let mut s = lock(&self.green().s);
        if s.holder == Some(tid) {
            s.holder = None;
            self.note_gil_holder(None, now);
        }
        self.timeline.set_state(tid, state, now);
        s.parked.push(Parked { tid, deadline_us, poll });
        self.green_breaker(&s);
    }

    /// Removes `tid`'s wait if it is still parked (Stop ended the wait). The poll is dropped.
    pub fn green_unpark(&self, tid: Tid) {
        let mut s = lock(&self.green().s);
        s.parked.retain(|p| p.tid != tid);
        self.green_breaker(&s);
    }

    /// The holder gives the GIL up on a drop request and joins the back of the ready queue.
    /// A no-op if `tid` does not hold the GIL (it parked or ended).
    pub fn green_yield(&self, tid: Tid) {
        let now = self.now_us();
        let mut s = lock(&self.green().s);
        if s.holder != Some(tid) {
            return;
        }
        s.holder = None;
        self.note_gil_holder(None, now);
        self.timeline.set_state(tid, State::WaitingGil, now);
        s.ready.push(Ready { tid, since_us: now, forced: true });
        self.green_breaker(&s);
    }

    /// `tid` is gone (ended, or dropped at shutdown): out of every queue, lane `done`.
    pub(crate) fn green_end(&self, tid: Tid) {
        let now = self.now_us();
        let mut s = lock(&self.green().s);
        if s.holder == Some(tid) {
            s.holder = None;
            self.note_gil_holder(None, now);
        }
        s.ready.retain(|r| r.tid != tid);
        s.parked.retain(|p| p.tid != tid);
        self.timeline.set_state(tid, State::Done, now);
        self.green_breaker(&s);
    }

    /// The GIL is free: gives it to the oldest ready thread that `eligible` accepts and
    /// returns it. Waits (interruptibly) while none is ready.
    pub fn green_next(&self, eligible: &dyn Fn(Tid) -> bool) -> Result<Tid, Interrupt> {
        let g = self.green();
        loop {
            if self.is_stopped() {
                return Err(Interrupt::Stop);
            }
            let now = self.now_us();
            let mut s = lock(&g.s);
            debug_assert!(s.holder.is_none(), "green_next with the GIL held");
            self.poll_parked(&mut s, now, true);
            if let Some(i) = s.ready.iter().position(|r| eligible(r.tid)) {
                let tid = s.ready.remove(i).tid;
                s.holder = Some(tid);
                self.note_gil_holder(Some(tid), now);
                if s.last_holder != Some(tid) {
                    s.last_holder = Some(tid);
                    s.last_switch_us = now;
                    g.switches.fetch_add(1, Ordering::Relaxed);
                    for r in s.ready.iter_mut().filter(|r| r.forced) {
                        r.since_us = now;
                        r.forced = false;
                    }
                }
                self.timeline.set_state(tid, State::Running, now);
                self.green_breaker(&s);
                return Ok(tid);
            }
            if s.ready.is_empty() && !s.parked.is_empty() && s.parked.iter().all(|p| p.deadline_us.is_none()) {
                let parked: Vec<Tid> = s.parked.iter().map(|p| p.tid).collect();
                if self.all_live_in(&parked) {
                    drop(s);
                    self.green_deadlock(&parked);
                    continue;
                }
            }
            let earliest = s.parked.iter().filter_map(|p| p.deadline_us).fold(f64::INFINITY, f64::min);
            drop(s);
            let wait_us = (earliest - now).clamp(1.0, IDLE_SLICE_SECS * 1e6);
            let w = lock(&self.wake_mutex);
            if !self.is_stopped() {
                let _ = wait_secs(&self.wake_cond, w, wait_us / 1e6);
            }
        }
    }

    /// Called by the holder's eval-breaker check while `BREAK_GREEN` is set: true when the
    /// replayed drop request is due and the holder should give up the GIL.
    pub(crate) fn green_tick(&self, tid: Tid) -> bool {
        let g = self.green();
        let now = self.now_us();
        let mut s = lock(&g.s);
        if s.holder != Some(tid) {
            return false;
        }
        let full = now >= s.next_poll_us;
        self.poll_parked(&mut s, now, full);
        self.green_breaker(&s);
        self.drop_due(&s).is_some_and(|due| now >= due)
    }

    /// When the drop request would be set: the earliest time-out of a ready thread with no
    /// switch during the interval before it (see the protocol above).
    fn drop_due(&self, s: &Sched) -> Option<f64> {
        let interval = self.switch_interval() * 1e6;
        let not_before = s.last_switch_us + interval;
        s.ready
            .iter()
            .map(|r| {
                let k = ((not_before - r.since_us) / interval).ceil().max(1.0);
                r.since_us + k * interval
            })
            .reduce(f64::min)
    }

    /// Moves parked threads whose wait is over to the ready queue: those past their deadline
    /// always, the others only on a `full` poll.
    fn poll_parked(&self, s: &mut Sched, now: f64, full: bool) {
        if full {
            s.next_poll_us = now + POLL_US;
        }
        let mut i = 0;
        while i < s.parked.len() {
            let p = &mut s.parked[i];
            let timed_out = p.deadline_us.is_some_and(|d| now >= d);
            if (timed_out || full) && (p.poll)(timed_out) {
                let p = s.parked.remove(i);
                self.clear_wait_note(p.tid);
                // A deadline wakes the thread at the deadline, as the OS would have.
                let since_us = match p.deadline_us {
                    Some(d) if timed_out => d.min(now),
                    _ => now,
                };
                self.timeline.set_state(p.tid, State::WaitingGil, since_us);
                let at = s.ready.iter().position(|r| r.since_us > since_us).unwrap_or(s.ready.len());
                s.ready.insert(at, Ready { tid: p.tid, since_us, forced: false });
            } else {
                i += 1;
            }
        }
    }

    /// `BREAK_GREEN` is set exactly while another thread is ready or parked.
    fn green_breaker(&self, s: &Sched) {
        if s.ready.is_empty() && s.parked.is_empty() {
            self.eval_breaker.fetch_and(!BREAK_GREEN, Ordering::Relaxed);
        } else {
            self.eval_breaker.fetch_or(BREAK_GREEN, Ordering::Relaxed);
        }
    }

    /// A thread that cannot save its frames waits: parks with `poll` (borrowed from the
    /// caller's stack) and runs the other threads until it holds the GIL again.
    pub(crate) fn green_wait_here(
        &self,
        tid: Tid,
        state: State,
        timeout: Option<f64>,
        poll: &mut dyn FnMut(bool) -> bool,
    ) -> Result<(), Interrupt> {
        // SAFETY: the parked entry holding this pointer is removed before this function
        // returns (the poll returned true and `green_next` took the entry out, or
        // `green_unpark` below), so the borrowed closure outlives every call through it; all
        // calls happen on this OS thread, the only one a green run uses (hence `Send`).
        struct Borrowed(*mut (dyn FnMut(bool) -> bool + 'static));
        unsafe impl Send for Borrowed {}
        impl Borrowed {
            fn call(&self, timed_out: bool) -> bool {
                unsafe { (*self.0)(timed_out) }
            }
        }
        let ptr: *mut (dyn FnMut(bool) -> bool + '_) = poll;
        let b = Borrowed(unsafe { std::mem::transmute::<_, *mut (dyn FnMut(bool) -> bool + 'static)>(ptr) });
        self.green_park(tid, state, timeout, Box::new(move |t| b.call(t)));
        let r = self.green_run_until(tid);
        if r.is_err() {
            self.green_unpark(tid);
        }
        r
    }

    /// The holder yields on a drop request without saving its frames: runs the others until
    /// it holds the GIL again.
    pub(crate) fn green_yield_here(&self, tid: Tid) -> Result<(), Interrupt> {
        self.green_yield(tid);
        self.green_run_until(tid)
    }

    fn green_run_until(&self, tid: Tid) -> Result<(), Interrupt> {
        match self.green().runner.get() {
            Some(run) => run(tid),
            None => Err(Interrupt::Stop),
        }
    }
}
