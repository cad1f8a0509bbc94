//! Output capture: every `print` is kept for the report (with its time and thread) and passed
//! to the run's sink at once, so a page or terminal shows it live.

use super::report::OutputLine;
use super::sync::lock;
use super::OutputSink;
use std::sync::{Arc, Mutex};

#[derive(Default)]
struct Captured {
    stdout: String,
    lines: Vec<OutputLine>,
}

pub struct Output {
    captured: Mutex<Captured>,
    sink: Arc<dyn OutputSink>,
}

impl Output {
    pub fn new(sink: Arc<dyn OutputSink>) -> Output {
        Output { captured: Mutex::new(Captured::default()), sink }
    }

    /// `now_ms` is read under the lock so the report's lines are in time order.
    pub fn write(&self, thread: String, now_ms: impl FnOnce() -> f64, text: &str) {
        let mut c = lock(&self.captured);
        let t_ms = now_ms();
        c.stdout.push_str(text);
        // The sink is called under the lock too, so live output has the report's order.
        self.sink.write(&thread, t_ms, text);
        c.lines.push(OutputLine { t_ms, thread, text: text.to_string() });
    }

    /// Stderr text goes only to the sink; the lock keeps it in order with stdout.
    pub fn write_stderr(&self, thread: &str, now_ms: impl FnOnce() -> f64, text: &str) {
        let _c = lock(&self.captured);
        self.sink.write_stderr(thread, now_ms(), text);
    }

    pub fn snapshot(&self) -> (String, Vec<OutputLine>) {
        let c = lock(&self.captured);
        (c.stdout.clone(), c.lines.clone())
    }
}

/// A sink that discards output (the report still has it).
pub struct NullSink;

impl OutputSink for NullSink {
    fn write(&self, _thread: &str, _t_ms: f64, _text: &str) {}
}

