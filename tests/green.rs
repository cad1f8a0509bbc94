//! Green threads (`threadlab run --green`: every Python thread on one OS thread, as in a browser
//! page that is not cross-origin isolated) against CPython and against the worker-per-thread
//! GIL engine:
//!
//! * the threading corpus (tests/programs/threads/, tests/programs/lessons/) prints what `python3` prints,
//!   compared as tests/threads.rs and tests/corpus.rs compare it;
//! * on the same programs both engines give the same kind of timeline: running spans never
//!   overlap, CPU-bound threads trade the GIL, sleeps overlap, the convoy effect's wake-ups wait
//!   for the GIL, sequential threads run one after the other;
//! * free-threaded mode is refused with a clear error.
//!
//! Mechanisms only: no bound on how long CPU work takes; sleeps give lower bounds, and upper
//! bounds are at least twice what is expected.

mod harness;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use harness::{diff_hint, python, python_files, threadlab, Outcome};
use threadlab::runtime::{Mode, NullSink, Report, Span, State, ThreadReport};
use threadlab::vm::{run, RunOptions};

fn dir(parts: &[&str]) -> PathBuf {
    parts.iter().fold(PathBuf::from(env!("CARGO_MANIFEST_DIR")), |p, s| p.join(s))
}

/// Seed copies whose stdout order varies under CPython itself (tests/corpus.rs compares them
/// as a multiset of characters: CPython can interleave inside a line).
const ORDER_INDEPENDENT: &[&str] = &["01_seed_level1_simple.py", "07_seed_level6_download.py"];

fn chars(s: &str) -> Vec<char> {
    let mut c: Vec<char> = s.chars().collect();
    c.sort_unstable();
    c
}

fn problems(want: &Outcome, got: &Outcome, as_chars: bool) -> Vec<String> {
    let mut p = Vec::new();
    if got.timed_out {
        p.push(format!("killed after {:?}", harness::TIMEOUT));
    }
    let (exp, act) = (want.stdout_text(), got.stdout_text());
    let same = if as_chars { chars(&exp) == chars(&act) } else { want.stdout == got.stdout };
    if !same {
        p.push(format!("stdout differs\n{}", diff_hint(&exp, &act)));
    }
    if want.code != got.code {
        p.push(format!("exit status: python3 {:?}, threadlab {:?}", want.code, got.code));
    }
    if want.last_stderr_line() != got.last_stderr_line() {
        p.push(format!("last stderr line: python3 {:?}, threadlab {:?}", want.last_stderr_line(), got.last_stderr_line()));
    }
    p
}

#[test]
fn threading_corpus_matches_python3_on_green_threads() {
    let mut files = python_files(&dir(&["tests", "programs", "threads"]));
    files.extend(python_files(&dir(&["tests", "programs", "lessons"])));
    assert!(files.len() >= 30, "expected the threading corpus, found {} programs", files.len());
    let failures: Vec<String> = harness::parallel_map(&files, |path: &PathBuf| {
        let name = harness::file_name(path);
        let want = python(path);
        assert!(!want.timed_out, "python3 timed out on {}", name);
        let got = threadlab(path, &["--green"]);
        let p = problems(&want, &got, ORDER_INDEPENDENT.contains(&name.as_str()));
        (!p.is_empty()).then(|| format!("{} --green:\n  {}", name, p.join("\n  ")))
    })
    .into_iter()
    .flatten()
    .collect();
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

// ---- timelines -------------------------------------------------------------------------------

fn run_on(green: bool, mode: Mode, source: &str) -> Report {
    let opts = RunOptions { mode, green, ..RunOptions::default() };
    let out = run(source, opts, Arc::new(NullSink));
    assert_eq!(out.report.error, None, "green={green} {mode:?}: {}", out.stderr);
    out.report
}

/// Both engines, the same program: (label, report).
fn both(mode: Mode, source: &str) -> Vec<(&'static str, Report)> {
    vec![("green", run_on(true, mode, source)), ("workers", run_on(false, mode, source))]
}

fn lane<'a>(r: &'a Report, name: &str) -> &'a ThreadReport {
    r.threads.iter().find(|t| t.name == name).unwrap_or_else(|| panic!("no lane {name}"))
}

fn spans(t: &ThreadReport, state: State) -> Vec<&Span> {
    t.spans.iter().filter(|s| s.state == state).collect()
}

fn overlap(a: &Span, b: &Span) -> bool {
    a.start_ms < b.end_ms && b.start_ms < a.end_ms
}

/// Under the GIL no two lanes ever run at once.
fn assert_one_runs_at_a_time(label: &str, r: &Report) {
    for (i, a) in r.threads.iter().enumerate() {
        for b in &r.threads[i + 1..] {
            for x in spans(a, State::Running) {
                for y in spans(b, State::Running) {
                    assert!(!overlap(x, y), "{label}: {} {:?} and {} {:?} run at once", a.name, x, b.name, y);
                }
            }
        }
    }
}

const TWO_COUNTS: &str = "
import threading

def count():
    total = 0
    for i in range(1_500_000):
        total += 1

t1 = threading.Thread(target=count)
t2 = threading.Thread(target=count)
t1.start()
t2.start()
t1.join()
t2.join()
print('Done')
";

/// Lesson 5: two CPU-bound threads take turns: switches, waits for the GIL, never both at once.
#[test]
fn cpu_bound_threads_trade_the_gil_on_both_engines() {
    for (label, r) in both(Mode::Gil, TWO_COUNTS) {
        assert_eq!(r.stdout, "Done\n");
        assert_eq!(r.green, label == "green");
        assert_one_runs_at_a_time(label, &r);
        assert!(r.gil_switches > 0, "{label}: no GIL switch");
        for name in ["Thread-1 (count)", "Thread-2 (count)"] {
            let t = lane(&r, name);
            assert!(spans(t, State::Running).len() >= 2, "{label}: {name} ran in one piece: {:?}", t.spans);
            assert!(!spans(t, State::WaitingGil).is_empty(), "{label}: {name} never waited for the GIL");
        }
    }
}

/// Green threads replay the switch interval as a timeout: a contended holder is asked to drop
/// the GIL only once a waiter has waited a whole interval, so no running span of a CPU-bound
/// thread but its last is shorter than the interval; and a smaller interval means more switches.
#[test]
fn green_holders_keep_the_gil_for_the_switch_interval() {
    let with_interval = |secs: f64| format!("import sys\nsys.setswitchinterval({secs})\n{TWO_COUNTS}");
    let r = run_on(true, Mode::Gil, &with_interval(0.002));
    for name in ["Thread-1 (count)", "Thread-2 (count)"] {
        let runs = spans(lane(&r, name), State::Running);
        for s in &runs[..runs.len() - 1] {
            assert!(s.end_ms - s.start_ms >= 2.0 - 0.01, "{name} dropped the GIL early: {s:?}");
        }
    }
    let coarse = run_on(true, Mode::Gil, &with_interval(0.02));
    assert!(r.gil_switches > coarse.gil_switches, "2 ms: {} switches, 20 ms: {}", r.gil_switches, coarse.gil_switches);
}

/// Lesson 6: three 2 s downloads overlap: about 2 s in all, not 6 s.
#[test]
fn sleeps_overlap_on_both_engines() {
    let source = std::fs::read_to_string(dir(&["tests", "programs", "lessons", "07_seed_level6_download.py"])).unwrap();
    for (label, r) in both(Mode::Gil, &source) {
        assert!(r.stdout.ends_with("All downloads complete\n"), "{label}: {:?}", r.stdout);
        assert!(r.wall_ms >= 2000.0, "{label}: a 2 s sleep ended early: {} ms", r.wall_ms);
        assert!(r.wall_ms < 4000.0, "{label}: downloads did not overlap: {} ms", r.wall_ms);
        let sleeps: Vec<&Span> = r.threads.iter().skip(1).map(|t| *spans(t, State::Sleeping).first().expect("a sleep")).collect();
        assert_eq!(sleeps.len(), 3, "{label}");
        let latest_start = sleeps.iter().map(|s| s.start_ms).fold(0.0, f64::max);
        let earliest_end = sleeps.iter().map(|s| s.end_ms).fold(f64::INFINITY, f64::min);
        assert!(latest_start < earliest_end, "{label}: the three sleeps never overlap: {sleeps:?}");
        assert_one_runs_at_a_time(label, &r);
    }
}

/// Lesson 1: the main thread prints while task() sleeps; the output is the tutorial's. (The
/// new thread keeps the GIL from start() to its sleep only if it is not held up for a switch
/// interval meanwhile, which a loaded machine can do, to CPython too: up to 3 runs.)
#[test]
fn main_thread_runs_while_a_thread_sleeps_on_both_engines() {
    let source = std::fs::read_to_string(dir(&["tests", "programs", "lessons", "01_seed_level1_simple.py"])).unwrap();
    let tutorial = "Task running\nMain thread continues\nTask running\nTask running\n";
    for green in [true, false] {
        let label = if green { "green" } else { "workers" };
        let r = (0..3)
            .map(|_| run_on(green, Mode::Gil, &source))
            .find(|r| {
                assert_eq!(chars(&r.stdout), chars(tutorial), "{label}");
                r.stdout == tutorial
            })
            .unwrap_or_else(|| panic!("{label}: not one of 3 runs printed the tutorial's order"));
        let printed = r.output.iter().find(|o| o.text.starts_with("Main thread")).expect("main's line");
        assert_eq!(printed.thread, "MainThread");
        let first_sleep = spans(lane(&r, "Thread-1 (task)"), State::Sleeping)[0];
        assert!(
            first_sleep.start_ms <= printed.t_ms && printed.t_ms <= first_sleep.end_ms,
            "{label}: main printed at {} ms, outside task's first sleep {:?}",
            printed.t_ms,
            first_sleep
        );
    }
}

const CONVOY: &str = "
import threading
import time

done = False

def io_bound():
    global done
    for i in range(50):
        time.sleep(0.001)
    done = True

def cpu_bound():
    total = 0
    while not done:
        total += 1

io = threading.Thread(target=io_bound, name='io')
cpu = threading.Thread(target=cpu_bound, name='cpu')
io.start()
cpu.start()
io.join()
cpu.join()
print('Done')
";

/// The convoy effect: beside a CPU-bound thread, the I/O thread waits for the GIL after its
/// wake-ups (it wakes at the deadline, then waits for the holder's switch interval).
#[test]
fn convoy_wakeups_wait_for_the_gil_on_both_engines() {
    for (label, r) in both(Mode::Gil, CONVOY) {
        assert_eq!(r.stdout, "Done\n");
        assert_one_runs_at_a_time(label, &r);
        let io = lane(&r, "io");
        let after_sleep = io.spans.windows(2).filter(|w| w[0].state == State::Sleeping && w[1].state == State::WaitingGil).count();
        assert!(after_sleep >= 25, "{label}: only {after_sleep} of 50 wake-ups waited for the GIL");
        // Each such wait is served by a switch away from the CPU-bound thread and back.
        assert!(r.gil_switches >= 50, "{label}: {} switches", r.gil_switches);
        // 50 sleeps of 1 ms cannot take less than 50 ms.
        let life = io.spans.iter().filter(|s| s.state != State::Done);
        let (start, end) = life.fold((f64::INFINITY, 0.0_f64), |(a, b), s| (a.min(s.start_ms), b.max(s.end_ms)));
        assert!(end - start >= 50.0, "{label}: io lived {} ms", end - start);
    }
}

const THREE_IN_TURN: &str = "
import threading, time

def work(n):
    time.sleep(0.05)
    total = 0
    for i in range(20000):
        total += i
    print('thread', n, 'done')

threads = [threading.Thread(target=work, args=(n,)) for n in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
";

/// Sequential mode: each thread's lane is live strictly after the previous one's ended.
#[test]
fn sequential_threads_run_one_after_the_other_on_both_engines() {
    for (label, r) in both(Mode::Sequential, THREE_IN_TURN) {
        assert_eq!(r.stdout, "thread 0 done\nthread 1 done\nthread 2 done\n", "{label}");
        let lives: Vec<(f64, f64)> = r.threads[1..]
            .iter()
            .map(|t| {
                let live: Vec<&Span> = t.spans.iter().filter(|s| s.state != State::Done).collect();
                (live[0].start_ms, live[live.len() - 1].end_ms)
            })
            .collect();
        for w in lives.windows(2) {
            assert!(w[0].1 <= w[1].0, "{label}: lanes overlap or are out of order: {lives:?}");
        }
        assert_eq!(r.gil_switches, 0, "{label}");
        assert!(r.wall_ms >= 150.0, "{label}: three 50 ms sleeps in turn took {} ms", r.wall_ms);
    }
}

/// A thread inside Python code that a builtin called back (a sort key) cannot leave its Rust
/// frames; it still switches, by running the other thread on top of them (vm/green.rs).
#[test]
fn a_switch_inside_a_builtin_callback_still_lets_the_other_thread_run() {
    let source = "
import threading

def key(x):
    total = 0
    for i in range(300):
        total += i
    return -x

def sorter():
    print(sorted(range(3000), key=key)[:3])

def counter():
    total = 0
    for i in range(300_000):
        total += 1
    print('counted', total)

a = threading.Thread(target=sorter)
b = threading.Thread(target=counter)
a.start()
b.start()
a.join()
b.join()
";
    let r = run_on(true, Mode::Gil, source);
    let mut lines: Vec<&str> = r.stdout.lines().collect();
    lines.sort();
    assert_eq!(lines, ["[2999, 2998, 2997]", "counted 300000"]);
    assert_one_runs_at_a_time("green", &r);
    let sorter = lane(&r, "Thread-1 (sorter)");
    assert!(spans(sorter, State::WaitingGil).len() >= 2, "the sorter never gave up the GIL: {:?}", sorter.spans);
}

/// Free-threaded mode needs real threads: refused with an error saying why, and by the runner
/// as a usage error.
#[test]
fn free_threaded_mode_is_refused_on_green_threads() {
    let opts = RunOptions { mode: Mode::Free, green: true, ..RunOptions::default() };
    let out = run("print('never')\n", opts, Arc::new(NullSink));
    let err = out.report.error.expect("an error");
    assert_eq!(err.typ, "RuntimeError");
    assert!(err.message.contains("cross-origin isolated"), "{}", err.message);
    assert_eq!(out.report.stdout, "");
    assert_eq!(out.exit_code, 1);
    assert!(out.stderr.starts_with("RuntimeError: free-threaded mode needs real threads"), "{}", out.stderr);

    let cli = threadlab(Path::new("any.py"), &["--green", "--mode", "free"]);
    assert_eq!(cli.code, Some(2), "{}", cli.stderr);
    assert!(cli.stderr.contains("free-threaded mode needs real threads"), "{}", cli.stderr);
}

/// The report says which engine ran.
#[test]
fn the_report_names_the_engine() {
    let file = dir(&["tests", "programs", "threads", "03_join.py"]);
    for (flags, engine) in [(&["--green", "--json"][..], "green"), (&["--json"][..], "workers")] {
        let out = threadlab(&file, flags);
        let json = harness::Json::parse(&out.stdout_text()).expect("a JSON report");
        assert_eq!(json.get("engine").and_then(|e| e.as_str()), Some(engine));
    }
}

/// A thread whose target is a builtin that blocks (`time.sleep`, `Event.wait`) parks like
/// Python code does: the main thread runs during the target's wait, on both engines. Before,
/// a green thread called such a target below Rust frames and pinned the main thread under it.
#[test]
fn a_builtin_target_that_blocks_lets_the_others_run() {
    let source = "
import threading, time
e = threading.Event()
t = threading.Thread(target=e.wait, args=(10,), name='waiter')
t.start()
print('waiter alive while main runs:', t.is_alive())
e.set()
t.join()
print('waiter alive after join:', t.is_alive())
s = threading.Thread(target=time.sleep, args=(0.2,), name='sleeper')
s.start()
n = 0
while s.is_alive():
    n += 1
print('main counted while the sleeper slept:', n > 0)
";
    for (label, r) in both(Mode::Gil, source) {
        assert_eq!(
            r.stdout,
            "waiter alive while main runs: True\nwaiter alive after join: False\nmain counted while the sleeper slept: True\n",
            "{label}"
        );
        let slept = spans(lane(&r, "sleeper"), State::Sleeping);
        assert_eq!(slept.len(), 1, "{label}: {:?}", lane(&r, "sleeper").spans);
        let main_ran = spans(lane(&r, "MainThread"), State::Running).iter().any(|m| overlap(m, slept[0]));
        assert!(main_ran, "{label}: the main thread never ran during the sleeper's sleep");
    }
}
