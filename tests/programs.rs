//! Real threading programs (tests/programs/real/<category>/, each naming its source in its first
//! line) and small programs per standard module (tests/programs/stdlib/): each must print what
//! `python3 FILE` prints, on stdout and on stderr, with the same exit status.
//!
//! stderr is compared after one normalisation: traceback frame lines (`  File ...` and the
//! indented source and caret lines under them) are dropped, because CPython's frames inside its
//! own Lib/*.py files have no counterpart in a module compiled into threadlab. The
//! `Traceback (most recent call last):` header and the exception line still have to match.
//!
//! A program may ask for more normalisation in comment lines near its top:
//! - `# compare: unordered`: stdout and stderr are compared as multisets of lines (threads
//!   print in an order the scheduler picks). If CPython itself split a line (its print() writes
//!   the text and the newline separately, so two threads can interleave them), the lines differ
//!   but the characters do not; that counts as the same.
//! - `# normalize: digits`: every run of digits becomes `N`, and the spaces before it one space
//!   (timestamps, thread idents, pids, and the padding of a number whose width varies).
//!
//! threadlab adds one line under a ModuleNotFoundError (that the module is missing from threadlab,
//! and where the README lists what it has); that line is taken out of its stderr before the
//! comparison (harness::strip_module_note), and `missing_module_note_is_printed` checks it is there.
//!
//! `PROGRAMS_FILTER=name` runs a subset; `THREADLAB_BIN=path` tests another build.

#[path = "harness/mod.rs"]
mod harness;

use std::path::{Path, PathBuf};
use harness::{diff_hint, python, threadlab};

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("programs")
}

/// `(category, path)` for every program: `real/<category>/*.py` and `stdlib/*.py`.
fn programs() -> Vec<(String, PathBuf)> {
    let filter = std::env::var("PROGRAMS_FILTER").unwrap_or_default();
    let mut dirs: Vec<(String, PathBuf)> = Vec::new();
    let real = programs_dir().join("real");
    for e in std::fs::read_dir(&real).unwrap_or_else(|e| panic!("read {}: {}", real.display(), e)) {
        let p = e.unwrap().path();
        if p.is_dir() {
            dirs.push((format!("real/{}", p.file_name().unwrap().to_string_lossy()), p));
        }
    }
    dirs.push(("stdlib".into(), programs_dir().join("stdlib")));
    let mut out = Vec::new();
    for (cat, dir) in dirs {
        for e in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("read {}: {}", dir.display(), e)) {
            let p = e.unwrap().path();
            if p.extension().map_or(false, |x| x == "py") && p.to_string_lossy().contains(&filter) {
                out.push((cat.clone(), p));
            }
        }
    }
    out.sort();
    out
}

struct Options {
    unordered: bool,
    digits: bool,
}

fn options(source: &str) -> Options {
    let has = |line: &str| source.lines().take(15).any(|l| l.trim() == line);
    Options { unordered: has("# compare: unordered"), digits: has("# normalize: digits") }
}

/// Drops traceback frame lines: `  File "...", line N, in f` and the deeper-indented lines
/// (source, carets) that follow one.
fn without_frames(stderr: &str) -> String {
    let mut out = String::new();
    let mut in_frame = false;
    for line in stderr.split_inclusive('\n') {
        if line.starts_with("  File \"") {
            in_frame = true;
            continue;
        }
        if in_frame && line.starts_with("    ") {
            continue;
        }
        in_frame = false;
        out.push_str(line);
    }
    out
}

/// The line threadlab prints under `ModuleNotFoundError: No module named ...`.
fn missing_module_note() -> String {
    format!("{}\n", threadlab::vm::modules::MISSING_MODULE_NOTE)
}

fn digits_to_n(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_digits = false;
    for c in s.chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                // Padding before a number (`%(relativeCreated)6d`) depends on its width.
                let trimmed = out.trim_end_matches(' ').len();
                if trimmed < out.len() {
                    out.truncate(trimmed);
                    out.push(' ');
                }
                out.push('N');
            }
            in_digits = true;
        } else {
            in_digits = false;
            out.push(c);
        }
    }
    out
}

fn same(want: &str, got: &str, unordered: bool) -> bool {
    if !unordered {
        return want == got;
    }
    let lines = |s: &str| {
        let mut v: Vec<String> = s.lines().map(str::to_string).collect();
        v.sort();
        v
    };
    let chars = |s: &str| {
        let mut v: Vec<char> = s.chars().collect();
        v.sort_unstable();
        v
    };
    lines(want) == lines(got) || chars(want) == chars(got)
}

fn check(path: &Path) -> Vec<String> {
    let source = std::fs::read_to_string(path).unwrap();
    assert!(
        source.lines().next().map_or(false, |l| l.starts_with("# ")),
        "{}: the first line must be a comment naming the program's source",
        path.display()
    );
    let opts = options(&source);
    let want = python(path);
    let got = threadlab(path, &[]);
    let norm = |s: &str| if opts.digits { digits_to_n(s) } else { s.to_string() };
    let mut problems = Vec::new();
    if want.timed_out {
        problems.push("python3 itself timed out".to_string());
    }
    if got.timed_out {
        problems.push(format!("threadlab timed out after {:?} and was killed", harness::TIMEOUT));
    }
    let (exp, act) = (norm(&want.stdout_text()), norm(&got.stdout_text()));
    if !same(&exp, &act, opts.unordered) {
        problems.push(format!("stdout differs\n{}", diff_hint(&exp, &act)));
    }
    let got_stderr = harness::strip_module_note(&got.stderr);
    let (exp, act) = (norm(&without_frames(&want.stderr)), norm(&without_frames(&got_stderr)));
    if !same(&exp, &act, opts.unordered) {
        problems.push(format!("stderr differs (frame lines dropped)\n{}", diff_hint(&exp, &act)));
    }
    if want.code != got.code {
        problems.push(format!("exit status: python3 {:?}, threadlab {:?}", want.code, got.code));
    }
    problems
}

#[test]
fn programs_match_python3() {
    let all = programs();
    assert!(!all.is_empty(), "no programs matched");
    let paths: Vec<PathBuf> = all.iter().map(|(_, p)| p.clone()).collect();
    let results = harness::parallel_map(&paths, |p| check(p));
    let mut by_cat: Vec<(String, usize, usize)> = Vec::new();
    let mut failures = Vec::new();
    for ((cat, path), problems) in all.iter().zip(&results) {
        let name = path.strip_prefix(programs_dir()).unwrap().to_string_lossy().into_owned();
        eprintln!("{:<55} {}", name, if problems.is_empty() { "ok" } else { "FAIL" });
        match by_cat.iter_mut().find(|(c, _, _)| c == cat) {
            Some(e) => {
                e.1 += problems.is_empty() as usize;
                e.2 += 1;
            }
            None => by_cat.push((cat.clone(), problems.is_empty() as usize, 1)),
        }
        if !problems.is_empty() {
            failures.push(format!("--- {}\n  {}", name, problems.join("\n  ")));
        }
    }
    eprintln!();
    for (cat, pass, total) in &by_cat {
        eprintln!("{:<20} {:>3} of {:>3} match python3", cat, pass, total);
    }
    if !failures.is_empty() {
        panic!("{} program(s) differ from python3:\n{}", failures.len(), failures.join("\n"));
    }
}

#[test]
fn frame_lines_are_dropped_and_digits_normalised() {
    let tb = "Traceback (most recent call last):\n  File \"x.py\", line 3, in <module>\n    f()\n    ^^^\nValueError: bad 12\nafter\n";
    assert_eq!(without_frames(tb), "Traceback (most recent call last):\nValueError: bad 12\nafter\n");
    assert_eq!(digits_to_n("12:05:33,120 T-1"), "N:N:N,N T-N");
    assert_eq!(digits_to_n("     1 main\n    52 main"), " N main\n N main");
    assert!(same("a\nb\n", "b\na\n", true));
    assert!(!same("a\nb\n", "b\na\n", false));
    assert!(same("ab\n\n", "a\nb\n", true), "a line CPython split still has the same characters");
    assert!(!same("a\n", "b\n", true));
}

#[test]
fn missing_module_note_is_printed() {
    let path = programs_dir().join("stdlib").join("missing_module.py");
    let got = threadlab(&path, &[]);
    let want = "ModuleNotFoundError: No module named 'definitely_not_a_module'\n".to_string() + &missing_module_note();
    assert!(got.stderr.ends_with(&want), "stderr:\n{}", got.stderr);
    assert_eq!(got.code, Some(1));
}
