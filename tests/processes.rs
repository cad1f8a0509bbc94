//! multiprocessing's mechanism, read from the run's report and output: each process is a
//! fresh interpreter with its own GIL, so under `gil` two processes' `running` spans overlap
//! while two threads of one process never do; a child gets a copy of its arguments and runs
//! the program as `__mp_main__`; sequential mode runs a process inside `start()`; green threads
//! run processes one at a time and say so; Stop and `terminate()` end a child.
//! (Real programs compared with python3: tests/programs/real/multiprocessing/.)

use std::collections::BTreeMap;
use std::sync::Arc;
use threadlab::runtime::{Mode, NullSink, Report, Span, State, ThreadReport};
use threadlab::vm::{run, RunOptions, RunOutput};

fn run_with(mode: Mode, green: bool, source: &str) -> RunOutput {
    let opts = RunOptions { mode, green, ..RunOptions::default() };
    run(source, opts, Arc::new(NullSink))
}

fn running(t: &ThreadReport) -> Vec<&Span> {
    t.spans.iter().filter(|s| s.state == State::Running).collect()
}

fn overlap(a: &ThreadReport, b: &ThreadReport) -> bool {
    running(a).iter().any(|x| running(b).iter().any(|y| x.start_ms < y.end_ms && y.start_ms < x.end_ms))
}

/// Lanes by process pid.
fn by_process(r: &Report) -> BTreeMap<u64, Vec<&ThreadReport>> {
    let mut m: BTreeMap<u64, Vec<&ThreadReport>> = BTreeMap::new();
    for t in &r.threads {
        m.entry(t.process).or_default().push(t);
    }
    m
}

/// Two processes of two counting threads each. Every thread counts until it has done its share
/// *and* all four threads have arrived (a shared Value is the rendezvous), so the processes are
/// in their loops at the same time however late the OS starts one. A `running` span means
/// "holds its process's GIL", so the overlap across processes follows from each process having
/// a GIL of its own, on any number of cores.
const TWO_PROCESSES_TWO_THREADS: &str = include_str!("data/two_processes_two_threads.py");

#[test]
fn processes_count_in_parallel_under_gil_threads_of_one_process_never_do() {
    let out = run_with(Mode::Gil, false, TWO_PROCESSES_TWO_THREADS);
    assert_eq!(out.report.stdout, "exitcodes [0, 0] 4\n", "stderr: {}", out.stderr);
    let procs = by_process(&out.report);
    assert_eq!(procs.len(), 3, "the program's process and two children: {:?}", procs.keys());
    let children: Vec<&Vec<&ThreadReport>> =
        procs.values().filter(|lanes| lanes.iter().any(|t| t.name.starts_with("Thread-"))).collect();
    assert_eq!(children.len(), 2);
    for lanes in &children {
        let workers: Vec<&&ThreadReport> = lanes.iter().filter(|t| t.name.starts_with("Thread-")).collect();
        assert_eq!(workers.len(), 2);
        assert!(!overlap(workers[0], workers[1]), "two threads of one process ran at once under the GIL");
    }
    let (a, b) = (children[0], children[1]);
    let crossed = a.iter().any(|x| b.iter().any(|y| x.name.starts_with("Thread-") && y.name.starts_with("Thread-") && overlap(x, y)));
    assert!(crossed, "no running spans of the two processes overlapped: each should have its own GIL");
}

#[test]
fn free_threaded_processes_run_too() {
    let out = run_with(Mode::Free, false, TWO_PROCESSES_TWO_THREADS);
    assert_eq!(out.report.stdout, "exitcodes [0, 0] 4\n", "stderr: {}", out.stderr);
}

const COPIES: &str = "
import multiprocessing as mp

seen = []

def child(data, q):
    data.append('child')
    seen.append('child')
    q.put((__name__, data, mp.current_process().name))

print('module run as', __name__)

if __name__ == '__main__':
    data = ['parent']
    q = mp.Queue()
    p = mp.Process(target=child, args=(data, q))
    p.start()
    print('child sent', q.get())
    p.join()
    print('parent still has', data, seen, p.exitcode)
";

#[test]
fn a_child_gets_copies_and_runs_the_program_as_mp_main() {
    for mode in [Mode::Gil, Mode::Sequential] {
        let out = run_with(mode, false, COPIES);
        assert_eq!(
            out.report.stdout,
            "module run as __main__\nmodule run as __mp_main__\n\
             child sent ('__mp_main__', ['parent', 'child'], 'Process-1')\n\
             parent still has ['parent'] [] 0\n",
            "{mode:?}; stderr: {}",
            out.stderr
        );
    }
}

#[test]
fn sequential_runs_a_process_inside_start() {
    let src = "
import multiprocessing as mp

def hello():
    print('child ran')

if __name__ == '__main__':
    p = mp.Process(target=hello)
    p.start()
    print('after start', p.is_alive(), p.exitcode)
    p.join()
";
    let out = run_with(Mode::Sequential, false, src);
    assert_eq!(out.report.stdout, "child ran\nafter start False 0\n", "stderr: {}", out.stderr);
}

#[test]
fn green_threads_run_processes_one_at_a_time_and_say_so() {
    let src = "
import multiprocessing as mp

def sq(x):
    return x * x

if __name__ == '__main__':
    with mp.Pool(2) as pool:
        print(pool.map(sq, range(5)))
";
    let out = run_with(Mode::Gil, true, src);
    assert_eq!(out.report.stdout, "[0, 1, 4, 9, 16]\n", "stderr: {}", out.stderr);
    assert!(out.stderr.contains("processes run one at a time"), "no note on stderr: {:?}", out.stderr);
}

#[test]
fn terminate_ends_a_blocked_child_with_minus_sigterm() {
    let src = "
import multiprocessing as mp

def wait_forever(ready, q):
    ready.put('ready')
    q.get()

if __name__ == '__main__':
    ready, q = mp.Queue(), mp.Queue()
    p = mp.Process(target=wait_forever, args=(ready, q))
    p.start()
    ready.get()
    p.join(0.05)
    print(p.is_alive(), p.exitcode)
    p.terminate()
    p.join()
    print(p.is_alive(), p.exitcode)
";
    let out = run_with(Mode::Gil, false, src);
    assert_eq!(out.report.stdout, "True None\nFalse -15\n", "stderr: {}", out.stderr);
    // The child's lane is in the report, shifted onto the parent's clock.
    let child: Vec<&ThreadReport> = out.report.threads.iter().filter(|t| t.process != out.report.threads[0].process).collect();
    assert_eq!(child.len(), 1);
    assert!(!running(child[0]).is_empty());
    assert!(child[0].spans.iter().all(|s| s.start_ms <= s.end_ms && s.end_ms <= out.report.wall_ms + 1.0));
}
