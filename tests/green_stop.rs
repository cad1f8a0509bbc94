//! Stop on green threads (its own test binary: `stop_all_runs` stops every run in the process).
//! Every thread is somewhere else when Stop comes: computing, sleeping, waiting for a Lock, an
//! Event, a Condition, a Semaphore, a join, or the GIL; the run must end promptly all the same.

use std::sync::Arc;
use std::time::{Duration, Instant};
use threadlab::runtime::{stop_all_runs, Mode, NullSink, State};
use threadlab::vm::{run, RunOptions};

const EVERY_WAIT: &str = include_str!("data/stop_every_wait.py");

#[test]
fn stop_ends_every_green_thread_promptly() {
    let stopper = std::thread::spawn(|| {
        std::thread::sleep(Duration::from_millis(300));
        let stopped = stop_all_runs();
        (stopped, Instant::now())
    });
    let opts = RunOptions { mode: Mode::Gil, green: true, ..RunOptions::default() };
    let out = run(EVERY_WAIT, opts, Arc::new(NullSink));
    let (stopped, at) = stopper.join().unwrap();
    assert_eq!(stopped, 1, "one run to stop");
    // Expected within a few ms; 10x a generous 100 ms.
    assert!(at.elapsed() < Duration::from_secs(1), "the run ended {:?} after Stop", at.elapsed());
    let err = out.report.error.expect("stopped");
    assert_eq!((err.typ.as_str(), err.message.as_str(), out.exit_code), ("KeyboardInterrupt", "stopped", 130));
    // Every lane ended.
    for t in &out.report.threads {
        assert_eq!(t.spans.last().map(|s| s.state), Some(State::Done), "{} did not end: {:?}", t.name, t.spans);
    }
}
