//! Inputs that once crashed, wedged or hung the engine (issue 13): deep nesting, huge
//! allocations, deadlocks. tests/programs/hardening/*.py must print what python3 prints, exit
//! as it does and end with its last stderr line, in gil mode and with green threads;
//! tests/data/ holds the programs CPython itself cannot run (it crashes), with stated outcomes.

mod harness;

use harness::{programs_dir, python, python_files, threadlab, Outcome};
use std::path::Path;

fn data(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("data").join(name)
}

fn same_as_python3(file: &Path, expected: &Outcome, extra: &[&str]) -> Result<(), String> {
    let got = threadlab(file, extra);
    let name = format!("{} {:?}", file.display(), extra);
    if got.timed_out {
        return Err(format!("{}: timed out", name));
    }
    if got.stdout != expected.stdout {
        return Err(format!("{}: stdout differs:\n{}", name, harness::diff_hint(&expected.stdout_text(), &got.stdout_text())));
    }
    if got.code != expected.code || got.last_stderr_line() != expected.last_stderr_line() {
        return Err(format!(
            "{}: exit {:?} / {:?}, python3 exit {:?} / {:?}\n{}",
            name,
            got.code,
            got.last_stderr_line(),
            expected.code,
            expected.last_stderr_line(),
            got.stderr
        ));
    }
    Ok(())
}

#[test]
fn hardening_programs_match_python3() {
    let files = python_files(&programs_dir("hardening"));
    assert!(!files.is_empty());
    let failures: Vec<String> = harness::parallel_map(&files, |f| {
        let expected = python(f);
        assert!(!expected.timed_out, "python3 timed out on {}", f.display());
        let mut errs = Vec::new();
        for extra in [&[][..], &["--green"][..]] {
            if let Err(e) = same_as_python3(f, &expected, extra) {
                errs.push(e);
            }
        }
        errs
    })
    .into_iter()
    .flatten()
    .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn nesting_past_the_stack_raises_recursion_error() {
    let ops = ["repr", "eq", "lt", "hash", "set", "dict key"];
    let want: String = ["main", "thread"]
        .iter()
        .flat_map(|w| ops.iter().map(move |op| format!("{} {} RecursionError\n", w, op)))
        .collect();
    for extra in [&[][..], &["--green"][..], &["--mode", "free"][..]] {
        let got = threadlab(&data("deep_past_the_stack.py"), extra);
        assert_eq!(got.stdout_text(), want, "{:?}: stderr {}", extra, got.stderr);
        assert_eq!(got.code, Some(0), "{:?}: {}", extra, got.stderr);
    }
}

#[test]
fn sizes_past_the_heap_cap_raise_memory_error() {
    let want: String = ["main", "thread"]
        .iter()
        .flat_map(|w| ["shift", "pow", "pow()", "repeat"].into_iter().map(move |op| format!("{} {} MemoryError\n", w, op)))
        .collect();
    for extra in [&[][..], &["--green"][..]] {
        let got = threadlab(&data("past_the_heap_cap.py"), extra);
        assert_eq!(got.stdout_text(), want, "{:?}: stderr {}", extra, got.stderr);
        assert_eq!(got.code, Some(0), "{:?}: {}", extra, got.stderr);
    }
}

/// `--timeout`: a program that would never end (a spin, a sleep, a lock taken twice, a huge
/// power) is stopped, with a TimeoutError line on stderr and timeout(1)'s exit status 124.
#[test]
fn timeout_stops_what_never_ends() {
    let dir = std::env::temp_dir().join(format!("threadlab-timeout-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let programs = [
        ("spin", "print('start', flush=True)\nwhile True:\n    pass\n"),
        ("sleep", "import time\nprint('start', flush=True)\ntime.sleep(1000)\n"),
        ("lock", "import threading\nl = threading.Lock()\nl.acquire()\nprint('start', flush=True)\nl.acquire()\n"),
        ("join", "import threading, time\ndef f():\n    time.sleep(1000)\nt = threading.Thread(target=f)\nt.start()\nprint('start', flush=True)\nt.join()\n"),
        ("pow", "print('start', flush=True)\nx = 10 ** (10 ** 8)\n"),
    ];
    for (name, src) in programs {
        let file = dir.join(format!("{}.py", name));
        std::fs::write(&file, src).unwrap();
        for extra in [&["--timeout", "0.5"][..], &["--timeout", "0.5", "--green"][..]] {
            let got = threadlab(&file, extra);
            assert!(!got.timed_out, "{} {:?}: the runner itself hung", name, extra);
            assert_eq!(got.code, Some(124), "{} {:?}: {}", name, extra, got.stderr);
            assert_eq!(got.stdout_text(), "start\n", "{} {:?}", name, extra);
            assert_eq!(
                got.last_stderr_line(),
                "TimeoutError: the program was stopped after --timeout 0.5 seconds",
                "{} {:?}",
                name,
                extra
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
