//! The GIL, modelled on CPython's `Python/ceval_gil.c` (3.2 and later).
//!
//! # The protocol
//!
//! One lock (`GilState::locked`, guarded by `Gil::state` and signalled through `Gil::cond`)
//! says who may run bytecode. A thread runs bytecode only while it holds it.
//!
//! * **The switch interval is a timeout, not a time slice.** A thread that wants the GIL waits on
//!   `cond` for at most one interval. If the interval passed *and no switch happened meanwhile*
//!   (`switch_number` unchanged: someone else may have got and released the GIL while we waited,
//!   which means nobody is hogging it), the waiter sets the drop request: the `BREAK_GIL_DROP`
//!   bit of the runtime's `eval_breaker`. Then it waits again.
//! * **The holder notices at its next check.** The VM polls `eval_breaker` at backward jumps
//!   and calls (one relaxed load). A non-zero value sends it to `handle_eval_breaker`, which
//!   drops the GIL (signalling `cond`, which wakes one waiter) and then takes it back like any
//!   waiter.
//! * **Forced switching (CPython's `FORCE_SWITCHING`).** Without it the dropper, still hot on a
//!   CPU, usually wins the lock straight back before the woken waiter is scheduled. So a thread
//!   that drops because of a drop request first clears the request and then waits on
//!   `switch_cond` until `last_holder` is someone else, i.e. another thread has actually taken
//!   the GIL. Only then does it compete again. `take` signals `switch_cond` under `switch_mutex`
//!   after updating `last_holder`; `drop` checks `last_holder` under the same mutex before
//!   waiting, so the signal cannot be missed.
//! * **Who clears the drop request.** The dropper clears it before its forced-switching wait (as
//!   `drop_gil` does), and a thread that has just taken the GIL clears a request still pending
//!   (as `take_gil` does): the request has been served.
//! * **Switch counting.** `switch_number` counts the times the GIL passes to a different thread
//!   than its last holder; it is both the waiters' "did a switch happen?" test and the report's
//!   `gil_switches`.
//! * **Blocking calls** (`sleep`, join, lock and event waits) drop the GIL for as long as they
//!   block and take it back afterwards. Like CPython's `PyEval_SaveThread`, a blocking drop with
//!   a drop request pending also waits for the switch; a thread's final drop (`thread_end`) does
//!   not.
//!
//! # What we add to CPython's protocol
//!
//! * **Stop and Shutdown.** CPython never has to abandon a GIL wait; we do (the Stop button,
//!   daemon threads at program end). Every wait here (`cond`, `switch_cond`) re-checks the
//!   interrupt bits after each wake-up, and `request_stop`/`shutdown_daemons` notify both
//!   condvars. An interrupted `take` returns `Err` *without* the GIL: nothing ever waits for
//!   the GIL after an interrupt, so no thread can deadlock on it, and the interrupted thread
//!   unwinds (running no more Python code) without it. `drop` by a thread that does not hold
//!   the GIL is a no-op, so unwinding can call `thread_end` unconditionally.
//! * **The forced-switching wait gives up** if no thread is waiting for the GIL any more (the
//!   waiter that asked was interrupted), instead of waiting for a switch that cannot happen.
//! * **Timeline.** Lane state changes that bracket holding the GIL are timestamped inside the
//!   GIL's mutex, so two lanes' `running` spans never overlap in `Gil` mode.
//!
//! In `Free` and `Sequential` modes there is no GIL: take and drop only record lane states, and
//! the drop bit is never set.

use super::report::State;
use super::runtime::Runtime;
use super::sync::{lock, wait_secs};
use super::{Interrupt, Mode, Tid, BREAK_GIL_DROP};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

const NO_THREAD: usize = usize::MAX;

/// How long a forced-switching wait sleeps before re-checking interrupts and waiters.
const SWITCH_WAIT_SLICE_SECS: f64 = 0.020;

pub(crate) struct GilState {
    locked: bool,
    holder: Option<Tid>,
    switch_number: u64,
}

pub(crate) struct Gil {
    state: Mutex<GilState>,
    /// Signalled when the GIL is dropped (one waiter) or an interrupt arrives (all).
    cond: Condvar,
    /// FORCE_SWITCHING: `last_holder` changes only with this mutex held; `switch_cond` is
    /// signalled each time the GIL is taken.
    switch_mutex: Mutex<()>,
    switch_cond: Condvar,
    last_holder: AtomicUsize,
    /// Threads inside `take` waiting for the GIL.
    waiters: AtomicUsize,
    /// Mirror of `switch_number`, readable without the lock.
    switches: AtomicU64,
}

impl Gil {
    /// A GIL already held by `holder` (the main thread holds it from the start of a run).
    pub fn new(holder: Option<Tid>) -> Gil {
        Gil {
            state: Mutex::new(GilState { locked: holder.is_some(), holder, switch_number: 0 }),
            cond: Condvar::new(),
            switch_mutex: Mutex::new(()),
            switch_cond: Condvar::new(),
            last_holder: AtomicUsize::new(holder.unwrap_or(NO_THREAD)),
            waiters: AtomicUsize::new(0),
            switches: AtomicU64::new(0),
        }
    }

    pub fn switches(&self) -> u64 {
        self.switches.load(Ordering::Relaxed)
    }

    pub fn holder(&self) -> Option<Tid> {
        lock(&self.state).holder
    }

    /// Wakes every thread waiting in `take` or in a forced-switching wait, so it re-checks
    /// the interrupt bits.
    pub fn wake_all(&self) {
        {
            let _g = lock(&self.state);
            self.cond.notify_all();
        }
        let _s = lock(&self.switch_mutex);
        self.switch_cond.notify_all();
    }
}

impl Runtime {
    /// Takes the GIL for `tid` (waiting as the protocol above says); the lane is `waiting_gil`
    /// while it waits and `running` once it holds it. On Stop/Shutdown returns the interrupt
    /// without the GIL (the lane is marked `running`: the thread is unwinding).
    pub fn gil_take(&self, tid: Tid) -> Result<(), Interrupt> {
        if self.mode != Mode::Gil {
            self.set_lane(tid, State::Running);
            return Ok(());
        }
        let gil = &self.gil;
        let mut g = lock(&gil.state);
        if g.locked {
            if g.holder == Some(tid) {
                return Ok(());
            }
            self.set_lane(tid, State::WaitingGil);
            gil.waiters.fetch_add(1, Ordering::SeqCst);
            while g.locked {
                if let Some(i) = self.interrupt_for() {
                    gil.waiters.fetch_sub(1, Ordering::SeqCst);
                    drop(g);
                    self.set_lane(tid, State::Running);
                    return Err(i);
                }
                let saved_switch_number = g.switch_number;
                let (g2, timed_out) = wait_secs(&gil.cond, g, self.switch_interval());
                g = g2;
                // Timed out and nobody switched meanwhile: the holder is hogging the GIL.
                if timed_out && g.locked && g.switch_number == saved_switch_number {
                    self.eval_breaker.fetch_or(BREAK_GIL_DROP, Ordering::Relaxed);
                }
            }
            gil.waiters.fetch_sub(1, Ordering::SeqCst);
        }
        let now;
        {
            // last_holder changes only under switch_mutex (see drop's forced-switching wait).
            let _s = lock(&gil.switch_mutex);
            g.locked = true;
            g.holder = Some(tid);
            // One instant for the GIL row and the lane, so they agree even if this thread is
            // descheduled in between.
            now = self.now_us();
            self.note_gil_holder(Some(tid), now);
            if gil.last_holder.load(Ordering::Relaxed) != tid {
                gil.last_holder.store(tid, Ordering::Relaxed);
                g.switch_number += 1;
                gil.switches.store(g.switch_number, Ordering::Relaxed);
            }
            gil.switch_cond.notify_all();
        }
        // A pending drop request has been served by this switch.
        if self.breaker() & BREAK_GIL_DROP != 0 {
            self.eval_breaker.fetch_and(!BREAK_GIL_DROP, Ordering::Relaxed);
        }
        self.timeline.set_state(tid, State::Running, now);
        Ok(())
    }

    /// Drops the GIL held by `tid` and puts its lane in `next`. With `forced_switch` and a drop
    /// request pending, waits until another thread has taken the GIL (FORCE_SWITCHING).
    /// A no-op on the GIL (the lane still changes) if `tid` does not hold it.
    pub fn gil_drop(&self, tid: Tid, next: State, forced_switch: bool) {
        if self.mode != Mode::Gil {
            self.set_lane(tid, next);
            return;
        }
        let gil = &self.gil;
        {
            let mut g = lock(&gil.state);
            let now = self.now_us();
            self.timeline.set_state(tid, next, now);
            if g.holder != Some(tid) {
                return;
            }
            g.locked = false;
            g.holder = None;
            self.note_gil_holder(None, now);
            gil.cond.notify_one();
        }
        if forced_switch && self.breaker() & BREAK_GIL_DROP != 0 {
            let mut s = lock(&gil.switch_mutex);
            if gil.last_holder.load(Ordering::Relaxed) == tid {
                self.eval_breaker.fetch_and(!BREAK_GIL_DROP, Ordering::Relaxed);
                while gil.last_holder.load(Ordering::Relaxed) == tid
                    && gil.waiters.load(Ordering::SeqCst) > 0
                    && self.interrupt_for().is_none()
                {
                    s = wait_secs(&gil.switch_cond, s, SWITCH_WAIT_SLICE_SECS).0;
                }
            }
        }
    }

    /// Whether `tid` holds the GIL now (always false outside `Gil` mode).
    pub fn holds_gil(&self, tid: Tid) -> bool {
        self.mode == Mode::Gil && self.gil.holder() == Some(tid)
    }
}
