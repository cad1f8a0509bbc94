//! Fuzz smoke (issue 13): mutants of the corpus programs (tests/programs/**.py) through the
//! parser, the compiler and the VM in-process. Whatever the mutant, the engine must answer
//! with an exit code (a Python error is fine) and never panic; a stack overflow or abort
//! would end this test binary, which fails it too. A seeded mutator (deletions, duplications,
//! swapped lines, inserted tokens, huge numbers), so a failure replays exactly.
//!
//! The suite runs mutants for `SUITE_SECONDS` (how many depends on the machine; the test
//! prints the count, and the sequence is the same whatever the count). By hand:
//! `FUZZ_EXECS=20000 FUZZ_SECONDS=100000 cargo test --release --test fuzz_smoke -- --nocapture`;
//! `FUZZ_SEED=S` runs another sequence. Mutants that run too long (a loop whose exit was mutated away) are stopped
//! by a watchdog after `BUDGET`, as the page's Stop would; that counts as an answer.

mod harness;

use harness::Rng;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use threadlab::runtime::{stop_all_runs, NullSink};
use threadlab::vm::{run, RunOptions};

/// How long `./build.sh test` spends on mutants.
const SUITE_SECONDS: f64 = 5.0;
/// Wall time a mutant may run before the watchdog presses Stop.
const BUDGET: Duration = Duration::from_millis(200);

const TOKENS: &[&str] = &[
    "(", ")", "[", "]", "{", "}", ":", ",", "*", "**", "=", ".", "lambda ", "yield ", "not ", " if ", " else ",
    "del ", "global x\n", "nonlocal x\n", "return ", "\n", "\n    ", "\t", "'", "\"", "f'{", "}'", "10**100", "-1",
    "[]", "()", "{}", "None", "x", "import threading\n", "@", "async ", "await ", "\\", "#", ";", "0.0", "1e308",
];

fn corpus() -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "py") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("programs"), &mut files);
    files.sort();
    files.iter().map(|f| std::fs::read_to_string(f).unwrap()).collect()
}

fn char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One to three random edits of `src`.
fn mutate(src: &str, rng: &mut Rng) -> String {
    let mut s = src.to_string();
    for _ in 0..1 + rng.below(3) {
        let at = char_boundary(&s, rng.below(s.len() + 1));
        match rng.below(6) {
            0 => {
                let end = char_boundary(&s, (at + 1 + rng.below(12)).min(s.len()));
                s.replace_range(at..end, "");
            }
            1 => s.insert_str(at, rng.pick(TOKENS)),
            2 => {
                let end = char_boundary(&s, (at + 1 + rng.below(40)).min(s.len()));
                let piece = s[at..end].to_string();
                s.insert_str(end, &piece);
            }
            3 => {
                let mut lines: Vec<&str> = s.lines().collect();
                if lines.len() > 1 {
                    let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
                    lines.swap(a, b);
                }
                s = lines.join("\n");
            }
            4 => s.truncate(at),
            _ => {
                // A number made huge: sizes, ranges and repeat counts.
                if let Some(pos) = s[at..].find(|c: char| c.is_ascii_digit()) {
                    s.insert_str(at + pos, "99999999");
                }
            }
        }
    }
    s
}

#[test]
fn mutants_never_crash_the_engine() {
    // The page's heap cap, not the native one (half the machine): a mutant's `[0] * 10**8` must
    // not take gigabytes from the machine the suite shares.
    threadlab::vm::limits::set_max_alloc_bytes(threadlab::vm::limits::WASM_MAX_ALLOC_BYTES);
    let max_execs: u64 = std::env::var("FUZZ_EXECS").ok().and_then(|v| v.parse().ok()).unwrap_or(u64::MAX);
    let seconds: f64 = std::env::var("FUZZ_SECONDS").ok().and_then(|v| v.parse().ok()).unwrap_or(SUITE_SECONDS);
    let seed: u64 = std::env::var("FUZZ_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x7468_7265_6164_6c61);
    let seeds = corpus();
    assert!(seeds.len() > 50, "the corpus is there");
    // The watchdog: (mutant number, start in ms since `epoch`) of the mutant running now.
    let epoch = Instant::now();
    let current = Arc::new(AtomicU64::new(u64::MAX));
    let watched = current.clone();
    std::thread::spawn(move || {
        let mut last_stopped = u64::MAX;
        loop {
            std::thread::sleep(Duration::from_millis(20));
            let packed = watched.load(Ordering::SeqCst);
            if packed == u64::MAX {
                continue;
            }
            let (n, started_ms) = (packed >> 32, packed & 0xffff_ffff);
            let now_ms = epoch.elapsed().as_millis() as u64;
            if n != last_stopped && now_ms.saturating_sub(started_ms) > BUDGET.as_millis() as u64 {
                stop_all_runs();
                last_stopped = n;
            }
        }
    });
    // A panic on any thread (a Python thread's OS thread too) is a finding.
    static PANICKED: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        PANICKED.lock().unwrap_or_else(|e| e.into_inner()).get_or_insert_with(|| info.to_string());
        default_hook(info);
    }));
    let mut rng = Rng(seed);
    let (mut ok, mut errors, mut stopped) = (0u64, 0u64, 0u64);
    let mut execs = 0;
    while execs < max_execs && epoch.elapsed().as_secs_f64() < seconds {
        let n = execs;
        execs += 1;
        let src = mutate(&seeds[rng.below(seeds.len())], &mut rng);
        let green = rng.below(4) == 0;
        current.store((n << 32) | (epoch.elapsed().as_millis() as u64 & 0xffff_ffff), Ordering::SeqCst);
        let opts = RunOptions { green, filename: "<fuzz>".into(), ..RunOptions::default() };
        let began = Instant::now();
        let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(&src, opts, Arc::new(NullSink))));
        if began.elapsed() > 10 * BUDGET {
            // Stop took long to end it: worth a look (printed, not failed: machine speed).
            eprintln!("mutant {} took {:?} (green {}):\n{}\n-----", n, began.elapsed(), green, src);
        }
        current.store(u64::MAX, Ordering::SeqCst);
        if let Some(p) = PANICKED.lock().unwrap_or_else(|e| e.into_inner()).take() {
            panic!("mutant {} (seed {:#x}, green {}) panicked: {}\n{}", n, seed, green, p, src);
        }
        match out {
            Ok(out) if out.exit_code == 0 => ok += 1,
            Ok(out) if out.exit_code == 130 => stopped += 1,
            Ok(_) => errors += 1,
            Err(_) => panic!("mutant {} (seed {:#x}, green {}) panicked the engine:\n{}", n, seed, green, src),
        }
    }
    eprintln!("fuzz smoke: {} mutants run: {} ran clean, {} ended in a Python error, {} stopped by the watchdog", execs, ok, errors, stopped);
    assert_eq!(ok + errors + stopped, execs);
}
