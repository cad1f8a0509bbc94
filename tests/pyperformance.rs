//! Smoke test of the pyperformance benchmarks (tests/bench/pyperformance/), so that the programs
//! and tests/bench/pyperformance.sh cannot go stale between runs of `./build.sh bench`. Nothing here
//! is timed: each program runs once at its tiny size (its `BENCH_SIZE` line).
//!
//! - every program runs under python3 and prints a checksum;
//! - the programs threadlab runs today print exactly python3's checksum;
//! - every program with a file `fails/NAME.txt` fails with exactly the error line in it;
//! - every other program prints exactly python3's checksum.
//!
//! When breadth work makes a failing one run (or fail differently), this test fails and says so:
//! delete its `fails/NAME.txt` (or update the error in it), and update its line in BENCHMARKS.md
//! ("pyperformance: status today"). One file per benchmark, so that work on different benchmarks
//! never edits the same lines.

mod harness;

use std::path::{Path, PathBuf};
use harness::{diff_hint, python, Outcome};

/// A hang detector, not a speed bound: the slowest tiny run (meteor_contest, about 3 s of CPU on a
/// quiet machine) went past the harness's usual 30 s at a load average of 18 on 2 cores.
const HANG_BOUND: std::time::Duration = std::time::Duration::from_secs(300);

fn bench_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("bench")
}

fn program(name: &str) -> PathBuf {
    bench_dir().join("pyperformance").join(format!("bm_{}.py", name))
}

/// The benchmark names in manifest.txt, in order (the bench script runs exactly these).
fn manifest() -> Vec<String> {
    let path = bench_dir().join("pyperformance").join("manifest.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {}", path.display(), e));
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let fields: Vec<&str> = l.split_whitespace().collect();
            assert!(
                fields.len() == 2 && fields[1].parse::<u64>().is_ok(),
                "manifest.txt: {:?} is not 'name size'",
                l
            );
            fields[0].to_string()
        })
        .collect()
}

fn fails_dir() -> PathBuf {
    bench_dir().join("pyperformance").join("fails")
}

/// What threadlab must do with a benchmark today: `None` = print python3's output, `Some(line)` =
/// fail with that last line on stderr (the one line of `fails/NAME.txt`).
fn expected_error(name: &str) -> Option<String> {
    let text = std::fs::read_to_string(fails_dir().join(format!("{}.txt", name))).ok()?;
    Some(text.trim_end_matches('\n').to_string())
}

#[test]
fn manifest_programs_and_lists_agree() {
    let names = manifest();
    let mut on_disk: Vec<String> = std::fs::read_dir(bench_dir().join("pyperformance"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|f| f.strip_prefix("bm_").and_then(|f| f.strip_suffix(".py")).map(String::from))
        .collect();
    on_disk.sort();
    let mut listed = names.clone();
    listed.sort();
    assert_eq!(listed, on_disk, "manifest.txt and the bm_*.py files differ");
    for name in &names {
        if let Some(error) = expected_error(name) {
            assert!(!error.is_empty() && !error.contains('\n'), "fails/{}.txt must hold one error line", name);
        }
        // The bench script rewrites this one line to the bench size.
        let source = std::fs::read_to_string(program(name)).unwrap();
        let size_lines = source
            .lines()
            .filter(|l| l.strip_prefix("BENCH_SIZE = ").map_or(false, |n| n.parse::<u64>().is_ok()))
            .count();
        assert_eq!(size_lines, 1, "bm_{}.py needs exactly one 'BENCH_SIZE = N' line", name);
    }
    for entry in std::fs::read_dir(fails_dir()).into_iter().flatten() {
        let file = entry.unwrap().file_name().to_string_lossy().into_owned();
        let name = file.strip_suffix(".txt").unwrap_or(&file).to_string();
        assert!(names.contains(&name), "fails/{} names no benchmark in manifest.txt", file);
    }
}

/// What is wrong with one benchmark's tiny run, if anything.
fn check(name: &String) -> Vec<String> {
    let file = program(name);
    let want = python(&file);
    let got = harness::run_for(&harness::threadlab_bin(), &["run", &file.to_string_lossy()], HANG_BOUND);
    let mut problems = Vec::new();
    if want.code != Some(0) || want.stdout.is_empty() {
        problems.push(format!("python3 itself fails (exit {:?}): {}", want.code, want.last_stderr_line()));
        return problems;
    }
    match expected_error(name) {
        None => {
            if got.code != Some(0) || got.stdout != want.stdout {
                problems.push(format!(
                    "threadlab no longer prints python3's checksum (exit {:?}, last stderr line {:?})\n{}",
                    got.code,
                    got.last_stderr_line(),
                    diff_hint(&want.stdout_text(), &got.stdout_text())
                ));
            }
        }
        Some(error) => problems.extend(check_failure(&error, &want, &got)),
    }
    problems
}

fn check_failure(error: &str, want: &Outcome, got: &Outcome) -> Option<String> {
    if got.code == Some(0) && got.stdout == want.stdout {
        return Some(format!(
            "now runs and prints python3's checksum: delete tests/bench/pyperformance/fails/NAME.txt \
             and update BENCHMARKS.md (it failed with {:?})",
            error
        ));
    }
    if got.timed_out || got.code == Some(0) || got.last_stderr_line() != error {
        return Some(format!(
            "fails differently now: exit {:?}, last stderr line {:?} (listed: {:?}); update its fails/NAME.txt \
             and BENCHMARKS.md",
            got.code,
            got.last_stderr_line(),
            error
        ));
    }
    None
}

#[test]
fn each_benchmark_runs_or_fails_as_listed() {
    let names = manifest();
    let verdicts = harness::parallel_map(&names, check);
    let failures: Vec<String> = names
        .iter()
        .zip(&verdicts)
        .filter(|(_, p)| !p.is_empty())
        .map(|(n, p)| format!("--- {}\n  {}", n, p.join("\n  ")))
        .collect();
    eprintln!("pyperformance smoke: {} benchmarks, {} as listed", names.len(), names.len() - failures.len());
    assert!(failures.is_empty(), "{} benchmark(s) not as listed:\n{}", failures.len(), failures.join("\n"));
}

/// The bench script itself, at the tiny sizes with one run and no peers: its table has a row for
/// every benchmark with the status this file lists. Its times are not looked at.
#[test]
fn bench_script_reports_each_benchmark() {
    let script = bench_dir().join("pyperformance.sh");
    let out = std::process::Command::new("bash")
        .arg(&script)
        .arg(harness::threadlab_bin())
        .env("SIZES", "tiny")
        .env("REPS", "1")
        .env("PEERS", "")
        .env_remove("BENCH_FILTER")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run tests/bench/pyperformance.sh");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "pyperformance.sh failed: {}\n{}", String::from_utf8_lossy(&out.stderr), stdout);
    let names = manifest();
    for name in &names {
        let row = stdout
            .lines()
            .find(|l| l.starts_with(&format!("| {} |", name)))
            .unwrap_or_else(|| panic!("no row for {} in:\n{}", name, stdout));
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        // | name | python3 s | threadlab s | ratio | status |
        let status = cells[5];
        let want = expected_error(name).unwrap_or_else(|| "ok".to_string());
        assert_eq!(status, want, "{}: the script's status; row: {}", name, row);
        assert!(cells[2].parse::<f64>().is_ok(), "{}: no python3 time in {}", name, row);
        assert_eq!(cells[3].parse::<f64>().is_ok(), want == "ok", "{}: threadlab time in {}", name, row);
    }
    let geomean = stdout.lines().find(|l| l.contains("geometric mean")).expect("a geometric mean row");
    let running = names.iter().filter(|n| expected_error(n).is_none()).count();
    assert!(geomean.contains(&format!("({} benchmarks)", running)), "{}", geomean);
}
