//! The report of one program run: the same shape natively (`--json`) and in JavaScript.

use super::json::{write_ms, write_num, write_str};
use super::Mode;

/// State of a thread's timeline span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Running,
    WaitingGil,
    Sleeping,
    BlockedJoin,
    BlockedLock,
    Done,
    /// asyncio tasks only: scheduled, waiting for its loop to run its next step.
    Ready,
    /// asyncio tasks only: suspended at an `await` on a future (a sleep, I/O, another task).
    Awaiting,
}

impl State {
    /// The name used in the JSON report and the page's legend.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Running => "running",
            State::WaitingGil => "waiting_gil",
            State::Sleeping => "sleeping",
            State::BlockedJoin => "blocked_join",
            State::BlockedLock => "blocked_lock",
            State::Done => "done",
            State::Ready => "ready",
            State::Awaiting => "awaiting",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub state: State,
    pub start_ms: f64,
    pub end_ms: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ThreadReport {
    pub name: String,
    /// Which OS thread (native) or Web Worker (browser: 0 is the engine worker, 1.. the thread
    /// set's workers) ran this lane; None if the thread never began.
    pub native_id: Option<u64>,
    /// The (synthetic) pid of the process whose interpreter ran this lane: the program's own
    /// lanes and, merged in by `multiprocessing`, its child processes' (docs/processes.md).
    pub process: u64,
    pub spans: Vec<Span>,
    /// The asyncio tasks whose loop this thread ran (docs/report.md).
    pub tasks: Vec<super::report_lanes::TaskReport>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OutputLine {
    pub t_ms: f64,
    pub thread: String,
    pub text: String,
}

/// An uncaught exception (or compile error) that ended the program.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorReport {
    /// Exception class name, e.g. "NameError".
    pub typ: String,
    pub message: String,
    /// 1-based line, when there is one.
    pub line: Option<u32>,
}

/// Every live thread blocked with no timeout: who waited for what, and when it was seen.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct DeadlockReport {
    /// When the deadlock was detected (ms since the run began), for the timeline.
    pub t_ms: f64,
    /// (thread name, what it waits for: "Lock at line 4, held by MainThread").
    pub threads: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Report {
    pub wall_ms: f64,
    /// Everything the program printed, in order.
    pub stdout: String,
    pub output: Vec<OutputLine>,
    pub threads: Vec<ThreadReport>,
    /// Every process of the run with its GIL row, the program's first (docs/report.md).
    pub processes: Vec<super::report_lanes::ProcessReport>,
    pub gil_switches: u64,
    pub error: Option<ErrorReport>,
    pub mode: Mode,
    /// Seconds, as `sys.getswitchinterval()` reported at the end of the run.
    pub switch_interval: f64,
    /// Whether the run's threads were green threads on one worker (`"engine": "green"`) rather
    /// than one OS thread / Web Worker each (`"engine": "workers"`).
    pub green: bool,
    /// Set when the run ended because every thread was blocked for good.
    pub deadlock: Option<DeadlockReport>,
    /// Set when the timeline's caps left threads or spans out of `threads`.
    pub timeline_cut: Option<super::timeline::TimelineCut>,
}

impl Report {
    /// The report as JSON: `{"wall_ms", "mode", "switch_interval", "stdout", "output":
    /// [{"t_ms", "thread", "text"}], "threads": [{"name", "native_id", "process", "spans": [{"state", "start_ms",
    /// "end_ms"}]}], "gil_switches", "error": null | {"type", "message", "line"}, "deadlock": null
    /// | {"t_ms", "threads": [{"name", "waits_for"}]}, "timeline_cut": null | {"threads",
    /// "threads_shown", "spans_dropped", "max_threads_shown", "max_spans"}}` (docs/report.md).
    /// Times are ms with 3 decimals (microsecond resolution).
    pub fn to_json(&self) -> String {
        let mut o = String::with_capacity(256 + self.stdout.len() * 2);
        o.push_str("{\"wall_ms\":");
        write_ms(&mut o, self.wall_ms);
        o.push_str(",\"mode\":");
        write_str(&mut o, self.mode.as_str());
        o.push_str(",\"switch_interval\":");
        write_num(&mut o, self.switch_interval);
        o.push_str(",\"engine\":");
        write_str(&mut o, if self.green { "green" } else { "workers" });
        o.push_str(",\"stdout\":");
        write_str(&mut o, &self.stdout);
        o.push_str(",\"output\":[");
        for (i, line) in self.output.iter().enumerate() {
            if i > 0 {
                o.push(',');
            }
            o.push_str("{\"t_ms\":");
            write_ms(&mut o, line.t_ms);
            o.push_str(",\"thread\":");
            write_str(&mut o, &line.thread);
            o.push_str(",\"text\":");
            write_str(&mut o, &line.text);
            o.push('}');
        }
        o.push_str("],\"threads\":[");
        for (i, t) in self.threads.iter().enumerate() {
            if i > 0 {
                o.push(',');
            }
            o.push_str("{\"name\":");
            write_str(&mut o, &t.name);
            o.push_str(",\"native_id\":");
            match t.native_id {
                Some(id) => o.push_str(&id.to_string()),
                None => o.push_str("null"),
            }
            o.push_str(",\"process\":");
            o.push_str(&t.process.to_string());
            o.push_str(",\"spans\":[");
            for (j, s) in t.spans.iter().enumerate() {
                if j > 0 {
                    o.push(',');
                }
                o.push_str("{\"state\":");
                write_str(&mut o, s.state.as_str());
                o.push_str(",\"start_ms\":");
                write_ms(&mut o, s.start_ms);
                o.push_str(",\"end_ms\":");
                write_ms(&mut o, s.end_ms);
                o.push('}');
            }
            o.push(']');
            super::report_lanes::write_tasks(&mut o, &t.tasks);
            o.push('}');
        }
        o.push_str("],\"processes\":");
        super::report_lanes::write_processes(&mut o, &self.processes);
        o.push_str(",\"gil_switches\":");
        o.push_str(&self.gil_switches.to_string());
        o.push_str(",\"error\":");
        match &self.error {
            None => o.push_str("null"),
            Some(e) => {
                o.push_str("{\"type\":");
                write_str(&mut o, &e.typ);
                o.push_str(",\"message\":");
                write_str(&mut o, &e.message);
                o.push_str(",\"line\":");
                match e.line {
                    Some(n) => o.push_str(&n.to_string()),
                    None => o.push_str("null"),
                }
                o.push('}');
            }
        }
        o.push_str(",\"deadlock\":");
        match &self.deadlock {
            None => o.push_str("null"),
            Some(d) => {
                o.push_str("{\"t_ms\":");
                write_ms(&mut o, d.t_ms);
                o.push_str(",\"threads\":[");
                for (i, (name, what)) in d.threads.iter().enumerate() {
                    if i > 0 {
                        o.push(',');
                    }
                    o.push_str("{\"name\":");
                    write_str(&mut o, name);
                    o.push_str(",\"waits_for\":");
                    write_str(&mut o, what);
                    o.push('}');
                }
                o.push_str("]}");
            }
        }
        o.push_str(",\"timeline_cut\":");
        match &self.timeline_cut {
            None => o.push_str("null"),
            Some(c) => {
                o.push_str(&format!(
                    "{{\"threads\":{},\"threads_shown\":{},\"spans_dropped\":{},\"max_threads_shown\":{},\"max_spans\":{}}}",
                    c.lanes,
                    c.lanes_shown,
                    c.spans_dropped,
                    super::timeline::MAX_LANES,
                    super::timeline::MAX_SPANS
                ));
            }
        }
        o.push('}');
        o
    }
}
