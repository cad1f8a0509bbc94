//! Programs that end in an uncaught exception or a compile error. tests/programs/errors/: the
//! runner must name the same exception type, message and line as python3's traceback, both on
//! stderr (exit status 1) and in `--json`'s `error {type, message, line}`.
//!
//! A program can state its expectation instead of asking python3, for behaviour CPython does not
//! share (valid Python outside the subset): a comment line `# threadlab-expect: TYPE line N`.
//! Then only the type and line are checked.
//!
//! tests/programs/tracebacks/: whole tracebacks must match python3's (`tracebacks_match_python3`).

mod harness;

use std::path::PathBuf;
use harness::{programs_dir, python, python_files, strip_carets, threadlab, Json, Outcome};

#[derive(Debug, PartialEq)]
struct Expected {
    typ: String,
    /// `None` when the program states its own expectation (no python3 message to match).
    message: Option<String>,
    line: u32,
    /// python3's stdout, when python3 is the reference.
    stdout: Option<Vec<u8>>,
}

/// `# threadlab-expect: NotImplementedError line 4`
fn stated_expectation(source: &str) -> Option<Expected> {
    let rest = source.lines().find_map(|l| l.trim().strip_prefix("# threadlab-expect:"))?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    match words.as_slice() {
        [typ, "line", n] => Some(Expected { typ: typ.to_string(), message: None, line: n.parse().ok()?, stdout: None }),
        _ => panic!("malformed threadlab-expect line: {:?}", rest),
    }
}

/// The innermost `File "...", line N` of a traceback (or of a SyntaxError report).
fn innermost_line(stderr: &str) -> Option<u32> {
    stderr.lines().filter(|l| l.trim_start().starts_with("File \"")).last().and_then(|l| {
        let after = l.split("\", line ").nth(1)?;
        after.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
    })
}

/// `Type: message` (or a bare `Type`) into its parts.
fn split_error_line(line: &str) -> (String, String) {
    match line.split_once(": ") {
        Some((t, m)) => (t.to_string(), m.to_string()),
        None => (line.to_string(), String::new()),
    }
}

fn expected_from_python(py: &Outcome) -> Result<Expected, String> {
    if py.code != Some(1) {
        return Err(format!("python3 exited with {:?}; error programs must die of an exception", py.code));
    }
    let (typ, message) = split_error_line(&py.last_stderr_line());
    let line = innermost_line(&py.stderr).ok_or("no `File ..., line N` in python3's stderr")?;
    Ok(Expected { typ, message: Some(message), line, stdout: Some(py.stdout.clone()) })
}

fn check(path: &PathBuf) -> (String, Vec<String>) {
    let name = harness::file_name(path);
    let source = std::fs::read_to_string(path).unwrap();
    let expected = match stated_expectation(&source) {
        Some(e) => e,
        None => match expected_from_python(&python(path)) {
            Ok(e) => e,
            Err(msg) => return (name, vec![msg]),
        },
    };
    let mut problems = Vec::new();
    check_plain_run(path, &expected, &mut problems);
    check_json_run(path, &expected, &mut problems);
    (name, problems)
}

fn check_plain_run(path: &PathBuf, want: &Expected, problems: &mut Vec<String>) {
    let got = threadlab(path, &[]);
    if got.code != Some(1) {
        problems.push(format!("exit status {:?}, expected 1 (timed out: {})", got.code, got.timed_out));
    }
    let last = got.last_stderr_line();
    let (typ, message) = split_error_line(&last);
    if typ != want.typ || want.message.as_ref().map_or(false, |m| *m != message) {
        let shown = match &want.message {
            Some(m) if !m.is_empty() => format!("{}: {}", want.typ, m),
            Some(_) => want.typ.clone(),
            None => format!("{}: ...", want.typ),
        };
        problems.push(format!("stderr ends with {:?}, expected {:?}", last, shown));
    }
    if let Some(line) = innermost_line(&got.stderr) {
        if line != want.line {
            problems.push(format!("stderr names line {}, expected line {}", line, want.line));
        }
    }
    if let Some(stdout) = &want.stdout {
        if *stdout != got.stdout {
            problems.push(format!("stdout differs\n{}", harness::diff_hint(&String::from_utf8_lossy(stdout), &got.stdout_text())));
        }
    }
}

fn check_json_run(path: &PathBuf, want: &Expected, problems: &mut Vec<String>) {
    let got = threadlab(path, &["--json"]);
    if got.code != Some(1) {
        problems.push(format!("--json: exit status {:?}, expected 1", got.code));
    }
    let report = match Json::parse(&got.stdout_text()) {
        Ok(r) => r,
        Err(e) => {
            problems.push(format!("--json: stdout is not one JSON document ({}): {:?}", e, got.stdout_text()));
            return;
        }
    };
    let Some(error) = report.get("error").filter(|e| **e != Json::Null) else {
        problems.push("--json: error is null".into());
        return;
    };
    let typ = error.get("type").and_then(Json::as_str).unwrap_or("<missing>");
    if typ != want.typ {
        problems.push(format!("--json: error.type {:?}, expected {:?}", typ, want.typ));
    }
    if let Some(m) = &want.message {
        let message = error.get("message").and_then(Json::as_str).unwrap_or("<missing>");
        if message != m {
            problems.push(format!("--json: error.message {:?}, expected {:?}", message, m));
        }
    }
    let line = error.get("line").and_then(Json::as_f64);
    if line != Some(want.line as f64) {
        problems.push(format!("--json: error.line {:?}, expected {}", line, want.line));
    }
    if let Some(stdout) = &want.stdout {
        let printed = report.get("stdout").and_then(Json::as_str).unwrap_or("<missing>");
        if printed.as_bytes() != stdout.as_slice() {
            problems.push(format!("--json: report.stdout {:?}, expected {:?}", printed, String::from_utf8_lossy(stdout)));
        }
    }
}

#[test]
fn error_programs_match_python3() {
    let files = python_files(&programs_dir("errors"));
    assert!(files.len() >= 15 || std::env::var("CORPUS_FILTER").is_ok(), "at least 15 error programs");
    let results = harness::parallel_map(&files, check);
    let mut failures = Vec::new();
    for (name, problems) in &results {
        eprintln!("{:<40} {}", name, if problems.is_empty() { "ok" } else { "FAIL" });
        if !problems.is_empty() {
            failures.push(format!("--- {}\n  {}", name, problems.join("\n  ")));
        }
    }
    eprintln!("\nerrors: {} of {} programs match python3", results.len() - failures.len(), results.len());
    if !failures.is_empty() {
        panic!("{} error program(s) differ:\n{}", failures.len(), failures.join("\n"));
    }
}

/// tests/programs/tracebacks/: the whole of stderr (every traceback line, chained exceptions,
/// SyntaxError reports, `sys.exit` messages) and stdout and the exit status must match
/// python3's, except CPython's `~~^~~` location lines.
#[test]
fn tracebacks_match_python3() {
    let files = python_files(&programs_dir("tracebacks"));
    assert!(files.len() >= 30 || std::env::var("CORPUS_FILTER").is_ok(), "at least 30 traceback programs");
    let results = harness::parallel_map(&files, |path| {
        let (want, got) = (python(path), threadlab(path, &[]));
        let mut problems = Vec::new();
        if want.stdout != got.stdout {
            problems.push(format!("stdout differs\n{}", harness::diff_hint(&want.stdout_text(), &got.stdout_text())));
        }
        let (exp, act) = (strip_carets(&want.stderr), strip_carets(&harness::strip_module_note(&got.stderr)));
        if exp != act {
            problems.push(format!("stderr differs\n{}", harness::diff_hint(&exp, &act)));
        }
        if want.code != got.code {
            problems.push(format!("exit status: python3 {:?}, threadlab {:?}", want.code, got.code));
        }
        (harness::file_name(path), problems)
    });
    let failures: Vec<String> = results
        .iter()
        .filter(|(_, p)| !p.is_empty())
        .map(|(name, p)| format!("--- {}\n  {}", name, p.join("\n  ")))
        .collect();
    eprintln!("tracebacks: {} of {} programs match python3", results.len() - failures.len(), results.len());
    assert!(failures.is_empty(), "{} traceback program(s) differ:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn reads_python_tracebacks() {
    let tb = "Traceback (most recent call last):\n  File \"x.py\", line 4, in <module>\n    f()\n  File \"x.py\", line 2, in f\n    1/0\nZeroDivisionError: division by zero\n";
    assert_eq!(innermost_line(tb), Some(2));
    assert_eq!(split_error_line("ZeroDivisionError: division by zero"), ("ZeroDivisionError".into(), "division by zero".into()));
    assert_eq!(split_error_line("ValueError"), ("ValueError".into(), String::new()));
    let syntax = "  File \"x.py\", line 3\n    y = x +\n           ^\nSyntaxError: invalid syntax\n";
    assert_eq!(innermost_line(syntax), Some(3));
    let stated = stated_expectation("# threadlab-expect: NotImplementedError line 4\n").unwrap();
    assert_eq!((stated.typ.as_str(), stated.line), ("NotImplementedError", 4));
}

#[test]
fn json_reader_reads_reports() {
    let j = Json::parse(r#"{"a": [1, -2.5e1, true, null], "s": "x\"\n\u00e9\ud83d\ude00", "e": {}}"#).unwrap();
    assert_eq!(j.get("s").and_then(Json::as_str), Some("x\"\né😀"));
    assert_eq!(j.get("a"), Some(&Json::Arr(vec![Json::Num(1.0), Json::Num(-25.0), Json::Bool(true), Json::Null])));
    assert!(Json::parse("{} extra").is_err());
}
