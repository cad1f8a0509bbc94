//! Inputs that once crashed, wedged or hung the engine (issue 13): deep nesting, huge
//! allocations, deadlocks. tests/programs/hardening/*.py must print what python3 prints, exit
//! as it does and end with its last stderr line, in gil mode and with green threads;
//! tests/data/ holds the programs CPython itself cannot run (it crashes), with stated outcomes.

mod harness;

use harness::{programs_dir, python_files, threadlab_bin, Outcome};
use std::path::Path;
use std::time::Duration;

/// These programs are heavy on purpose (structures 10^6 deep, 10^5 threads): a hang bound well
/// past what a loaded machine needs, not harness::TIMEOUT.
const HEAVY: Duration = Duration::from_secs(240);

fn threadlab(file: &Path, extra: &[&str]) -> Outcome {
    let path = file.to_string_lossy();
    let mut args = vec!["run", path.as_ref()];
    args.extend_from_slice(extra);
    harness::run_for(&threadlab_bin(), &args, HEAVY)
}

fn python(file: &Path) -> Outcome {
    harness::require_python3();
    harness::run_for(Path::new("python3"), &[&file.to_string_lossy()], HEAVY)
}

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
    // The page's cap: natively the default is half the machine, where `1 << 10**10` (1.25 GB)
    // succeeds, as in CPython.
    for extra in [&["--max-memory", "256M"][..], &["--max-memory=256M", "--green"][..]] {
        let got = threadlab(&data("past_the_heap_cap.py"), extra);
        assert_eq!(got.stdout_text(), want, "{:?}: stderr {}", extra, got.stderr);
        assert_eq!(got.code, Some(0), "{:?}: {}", extra, got.stderr);
    }
}

/// `--timeout`: a program that would never end (a spin, a sleep, a join of a sleeping thread,
/// a huge power) is stopped, with a TimeoutError line on stderr and timeout(1)'s exit status 124.
#[test]
fn timeout_stops_what_never_ends() {
    let dir = std::env::temp_dir().join(format!("threadlab-timeout-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let programs = [
        ("spin", "print('start', flush=True)\nwhile True:\n    pass\n"),
        ("sleep", "import time\nprint('start', flush=True)\ntime.sleep(1000)\n"),
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

/// The three classic deadlocks (a lock taken twice; threads joining each other; a wait no one
/// will notify) and lock-order inversion end the run, in every mode and with green threads,
/// naming each thread and what it waits for, on stderr (exit status 1) and in the report's
/// `deadlock` field.
#[test]
fn deadlocks_are_named() {
    let threaded = |main_line: u32, lines: &[&str]| {
        let mut s = format!("deadlock: MainThread waits for {} at line {}\n", lines[0], main_line);
        for l in &lines[1..] {
            s.push_str(&format!("deadlock: {}\n", l));
        }
        s
    };
    let cases: Vec<(&str, String, String)> = vec![
        (
            "lock_twice.py",
            "deadlock: MainThread waits for Lock at line 4, held by MainThread\n".into(),
            "deadlock: MainThread waits for Lock at line 4, held by MainThread\n".into(),
        ),
        (
            "join_each_other.py",
            threaded(13, &[
                "Thread-1 (first) to finish",
                "Thread-1 (first) waits for Thread-2 (second) to finish at line 5",
                "Thread-2 (second) waits for Thread-1 (first) to finish at line 8",
            ]),
            // Sequential: the first thread runs inside start() and waits for an event the
            // second (never started) would set.
            threaded(11, &["Thread-1 (first) to finish", "Thread-1 (first) waits for Event at line 4"]),
        ),
        (
            "wait_without_notify.py",
            threaded(8, &["Thread-1 (consumer) to finish", "Thread-1 (consumer) waits for Condition at line 5"]),
            threaded(7, &["Thread-1 (consumer) to finish", "Thread-1 (consumer) waits for Condition at line 5"]),
        ),
        (
            "lock_order.py",
            threaded(20, &[
                "Thread-1 (one) to finish",
                "Thread-1 (one) waits for Lock at line 8, held by Thread-2 (two)",
                "Thread-2 (two) waits for Lock at line 14, held by Thread-1 (one)",
            ]),
            threaded(18, &["Thread-1 (one) to finish", "Thread-1 (one) waits for Event at line 7"]),
        ),
    ];
    for (name, threaded_want, sequential_want) in &cases {
        let file = data("deadlock").join(name);
        for extra in [&[][..], &["--green"][..], &["--mode", "free"][..], &["--mode", "sequential"][..]] {
            let want = if extra.contains(&"sequential") { sequential_want } else { threaded_want };
            let got = threadlab(&file, extra);
            assert!(!got.timed_out, "{} {:?}: hung", name, extra);
            assert_eq!(&got.stderr, want, "{} {:?}", name, extra);
            assert_eq!(got.code, Some(1), "{} {:?}", name, extra);
            let mut json_args = extra.to_vec();
            json_args.push("--json");
            let report = harness::Json::parse(&threadlab(&file, &json_args).stdout_text()).expect("report JSON");
            let deadlock = report.get("deadlock").unwrap_or_else(|| panic!("{} {:?}: no deadlock field", name, extra));
            assert!(deadlock.get("t_ms").and_then(|t| t.as_f64()).is_some(), "{} {:?}", name, extra);
            let first = want.lines().next().unwrap();
            let (thread, waits) = first.trim_start_matches("deadlock: ").split_once(" waits for ").unwrap();
            let listed = format!("{:?}", deadlock.get("threads"));
            assert!(listed.contains(thread) && listed.contains(waits), "{} {:?}: {}", name, extra, listed);
        }
    }
}

/// A program that starts 100,000 short threads (10,000 with real OS threads, to keep the
/// suite's time) finishes, and its report shows the first `MAX_LANES` threads and says the
/// timeline was cut, with the counts.
#[test]
fn many_threads_finish_and_the_timeline_is_cut() {
    let source = std::fs::read_to_string(data("many_threads.py")).unwrap();
    let dir = std::env::temp_dir().join(format!("threadlab-many-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (threads, extra) in [(100_000, &["--green"][..]), (100_000, &["--mode", "sequential"][..]), (10_000, &[][..]), (10_000, &["--mode", "free"][..])] {
        let file = dir.join(format!("many_{}.py", threads));
        std::fs::write(&file, source.replace("THREADS = 100_000", &format!("THREADS = {}", threads))).unwrap();
        let mut args = extra.to_vec();
        args.push("--json");
        let got = threadlab(&file, &args);
        assert_eq!(got.code, Some(0), "{:?}: {}", extra, got.stderr);
        let report = harness::Json::parse(&got.stdout_text()).expect("report JSON");
        assert_eq!(report.get("stdout").and_then(|s| s.as_str()), Some(format!("{} 1\n", threads).as_str()), "{:?}", extra);
        let cut = report.get("timeline_cut").unwrap_or_else(|| panic!("{:?}: no timeline_cut", extra));
        assert_eq!(cut.get("threads").and_then(|n| n.as_f64()), Some(threads as f64 + 1.0), "{:?}", extra);
        assert_eq!(cut.get("threads_shown").and_then(|n| n.as_f64()), Some(threadlab::runtime::MAX_LANES as f64), "{:?}", extra);
        match report.get("threads") {
            Some(harness::Json::Arr(lanes)) => assert_eq!(lanes.len(), threadlab::runtime::MAX_LANES, "{:?}", extra),
            other => panic!("{:?}: threads {:?}", extra, other),
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Below the caps nothing is cut: `timeline_cut` is null.
#[test]
fn a_small_run_is_not_cut() {
    let got = threadlab(&data("deadlock").join("lock_twice.py"), &["--json"]);
    let report = harness::Json::parse(&got.stdout_text()).expect("report JSON");
    assert_eq!(report.get("timeline_cut"), Some(&harness::Json::Null));
}

fn write_temp(dir: &Path, name: &str, source: &str) -> std::path::PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let file = dir.join(name);
    std::fs::write(&file, source).unwrap();
    file
}

/// Issue 13's table (tests/data/hardening_table.json, which the Chromium test runs too): each
/// input, on the main thread and on a thread, prints what python3 prints given the page's
/// 1 GiB of memory (`ulimit -v`), with threadlab under the page's heap cap.
#[test]
fn the_issue_table_matches_python3_with_the_pages_memory() {
    harness::require_python3();
    let table = harness::Json::parse(&std::fs::read_to_string(data("hardening_table.json")).unwrap()).expect("table JSON");
    let template = table.get("program").and_then(|p| p.as_str()).unwrap().to_string();
    let cases = match table.get("cases") {
        Some(harness::Json::Arr(c)) => c.clone(),
        other => panic!("cases: {:?}", other),
    };
    assert!(cases.len() >= 12);
    let dir = std::env::temp_dir().join(format!("threadlab-table-{}", std::process::id()));
    let programs: Vec<(String, std::path::PathBuf)> = cases
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let name = c.get("name").and_then(|n| n.as_str()).unwrap().to_string();
            let body: Vec<String> = c.get("code").and_then(|n| n.as_str()).unwrap().lines().map(|l| format!("    {}", l)).collect();
            let file = write_temp(&dir, &format!("case{}.py", i), &template.replace("CASE", &body.join("\n")));
            (name, file)
        })
        .collect();
    let failures: Vec<String> = harness::parallel_map(&programs, |(name, file)| {
        let script = format!("ulimit -v 1048576; exec python3 '{}'", file.display());
        let expected = harness::run_for(Path::new("sh"), &["-c", &script], HEAVY);
        assert!(!expected.timed_out && expected.code == Some(0), "python3 on {}: {}", name, expected.stderr);
        let mut errs = Vec::new();
        for extra in [&["--max-memory", "256M"][..], &["--max-memory", "256M", "--green"][..]] {
            let got = threadlab(file, extra);
            if got.timed_out || got.code != Some(0) || got.stdout != expected.stdout {
                errs.push(format!(
                    "{} {:?}: exit {:?}\n{}\nstderr: {}",
                    name,
                    extra,
                    got.code,
                    harness::diff_hint(&expected.stdout_text(), &got.stdout_text()),
                    got.stderr
                ));
            }
        }
        errs
    })
    .into_iter()
    .flatten()
    .collect();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The native heap cap comes from `--max-memory` or `THREADLAB_MAX_MEMORY` (the default, half
/// the machine, is tested in src/vm/limits.rs without allocating it): one object just under
/// the cap is made, one just over is a MemoryError, on the main thread and on a thread.
#[test]
fn the_native_heap_cap_is_set_by_option_or_environment() {
    // A list item is 16 bytes: 60,000 items are 960,000 bytes, 70,000 are 1,120,000.
    let source = [
        "import threading",
        "def probe(where):",
        "    for n in (60_000, 70_000):",
        "        try:",
        "            print(where, n, len([0] * n), len('a'.ljust(n * 16)))",
        "        except MemoryError:",
        "            print(where, n, 'MemoryError')",
        "probe('main')",
        "t = threading.Thread(target=probe, args=('thread',))",
        "t.start()",
        "t.join()\n",
    ]
    .join("\n");
    let dir = std::env::temp_dir().join(format!("threadlab-cap-{}", std::process::id()));
    let file = write_temp(&dir, "cap.py", &source);
    let want = "main 60000 60000 960000\nmain 70000 MemoryError\nthread 60000 60000 960000\nthread 70000 MemoryError\n";
    for extra in [&["--max-memory", "1000000"][..], &["--max-memory=0.954M"][..], &["--max-memory", "1000K", "--green"][..]] {
        let got = threadlab(&file, extra);
        assert_eq!(got.stdout_text(), want, "{:?}: {}", extra, got.stderr);
        assert_eq!(got.code, Some(0), "{:?}", extra);
    }
    let path = file.to_string_lossy().into_owned();
    let with_env = |value: &str, extra: &[&str]| {
        let mut args = vec!["run", path.as_str()];
        args.extend_from_slice(extra);
        let out = std::process::Command::new(threadlab_bin()).args(&args).env("THREADLAB_MAX_MEMORY", value).output().unwrap();
        (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned(), out.status.code())
    };
    let (stdout, stderr, code) = with_env("1000000", &[]);
    assert_eq!((stdout.as_str(), code), (want, Some(0)), "{}", stderr);
    // The option wins over the environment.
    let (stdout, _, _) = with_env("1000000", &["--max-memory", "2M"]);
    assert!(stdout.contains("main 70000 70000 1120000"), "{}", stdout);
    // A bad size is a usage error, before the program runs.
    let (stdout, stderr, code) = with_env("a lot", &[]);
    assert_eq!((stdout.as_str(), code), ("", Some(2)));
    assert!(stderr.contains("THREADLAB_MAX_MEMORY needs a size"), "{}", stderr);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The report keeps at most MAX_OUTPUT_BYTES of stdout and MAX_OUTPUT_PIECES writes, says
/// what it cut in `output_cut`, and the terminal still gets everything (as python3 prints it).
#[test]
fn the_reports_output_is_capped() {
    use threadlab::runtime::{MAX_OUTPUT_BYTES, MAX_OUTPUT_PIECES};
    let dir = std::env::temp_dir().join(format!("threadlab-outcap-{}", std::process::id()));
    // Many small prints: the piece cap; a few big ones, one of them across the byte cap, from
    // a thread too; and one small run that is not cut.
    let small = write_temp(&dir, "small.py", "for i in range(150_000):\n    print(i)\n");
    let big = write_temp(
        &dir,
        "big.py",
        "import threading\nline = 'é' * 500_000 + '\\n'\ndef spam():\n    for _ in range(5):\n        print(line, end='')\nt = threading.Thread(target=spam)\nt.start()\nt.join()\nspam()\n",
    );
    let quiet = write_temp(&dir, "quiet.py", "print('hi')\n");
    let report = |file: &Path| {
        let got = threadlab(file, &["--json"]);
        assert_eq!(got.code, Some(0), "{}", got.stderr);
        harness::Json::parse(&got.stdout_text()).expect("report JSON")
    };
    let num = |j: &harness::Json, k: &str| j.get(k).and_then(|v| v.as_f64()).unwrap_or_else(|| panic!("{} in {:?}", k, j));

    let r = report(&small);
    let cut = r.get("output_cut").expect("output_cut");
    assert_eq!(num(cut, "pieces"), 150_000.0);
    assert_eq!(num(cut, "pieces_kept"), MAX_OUTPUT_PIECES as f64);
    let printed: usize = (0..150_000).map(|i: u32| i.to_string().len() + 1).sum();
    assert_eq!(num(cut, "bytes"), printed as f64);
    let kept: String = (0..MAX_OUTPUT_PIECES).map(|i| format!("{}\n", i)).collect();
    assert_eq!(r.get("stdout").and_then(|s| s.as_str()), Some(kept.as_str()));
    assert_eq!(num(cut, "bytes_kept"), kept.len() as f64);
    match r.get("output") {
        Some(harness::Json::Arr(lines)) => assert_eq!(lines.len(), MAX_OUTPUT_PIECES),
        other => panic!("output {:?}", other),
    }
    assert_eq!(num(cut, "max_bytes"), MAX_OUTPUT_BYTES as f64);
    assert_eq!(num(cut, "max_pieces"), MAX_OUTPUT_PIECES as f64);

    let r = report(&big);
    let cut = r.get("output_cut").expect("output_cut");
    let line_bytes = 'é'.len_utf8() * 500_000 + 1;
    assert_eq!(num(cut, "bytes"), (10 * line_bytes) as f64);
    assert_eq!(num(cut, "pieces"), 10.0);
    // Cut inside the fifth line, at a character boundary.
    let stdout = r.get("stdout").and_then(|s| s.as_str()).unwrap().to_string();
    assert_eq!(stdout.len(), MAX_OUTPUT_BYTES);
    assert_eq!(num(cut, "bytes_kept"), MAX_OUTPUT_BYTES as f64);
    assert_eq!(num(cut, "pieces_kept"), (MAX_OUTPUT_BYTES / line_bytes + 1) as f64);
    assert!(stdout.chars().all(|c| c == 'é' || c == '\n'));

    assert_eq!(report(&quiet).get("output_cut"), Some(&harness::Json::Null));

    // Without --json the terminal gets all of it.
    let got = threadlab(&small, &[]);
    assert_eq!(got.stdout.len(), printed);
    let _ = std::fs::remove_dir_all(&dir);
}
