//! Behavioural tests of the runtime's GIL, blocking calls, interrupts and spawning.
//! No tight timing bounds: durations only size the work, and every assertion is about what
//! happened (overlap, switches, who ran), not how fast.

use std::hint::black_box;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};
use threadlab::runtime::*;

const HANG: Duration = Duration::from_secs(30);

fn runtime(mode: Mode, switch_interval: f64) -> Arc<Runtime> {
    Runtime::new(RuntimeConfig { mode, switch_interval, max_threads: 64, sink: Arc::new(NullSink) })
}

/// Starts a Python-like thread: register a lane, spawn, thread_begin .. body .. thread_end.
fn start<R: Send + 'static>(
    rt: &Arc<Runtime>,
    name: &str,
    body: impl FnOnce(&Runtime, Tid) -> R + Send + 'static,
) -> mpsc::Receiver<R> {
    let tid = rt.register_thread(name);
    let (tx, rx) = mpsc::channel();
    let rt2 = Arc::clone(rt);
    rt.spawn(Box::new(move || {
        rt2.thread_begin(tid);
        let r = body(&rt2, tid);
        rt2.thread_end(tid);
        let _ = tx.send(r);
    }))
    .expect("spawn");
    rx
}

/// What the main thread (lane 0) does at `join()`: blocks with the GIL released.
fn join_all<R>(rt: &Runtime, rxs: Vec<mpsc::Receiver<R>>) -> Vec<R> {
    rt.blocking(0, State::BlockedJoin, || {
        rxs.into_iter().map(|rx| rx.recv_timeout(HANG).expect("thread hung")).collect()
    })
}

/// A CPU-bound Python loop: checks the eval breaker (as the VM does at a backward jump) and
/// runs `step` until it returns false.
fn cpu_loop(rt: &Runtime, tid: Tid, mut step: impl FnMut() -> bool) -> Result<(), Interrupt> {
    loop {
        if rt.breaker() != 0 {
            rt.handle_eval_breaker(tid)?;
        }
        if !step() {
            return Ok(());
        }
    }
}

fn work(n: u64) -> u64 {
    let mut x = 0u64;
    for i in 0..n {
        x = black_box(x.wrapping_add(i));
    }
    x
}

/// Counts the threads of a test that have begun. A time-sized loop runs until its own time is
/// up *and* every thread of the test has begun, so on a loaded machine, where the OS can start
/// a thread late, the threads still overlap instead of finishing one before the next begins.
#[derive(Clone)]
struct Rendezvous(Arc<AtomicUsize>, usize);

impl Rendezvous {
    fn new(threads: usize) -> Rendezvous {
        Rendezvous(Arc::new(AtomicUsize::new(0)), threads)
    }
    fn arrive(&self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
    fn all_here(&self) -> bool {
        self.0.load(Ordering::SeqCst) >= self.1
    }
}

/// Whether free-threaded code can run in parallel here; with one core, a test says why it skips.
fn cores() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
}

fn spans_of(report: &Report, lane: &str, state: State) -> usize {
    let t = report.threads.iter().find(|t| t.name == lane).expect("lane");
    t.spans.iter().filter(|s| s.state == state).count()
}

/// Runs `threads` CPU loops for `run_for`; returns whether two critical sections overlapped.
fn overlap_run(mode: Mode, threads: usize, run_for: Duration) -> (bool, Report) {
    let rt = runtime(mode, 0.002);
    let inside = Arc::new(AtomicBool::new(false));
    let overlap = Arc::new(AtomicBool::new(false));
    let here = Rendezvous::new(threads);
    let rxs = (0..threads)
        .map(|i| {
            let (inside, overlap, here) = (Arc::clone(&inside), Arc::clone(&overlap), here.clone());
            start(&rt, &format!("T{i}"), move |rt, tid| {
                here.arrive();
                let t0 = Instant::now();
                cpu_loop(rt, tid, || {
                    if inside.swap(true, Ordering::SeqCst) {
                        overlap.store(true, Ordering::SeqCst);
                    }
                    work(2_000);
                    inside.store(false, Ordering::SeqCst);
                    t0.elapsed() < run_for || !here.all_here()
                })
            })
        })
        .collect();
    for r in join_all(&rt, rxs) {
        r.expect("not interrupted");
    }
    (overlap.load(Ordering::SeqCst), rt.finish(None))
}

#[test]
fn gil_excludes_and_free_mode_overlaps() {
    let (gil_overlap, report) = overlap_run(Mode::Gil, 3, Duration::from_millis(150));
    assert!(!gil_overlap, "two threads ran Python code at once under the GIL");
    assert!(report.gil_switches > 0);
    if cores() < 2 {
        eprintln!("skipped the free-threaded overlap check: this machine has 1 core");
        return;
    }
    // Proves the detector can fire: without a GIL, the same loops overlap.
    let (free_overlap, report) = overlap_run(Mode::Free, 3, Duration::from_millis(150));
    assert!(free_overlap, "free-threaded loops never overlapped (detector broken?)");
    assert_eq!(report.gil_switches, 0);
    for t in &report.threads {
        assert!(t.spans.iter().all(|s| s.state != State::WaitingGil), "waiting_gil in free mode");
    }
}

#[test]
fn cpu_threads_switch_and_wait_for_the_gil() {
    let rt = runtime(Mode::Gil, 0.005);
    let here = Rendezvous::new(2);
    let rxs = (0..2)
        .map(|i| {
            let here = here.clone();
            start(&rt, &format!("cpu{i}"), move |rt, tid| {
                here.arrive();
                let t0 = Instant::now();
                cpu_loop(rt, tid, || {
                    work(1_000);
                    t0.elapsed() < Duration::from_millis(100) || !here.all_here()
                })
            })
        })
        .collect();
    join_all(&rt, rxs);
    let report = rt.finish(None);
    assert!(report.gil_switches > 0);
    for lane in ["cpu0", "cpu1"] {
        assert!(spans_of(&report, lane, State::WaitingGil) > 0, "{lane} never waited for the GIL");
        assert!(spans_of(&report, lane, State::Running) > 0);
        let last = report.threads.iter().find(|t| t.name == lane).unwrap().spans.last().unwrap().state;
        assert_eq!(last, State::Done);
    }
    assert!(spans_of(&report, "MainThread", State::BlockedJoin) > 0);
    // Main starts running at the epoch.
    let main = &report.threads[0];
    assert_eq!(main.spans[0].state, State::Running);
    assert_eq!(main.spans[0].start_ms, 0.0);
    // Under the GIL, no two lanes' running spans overlap (times are taken under the GIL's lock).
    let mut running: Vec<(f64, f64)> = report
        .threads
        .iter()
        .flat_map(|t| t.spans.iter().filter(|s| s.state == State::Running).map(|s| (s.start_ms, s.end_ms)))
        .collect();
    running.sort_by(|a, b| a.partial_cmp(b).unwrap());
    for w in running.windows(2) {
        assert!(w[1].0 >= w[0].1, "running spans overlap: {:?} and {:?}", w[0], w[1]);
    }
    // Every lane's spans are ordered and non-negative.
    for t in &report.threads {
        for s in &t.spans {
            assert!(s.end_ms >= s.start_ms);
        }
        for w in t.spans.windows(2) {
            assert!(w[1].start_ms >= w[0].end_ms);
        }
    }
}

#[test]
fn forced_switching_hands_the_gil_to_another_thread() {
    // Each thread records itself as the last runner on every step while it holds the GIL.
    // When a thread serves a drop request, FORCE_SWITCHING means another thread must have run
    // before it gets the GIL back.
    let rt = runtime(Mode::Gil, 0.001);
    let last_runner = Arc::new(AtomicUsize::new(usize::MAX));
    let served = Arc::new(AtomicU64::new(0));
    let here = Rendezvous::new(3);
    let rxs = (0..3)
        .map(|i| {
            let (last_runner, served, here) = (Arc::clone(&last_runner), Arc::clone(&served), here.clone());
            start(&rt, &format!("F{i}"), move |rt, tid| {
                here.arrive();
                last_runner.store(tid, Ordering::SeqCst);
                let t0 = Instant::now();
                let mut self_reacquired = 0u64;
                while t0.elapsed() < Duration::from_millis(120) || !here.all_here() {
                    if rt.breaker() != 0 {
                        let drop_requested = rt.breaker() & BREAK_GIL_DROP != 0;
                        rt.handle_eval_breaker(tid).expect("no interrupt");
                        if drop_requested {
                            served.fetch_add(1, Ordering::SeqCst);
                            if last_runner.load(Ordering::SeqCst) == tid {
                                self_reacquired += 1;
                            }
                        }
                        last_runner.store(tid, Ordering::SeqCst);
                    }
                    assert!(rt.holds_gil(tid));
                    work(500);
                }
                self_reacquired
            })
        })
        .collect();
    let self_reacquired: u64 = join_all(&rt, rxs).into_iter().sum();
    assert!(served.load(Ordering::SeqCst) > 0, "no drop request was ever served");
    assert_eq!(self_reacquired, 0, "a thread won the GIL back before anyone else ran");
}

#[test]
fn sleep_releases_the_gil() {
    let rt = runtime(Mode::Gil, 0.005);
    let progress = Arc::new(AtomicU64::new(0));
    let done = Arc::new(AtomicBool::new(false));
    let (p, d) = (Arc::clone(&progress), Arc::clone(&done));
    let rx = start(&rt, "spinner", move |rt, tid| {
        cpu_loop(rt, tid, || {
            p.fetch_add(1, Ordering::SeqCst);
            work(200);
            !d.load(Ordering::SeqCst)
        })
    });
    // Main holds the GIL; only its sleep lets the spinner start. Main sleeps in short naps until
    // the spinner has run (the OS may start its thread late).
    assert_eq!(progress.load(Ordering::SeqCst), 0);
    let t0 = Instant::now();
    while progress.load(Ordering::SeqCst) == 0 {
        assert!(t0.elapsed() < HANG, "spinner made no progress while main slept");
        rt.sleep(0, 0.01).expect("sleep");
        assert!(rt.holds_gil(0), "sleep returned without re-taking the GIL");
    }
    done.store(true, Ordering::SeqCst);
    join_all(&rt, vec![rx]).pop().unwrap().unwrap();
    let report = rt.finish(None);
    assert!(spans_of(&report, "MainThread", State::Sleeping) > 0);
}

#[test]
fn wait_for_fast_path_timeout_and_wakeup() {
    let rt = runtime(Mode::Gil, 0.005);
    let m = Mutex::new(0u32);
    let cv = Condvar::new();
    // Ready at once: no GIL release, no blocked span.
    assert_eq!(rt.wait_for(0, State::BlockedLock, &m, &cv, None, |v| *v == 0), Ok(true));
    assert_eq!(rt.lane_state(0), Some(State::Running));
    // Non-blocking try.
    assert_eq!(rt.wait_for(0, State::BlockedLock, &m, &cv, Some(0.0), |v| *v == 1), Ok(false));
    // Timeout.
    assert_eq!(rt.wait_for(0, State::BlockedLock, &m, &cv, Some(0.03), |v| *v == 1), Ok(false));
    assert!(rt.holds_gil(0));
    // Another thread (which needs the GIL, so only runs while we wait) makes it ready.
    let shared = Arc::new((Mutex::new(false), Condvar::new()));
    let s2 = Arc::clone(&shared);
    let rx = start(&rt, "setter", move |_rt, _tid| {
        *s2.0.lock().unwrap() = true;
        s2.1.notify_all();
    });
    let r = rt.wait_for(0, State::BlockedLock, &shared.0, &shared.1, None, |set| *set);
    assert_eq!(r, Ok(true));
    assert!(rt.holds_gil(0));
    join_all(&rt, vec![rx]);
    let report = rt.finish(None);
    assert!(spans_of(&report, "MainThread", State::BlockedLock) >= 2);
}

#[test]
fn stop_interrupts_sleepers_waiters_spinners_and_gil_waiters() {
    let rt = runtime(Mode::Gil, 0.005);
    let mut rxs = Vec::new();
    rxs.push(start(&rt, "sleeper", |rt, tid| rt.sleep(tid, 3600.0)));
    rxs.push(start(&rt, "waiter", |rt, tid| {
        let m = Mutex::new(());
        let cv = Condvar::new();
        rt.wait_for(tid, State::BlockedLock, &m, &cv, None, |_| false).map(|_| ())
    }));
    for i in 0..2 {
        // Two spinners: at any moment one of them is waiting for the GIL.
        rxs.push(start(&rt, &format!("spin{i}"), |rt, tid| cpu_loop(rt, tid, || work(100) > 0 || true)));
    }
    rt.sleep(0, 0.05).unwrap();
    rt.request_stop();
    assert_eq!(rt.handle_eval_breaker(0), Err(Interrupt::Stop));
    let results = join_all(&rt, rxs);
    assert_eq!(results, vec![Err(Interrupt::Stop); 4]);
    assert_eq!(rt.sleep(0, 10.0), Err(Interrupt::Stop));
    let report = rt.finish(None);
    for t in &report.threads[1..] {
        assert_eq!(t.spans.last().unwrap().state, State::Done, "{} did not end", t.name);
    }
}

#[test]
fn stop_reaches_a_thread_waiting_for_a_gil_nobody_releases() {
    // Main holds the GIL and never checks the breaker; the new thread must still give up.
    let rt = runtime(Mode::Gil, 0.005);
    let rx = start(&rt, "starved", |rt, tid| rt.handle_eval_breaker(tid));
    std::thread::sleep(Duration::from_millis(30));
    rt.request_stop();
    assert_eq!(rx.recv_timeout(HANG).expect("GIL waiter hung"), Err(Interrupt::Stop));
}

#[test]
fn shutdown_stops_the_others_but_not_the_caller() {
    let rt = runtime(Mode::Gil, 0.005);
    let mut rxs = Vec::new();
    rxs.push(start(&rt, "daemon-sleeper", |rt, tid| rt.sleep(tid, 3600.0)));
    rxs.push(start(&rt, "daemon-spinner", |rt, tid| cpu_loop(rt, tid, || work(100) > 0 || true)));
    rt.sleep(0, 0.03).unwrap();
    rt.shutdown_daemons();
    assert_eq!(rt.handle_eval_breaker(0), Ok(()));
    assert_eq!(rt.interrupt_for(), None);
    let results = join_all(&rt, rxs);
    assert_eq!(results, vec![Err(Interrupt::Shutdown); 2]);
    assert_eq!(rt.sleep(0, 0.001), Ok(()));
    // A thread started after shutdown is stopped at its first check.
    let rx = start(&rt, "late", |rt, tid| rt.handle_eval_breaker(tid));
    assert_eq!(join_all(&rt, vec![rx]), vec![Err(Interrupt::Shutdown)]);
}

#[test]
fn spawn_limit() {
    let rt = Runtime::new(RuntimeConfig { mode: Mode::Free, switch_interval: 0.005, max_threads: 2, sink: Arc::new(NullSink) });
    let gate = Arc::new((Mutex::new(false), Condvar::new()));
    let (tx, rx) = mpsc::channel();
    for _ in 0..2 {
        let (gate, tx) = (Arc::clone(&gate), tx.clone());
        rt.spawn(Box::new(move || {
            let mut open = gate.0.lock().unwrap();
            while !*open {
                open = gate.1.wait(open).unwrap();
            }
            tx.send(()).unwrap();
        }))
        .unwrap();
    }
    assert_eq!(rt.live_threads(), 2);
    assert_eq!(rt.spawn(Box::new(|| {})), Err(SpawnError::Limit));
    *gate.0.lock().unwrap() = true;
    gate.1.notify_all();
    rx.recv_timeout(HANG).unwrap();
    rx.recv_timeout(HANG).unwrap();
    let t0 = Instant::now();
    while rt.live_threads() > 0 && t0.elapsed() < HANG {
        std::thread::sleep(Duration::from_millis(1));
    }
    assert_eq!(rt.live_threads(), 0);
    let (tx, rx) = mpsc::channel();
    rt.spawn(Box::new(move || tx.send(()).unwrap())).expect("room again after threads ended");
    rx.recv_timeout(HANG).unwrap();
}

/// Two CPU threads doing a fixed amount of work; returns the switch count.
fn switches_for(interval: f64, iterations: u64) -> u64 {
    let rt = runtime(Mode::Gil, interval);
    let rxs = (0..2)
        .map(|i| {
            start(&rt, &format!("w{i}"), move |rt, tid| {
                let mut left = iterations;
                cpu_loop(rt, tid, || {
                    work(1_000);
                    left -= 1;
                    left > 0
                })
            })
        })
        .collect();
    join_all(&rt, rxs);
    rt.gil_switches()
}

#[test]
fn smaller_switch_interval_switches_more() {
    // Size the work to about 150 ms per thread on this machine and build.
    let t0 = Instant::now();
    let mut calib = 0u64;
    while t0.elapsed() < Duration::from_millis(20) {
        work(1_000);
        calib += 1;
    }
    let iterations = calib * 150 / 20;
    let fine = switches_for(0.001, iterations);
    let coarse = switches_for(0.025, iterations);
    assert!(fine > coarse, "interval 1 ms gave {fine} switches, 25 ms gave {coarse}");
}

#[test]
fn set_switch_interval_round_trips() {
    let rt = runtime(Mode::Gil, 0.005);
    assert_eq!(rt.switch_interval(), 0.005);
    rt.set_switch_interval(0.01);
    assert_eq!(rt.switch_interval(), 0.01);
    assert_eq!(rt.finish(None).switch_interval, 0.01);
}

#[test]
fn free_and_sequential_modes_have_no_gil() {
    for mode in [Mode::Free, Mode::Sequential] {
        let rt = runtime(mode, 0.005);
        assert!(!rt.holds_gil(0));
        let rx = start(&rt, "t", |rt, tid| {
            assert!(!rt.holds_gil(tid));
            rt.sleep(tid, 0.001)
        });
        // Main never released anything, yet the thread ran.
        assert_eq!(rx.recv_timeout(HANG).unwrap(), Ok(()));
        assert_eq!(rt.breaker() & BREAK_GIL_DROP, 0);
        assert_eq!(rt.gil_switches(), 0);
    }
}
