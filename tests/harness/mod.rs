//! The one compare-with-python3 harness, shared by tests/corpus.rs, tests/errors.rs,
//! tests/threads.rs, tests/green.rs and tests/pyperformance.rs (`mod harness;`): the Python programs under tests/programs/, running them
//! under python3 (the reference: CPython 3.11) and under the threadlab runner with a timeout, in
//! parallel, comparing their output, and reading the runner's JSON report.
//!
//! tests/programs/: `language/` (the corpus: stdout, exit status, last stderr line),
//! `tracebacks/` (whole tracebacks), `errors/` (error type, message and line, also in `--json`),
//! `threads/` (the threading module, every mode), `lessons/` (the playground's seed lessons).

#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A program that runs longer than this is killed and counted as a failure, so the suite never hangs.
/// Generous because these are debug builds run many at a time: at load 20 on 2 cores a program
/// that takes 2-4 s alone (gfg_lock_race's 200,000 lock round trips) went past 30 s.
pub const TIMEOUT: Duration = Duration::from_secs(120);

pub struct Outcome {
    pub stdout: Vec<u8>,
    pub stderr: String,
    /// `None` when killed (timeout or signal).
    pub code: Option<i32>,
    pub timed_out: bool,
    pub elapsed: Duration,
}

impl Outcome {
    pub fn stdout_text(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    /// The last non-empty stderr line: `Type: message` for an uncaught exception (threadlab's
    /// added line under a ModuleNotFoundError does not count).
    pub fn last_stderr_line(&self) -> String {
        let lines: Vec<&str> = self.stderr.lines().filter(|l| !l.trim().is_empty()).collect();
        match lines.as_slice() {
            // threadlab's one-line note under the exception line.
            [.., exc, _note] if exc.starts_with("ModuleNotFoundError: ") => exc.to_string(),
            [.., last] => last.to_string(),
            [] => String::new(),
        }
    }
}

/// The runner under test: `THREADLAB_BIN` (e.g. a release build) or the test profile's binary.
pub fn threadlab_bin() -> PathBuf {
    match std::env::var_os("THREADLAB_BIN") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_BIN_EXE_threadlab")),
    }
}

/// `tests/programs/<group>`.
pub fn programs_dir(group: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("programs").join(group)
}

/// The `.py` files directly in `dir`, sorted, keeping those whose name contains `CORPUS_FILTER`.
pub fn python_files(dir: &Path) -> Vec<PathBuf> {
    let filter = std::env::var("CORPUS_FILTER").unwrap_or_default();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {}", dir.display(), e))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().map_or(false, |x| x == "py"))
        .filter(|p| p.to_string_lossy().contains(&filter))
        .collect();
    files.sort();
    files
}

pub fn file_name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

/// Runs `program args` to completion or `TIMEOUT`, whichever comes first.
pub fn run(program: &Path, args: &[&str]) -> Outcome {
    run_for(program, args, TIMEOUT)
}

/// `run` with another hang bound (for programs meant to be heavy: deep structures, 10^5 threads).
pub fn run_for(program: &Path, args: &[&str], timeout: Duration) -> Outcome {
    let start = Instant::now();
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn {}: {}", program.display(), e));
    // Drain the pipes on their own threads so a chatty program cannot block on a full pipe.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err.read_to_end(&mut buf);
        buf
    });
    let mut timed_out = false;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            timed_out = true;
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = out_reader.join().unwrap();
    let stderr = String::from_utf8_lossy(&err_reader.join().unwrap()).into_owned();
    Outcome { stdout, stderr, code: status.and_then(|s| s.code()), timed_out, elapsed: start.elapsed() }
}

/// `python3 FILE`. A machine without python3 fails the test, saying so: the expected output
/// comes from python3, so without it nothing would be checked.
pub fn python(file: &Path) -> Outcome {
    require_python3();
    run(Path::new("python3"), &[&file.to_string_lossy()])
}

/// Panics with a clear message if python3 cannot be run.
pub fn require_python3() {
    static FOUND: std::sync::OnceLock<Result<String, String>> = std::sync::OnceLock::new();
    let found = FOUND.get_or_init(|| match Command::new("python3").arg("--version").output() {
        Ok(out) if out.status.success() => Ok(String::from_utf8_lossy(&out.stdout).trim().to_string()),
        Ok(out) => Err(format!("`python3 --version` exited with {}", out.status)),
        Err(e) => Err(format!("cannot run python3: {}", e)),
    });
    if let Err(why) = found {
        panic!(
            "python3 is needed: these tests compare threadlab with python3 (CPython 3.11), which \
             computes every expected output ({}). Install it (Debian: apt-get install python3).",
            why
        );
    }
}

/// CPython 3.11's fine-grained error locations (`~~^~~` lines) are not reproduced: a
/// traceback without them.
/// stderr without threadlab's one-line note under a final `ModuleNotFoundError: ...` line (that
/// the module is missing from threadlab; CPython prints no such line).
pub fn strip_module_note(s: &str) -> String {
    let lines: Vec<&str> = s.split_inclusive('\n').collect();
    match lines.as_slice() {
        [rest @ .., exc, _note] if exc.starts_with("ModuleNotFoundError: ") => rest.concat() + exc,
        _ => s.to_string(),
    }
}

pub fn strip_carets(s: &str) -> String {
    s.lines()
        .filter(|l| {
            let t = l.trim();
            t.is_empty() || !t.chars().all(|c| matches!(c, '^' | '~'))
        })
        .map(|l| format!("{}\n", l))
        .collect()
}

pub fn threadlab(file: &Path, extra: &[&str]) -> Outcome {
    let path = file.to_string_lossy();
    let mut args = vec!["run", path.as_ref()];
    args.extend_from_slice(extra);
    run(&threadlab_bin(), &args)
}

/// Maps `f` over `items` on a few worker threads, keeping the input order in the result.
pub fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(2, 4);
    let next = Mutex::new(0usize);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = {
                    let mut n = next.lock().unwrap();
                    let i = *n;
                    *n += 1;
                    i
                };
                if i >= items.len() {
                    break;
                }
                let r = f(&items[i]);
                results.lock().unwrap()[i] = Some(r);
            });
        }
    });
    results.into_inner().unwrap().into_iter().map(|r| r.unwrap()).collect()
}

/// Where two outputs first differ, with a little context, for a readable failure message.
pub fn diff_hint(expected: &str, actual: &str) -> String {
    let exp: Vec<&str> = expected.split_inclusive('\n').collect();
    let act: Vec<&str> = actual.split_inclusive('\n').collect();
    let first = (0..exp.len().max(act.len())).find(|&i| exp.get(i) != act.get(i)).unwrap_or(0);
    let mut s = format!("    first difference at line {}:\n", first + 1);
    let from = first.saturating_sub(2);
    for i in from..first {
        s.push_str(&format!("      {:>4}   {:?}\n", i + 1, exp[i]));
    }
    for i in first..(first + 3) {
        let (e, a) = (exp.get(i), act.get(i));
        if e.is_none() && a.is_none() {
            break;
        }
        if e == a {
            s.push_str(&format!("      {:>4}   {:?}\n", i + 1, e.unwrap()));
        } else {
            s.push_str(&format!("      {:>4} - {}\n", i + 1, e.map_or("<missing>".into(), |l| format!("{:?}", l))));
            s.push_str(&format!("      {:>4} + {}\n", i + 1, a.map_or("<missing>".into(), |l| format!("{:?}", l))));
        }
    }
    s.push_str(&format!("    ({} lines expected, {} lines printed)\n", exp.len(), act.len()));
    s
}

/// A JSON value: just enough to read the runner's report.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Num(n) => Some(*n),
            _ => None,
        }
    }

    /// Parses a whole document; trailing non-space text is an error.
    pub fn parse(text: &str) -> Result<Json, String> {
        let chars: Vec<char> = text.chars().collect();
        let mut pos = 0;
        let v = parse_value(&chars, &mut pos)?;
        skip_ws(&chars, &mut pos);
        if pos != chars.len() {
            return Err(format!("trailing text at {}", pos));
        }
        Ok(v)
    }
}

fn skip_ws(c: &[char], pos: &mut usize) {
    while *pos < c.len() && c[*pos].is_whitespace() {
        *pos += 1;
    }
}

fn expect(c: &[char], pos: &mut usize, word: &str) -> Result<(), String> {
    for w in word.chars() {
        if c.get(*pos) != Some(&w) {
            return Err(format!("expected {:?} at {}", word, pos));
        }
        *pos += 1;
    }
    Ok(())
}

fn parse_value(c: &[char], pos: &mut usize) -> Result<Json, String> {
    skip_ws(c, pos);
    match c.get(*pos) {
        Some('n') => expect(c, pos, "null").map(|_| Json::Null),
        Some('t') => expect(c, pos, "true").map(|_| Json::Bool(true)),
        Some('f') => expect(c, pos, "false").map(|_| Json::Bool(false)),
        Some('"') => parse_string(c, pos).map(Json::Str),
        Some('[') => {
            *pos += 1;
            let mut items = Vec::new();
            skip_ws(c, pos);
            if c.get(*pos) == Some(&']') {
                *pos += 1;
                return Ok(Json::Arr(items));
            }
            loop {
                items.push(parse_value(c, pos)?);
                skip_ws(c, pos);
                match c.get(*pos) {
                    Some(',') => *pos += 1,
                    Some(']') => {
                        *pos += 1;
                        return Ok(Json::Arr(items));
                    }
                    _ => return Err(format!("expected , or ] at {}", pos)),
                }
            }
        }
        Some('{') => {
            *pos += 1;
            let mut fields = Vec::new();
            skip_ws(c, pos);
            if c.get(*pos) == Some(&'}') {
                *pos += 1;
                return Ok(Json::Obj(fields));
            }
            loop {
                skip_ws(c, pos);
                let key = parse_string(c, pos)?;
                skip_ws(c, pos);
                expect(c, pos, ":")?;
                fields.push((key, parse_value(c, pos)?));
                skip_ws(c, pos);
                match c.get(*pos) {
                    Some(',') => *pos += 1,
                    Some('}') => {
                        *pos += 1;
                        return Ok(Json::Obj(fields));
                    }
                    _ => return Err(format!("expected , or }} at {}", pos)),
                }
            }
        }
        Some(_) => {
            let start = *pos;
            while *pos < c.len() && matches!(c[*pos], '-' | '+' | '.' | 'e' | 'E' | '0'..='9') {
                *pos += 1;
            }
            let s: String = c[start..*pos].iter().collect();
            s.parse().map(Json::Num).map_err(|_| format!("bad number {:?} at {}", s, start))
        }
        None => Err("unexpected end".into()),
    }
}

fn parse_string(c: &[char], pos: &mut usize) -> Result<String, String> {
    expect(c, pos, "\"")?;
    let mut s = String::new();
    loop {
        let ch = *c.get(*pos).ok_or("unterminated string")?;
        *pos += 1;
        match ch {
            '"' => return Ok(s),
            '\\' => {
                let esc = *c.get(*pos).ok_or("bad escape")?;
                *pos += 1;
                match esc {
                    'n' => s.push('\n'),
                    't' => s.push('\t'),
                    'r' => s.push('\r'),
                    'b' => s.push('\u{8}'),
                    'f' => s.push('\u{c}'),
                    'u' => {
                        let hex = |pos: &mut usize| -> Result<u32, String> {
                            let h: String = c.get(*pos..*pos + 4).ok_or("short \\u")?.iter().collect();
                            *pos += 4;
                            u32::from_str_radix(&h, 16).map_err(|e| e.to_string())
                        };
                        let mut code = hex(pos)?;
                        // A surrogate pair encodes one character outside the BMP.
                        if (0xD800..0xDC00).contains(&code) && c.get(*pos) == Some(&'\\') {
                            *pos += 2;
                            let low = hex(pos)?;
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                        }
                        s.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                    }
                    other => s.push(other),
                }
            }
            other => s.push(other),
        }
    }
}

/// Small deterministic generator (xorshift64*), so failures reproduce (tests/format.rs,
/// tests/fuzz_smoke.rs).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}
