//! The corpus: every program in tests/programs/language/ (and the seed lessons in
//! tests/programs/lessons/) must print exactly what
//! `python3 FILE` prints — same stdout bytes, same exit status and, when the program dies of an
//! uncaught exception, the same last stderr line (`ZeroDivisionError: division by zero`).
//!
//! Programs run in parallel with a per-program timeout; all mismatches are reported at the end.
//! `CORPUS_FILTER=name` runs a subset; `THREADLAB_BIN=path` tests another build of the runner.

mod harness;

use std::path::PathBuf;
use harness::{diff_hint, programs_dir, python, python_files, threadlab};

/// Programs known not to pass yet (path relative to tests/programs). They still run, and the report
/// names them loudly; they just do not fail the test. The tech lead empties this list.
const EXPECTED_TO_FAIL: &[&str] = &[];

/// Programs whose output order depends on thread scheduling even under CPython (seed copies kept
/// as written). CPython's print() writes the text and the "\n" separately, so two threads can even
/// produce "Finished bFinished c\n\n": their stdout is compared as a multiset of characters.
const ORDER_INDEPENDENT: &[&str] = &["lessons/01_seed_level1_simple.py", "lessons/07_seed_level6_download.py"];

struct Verdict {
    name: String,
    problems: Vec<String>,
    python_ms: u128,
    threadlab_ms: u128,
}

fn check(path: &PathBuf) -> Verdict {
    let name = path.strip_prefix(programs_dir("")).unwrap().to_string_lossy().into_owned();
    let want = python(path);
    let got = threadlab(path, &[]);
    let mut problems = Vec::new();
    if want.timed_out {
        problems.push("python3 itself timed out: the program is too slow for the corpus".into());
    }
    if got.timed_out {
        problems.push(format!("threadlab timed out after {:?} and was killed", harness::TIMEOUT));
    }
    let (exp, act) = (want.stdout_text(), got.stdout_text());
    let same_stdout = if ORDER_INDEPENDENT.contains(&name.as_str()) {
        sorted_chars(&exp) == sorted_chars(&act)
    } else {
        want.stdout == got.stdout
    };
    if !same_stdout {
        problems.push(format!("stdout differs\n{}", diff_hint(&exp, &act)));
    }
    if want.code != got.code {
        problems.push(format!("exit status: python3 {:?}, threadlab {:?}", want.code, got.code));
    }
    if want.code != Some(0) && want.last_stderr_line() != got.last_stderr_line() {
        problems.push(format!(
            "last stderr line:\n      python3:   {:?}\n      threadlab: {:?}",
            want.last_stderr_line(),
            got.last_stderr_line()
        ));
    }
    if !problems.is_empty() && !got.stderr.is_empty() && want.code == Some(0) {
        problems.push(format!("threadlab stderr: {}", excerpt(&got.stderr)));
    }
    Verdict { name, problems, python_ms: want.elapsed.as_millis(), threadlab_ms: got.elapsed.as_millis() }
}

fn sorted_chars(s: &str) -> Vec<char> {
    let mut chars: Vec<char> = s.chars().collect();
    chars.sort_unstable();
    chars
}

fn excerpt(s: &str) -> String {
    let lines: Vec<&str> = s.lines().collect();
    let tail = &lines[lines.len().saturating_sub(6)..];
    tail.join("\n        ")
}

#[test]
fn corpus_matches_python3() {
    let mut files = python_files(&programs_dir("language"));
    files.extend(python_files(&programs_dir("lessons")));
    assert!(!files.is_empty(), "no corpus programs matched");
    let verdicts = harness::parallel_map(&files, check);

    let mut failures = Vec::new();
    let mut known = Vec::new();
    let mut fixed = Vec::new();
    for v in &verdicts {
        let expected_fail = EXPECTED_TO_FAIL.contains(&v.name.as_str());
        let status = match (v.problems.is_empty(), expected_fail) {
            (true, false) => "ok",
            (true, true) => "ok (listed as expected to fail: remove it from EXPECTED_TO_FAIL)",
            (false, true) => "FAIL (expected)",
            (false, false) => "FAIL",
        };
        eprintln!("{:<45} {:>6} ms python3 {:>6} ms threadlab  {}", v.name, v.python_ms, v.threadlab_ms, status);
        let report = format!("--- {}\n  {}", v.name, v.problems.join("\n  "));
        match (v.problems.is_empty(), expected_fail) {
            (false, false) => failures.push(report),
            (false, true) => known.push(report),
            (true, true) => fixed.push(v.name.clone()),
            (true, false) => {}
        }
    }
    let passed = verdicts.iter().filter(|v| v.problems.is_empty()).count();
    eprintln!("\ncorpus: {} of {} programs match python3", passed, verdicts.len());
    if !known.is_empty() {
        eprintln!("\n!!! {} program(s) on the EXPECTED_TO_FAIL list still fail (not counted):\n{}", known.len(), known.join("\n"));
    }
    if !fixed.is_empty() {
        eprintln!("\n!!! now passing, remove from EXPECTED_TO_FAIL: {:?}", fixed);
    }
    if !failures.is_empty() {
        panic!("{} corpus program(s) differ from python3:\n{}", failures.len(), failures.join("\n"));
    }
}
