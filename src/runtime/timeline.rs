//! Per-thread lanes of `{state, start, end}` spans.
//!
//! A span is recorded only when a lane's state changes (GIL taken or dropped, sleep, block,
//! end), never per instruction. Each lane has its own mutex, and while a thread runs it is the
//! only writer of its lane, so that mutex is uncontended except when a report is taken.
//!
//! The recording is bounded (docs/report.md, "timeline_cut"): at most `MAX_LANES` lanes are
//! reported and `MAX_SPANS` spans kept per run; past either cap the lane still exists (its
//! thread needs its name and state) but keeps no spans, and the report counts what was cut.

use super::report::{Span, State, ThreadReport};
use super::sync::{lock, read, write};
use super::Tid;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, RwLock};

/// Lanes (threads) a run's report shows; later threads are counted, not drawn.
pub const MAX_LANES: usize = 1000;
/// Spans a run keeps over all its lanes (a span is ~24 bytes: 2.4 MB at the cap).
pub const MAX_SPANS: usize = 100_000;

/// What the caps left out of a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct TimelineCut {
    /// Threads of the run, all of them.
    pub lanes: usize,
    /// Threads the report shows (the first `MAX_LANES`).
    pub lanes_shown: usize,
    /// State changes not recorded as spans.
    pub spans_dropped: usize,
}

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
    spans: AtomicUsize,
    spans_dropped: AtomicUsize,
    /// Lanes that have not begun (state None).
    unbegun: AtomicUsize,
    /// Lanes that have begun and are not done.
    live: AtomicUsize,
}

impl Timeline {
    pub fn add_lane(&self, name: &str) -> Tid {
        let mut lanes = write(&self.lanes);
        lanes.push(Mutex::new(Lane { name: name.to_string(), native_id: None, spans: Vec::new(), open: None }));
        self.unbegun.fetch_add(1, Ordering::SeqCst);
        lanes.len() - 1
    }

    fn with_lane<R>(&self, tid: Tid, f: impl FnOnce(&mut Lane) -> R) -> Option<R> {
        let lanes = read(&self.lanes);
        lanes.get(tid).map(|lane| f(&mut lock(lane)))
    }

    /// Closes the lane's open span at `t_us` and opens one in `state`. No-op if unchanged.
    pub fn set_state(&self, tid: Tid, state: State, t_us: f64) {
        self.with_lane(tid, |lane| {
            match lane.open {
                Some((cur, _)) if cur == state => return,
                Some((cur, start)) => {
                    if t_us > start {
                        self.keep_span(tid, &mut lane.spans, Span { state: cur, start_ms: start / 1000.0, end_ms: t_us / 1000.0 });
                    }
                    if state == State::Done {
                        self.live.fetch_sub(1, Ordering::SeqCst);
                    } else if cur == State::Done {
                        self.live.fetch_add(1, Ordering::SeqCst);
                    }
                }
                None => {
                    self.unbegun.fetch_sub(1, Ordering::SeqCst);
                    if state != State::Done {
                        self.live.fetch_add(1, Ordering::SeqCst);
                    }
                }
            }
            lane.open = Some((state, t_us));
            if state == State::Done && tid >= MAX_LANES {
                // Never reported: a finished thread past the cap keeps nothing.
                lane.name = String::new();
                lane.spans = Vec::new();
            }
        });
    }

    fn keep_span(&self, tid: Tid, spans: &mut Vec<Span>, span: Span) {
        if tid < MAX_LANES && self.spans.fetch_add(1, Ordering::Relaxed) < MAX_SPANS {
            spans.push(span);
        } else {
            self.spans_dropped.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Lanes that have not begun, and lanes begun and not done.
    pub fn counts(&self) -> (usize, usize) {
        (self.unbegun.load(Ordering::SeqCst), self.live.load(Ordering::SeqCst))
    }

    /// What the caps cut from this run's report, if anything.
    pub fn cut(&self) -> Option<TimelineCut> {
        let lanes = self.len();
        let spans_dropped = self.spans_dropped.load(Ordering::Relaxed);
        (lanes > MAX_LANES || spans_dropped > 0).then_some(TimelineCut { lanes, lanes_shown: lanes.min(MAX_LANES), spans_dropped })
    }

    pub fn len(&self) -> usize {
        read(&self.lanes).len()
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
            .take(MAX_LANES)
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
