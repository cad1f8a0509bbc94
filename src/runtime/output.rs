//! Output capture: every `print` is kept for the report (with its time and thread) and passed
//! to the run's sink at once, so a page or terminal shows it live.
//!
//! What the report keeps is bounded (docs/report.md, "output_cut"): a program printing in a
//! loop until Stop would otherwise grow the run's memory (in wasm, memory that is never given
//! back) without end. Past `MAX_OUTPUT_BYTES` of text or `MAX_OUTPUT_PIECES` writes nothing more
//! is kept, only counted; the sink still gets everything (the terminal shows all of it, as
//! python3 does; the page bounds what it shows itself).

use super::report::OutputLine;
use super::sync::lock;
use super::OutputSink;
use std::sync::{Arc, Mutex};

/// The most stdout text (bytes of UTF-8) one run's report keeps: 4 MiB.
pub const MAX_OUTPUT_BYTES: usize = 4 << 20;
/// The most writes (`output` entries) one run's report keeps. Each costs its text plus about a
/// hundred bytes (time, thread name, allocations), so `print(i)` in a loop reaches this first.
pub const MAX_OUTPUT_PIECES: usize = 100_000;

/// What the report left out of `stdout` and `output`, when it left anything out.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct OutputCut {
    /// Bytes of text the program wrote to stdout in all.
    pub bytes: u64,
    /// Bytes `stdout` keeps (its length).
    pub bytes_kept: u64,
    /// Writes in all, and how many `output` keeps.
    pub pieces: u64,
    pub pieces_kept: u64,
}

#[derive(Default)]
struct Captured {
    stdout: String,
    lines: Vec<OutputLine>,
    /// Set at the first write that did not fit; from then on only the counts grow.
    cut: Option<OutputCut>,
}

impl Captured {
    fn keep(&mut self, thread: String, t_ms: f64, text: &str) {
        if let Some(cut) = &mut self.cut {
            cut.bytes += text.len() as u64;
            cut.pieces += 1;
            return;
        }
        let room = MAX_OUTPUT_BYTES - self.stdout.len();
        if text.len() <= room && self.lines.len() < MAX_OUTPUT_PIECES {
            self.stdout.push_str(text);
            self.lines.push(OutputLine { t_ms, thread, text: text.to_string() });
            return;
        }
        // The part that fits (cut at a character boundary), so `stdout` is exactly the text of
        // `output`'s pieces and ends where the cap is.
        let (bytes_before, pieces_before) = (self.stdout.len() as u64, self.lines.len() as u64);
        let mut end = room.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        if self.lines.len() < MAX_OUTPUT_PIECES && end > 0 {
            self.stdout.push_str(&text[..end]);
            self.lines.push(OutputLine { t_ms, thread, text: text[..end].to_string() });
        }
        self.cut = Some(OutputCut {
            bytes: bytes_before + text.len() as u64,
            bytes_kept: self.stdout.len() as u64,
            pieces: pieces_before + 1,
            pieces_kept: self.lines.len() as u64,
        });
    }
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
        // The sink is called under the lock too, so live output has the report's order.
        self.sink.write(&thread, t_ms, text);
        c.keep(thread, t_ms, text);
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

    /// What the report leaves out, if anything.
    pub fn cut(&self) -> Option<OutputCut> {
        lock(&self.captured).cut.clone()
    }
}

/// A sink that discards output (the report still has it).
pub struct NullSink;

impl OutputSink for NullSink {
    fn write(&self, _thread: &str, _t_ms: f64, _text: &str) {}
}
