//! The threading module against CPython: every program in tests/programs/threads/ must print exactly what
//! `python3 FILE` prints (stdout bytes, exit status, last stderr line) when run by
//! `threadlab run FILE --mode gil` and `--mode free`, and `--mode sequential` for the programs
//! whose output does not depend on threads overlapping. Each run is killed after 30 s (a failure).
//!
//! Then the seed lessons (tests/programs/lessons/), where CPython's own output order is partly
//! nondeterministic: those parts are compared as sets, and said so below.
//!
//! `THREADLAB_BIN=path` tests another build of the runner (e.g. a release build).

mod harness;

use std::path::PathBuf;
use harness::{diff_hint, python, python_files, threadlab, Outcome};

/// Programs whose output is the same when each thread runs to completion inside `start()`
/// (no thread waits for something another thread does later).
const SEQUENTIAL_OK: &[&str] = &[
    "01_names.py",
    "02_current_thread.py",
    "06_exception_in_thread.py",
    "07_lock_counter.py",
    "13_errors.py",
    "14_subclass.py",
    "15_args_kwargs.py",
    "19_exception_variants.py",
    "20_lesson5_count.py",
];

fn threads_dir() -> PathBuf {
    harness::programs_dir("threads")
}

fn seed(name: &str) -> PathBuf {
    harness::programs_dir("lessons").join(name)
}

/// Problems with `got` compared with CPython's `want` (empty: same).
fn compare(want: &Outcome, got: &Outcome) -> Vec<String> {
    let mut problems = Vec::new();
    if got.timed_out {
        problems.push(format!("killed after {:?}", harness::TIMEOUT));
    }
    let (exp, act) = (want.stdout_text(), got.stdout_text());
    if want.stdout != got.stdout {
        problems.push(format!("stdout differs\n{}", diff_hint(&exp, &act)));
    }
    if want.code != got.code {
        problems.push(format!("exit status: python3 {:?}, threadlab {:?}", want.code, got.code));
    }
    if want.last_stderr_line() != got.last_stderr_line() {
        problems.push(format!(
            "last stderr line: python3 {:?}, threadlab {:?}",
            want.last_stderr_line(),
            got.last_stderr_line()
        ));
    }
    problems
}

fn sorted(s: &str) -> Vec<&str> {
    let mut v: Vec<&str> = s.lines().collect();
    v.sort();
    v
}

/// Runs `f` for each item on its own thread (the runs mostly sleep or wait, so running them
/// side by side keeps the suite short).
fn side_by_side<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    std::thread::scope(|s| {
        let handles: Vec<_> = items.iter().map(|it| s.spawn(|| f(it))).collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    })
}

fn modes_for(name: &str) -> Vec<&'static str> {
    let mut modes = vec!["gil", "free"];
    if SEQUENTIAL_OK.contains(&name) {
        modes.push("sequential");
    }
    modes
}

#[test]
fn programs_match_python3_in_every_mode() {
    let files = python_files(&threads_dir());
    assert!(files.len() >= 15, "expected at least 15 programs in tests/threads, found {}", files.len());
    let results = harness::parallel_map(&files, |path| {
        let name = harness::file_name(path);
        let want = python(path);
        assert!(!want.timed_out, "python3 timed out on {}", name);
        let mut failures = Vec::new();
        for mode in modes_for(&name) {
            let got = threadlab(path, &["--mode", mode]);
            let problems = compare(&want, &got);
            if !problems.is_empty() {
                failures.push(format!("{} --mode {}:\n  {}", name, mode, problems.join("\n  ")));
            }
        }
        failures
    });
    let failures: Vec<String> = results.into_iter().flatten().collect();
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn sequential_list_names_existing_programs() {
    for name in SEQUENTIAL_OK {
        assert!(threads_dir().join(name).exists(), "SEQUENTIAL_OK names a missing program {}", name);
    }
}

/// Lesson 1. CPython 3.11 here does NOT print one fixed order: on a pipe or a terminal the main
/// thread's line came first in about half of the runs, and now and then inside the thread's
/// line ("Task runningMain thread continues"). The tutorial's order is the GIL protocol's
/// outcome (start() waits for the new thread, which keeps the GIL until it sleeps), and that is
/// what gil mode must print every time. In free mode the main thread and the new thread race
/// for real, so only the set of lines is fixed.
#[test]
fn seed_lesson1_interleaving() {
    let path = seed("01_seed_level1_simple.py");
    let tutorial = "Task running\nMain thread continues\nTask running\nTask running\n";
    let runs = side_by_side(&["python3", "gil", "free"], |m| match *m {
        "python3" => python(&path),
        mode => threadlab(&path, &["--mode", mode]),
    });
    let (py, gil, free) = (&runs[0], &runs[1], &runs[2]);
    // python3 may even split a line, so it is only checked to print the same characters.
    let chars = |s: &str| {
        let mut c: Vec<char> = s.chars().collect();
        c.sort();
        c
    };
    assert_eq!(chars(&py.stdout_text()), chars(tutorial), "python3 itself");
    // Under the GIL the new thread prints first unless the OS holds it off the core past a switch
    // interval (a loaded machine can): the first two lines are a set, the rest is the lesson's.
    let gil_out = gil.stdout_text();
    let (head, tail) = gil_out.split_at(gil_out.match_indices('\n').nth(1).map_or(gil_out.len(), |(i, _)| i + 1));
    assert_eq!(sorted(head), sorted("Task running\nMain thread continues\n"), "gil: {:?}", gil_out);
    assert_eq!(tail, "Task running\nTask running\n", "gil mode: main does not wait for the sleeps: {:?}", gil_out);
    assert_eq!(sorted(&free.stdout_text()), sorted(tutorial), "free mode: the same lines");
    for run in [gil, free] {
        assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
    }
}

/// Lesson 2: the main thread's name, in every mode.
#[test]
fn seed_lesson2_main_thread() {
    for file in ["02_seed_level2_hello.py", "03_seed_level2_current_thread.py", "04_seed_level2_create_thread.py"] {
        let path = seed(file);
        let want = python(&path);
        for mode in ["gil", "free", "sequential"] {
            let got = threadlab(&path, &["--mode", mode]);
            let p = compare(&want, &got);
            assert!(p.is_empty(), "{} --mode {}: {:?}", file, mode, p);
        }
    }
    assert_eq!(threadlab(&seed("03_seed_level2_current_thread.py"), &[]).stdout_text(), "MainThread\n");
}

/// Lesson 5 (two threads counting to 10,000,000): "Done" in every mode.
#[test]
fn seed_lesson5_count() {
    let path = seed("06_seed_level5_count.py");
    for got in side_by_side(&["gil", "free", "sequential"], |m| threadlab(&path, &["--mode", m])) {
        assert_eq!(got.stdout_text(), "Done\n");
        assert_eq!(got.code, Some(0));
    }
}

/// Lesson 6 (three 2 s downloads). The three "Downloading" lines come first and the three
/// "Finished" lines after 2 s, but within each group the order is a race (in CPython too), so
/// each group is compared as a set. Sequential mode prints each download's two lines together.
#[test]
fn seed_lesson6_downloads() {
    let path = seed("07_seed_level6_download.py");
    let runs = side_by_side(&["python3", "gil", "free", "sequential"], |m| match *m {
        "python3" => python(&path),
        mode => threadlab(&path, &["--mode", mode]),
    });
    let starts = "Downloading a.mp4\nDownloading b.mp4\nDownloading c.mp4\n";
    // CPython's print() writes the text and the "\n" separately, so python3 itself can print
    // "Finished b.mp4Finished c.mp4\n\n" (seen here on a loaded machine): its output is
    // compared as a multiset of characters. threadlab writes each print() whole, so its own
    // lines are checked too: which new thread prints first is a race (in CPython too), so the
    // first three lines are compared as a set.
    let chars = |s: String| {
        let mut v: Vec<char> = s.chars().collect();
        v.sort_unstable();
        v
    };
    assert!(runs[0].stdout_text().ends_with("All downloads complete\n"), "python3: {:?}", runs[0].stdout_text());
    for (run, label) in runs[1..3].iter().zip(["gil", "free"]) {
        let out = run.stdout_text();
        let mut first: Vec<&str> = out.lines().take(3).collect();
        first.sort();
        assert_eq!(first.join("\n") + "\n", starts, "{}: {:?}", label, out);
        assert!(out.ends_with("All downloads complete\n"), "{}: {:?}", label, out);
        assert_eq!(chars(runs[0].stdout_text()), chars(out.clone()), "{}: {:?} vs python3 {:?}", label, out, runs[0].stdout_text());
        assert_eq!((run.code, run.timed_out), (runs[0].code, false), "{}", label);
    }
    // A sleep never ends early, so at least 2 s; overlapping, far less than the 6 s of one after
    // the other (the upper bound is twice the expected 2 s).
    let threaded = runs[1].elapsed.as_secs_f64();
    assert!((2.0..4.0).contains(&threaded), "threaded downloads overlap: {:?}", runs[1].elapsed);
    assert_eq!(
        runs[3].stdout_text(),
        "Downloading a.mp4\nFinished a.mp4\nDownloading b.mp4\nFinished b.mp4\nDownloading c.mp4\nFinished c.mp4\n\
         All downloads complete\n"
    );
    assert!(runs[3].elapsed.as_secs_f64() > 5.9, "sequential downloads take 6 s: {:?}", runs[3].elapsed);
}

/// Lesson 7: with join ("task ran" then "Done") and without (the thread still runs; the
/// interpreter waits for it at exit), in every mode.
#[test]
fn seed_lesson7_join_and_no_join() {
    for file in ["08_seed_level7_join.py", "05_seed_level2_start_thread.py"] {
        let path = seed(file);
        let want = python(&path);
        for mode in ["gil", "free", "sequential"] {
            let got = threadlab(&path, &["--mode", mode]);
            let p = compare(&want, &got);
            assert!(p.is_empty(), "{} --mode {}: {:?}", file, mode, p);
        }
    }
}

/// An exception in a thread: the whole "Exception in thread" report, not just its last line.
#[test]
fn exception_report_shape() {
    let got = threadlab(&threads_dir().join("06_exception_in_thread.py"), &[]);
    let err = got.stderr;
    assert!(err.starts_with("Exception in thread Thread-1 (fails):\nTraceback (most recent call last):\n"), "{}", err);
    assert!(err.contains("line 9, in fails\n    raise ValueError(\"boom\")\nValueError: boom\n"), "{}", err);
    assert_eq!(got.code, Some(0));
}
