//! Pools where workers cannot wait for work: in sequential mode a thread (and a process) runs
//! to completion inside `start()`, and with green threads a process does too. There a
//! `ThreadPoolExecutor` worker drains the queue and ends, and a `multiprocessing.Pool` runs its
//! N workers in turn, each taking a fair share of a submission's tasks (docs/processes.md,
//! "Modes"). The programs print what CPython makes deterministic and are compared with python3;
//! the worker turns, which CPython leaves to the scheduler, are checked against the documented
//! order.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use threadlab::runtime::{Mode, NullSink};
use threadlab::vm::{run, RunOptions, RunOutput};

const THREAD_POOL_WAITS: &str = include_str!("data/thread_pool_waits.py");
const POOL_TURNS: &str = include_str!("data/pool_turns.py");

/// Every way threadlab runs a program's threads: (label, mode, green).
const ENGINES: [(&str, Mode, bool); 5] = [
    ("sequential", Mode::Sequential, false),
    ("gil", Mode::Gil, false),
    ("free", Mode::Free, false),
    ("green gil", Mode::Gil, true),
    ("green sequential", Mode::Sequential, true),
];

fn run_with(mode: Mode, green: bool, source: &str) -> RunOutput {
    let opts = RunOptions { mode, green, ..RunOptions::default() };
    run(source, opts, Arc::new(NullSink))
}

/// What python3 prints for the program in tests/data/NAME.
fn python3_stdout(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("data").join(name);
    let out = Command::new("python3").arg(&path).output().expect("python3 is needed: it computes the expected output");
    assert!(out.status.success(), "python3 {}: {}", name, String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn assert_matches_python3(file: &str, source: &str) {
    let want = python3_stdout(file);
    for (label, mode, green) in ENGINES {
        let out = run_with(mode, green, source);
        assert_eq!(out.report.stdout, want, "{} ({}): stderr {}", file, label, out.stderr);
        assert_eq!(out.exit_code, 0, "{} ({})", file, label);
        assert!(out.report.deadlock.is_none(), "{} ({}): {:?}", file, label, out.report.deadlock);
    }
}

#[test]
fn thread_pool_executor_submit_map_as_completed_and_wait_end_in_every_mode() {
    assert_matches_python3("thread_pool_waits.py", THREAD_POOL_WAITS);
}

#[test]
fn sequential_thread_pool_workers_take_the_pools_names_in_turn() {
    let src = "
from concurrent.futures import ThreadPoolExecutor
import threading
with ThreadPoolExecutor(max_workers=2) as ex:
    print([ex.submit(lambda: threading.current_thread().name).result() for _ in range(3)])
";
    let out = run_with(Mode::Sequential, false, src);
    assert_eq!(
        out.report.stdout,
        "['ThreadPoolExecutor-0_0', 'ThreadPoolExecutor-0_1', 'ThreadPoolExecutor-0_0']\n",
        "stderr: {}",
        out.stderr
    );
    let lanes: Vec<&str> = out.report.threads.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(lanes, ["MainThread", "ThreadPoolExecutor-0_0", "ThreadPoolExecutor-0_1", "ThreadPoolExecutor-0_0"]);
}

#[test]
fn pool_and_process_pool_executor_match_python3_in_every_mode() {
    assert_matches_python3("pool_turns.py", POOL_TURNS);
}

/// A map's tasks split in fair shares over the next workers; each apply_async goes to the next
/// worker; every turn is a process of its own on the timeline.
const TURNS: &str = "
import multiprocessing as mp
import os

def named(x):
    return mp.current_process().name[-1] + ':' + str(x)

def pid(x):
    return os.getpid()

if __name__ == '__main__':
    with mp.Pool(3) as pool:
        print(pool.map(named, range(7)))
        print([pool.apply_async(named, (i,)).get() for i in range(4)])
        print(len(set(pool.map(pid, range(2)))))
";

#[test]
fn one_at_a_time_pool_workers_take_fair_shares_in_turn() {
    for (label, mode, green) in [("sequential", Mode::Sequential, false), ("green", Mode::Gil, true)] {
        let out = run_with(mode, green, TURNS);
        assert_eq!(
            out.report.stdout,
            "['1:0', '1:1', '1:2', '2:3', '2:4', '3:5', '3:6']\n['1:0', '2:1', '3:2', '1:3']\n2\n",
            "{}: stderr {}",
            label,
            out.stderr
        );
        // The program's process, then one process per turn: 3 (map) + 4 (apply_async) + 2 (map).
        let pids: BTreeSet<u64> = out.report.threads.iter().map(|t| t.process).collect();
        assert_eq!(pids.len(), 1 + 3 + 4 + 2, "{}: lanes by process {:?}", label, pids);
    }
}
