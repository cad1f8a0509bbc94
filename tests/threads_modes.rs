//! How threads run in each mode, read from the run's report (behaviour, not timing targets):
//! Sequential runs targets inline, Gil switches between CPU-bound threads and never overlaps
//! them, Free overlaps them; lanes carry CPython's names and the blocking states; Stop ends
//! every thread; the interpreter waits for non-daemon threads; the thread limit is an error.

use std::sync::Arc;
use std::time::{Duration, Instant};
use threadlab::runtime::{Mode, NullSink, Report, Runtime, RuntimeConfig, Span, State, ThreadReport};
use threadlab::vm::{run, RunOptions, RunOutput};

fn run_in(mode: Mode, source: &str) -> RunOutput {
    let opts = RunOptions { mode, ..RunOptions::default() };
    run(source, opts, Arc::new(NullSink))
}

fn lane<'a>(r: &'a Report, name: &str) -> &'a ThreadReport {
    r.threads.iter().find(|t| t.name == name).unwrap_or_else(|| {
        panic!("no lane {:?}; lanes: {:?}", name, r.threads.iter().map(|t| &t.name).collect::<Vec<_>>())
    })
}

fn spans(t: &ThreadReport, state: State) -> Vec<&Span> {
    t.spans.iter().filter(|s| s.state == state).collect()
}

fn overlap(a: &Span, b: &Span) -> bool {
    a.start_ms < b.end_ms && b.start_ms < a.end_ms
}

/// Any running span of `a` overlapping a running span of `b`.
fn running_overlap(a: &ThreadReport, b: &ThreadReport) -> bool {
    spans(a, State::Running).iter().any(|x| spans(b, State::Running).iter().any(|y| overlap(x, y)))
}

/// Each thread counts until it has done its share *and* both threads have begun, so the two
/// counts overlap even when a loaded machine starts the second thread late (not for
/// sequential mode, where the first would wait forever for the second).
const TWO_CPU_THREADS: &str = "
import threading

started = []

def count():
    started.append(1)
    total = 0
    while total < 1_500_000 or len(started) < 2:
        total += 1

t1 = threading.Thread(target=count)
t2 = threading.Thread(target=count)
t1.start()
t2.start()
t1.join()
t2.join()
print('Done')
";

#[test]
fn sequential_runs_each_target_inline_in_program_order() {
    let src = "
import threading

def work(n):
    print('thread', n, 'starts as', threading.current_thread().name)
    total = 0
    for i in range(20000):
        total += i
    print('thread', n, 'ends')

threads = []
for n in range(3):
    t = threading.Thread(target=work, args=(n,))
    threads.append(t)
    print('main starts', n)
    t.start()
    print('main after start', n, 'alive:', t.is_alive())
for t in threads:
    t.join()
print('main done')
";
    let out = run_in(Mode::Sequential, src);
    let mut want = String::new();
    for n in 0..3 {
        want += &format!("main starts {n}\nthread {n} starts as Thread-{} (work)\nthread {n} ends\n", n + 1);
        want += &format!("main after start {n} alive: False\n");
    }
    want += "main done\n";
    assert_eq!(out.report.stdout, want);
    let r = &out.report;
    // No two lanes ever run at once, and each thread runs inside one blocked_join span of main.
    for (i, a) in r.threads.iter().enumerate() {
        for b in &r.threads[i + 1..] {
            assert!(!running_overlap(a, b), "{} and {} overlap", a.name, b.name);
        }
    }
    let main = lane(r, "MainThread");
    for n in 1..=3 {
        let t = lane(r, &format!("Thread-{} (work)", n));
        let run = spans(t, State::Running);
        assert!(!run.is_empty(), "{} never ran", t.name);
        let (first, last) = (run[0].start_ms, run[run.len() - 1].end_ms);
        assert!(
            spans(main, State::BlockedJoin).iter().any(|j| j.start_ms <= first && last <= j.end_ms),
            "{} ran outside main's blocked_join: {:?} / {:?}",
            t.name,
            t.spans,
            main.spans
        );
    }
    // The output lines carry their thread.
    assert_eq!(r.output[1].thread, "Thread-1 (work)");
    assert_eq!(r.output[0].thread, "MainThread");
}

#[test]
fn gil_switches_between_cpu_bound_threads_and_never_overlaps_them() {
    let out = run_in(Mode::Gil, TWO_CPU_THREADS);
    let r = &out.report;
    assert_eq!(r.stdout, "Done\n");
    assert!(r.gil_switches > 0, "no GIL switches");
    let (a, b) = (lane(r, "Thread-1 (count)"), lane(r, "Thread-2 (count)"));
    assert!(!running_overlap(a, b), "two threads ran at once under the GIL");
    assert!(!running_overlap(a, lane(r, "MainThread")));
    // Each had to wait for the GIL while the other computed.
    assert!(!spans(a, State::WaitingGil).is_empty() && !spans(b, State::WaitingGil).is_empty());
}

#[test]
fn free_threads_run_cpu_bound_work_in_parallel() {
    let out = run_in(Mode::Free, TWO_CPU_THREADS);
    let r = &out.report;
    assert_eq!(r.stdout, "Done\n");
    assert_eq!(r.gil_switches, 0);
    if std::thread::available_parallelism().map_or(1, |n| n.get()) < 2 {
        eprintln!("skipped the free-threaded overlap check: this machine has 1 core");
        return;
    }
    assert!(running_overlap(lane(r, "Thread-1 (count)"), lane(r, "Thread-2 (count)")), "no overlap in free mode");
}

#[test]
fn lanes_show_join_lock_sleep_and_event_waits_and_follow_renames() {
    let src = "
import threading, time

lock = threading.Lock()
ev = threading.Event()
locked = threading.Event()

def holder():
    with lock:
        locked.set()
        time.sleep(0.5)
    ev.wait()

t = threading.Thread(target=holder)
t.start()
t.name = 'holder'
locked.wait()
time.sleep(0.01)
with lock:
    pass
ev.set()
t.join()
";
    for mode in [Mode::Gil, Mode::Free] {
        let out = run_in(mode, src);
        let r = &out.report;
        let main = lane(r, "MainThread");
        let holder = lane(r, "holder");
        assert!(!spans(holder, State::Sleeping).is_empty(), "{:?}: sleep not shown: {:?}", mode, holder.spans);
        assert!(!spans(main, State::Sleeping).is_empty());
        // The holder has the lock before main asks for it (`locked`), and keeps it for 0.5 s:
        // main's Lock wait shows whatever the OS's scheduling delays.
        assert!(!spans(main, State::BlockedLock).is_empty(), "{:?}: main's Lock wait not shown: {:?}", mode, main.spans);
        assert!(!spans(holder, State::Sleeping).is_empty());
        assert!(!spans(main, State::BlockedJoin).is_empty() || r.threads.len() == 2, "{:?}", main.spans);
        assert_eq!(holder.spans.last().unwrap().state, State::Done);
        assert_eq!(out.exit_code, 0);
    }
}

#[test]
fn main_waits_for_non_daemon_threads_at_exit_and_not_for_daemons() {
    let src = "
import threading, time

def late():
    time.sleep(0.1)
    print('late thread done')

def forever():
    while True:
        time.sleep(0.01)

threading.Thread(target=forever, daemon=True).start()
threading.Thread(target=late).start()
print('main body done')
";
    for mode in [Mode::Gil, Mode::Free] {
        let start = Instant::now();
        let out = run_in(mode, src);
        assert!(start.elapsed() < Duration::from_secs(5));
        let r = &out.report;
        assert_eq!(r.stdout, "main body done\nlate thread done\n");
        let main = lane(r, "MainThread");
        // At exit main waits in join for `late`, whose sleep ends inside that wait.
        let nap = spans(lane(r, "Thread-2 (late)"), State::Sleeping)[0].clone();
        assert!(
            spans(main, State::BlockedJoin).iter().any(|j| j.start_ms <= nap.end_ms && nap.end_ms <= j.end_ms),
            "{:?}: main lane should show blocked_join at exit while late slept: {:?}",
            mode,
            main.spans
        );
        assert_eq!(main.spans.last().unwrap().state, State::Done);
    }
}

#[test]
fn uncaught_exception_in_thread_goes_to_stderr_and_exit_status_stays_zero() {
    let src = "
import threading

def bad():
    raise ValueError('boom')

t = threading.Thread(target=bad)
t.start()
t.join()
print('after')
";
    for mode in [Mode::Gil, Mode::Free, Mode::Sequential] {
        let out = run_in(mode, src);
        assert_eq!(out.report.stdout, "after\n");
        assert_eq!(out.exit_code, 0);
        assert!(out.report.error.is_none());
        assert!(out.stderr.starts_with("Exception in thread Thread-1 (bad):\nTraceback"), "{}", out.stderr);
        assert!(out.stderr.ends_with("ValueError: boom\n"), "{}", out.stderr);
    }
}

#[test]
fn too_many_threads_is_cpythons_runtime_error() {
    let src = "
import threading
gate = threading.Event()
started = []
try:
    for i in range(1000):
        t = threading.Thread(target=gate.wait)
        t.start()
        started.append(t)
except RuntimeError as e:
    print('RuntimeError:', e)
print(len(started) > 10)
gate.set()
for t in started:
    t.join()
print('ok')
";
    let out = run_in(Mode::Gil, src);
    assert_eq!(out.report.stdout, "RuntimeError: can't start new thread\nTrue\nok\n");
}

/// Stop (`Runtime::request_stop`) ends every thread promptly wherever it is: computing,
/// sleeping, waiting for a Lock, an Event, a Condition, a join, or the GIL.
#[test]
fn stop_ends_every_thread_promptly() {
    let src = include_str!("data/stop_every_wait.py");
    for mode in [Mode::Gil, Mode::Free] {
        let rt = Runtime::new(RuntimeConfig::new(mode, Arc::new(NullSink)));
        let stopper = {
            let rt = rt.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(300));
                rt.request_stop();
                Instant::now()
            })
        };
        let result = run_with_runtime(&rt, src);
        let stopped_at = stopper.join().unwrap();
        // The main thread unwinds with the interrupt, or (if the thread it joins ended first)
        // finishes its last statement; either way it is back promptly.
        assert!(result.is_ok() || result == Err("Interrupt(Stop)".to_string()), "{:?}: {:?}", mode, result);
        assert!(rt.is_stopped());
        // Every spawned thread finishes soon after.
        while rt.live_threads() > 0 {
            assert!(stopped_at.elapsed() < Duration::from_secs(1), "{:?}: {} threads still alive", mode, rt.live_threads());
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(stopped_at.elapsed() < Duration::from_secs(1));
    }
}

/// `vm::run` with a runtime the test holds (to press Stop): the same steps as `vm::run` up to
/// the exit hooks. Returns the main module's result.
fn run_with_runtime(rt: &Arc<Runtime>, src: &str) -> Result<(), String> {
    use threadlab::vm::types::Module;
    use threadlab::vm::run::{compile, ExitHooks};
    use threadlab::vm::{Interp, Value, Vm};
    let interp = Interp::new(rt.clone(), "<stop>", src, threadlab::vm::builtins::namespace());
    let code = compile(src, "<stop>").map_err(|e| e.msg.clone())?;
    let main = Arc::new(Module::new("__main__", 512, Some(interp.builtins)));
    main.set("__name__", Value::str("__main__"));
    let _ = interp.main.set(main.clone());
    let mut vm = Vm::new(interp.clone(), 0);
    let r = vm.run_module_code(&code, &main);
    let hooks = std::mem::take(&mut *interp.ext::<ExitHooks>().0.lock().unwrap());
    for h in hooks {
        h(&mut vm);
    }
    rt.shutdown_daemons();
    rt.thread_end(0);
    r.map(|_| ()).map_err(|e| format!("{:?}", e))
}

/// Not a test: the cost of recording one lane transition, for tests/bench/threads.sh
/// (`cargo test --release --test threads_modes -- --ignored --nocapture transition_cost`).
/// In Free mode `blocking` touches no GIL, so a call is two transitions (out of running and
/// back) plus two clock reads: what the timeline adds to every blocking call and GIL switch.
#[test]
#[ignore]
fn transition_cost() {
    let rt = Runtime::new(RuntimeConfig::new(Mode::Free, Arc::new(NullSink)));
    let n = 1_000_000;
    let start = Instant::now();
    for _ in 0..n {
        rt.blocking(0, State::Sleeping, || ());
    }
    let ns = start.elapsed().as_nanos() as f64 / (2 * n) as f64;
    println!("transition_ns {:.1}", ns);
}
