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
use super::report_lanes::{GilSpan, TaskReport};
use super::sync::{lock, read, write};
use super::Tid;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, RwLock};

/// Lanes (threads) a run's report shows; later threads are counted, not drawn.
pub const MAX_LANES: usize = 1000;
/// Spans a run keeps over all its lanes (a span is ~24 bytes: 2.4 MB at the cap).
pub const MAX_SPANS: usize = 100_000;
/// asyncio tasks a run's report shows (their spans count against `MAX_SPANS` too).
pub const MAX_TASKS: usize = 1000;

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
    /// Its thread runs an asyncio loop that is waiting for its next timer or another thread:
    /// that wait is the loop's select(), I/O, so it shows as `sleeping`, not as a lock wait.
    idle: bool,
}

/// An asyncio task's lane, under the thread that runs its loop.
struct TaskLane {
    thread: Tid,
    name: String,
    spans: Vec<Span>,
    open: Option<(State, f64)>,
}

/// Who held the GIL, when (only in `Gil` mode): the process's GIL row.
#[derive(Default)]
struct GilRow {
    on: bool,
    spans: Vec<GilSpan>,
    open: Option<(Tid, f64)>,
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
    tasks: Mutex<Vec<TaskLane>>,
    tasks_dropped: AtomicUsize,
    gil: Mutex<GilRow>,
}

impl Timeline {
    pub fn add_lane(&self, name: &str) -> Tid {
        let mut lanes = write(&self.lanes);
        lanes.push(Mutex::new(Lane { name: name.to_string(), native_id: None, spans: Vec::new(), open: None, idle: false }));
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
            let state = if lane.idle && state == State::BlockedLock { State::Sleeping } else { state };
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
        if tid < MAX_LANES && self.take_span_budget() {
            spans.push(span);
        }
    }

    /// One more span within `MAX_SPANS`; false (and counted as dropped) past it.
    fn take_span_budget(&self) -> bool {
        let ok = self.spans.fetch_add(1, Ordering::Relaxed) < MAX_SPANS;
        if !ok {
            self.spans_dropped.fetch_add(1, Ordering::Relaxed);
        }
        ok
    }

    /// Marks the lane's thread as an idle asyncio loop (its lock waits show as `sleeping`) or not.
    pub fn set_idle(&self, tid: Tid, idle: bool) {
        self.with_lane(tid, |lane| lane.idle = idle);
    }

    // ---- asyncio tasks -----------------------------------------------------------------

    /// A new task lane under `thread`, `ready` from `t_us`; None past `MAX_TASKS`.
    pub fn add_task(&self, thread: Tid, name: &str, t_us: f64) -> Option<usize> {
        let mut tasks = lock(&self.tasks);
        if tasks.len() >= MAX_TASKS {
            self.tasks_dropped.fetch_add(1, Ordering::Relaxed);
            return None;
        }
        tasks.push(TaskLane { thread, name: name.to_string(), spans: Vec::new(), open: Some((State::Ready, t_us)) });
        Some(tasks.len() - 1)
    }

    /// Closes the task's open span at `t_us` and opens one in `state` (no-op if unchanged).
    pub fn set_task_state(&self, task: usize, state: State, t_us: f64) {
        let mut tasks = lock(&self.tasks);
        let Some(lane) = tasks.get_mut(task) else { return };
        match lane.open {
            Some((cur, _)) if cur == state => return,
            Some((cur, start)) if t_us > start => {
                if self.take_span_budget() {
                    lane.spans.push(Span { state: cur, start_ms: start / 1000.0, end_ms: t_us / 1000.0 });
                }
            }
            _ => {}
        }
        lane.open = Some((state, t_us));
    }

    pub fn set_task_name(&self, task: usize, name: &str) {
        if let Some(lane) = lock(&self.tasks).get_mut(task) {
            lane.name = name.to_string();
        }
    }

    /// asyncio tasks that got no lane (past `MAX_TASKS`).
    pub fn tasks_dropped(&self) -> usize {
        self.tasks_dropped.load(Ordering::Relaxed)
    }

    // ---- the GIL row -------------------------------------------------------------------

    /// Starts recording the GIL's holders (`Gil` mode), `holder` holding it from `t_us`.
    pub fn gil_start(&self, holder: Option<Tid>, t_us: f64) {
        let mut g = lock(&self.gil);
        g.on = true;
        g.open = holder.map(|h| (h, t_us));
    }

    /// The GIL passes to `holder` (None: nobody holds it) at `t_us`. Callers hold the GIL's
    /// own mutex, so the row's spans never overlap.
    pub fn gil_holder(&self, holder: Option<Tid>, t_us: f64) {
        let mut g = lock(&self.gil);
        if !g.on || g.open.map(|(h, _)| h) == holder {
            return;
        }
        if let Some((h, start)) = g.open.take() {
            if t_us > start && h < MAX_LANES && self.take_span_budget() {
                g.spans.push(GilSpan { lane: h, start_ms: start / 1000.0, end_ms: t_us / 1000.0 });
            }
        }
        g.open = holder.map(|h| (h, t_us));
    }

    /// The GIL row, its open span closed at `end_us`; None when the run has no GIL.
    pub fn gil_snapshot(&self, end_us: f64) -> Option<Vec<GilSpan>> {
        let g = lock(&self.gil);
        if !g.on {
            return None;
        }
        let mut spans = g.spans.clone();
        if let Some((h, start)) = g.open {
            if h < MAX_LANES {
                spans.push(GilSpan { lane: h, start_ms: start / 1000.0, end_ms: end_us.max(start) / 1000.0 });
            }
        }
        Some(spans)
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
        let mut threads: Vec<ThreadReport> = lanes
            .iter()
            .take(MAX_LANES)
            .map(|lane| {
                let lane = lock(lane);
                let spans = closed(&lane.spans, lane.open, end_us);
                ThreadReport { name: lane.name.clone(), native_id: lane.native_id, process: 0, spans, tasks: Vec::new() }
            })
            .collect();
        for task in lock(&self.tasks).iter() {
            if let Some(t) = threads.get_mut(task.thread) {
                t.tasks.push(TaskReport { name: task.name.clone(), spans: closed(&task.spans, task.open, end_us) });
            }
        }
        threads
    }
}

/// A lane's spans with its open one closed at `end_us`.
fn closed(spans: &[Span], open: Option<(State, f64)>, end_us: f64) -> Vec<Span> {
    let mut out = spans.to_vec();
    if let Some((state, start)) = open {
        out.push(Span { state, start_ms: start / 1000.0, end_ms: end_us.max(start) / 1000.0 });
    }
    out
}
