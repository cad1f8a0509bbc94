//! The timeline's asyncio task lanes and per-process GIL rows (docs/report.md, "Processes and
//! asyncio tasks"), read from real runs' reports: tasks sit under the thread that runs their
//! loop, switch only at an `await` (two running spans of one loop never overlap), two sleeping
//! tasks overlap in `awaiting` while the loop's thread is `sleeping` (not waiting for a lock),
//! and a CPU-bound task keeps a ready task from running. Each process has a GIL row of its own.

mod harness;

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;
use threadlab::runtime::{Mode, NullSink, Report, Span, State, TaskReport, ThreadReport};
use threadlab::vm::{run, RunOptions, RunOutput};

const LANES: &str = include_str!("data/asyncio_lanes.py");
const TWO_PROCESSES_TWO_THREADS: &str = include_str!("data/two_processes_two_threads.py");

fn run_with(mode: Mode, green: bool, source: &str) -> RunOutput {
    let opts = RunOptions { mode, green, ..RunOptions::default() };
    run(source, opts, Arc::new(NullSink))
}

fn spans<'a>(spans: &'a [Span], state: State) -> Vec<&'a Span> {
    spans.iter().filter(|s| s.state == state).collect()
}

fn overlaps(a: &Span, b: &Span) -> bool {
    a.start_ms < b.end_ms && b.start_ms < a.end_ms
}

fn lane<'a>(r: &'a Report, name: &str) -> &'a ThreadReport {
    r.threads.iter().find(|t| t.name == name).unwrap_or_else(|| panic!("no lane {name}"))
}

fn task<'a>(t: &'a ThreadReport, name: &str) -> &'a TaskReport {
    let names: Vec<&str> = t.tasks.iter().map(|k| k.name.as_str()).collect();
    t.tasks.iter().find(|k| k.name == name).unwrap_or_else(|| panic!("no task {name} under {}: {names:?}", t.name))
}

fn python3_stdout(source: &str) -> String {
    // Tests run in parallel: one file per source.
    let tag = source.len() ^ source.bytes().fold(0usize, |h, b| h.wrapping_mul(31).wrapping_add(b as usize));
    let path = std::env::temp_dir().join(format!("threadlab-asyncio-lanes-{}-{tag:x}.py", std::process::id()));
    std::fs::write(&path, source).unwrap();
    let out = harness::python(Path::new(&path));
    let _ = std::fs::remove_file(&path);
    out.stdout_text()
}

/// The checks every mode shares: names, the one-step-at-a-time rule, the sleepers' overlap,
/// the convoy.
fn check_lanes(r: &Report, green: bool) {
    let main = lane(r, "MainThread");
    let names: BTreeSet<&str> = main.tasks.iter().map(|k| k.name.as_str()).collect();
    assert_eq!(names, BTreeSet::from(["Task-1", "sleeper-a", "sleeper-b", "crunch", "ticker"]), "green={green}");
    for k in &main.tasks {
        assert_eq!(k.spans.first().map(|s| s.state), Some(State::Ready), "{} starts ready", k.name);
        assert_eq!(k.spans.last().map(|s| s.state), Some(State::Done), "{} ends done", k.name);
        assert!(spans(&k.spans, State::Running).len() >= 1, "{} never ran", k.name);
    }
    // One loop runs one step at a time: no two tasks of it are ever running together.
    for (i, a) in main.tasks.iter().enumerate() {
        for b in &main.tasks[i + 1..] {
            for x in spans(&a.spans, State::Running) {
                for y in spans(&b.spans, State::Running) {
                    assert!(!overlaps(x, y), "{} and {} ran at once: {x:?} {y:?}", a.name, b.name);
                }
            }
        }
    }
    // The two sleepers await together, and meanwhile the loop's thread sleeps (its select()),
    // never waits for a lock.
    let (a, b) = (task(main, "sleeper-a"), task(main, "sleeper-b"));
    let (wa, wb) = (spans(&a.spans, State::Awaiting), spans(&b.spans, State::Awaiting));
    assert_eq!((wa.len(), wb.len()), (1, 1), "one await each: {a:?} {b:?}");
    assert!(overlaps(wa[0], wb[0]), "the sleepers did not await together: {:?} {:?}", wa[0], wb[0]);
    let both = Span { state: State::Awaiting, start_ms: wa[0].start_ms.max(wb[0].start_ms), end_ms: wa[0].end_ms.min(wb[0].end_ms) };
    assert!(
        spans(&main.spans, State::Sleeping).iter().any(|s| overlaps(s, &both)),
        "the loop's thread did not sleep while both tasks awaited: {:?}",
        main.spans
    );
    assert!(spans(&main.spans, State::BlockedLock).is_empty(), "the loop's wait showed as a lock wait: {:?}", main.spans);
    // The convoy: crunch never awaits, so it runs in one step, and the ticker, ready before it
    // began, stays ready until it ends.
    let crunch = task(main, "crunch");
    let ticker = task(main, "ticker");
    let run = spans(&crunch.spans, State::Running);
    assert_eq!(run.len(), 1, "crunch ran in more than one step: {:?}", crunch.spans);
    assert!(
        spans(&ticker.spans, State::Ready).iter().any(|s| s.start_ms <= run[0].start_ms && s.end_ms >= run[0].end_ms),
        "the ticker was not ready all through crunch's step: crunch {:?}, ticker {:?}",
        run[0],
        ticker.spans
    );
    assert_eq!(spans(&ticker.spans, State::Running).len(), 4, "three ticks and the return: {:?}", ticker.spans);
    // Only the loop's thread has tasks.
    assert!(r.threads.iter().filter(|t| t.name != "MainThread").all(|t| t.tasks.is_empty()));
}

#[test]
fn asyncio_tasks_have_lanes_under_their_loop_thread_in_every_engine() {
    let expected = python3_stdout(LANES);
    for (mode, green) in [(Mode::Gil, false), (Mode::Free, false), (Mode::Sequential, false), (Mode::Gil, true)] {
        let out = run_with(mode, green, LANES);
        assert_eq!(out.report.stdout, expected, "{mode:?} green={green}; stderr: {}", out.stderr);
        check_lanes(&out.report, green);
    }
}

#[test]
fn a_loop_in_a_thread_puts_its_tasks_under_that_thread() {
    let source = "import asyncio, threading\n\
async def nap(n):\n    await asyncio.sleep(0.02)\n    return n\n\
async def main(tag):\n    return tag, await asyncio.gather(nap(1), nap(2))\n\
def worker():\n    print(asyncio.run(main('worker')))\n\
t = threading.Thread(target=worker, name='looper')\nt.start()\nt.join()\nprint(asyncio.run(main('main')))\n";
    let out = run_with(Mode::Gil, false, source);
    assert_eq!(out.report.stdout, python3_stdout(source), "stderr: {}", out.stderr);
    let looper = lane(&out.report, "looper");
    let main = lane(&out.report, "MainThread");
    let names = |t: &ThreadReport| t.tasks.iter().map(|k| k.name.clone()).collect::<Vec<_>>();
    // asyncio's task counter is per program, as in CPython: the worker's loop ran first.
    assert_eq!(names(looper), ["Task-1", "Task-2", "Task-3"]);
    assert_eq!(names(main), ["Task-4", "Task-5", "Task-6"]);
    let json = harness::Json::parse(&out.report.to_json()).unwrap();
    let threads = match json.get("threads") {
        Some(harness::Json::Arr(a)) => a.clone(),
        other => panic!("threads: {other:?}"),
    };
    let with_tasks: Vec<&str> = threads.iter().filter(|t| t.get("tasks").is_some()).map(|t| t.get("name").unwrap().as_str().unwrap()).collect();
    assert_eq!(with_tasks, ["MainThread", "looper"], "only loop threads carry a tasks field");
    let first = match threads[0].get("tasks") {
        Some(harness::Json::Arr(a)) => a[0].clone(),
        other => panic!("tasks: {other:?}"),
    };
    assert_eq!(first.get("task").and_then(|t| t.as_str()), Some("Task-4"));
    assert!(matches!(first.get("spans"), Some(harness::Json::Arr(s)) if s.len() >= 4));
}

/// A GIL span's lane must be a lane of its own process; spans of one row never overlap.
fn check_gil_rows(r: &Report) {
    for p in &r.processes {
        let row = p.gil.as_ref().unwrap_or_else(|| panic!("{} has no GIL row under gil", p.name));
        assert!(!row.is_empty(), "{}: empty GIL row", p.name);
        for s in row {
            assert_eq!(r.threads[s.lane].process, p.pid, "{}: a GIL span names another process's lane", p.name);
            // The holder's lane is `running` for all of it: the row and the lane are stamped
            // with the same instants, inside the GIL's mutex.
            let t = &r.threads[s.lane];
            assert!(
                t.spans.iter().any(|x| x.state == State::Running && x.start_ms <= s.start_ms && s.end_ms <= x.end_ms),
                "{}: {} holds the GIL over {s:?} but is not running all that time: {:?}",
                p.name,
                t.name,
                t.spans
            );
        }
        for w in row.windows(2) {
            assert!(w[0].end_ms <= w[1].start_ms, "{}: GIL spans overlap: {:?}", p.name, w);
        }
    }
}

#[test]
fn each_process_has_its_own_gil_row() {
    let out = run_with(Mode::Gil, false, TWO_PROCESSES_TWO_THREADS);
    assert_eq!(out.report.stdout, "exitcodes [0, 0] 4\n", "stderr: {}", out.stderr);
    let r = &out.report;
    let names: Vec<&str> = r.processes.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["MainProcess", "Process-1", "Process-2"]);
    let pids: BTreeSet<u64> = r.processes.iter().map(|p| p.pid).collect();
    let lane_pids: BTreeSet<u64> = r.threads.iter().map(|t| t.process).collect();
    assert_eq!(pids, lane_pids, "one process entry per process of the lanes");
    check_gil_rows(r);
    // The two children's GILs were held at the same moment: the rows overlap across processes.
    let (a, b) = (r.processes[1].gil.as_ref().unwrap(), r.processes[2].gil.as_ref().unwrap());
    let held = |s: &threadlab::runtime::GilSpan| r.threads[s.lane].name.starts_with("Thread-");
    assert!(
        a.iter().filter(|s| held(s)).any(|x| b.iter().filter(|s| held(s)).any(|y| x.start_ms < y.end_ms && y.start_ms < x.end_ms)),
        "the two processes' GIL rows never overlapped"
    );
    let json = harness::Json::parse(&r.to_json()).unwrap();
    let procs = match json.get("processes") {
        Some(harness::Json::Arr(a)) => a.clone(),
        other => panic!("processes: {other:?}"),
    };
    assert_eq!(procs[1].get("name").and_then(|n| n.as_str()), Some("Process-1"));
    assert!(matches!(procs[1].get("gil"), Some(harness::Json::Arr(s)) if !s.is_empty()));
    assert_eq!(procs[1].get("tasks_dropped").and_then(|n| n.as_f64()), Some(0.0));
}

#[test]
fn one_process_one_row_and_no_row_without_a_gil() {
    let source = "import threading\ndef f():\n    sum(range(20000))\nts=[threading.Thread(target=f) for _ in range(2)]\n\
for t in ts: t.start()\nfor t in ts: t.join()\nprint('ok')\n";
    for green in [false, true] {
        let out = run_with(Mode::Gil, green, source);
        assert_eq!(out.report.stdout, "ok\n", "{}", out.stderr);
        assert_eq!(out.report.processes.len(), 1);
        assert_eq!(out.report.processes[0].name, "MainProcess");
        assert_eq!(out.report.processes[0].pid, out.report.threads[0].process);
        check_gil_rows(&out.report);
        let holders: BTreeSet<usize> = out.report.processes[0].gil.as_ref().unwrap().iter().map(|s| s.lane).collect();
        assert_eq!(holders, BTreeSet::from([0, 1, 2]), "green={green}: every thread held the GIL");
    }
    for mode in [Mode::Free, Mode::Sequential] {
        let out = run_with(mode, false, source);
        assert_eq!(out.report.processes.len(), 1);
        assert_eq!(out.report.processes[0].gil, None, "{mode:?} has no GIL");
        assert!(out.report.to_json().contains("\"processes\":[{\"pid\":"));
    }
}
