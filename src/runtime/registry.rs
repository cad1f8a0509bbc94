//! The runs going on in this process, so that a thread other than the one running a program can
//! stop it. In the browser the engine worker is busy inside `runPython` for the whole run and
//! cannot take messages, so the page's control worker calls `stop_all_runs` instead.

use super::runtime::Runtime;
use super::sync::lock;
use std::sync::{Arc, Mutex, Weak};

/// Weak: a finished run's `Runtime` must be freed when its threads let go of it.
static RUNS: Mutex<Vec<Weak<Runtime>>> = Mutex::new(Vec::new());

pub(crate) fn register(rt: &Arc<Runtime>) {
    let mut runs = lock(&RUNS);
    runs.retain(|w| w.strong_count() > 0);
    runs.push(Arc::downgrade(rt));
}

/// Asks every unfinished run to stop (`Runtime::request_stop`); returns how many there were.
/// Never blocks for long (one short lock each), so a worker that must stay responsive can call it.
pub fn stop_all_runs() -> usize {
    let live: Vec<Arc<Runtime>> = lock(&RUNS).iter().filter_map(Weak::upgrade).collect();
    let mut stopped = 0;
    for rt in live.iter().filter(|rt| !rt.is_finished()) {
        rt.request_stop();
        stopped += 1;
    }
    stopped
}
