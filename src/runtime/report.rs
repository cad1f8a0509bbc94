//! The report of one program run: the same shape natively (`--json`) and in JavaScript.
//! Stub: the runtime helper owns this file and fills in `to_json()`.

/// State of a thread's timeline span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Running,
    WaitingGil,
    Sleeping,
    BlockedJoin,
    BlockedLock,
    Done,
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
    pub spans: Vec<Span>,
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

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Report {
    pub wall_ms: f64,
    /// Everything the program printed, in order.
    pub stdout: String,
    pub output: Vec<OutputLine>,
    pub threads: Vec<ThreadReport>,
    pub gil_switches: u64,
    pub error: Option<ErrorReport>,
}
