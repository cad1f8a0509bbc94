//! Stop reaches a regular expression that backtracks for ever (its own test binary:
//! `stop_all_runs` stops every run in the process): the matcher checks the eval breaker
//! every few thousand steps, so the run ends promptly with KeyboardInterrupt.

use std::sync::Arc;
use std::time::{Duration, Instant};
use threadlab::runtime::{stop_all_runs, Mode, NullSink};
use threadlab::vm::{run, RunOptions};

/// `(a*)*b` against 40 a's: 2**40 ways to fail, far past any test's patience.
const CATASTROPHIC: &str = "import re\nprint('start')\nre.match(r'(a*)*b', 'a' * 40)\nprint('never')\n";

fn stops_promptly(mode: Mode, green: bool) {
    let stopper = std::thread::spawn(|| {
        std::thread::sleep(Duration::from_millis(300));
        let stopped = stop_all_runs();
        (stopped, Instant::now())
    });
    let opts = RunOptions { mode, green, ..RunOptions::default() };
    let out = run(CATASTROPHIC, opts, Arc::new(NullSink));
    let (stopped, at) = stopper.join().unwrap();
    assert_eq!(stopped, 1, "one run to stop");
    // Expected within a few ms; 10x a generous 100 ms.
    assert!(at.elapsed() < Duration::from_secs(1), "the run ended {:?} after Stop", at.elapsed());
    let err = out.report.error.expect("stopped");
    assert_eq!((err.typ.as_str(), err.message.as_str(), out.exit_code), ("KeyboardInterrupt", "stopped", 130));
    assert_eq!(out.report.stdout, "start\n");
}

#[test]
fn stop_ends_a_backtracking_regex() {
    // One test function: stop_all_runs would also stop a run of a test running beside it.
    stops_promptly(Mode::Gil, false);
    stops_promptly(Mode::Free, false);
    stops_promptly(Mode::Gil, true);
}
