//! `Runtime`: one per program run, shared as `Arc<Runtime>` by all of the run's threads. Ties
//! the clock, the timeline, the GIL, output capture and thread spawning together.

use super::clock::Clock;
use super::gil::Gil;
use super::green::Green;
use super::output::Output;
use super::report::{ErrorReport, Report, State};
use super::report_lanes::ProcessReport;
use super::sync::{lock, wait_secs};
use super::threads::{native_id, spawner, SpawnError};
use super::timeline::Timeline;
use super::{Interrupt, Mode, OutputSink, Tid, BREAK_GIL_DROP, BREAK_GREEN, BREAK_SHUTDOWN, BREAK_STOP};
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::thread::ThreadId;

/// Blocked threads re-check Stop/Shutdown at least this often even if nobody notifies them.
pub const INTERRUPT_POLL_SECS: f64 = 0.020;

pub struct RuntimeConfig {
    pub mode: Mode,
    /// Seconds (CPython's default is 0.005).
    pub switch_interval: f64,
    /// Live threads besides the main thread; `spawn` past it fails with `SpawnError::Limit`.
    pub max_threads: usize,
    pub sink: Arc<dyn OutputSink>,
}

impl RuntimeConfig {
    pub const DEFAULT_SWITCH_INTERVAL: f64 = 0.005;
    /// The per-run thread limit, natively and in the browser (where each live thread holds a
    /// Web Worker of its own, so `web/threads.rs` sizes the worker set by this). The one
    /// definition of the limit; a run may ask for fewer (`RunOptions::max_threads`).
    pub const DEFAULT_MAX_THREADS: usize = 64;

    /// CPython's defaults for everything but the mode and the sink.
    pub fn new(mode: Mode, sink: Arc<dyn OutputSink>) -> RuntimeConfig {
        RuntimeConfig {
            mode,
            switch_interval: Self::DEFAULT_SWITCH_INTERVAL,
            max_threads: Self::DEFAULT_MAX_THREADS,
            sink,
        }
    }
}

pub struct Runtime {
    pub mode: Mode,
    /// Non-zero when a running thread must leave the fast path: `BREAK_*` bits.
    pub eval_breaker: AtomicU32,
    clock: Clock,
    pub(super) timeline: Timeline,
    output: Output,
    pub(crate) gil: Gil,
    switch_interval_bits: AtomicU64,
    max_threads: usize,
    live_threads: Arc<AtomicUsize>,
    /// The OS thread that called `shutdown_daemons`: exempt from Shutdown.
    shutdown_exempt: Mutex<Option<ThreadId>>,
    /// Sleepers wait here, so Stop/Shutdown wakes them at once.
    pub(super) wake_mutex: Mutex<()>,
    pub(super) wake_cond: Condvar,
    /// Set when the run's threads are green threads (`green.rs`).
    pub(super) green: OnceLock<Green>,
    /// Set by `finish`: `stop_all_runs` skips runs that have already reported.
    finished: AtomicBool,
    /// Set with `BREAK_STOP`, shared with the run's threads' `CURRENT_STOP` so long builtins
    /// without a `Runtime` at hand (big-int arithmetic) can give up (`stop_requested`).
    stop_flag: Arc<AtomicBool>,
    /// Untimed waits, for naming a deadlock (`deadlock.rs`).
    pub(super) waits: Mutex<super::deadlock::Waits>,
    pub(super) deadlock: OnceLock<super::report::DeadlockReport>,
}

thread_local! {
    /// The lane this OS thread runs now, to name the thread of stderr text (which the VM writes
    /// without a Tid). Set by `Runtime::new` and `thread_begin`, back to 0 by `thread_end`.
    static CURRENT_LANE: Cell<Tid> = const { Cell::new(0) };
    /// The stop flag of the run this OS thread works for (set with `CURRENT_LANE`).
    static CURRENT_STOP: std::cell::RefCell<Option<Arc<AtomicBool>>> = const { std::cell::RefCell::new(None) };
}

/// Whether the run the calling thread works for was stopped: long Rust loops (big-int
/// multiplication, pow) check it between steps and unwind with the run's Stop.
pub fn stop_requested() -> bool {
    CURRENT_STOP.with(|s| s.borrow().as_ref().is_some_and(|f| f.load(Ordering::Relaxed)))
}

impl Runtime {
    /// Starts the run's clock and registers lane 0, "MainThread", running from the epoch. The
    /// caller is the main thread and holds the GIL from the start.
    pub fn new(cfg: RuntimeConfig) -> Arc<Runtime> {
        let clock = Clock::start();
        let timeline = Timeline::default();
        let main = timeline.add_lane("MainThread");
        timeline.set_state(main, State::Running, 0.0);
        timeline.set_native_id(main, native_id());
        CURRENT_LANE.with(|c| c.set(main));
        let stop_flag = Arc::new(AtomicBool::new(false));
        CURRENT_STOP.with(|s| *s.borrow_mut() = Some(stop_flag.clone()));
        let holder = if cfg.mode == Mode::Gil { Some(main) } else { None };
        if cfg.mode == Mode::Gil {
            timeline.gil_start(holder, 0.0);
        }
        let rt = Arc::new(Runtime {
            mode: cfg.mode,
            eval_breaker: AtomicU32::new(0),
            clock,
            timeline,
            output: Output::new(cfg.sink),
            gil: Gil::new(holder),
            switch_interval_bits: AtomicU64::new(sanitize_interval(cfg.switch_interval).to_bits()),
            max_threads: cfg.max_threads,
            live_threads: Arc::new(AtomicUsize::new(0)),
            shutdown_exempt: Mutex::new(None),
            wake_mutex: Mutex::new(()),
            wake_cond: Condvar::new(),
            green: OnceLock::new(),
            finished: AtomicBool::new(false),
            stop_flag,
            waits: Mutex::new(Default::default()),
            deadlock: OnceLock::new(),
        });
        super::registry::register(&rt);
        rt
    }

    // ---- lanes -------------------------------------------------------------------------

    /// A new lane; it has no spans until its thread calls `thread_begin`.
    pub fn register_thread(&self, name: &str) -> Tid {
        self.timeline.add_lane(name)
    }

    pub fn set_thread_name(&self, tid: Tid, name: &str) {
        self.timeline.set_name(tid, name);
    }

    pub fn thread_name(&self, tid: Tid) -> String {
        self.timeline.name(tid)
    }

    pub(crate) fn set_lane(&self, tid: Tid, state: State) {
        self.timeline.set_state(tid, state, self.now_us());
    }

    /// The lane's current state (None before the thread starts).
    pub fn lane_state(&self, tid: Tid) -> Option<State> {
        self.timeline.state(tid)
    }

    /// The GIL passes to `holder` (None: released), for the process's GIL row (recorded in
    /// `Gil` mode only). Called with the GIL's (or the green scheduler's) mutex held.
    pub(crate) fn note_gil_holder(&self, holder: Option<Tid>, t_us: f64) {
        self.timeline.gil_holder(holder, t_us);
    }

    // ---- asyncio tasks and loops -------------------------------------------------------

    /// A lane for a new asyncio task of the loop `thread` runs, `ready` from now (the task's
    /// first step is scheduled). None past `MAX_TASKS`: the task runs, unrecorded.
    pub fn task_lane(&self, thread: Tid, name: &str) -> Option<usize> {
        self.timeline.add_task(thread, name, self.now_us())
    }

    /// The task's lane changes to `state` (`Ready`, `Running`, `Awaiting`, `Done`) now.
    pub fn task_state(&self, task: usize, state: State) {
        self.timeline.set_task_state(task, state, self.now_us());
    }

    pub fn set_task_name(&self, task: usize, name: &str) {
        self.timeline.set_task_name(task, name);
    }

    /// The thread's asyncio loop is about to wait for its next timer or another thread
    /// (`idle`), or has woken: while idle the lane shows that wait as `sleeping`.
    pub fn set_loop_idle(&self, tid: Tid, idle: bool) {
        self.timeline.set_idle(tid, idle);
    }

    // ---- thread lifetime ---------------------------------------------------------------

    /// First call on a new thread: takes the GIL (lane `waiting_gil`, then `running`). If the
    /// run was stopped meanwhile it returns without the GIL; the VM's first breaker check
    /// then reports the interrupt.
    pub fn thread_begin(&self, tid: Tid) {
        self.timeline.set_native_id(tid, native_id());
        CURRENT_LANE.with(|c| c.set(tid));
        CURRENT_STOP.with(|s| *s.borrow_mut() = Some(self.stop_flag.clone()));
        let _ = self.gil_take(tid);
    }

    /// Last call on a thread: drops the GIL (if held) and marks the lane `done`.
    pub fn thread_end(&self, tid: Tid) {
        // Sequential mode runs a thread's target on the main thread, which then goes on as lane 0.
        CURRENT_LANE.with(|c| c.set(0));
        // Before the lane is done: joiners must check again before a deadlock can be declared.
        self.set_stuck(tid, false);
        if self.is_green() {
            self.green_end(tid);
            return;
        }
        self.gil_drop(tid, State::Done, false);
    }

    // ---- the eval breaker --------------------------------------------------------------

    #[inline(always)]
    pub fn breaker(&self) -> u32 {
        self.eval_breaker.load(Ordering::Relaxed)
    }

    /// The interrupt that applies to the calling thread now, if any (Shutdown spares the OS
    /// thread that called `shutdown_daemons`).
    pub fn interrupt_for(&self) -> Option<Interrupt> {
        let b = self.breaker();
        if b & BREAK_STOP != 0 {
            return Some(Interrupt::Stop);
        }
        if b & BREAK_SHUTDOWN != 0 {
            if *lock(&self.shutdown_exempt) != Some(std::thread::current().id()) {
                return Some(Interrupt::Shutdown);
            }
        }
        None
    }

    /// The slow path behind a non-zero `breaker()`: reports Stop/Shutdown, or serves a GIL
    /// drop request (drop, wait for another thread to take it, take it back).
    #[cold]
    pub fn handle_eval_breaker(&self, tid: Tid) -> Result<(), Interrupt> {
        if let Some(i) = self.interrupt_for() {
            return Err(i);
        }
        if self.breaker() & BREAK_GREEN != 0 && self.green_tick(tid) {
            return Err(Interrupt::Switch);
        }
        if self.breaker() & BREAK_GIL_DROP != 0 && self.holds_gil(tid) {
            self.gil_drop(tid, State::WaitingGil, true);
            self.gil_take(tid)?;
        }
        Ok(())
    }

    // ---- blocking ----------------------------------------------------------------------

    /// Runs `f` with the GIL released and the lane in `state`, then re-takes the GIL. `f` is
    /// not interruptible; if Stop/Shutdown arrives while re-taking, this returns without the
    /// GIL and the VM's next breaker check reports it.
    pub fn blocking<R>(&self, tid: Tid, state: State, f: impl FnOnce() -> R) -> R {
        self.gil_drop(tid, state, true);
        // Sequential mode runs a started thread's target here: this lane waits for as long
        // as that thread does, so a deadlock there includes it.
        let sequential = self.mode == Mode::Sequential && state == State::BlockedJoin;
        if sequential {
            self.set_waiting_on_nested(tid, true);
        }
        let r = f();
        if sequential {
            self.set_waiting_on_nested(tid, false);
        }
        let _ = self.gil_take(tid);
        r
    }

    /// `time.sleep`: releases the GIL, lane `sleeping`, wakes at the deadline or at once on
    /// Stop/Shutdown. `sleep(0)` still releases and re-takes the GIL (a yield).
    pub fn sleep(&self, tid: Tid, secs: f64) -> Result<(), Interrupt> {
        let secs = if secs.is_finite() { secs.max(0.0) } else { 0.0 };
        if self.is_green() {
            return self.green_wait_here(tid, State::Sleeping, Some(secs), &mut |timed_out| timed_out);
        }
        self.gil_drop(tid, State::Sleeping, true);
        let deadline_us = self.now_us() + secs * 1e6;
        let mut result = Ok(());
        {
            let mut g = lock(&self.wake_mutex);
            loop {
                if let Some(i) = self.interrupt_for() {
                    result = Err(i);
                    break;
                }
                let remaining_us = deadline_us - self.now_us();
                if remaining_us <= 0.0 {
                    break;
                }
                g = wait_secs(&self.wake_cond, g, (remaining_us / 1e6).min(INTERRUPT_POLL_SECS * 5.0)).0;
            }
        }
        let retaken = self.gil_take(tid);
        result.and(retaken)
    }

    /// Waits with the GIL released (lane `state`) until `ready(&mut guard)` is true or the
    /// timeout passes: Ok(true) if ready, Ok(false) on timeout, Err on Stop/Shutdown.
    ///
    /// If `ready` is true at once, returns without touching the GIL or the lane (as CPython's
    /// `acquire` first tries without releasing the GIL); `timeout == Some(0.0)` never blocks.
    /// Waits on `cv` in slices of at most `INTERRUPT_POLL_SECS` so Stop is noticed even if
    /// nobody notifies `cv`. `ready` is called with `m` locked; the caller's wake-ups must
    /// notify `cv` after changing the state under `m`.
    /// If `ready` succeeded but re-taking the GIL is interrupted, returns Ok(true) (the
    /// resource was acquired) and the next breaker check reports the interrupt.
    pub fn wait_for<T>(
        &self,
        tid: Tid,
        state: State,
        m: &Mutex<T>,
        cv: &Condvar,
        timeout: Option<f64>,
        mut ready: impl FnMut(&mut T) -> bool,
    ) -> Result<bool, Interrupt> {
        let timeout = timeout.map(|t| if t.is_nan() { 0.0 } else { t.max(0.0) });
        {
            let mut g = lock(m);
            let done = if ready(&mut g) { Some(true) } else if timeout == Some(0.0) { Some(false) } else { None };
            if let Some(done) = done {
                drop(g);
                self.clear_wait_note(tid);
                return Ok(done);
            }
        }
        if self.is_green() {
            let mut ready_now = false;
            self.green_wait_here(tid, state, timeout, &mut |timed_out| {
                ready_now = ready(&mut lock(m));
                ready_now || timed_out
            })?;
            let _ = cv;
            return Ok(ready_now);
        }
        // Never drop the GIL with `m` locked: the forced-switching wait could then block the
        // thread that takes the GIL and needs `m` to wake us.
        self.gil_drop(tid, state, true);
        let deadline_us = timeout.map(|t| self.now_us() + t * 1e6);
        let untimed = timeout.is_none();
        if untimed {
            self.set_stuck(tid, true);
        }
        let result = {
            let mut g = lock(m);
            loop {
                let seen = if untimed { self.wait_generation() } else { 0 };
                if ready(&mut g) {
                    break Ok(true);
                }
                if let Some(i) = self.interrupt_for() {
                    break Err(i);
                }
                if untimed && self.check_deadlock(tid, seen) {
                    continue;
                }
                let mut slice = INTERRUPT_POLL_SECS;
                if let Some(d) = deadline_us {
                    let remaining_us = d - self.now_us();
                    if remaining_us <= 0.0 {
                        break Ok(false);
                    }
                    slice = slice.min(remaining_us / 1e6);
                }
                g = wait_secs(cv, g, slice).0;
            }
        };
        if untimed {
            self.set_stuck(tid, false);
        }
        match (self.gil_take(tid), result) {
            (Err(i), Ok(false)) => Err(i),
            (_, r) => r,
        }
    }

    // ---- threads -----------------------------------------------------------------------

    /// Starts `f` on a new thread through the installed spawner. Counts live threads (started,
    /// `f` not yet returned) against `max_threads`.
    pub fn spawn(&self, f: Box<dyn FnOnce() + Send + 'static>) -> Result<(), SpawnError> {
        self.spawn_on(f, false)
    }

    /// `spawn` for a worker process of a process pool: the spawner may run it where a real
    /// pool's processes would run, one per core (`Spawner::spawn_pool_process`).
    pub fn spawn_pool_process(&self, f: Box<dyn FnOnce() + Send + 'static>) -> Result<(), SpawnError> {
        self.spawn_on(f, true)
    }

    fn spawn_on(&self, f: Box<dyn FnOnce() + Send + 'static>, pool_process: bool) -> Result<(), SpawnError> {
        let live = &self.live_threads;
        let mut cur = live.load(Ordering::SeqCst);
        loop {
            if cur >= self.max_threads {
                return Err(SpawnError::Limit);
            }
            match live.compare_exchange(cur, cur + 1, Ordering::SeqCst, Ordering::SeqCst) {
                Ok(_) => break,
                Err(now) => cur = now,
            }
        }
        struct LiveGuard(Arc<AtomicUsize>);
        impl Drop for LiveGuard {
            fn drop(&mut self) {
                self.0.fetch_sub(1, Ordering::SeqCst);
            }
        }
        let guard_count = Arc::clone(live);
        let wrapped: Box<dyn FnOnce() + Send + 'static> = Box::new(move || {
            let _live = LiveGuard(guard_count);
            f();
        });
        let spawner = spawner();
        let started = if pool_process { spawner.spawn_pool_process(wrapped) } else { spawner.spawn(wrapped) };
        started.inspect_err(|_| {
            live.fetch_sub(1, Ordering::SeqCst);
        })
    }

    /// Threads started by `spawn` whose closure has not returned yet.
    pub fn live_threads(&self) -> usize {
        self.live_threads.load(Ordering::SeqCst)
    }

    // ---- output, clock, settings -------------------------------------------------------

    pub fn write_output(&self, tid: Tid, text: &str) {
        let name = self.timeline.name(tid);
        self.output.write(name, || self.now_us() / 1000.0, text);
    }

    /// Output printed by a lane of another runtime (a child process's), kept under its name.
    pub fn write_output_as(&self, thread: String, text: &str) {
        self.output.write(thread, || self.now_us() / 1000.0, text);
    }

    /// Passes stderr text (a traceback) to the sink live, named after the calling thread's
    /// lane. Not kept in the report: the VM keeps the run's stderr text itself.
    pub fn forward_stderr(&self, text: &str) {
        let name = self.timeline.name(CURRENT_LANE.with(Cell::get));
        self.output.write_stderr(&name, || self.now_us() / 1000.0, text);
    }

    pub fn now_us(&self) -> f64 {
        self.clock.now_us()
    }

    pub fn switch_interval(&self) -> f64 {
        f64::from_bits(self.switch_interval_bits.load(Ordering::Relaxed))
    }

    /// `sys.setswitchinterval`; the VM raises ValueError for values <= 0 before calling this.
    pub fn set_switch_interval(&self, secs: f64) {
        self.switch_interval_bits.store(sanitize_interval(secs).to_bits(), Ordering::Relaxed);
    }

    // ---- interrupts --------------------------------------------------------------------

    /// Stops every thread: running ones at their next breaker check, blocked ones at once or
    /// within `INTERRUPT_POLL_SECS`. Callable from any thread.
    pub fn request_stop(&self) {
        self.stop_flag.store(true, Ordering::SeqCst);
        self.eval_breaker.fetch_or(BREAK_STOP, Ordering::SeqCst);
        self.wake_all();
    }

    pub fn is_stopped(&self) -> bool {
        self.breaker() & BREAK_STOP != 0
    }

    /// Whether `finish` has made the run's report (threads may still be unwinding).
    pub fn is_finished(&self) -> bool {
        self.finished.load(Ordering::SeqCst)
    }

    /// Program end: every thread except the calling OS thread gets `Interrupt::Shutdown` at
    /// its next check or wait.
    pub fn shutdown_daemons(&self) {
        *lock(&self.shutdown_exempt) = Some(std::thread::current().id());
        self.eval_breaker.fetch_or(BREAK_SHUTDOWN, Ordering::SeqCst);
        self.wake_all();
    }

    fn wake_all(&self) {
        self.gil.wake_all();
        let _g = lock(&self.wake_mutex);
        self.wake_cond.notify_all();
    }

    // ---- the report --------------------------------------------------------------------

    pub fn gil_switches(&self) -> u64 {
        match self.green.get() {
            Some(g) => g.switches(),
            None => self.gil.switches(),
        }
    }

    /// The run's report as of now. Open spans end now (threads still running keep running).
    pub fn finish(&self, error: Option<ErrorReport>) -> Report {
        self.finished.store(true, Ordering::SeqCst);
        let end_us = self.now_us();
        let (stdout, output) = self.output.snapshot();
        Report {
            wall_ms: end_us / 1000.0,
            stdout,
            output,
            threads: self.timeline.snapshot(end_us),
            processes: vec![ProcessReport {
                pid: 0,
                name: "MainProcess".into(),
                gil: self.timeline.gil_snapshot(end_us),
                tasks_dropped: self.timeline.tasks_dropped(),
            }],
            gil_switches: self.gil_switches(),
            error,
            mode: self.mode,
            switch_interval: self.switch_interval(),
            green: self.is_green(),
            deadlock: self.deadlock.get().cloned(),
            timeline_cut: self.timeline.cut(),
            output_cut: self.output.cut(),
        }
    }
}

/// CPython keeps at least 1 µs; also guards against NaN/inf from a caller.
fn sanitize_interval(secs: f64) -> f64 {
    if secs.is_finite() && secs > 0.0 {
        secs.max(1e-6)
    } else {
        RuntimeConfig::DEFAULT_SWITCH_INTERVAL
    }
}
