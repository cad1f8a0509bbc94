//! VM tests: every program in `progs/` runs under threadlab and under `python3`; stdout, the
//! exit status and stderr (without CPython's `^~~~` caret lines) must match.

use crate::runtime::NullSink;
use crate::vm::{run, RunOptions};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

struct Outcome {
    stdout: String,
    stderr: String,
    code: i32,
}

fn python(path: &Path) -> Option<Outcome> {
    let out = Command::new("python3").arg(path).output().ok()?;
    Some(Outcome {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    })
}

fn threadlab(path: &Path) -> Outcome {
    let source = std::fs::read_to_string(path).unwrap();
    let opts = RunOptions { filename: path.to_string_lossy().into_owned(), ..RunOptions::default() };
    let r = run(&source, opts, Arc::new(NullSink));
    Outcome { stdout: r.report.stdout, stderr: r.stderr, code: r.exit_code }
}

/// CPython 3.11's fine-grained error locations (`~~^~~`) are not reproduced.
fn strip_carets(s: &str) -> String {
    s.lines()
        .filter(|l| {
            let t = l.trim();
            t.is_empty() || !t.chars().all(|c| matches!(c, '^' | '~'))
        })
        .map(|l| format!("{}\n", l))
        .collect()
}

pub(crate) fn progs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/vm/tests/progs")
}

/// Runs one program both ways; Err describes the difference.
pub(crate) fn compare(path: &Path) -> Result<(), String> {
    let py = match python(path) {
        Some(p) => p,
        None => return Ok(()), // no python3 here: nothing to compare against
    };
    let tl = threadlab(path);
    let mut diffs = Vec::new();
    if tl.stdout != py.stdout {
        diffs.push(format!("stdout:\n--- threadlab\n{}--- python3\n{}", tl.stdout, py.stdout));
    }
    // threadlab's added line under a ModuleNotFoundError (tests/programs.rs checks it).
    let tl_stderr = tl.stderr.replace(&format!("{}\n", crate::vm::modules::MISSING_MODULE_NOTE), "");
    let (a, b) = (strip_carets(&tl_stderr), strip_carets(&py.stderr));
    if a != b {
        diffs.push(format!("stderr:\n--- threadlab\n{}--- python3\n{}", a, b));
    }
    if tl.code != py.code {
        diffs.push(format!("exit code: threadlab {} python3 {}", tl.code, py.code));
    }
    if diffs.is_empty() {
        Ok(())
    } else {
        Err(format!("{}:\n{}", path.display(), diffs.join("\n")))
    }
}

#[test]
fn programs_match_python() {
    let mut failures = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(progs_dir()).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    let filter = std::env::var("PROG").unwrap_or_default();
    for p in paths.iter().filter(|p| p.extension().map_or(false, |e| e == "py")) {
        if !p.to_string_lossy().contains(&filter) {
            continue;
        }
        if let Err(e) = compare(p) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{} program(s) differ:\n\n{}", failures.len(), failures.join("\n\n"));
}

/// `THREADLAB_FILE=x.py cargo test --lib run_file -- --ignored --nocapture` shows one program's
/// stdout and stderr under threadlab.
#[test]
#[ignore]
fn run_file() {
    let path = std::env::var("THREADLAB_FILE").expect("THREADLAB_FILE");
    let o = threadlab(Path::new(&path));
    print!("{}", o.stdout);
    eprint!("{}", o.stderr);
    eprintln!("[exit {}]", o.code);
}

mod unit;
