//! Per-thread lanes of `{state, start, end}` spans.
//!
//! A span is recorded only when a lane's state changes (GIL taken or dropped, sleep, block,
//! end), never per instruction. Each lane has its own mutex, and while a thread runs it is the
//! only writer of its lane, so that mutex is uncontended except when a report is taken.

use super::report::{Span, State, ThreadReport};
use super::sync::{lock, read, write};
use super::Tid;
use std::sync::{Mutex, RwLock};

struct Lane {
    name: String,
    /// The OS thread / Web Worker that ran the lane (`threads::native_id`), once it began.
    native_id: Option<u64>,
    spans: Vec<Span>,
    /// The state the lane is in now and since when (µs); None before the thread starts.
    open: Option<(State, f64)>,
}

#[derive(Default)]
pub struct Timeline {
    lanes: RwLock<Vec<Mutex<Lane>>>,
}

impl Timeline {
    pub fn add_lane(&self, name: &str) -> Tid {
        let mut lanes = write(&self.lanes);
        lanes.push(Mutex::new(Lane { name: name.to_string(), native_id: None, spans: Vec::new(), open: None }));
        lanes.len() - 1
    }

    fn with_lane<R>(&self, tid: Tid, f: impl FnOnce(&mut Lane) -> R) -> Option<R> {
        let lanes = read(&self.lanes);
        lanes.get(tid).map(|lane| f(&mut lock(lane)))
    }

    /// Closes the lane's open span at `t_us` and opens one in `state`. No-op if unchanged.
    pub fn set_state(&self, tid: Tid, state: State, t_us: f64) {
        self.with_lane(tid, |lane| {
            if let Some((cur, start)) = lane.open {
                if cur == state {
                    return;
                }
                if t_us > start {
                    lane.spans.push(Span { state: cur, start_ms: start / 1000.0, end_ms: t_us / 1000.0 });
                }
            }
            lane.open = Some((state, t_us));
        });
    }

    pub fn state(&self, tid: Tid) -> Option<State> {
        self.with_lane(tid, |lane| lane.open.map(|(s, _)| s)).flatten()
    }

    pub fn set_name(&self, tid: Tid, name: &str) {
        self.with_lane(tid, |lane| lane.name = name.to_string());
    }

    pub fn set_native_id(&self, tid: Tid, id: u64) {
        self.with_lane(tid, |lane| lane.native_id = Some(id));
    }

    pub fn name(&self, tid: Tid) -> String {
        self.with_lane(tid, |lane| lane.name.clone()).unwrap_or_else(|| format!("Thread-?{tid}"))
    }

    /// All lanes, with each open span closed at `end_us` (the lanes themselves stay open).
    pub fn snapshot(&self, end_us: f64) -> Vec<ThreadReport> {
        let lanes = read(&self.lanes);
        lanes
            .iter()
            .map(|lane| {
                let lane = lock(lane);
                let mut spans = lane.spans.clone();
                if let Some((state, start)) = lane.open {
                    let end = end_us.max(start);
                    spans.push(Span { state, start_ms: start / 1000.0, end_ms: end / 1000.0 });
                }
                ThreadReport { name: lane.name.clone(), native_id: lane.native_id, process: 0, spans }
            })
            .collect()
    }
}
