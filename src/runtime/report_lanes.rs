//! The report's lanes added for processes and asyncio (docs/report.md, "Processes and asyncio
//! tasks"): each process's GIL row, the asyncio tasks under the thread that runs their loop,
//! and the merging of a child process's report into its parent's.

use super::json::{write_ms, write_str};
use super::report::{Report, Span};

/// One span of a process's GIL row: `lane` (an index into the report's `threads`) held it.
#[derive(Clone, Debug, PartialEq)]
pub struct GilSpan {
    pub lane: usize,
    pub start_ms: f64,
    pub end_ms: f64,
}

/// An asyncio task's lane: `ready`, `running` (a step of its coroutine), `awaiting` (a future,
/// a sleep), then `done`.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskReport {
    /// `Task-1`, or the name given to `create_task(name=...)` / `set_name`.
    pub name: String,
    pub spans: Vec<Span>,
}

/// One process (interpreter) of the run: the program's own first, then its children.
#[derive(Clone, Debug, PartialEq)]
pub struct ProcessReport {
    /// The synthetic pid (docs/processes.md); lanes with this `process` are its threads.
    pub pid: u64,
    /// `MainProcess`, or the child's `Process.name` (`Process-1`, `SpawnPoolWorker-2`).
    pub name: String,
    /// Who held this process's GIL, when; None outside `gil` mode (there is no GIL).
    pub gil: Option<Vec<GilSpan>>,
    /// asyncio tasks of this process that got no lane (past `timeline::MAX_TASKS`).
    pub tasks_dropped: usize,
}

impl Report {
    /// Labels the lanes and the process entry not yet labelled (pid 0) as process `pid`.
    pub fn label_process(&mut self, pid: u64, name: &str) {
        for t in self.threads.iter_mut().filter(|t| t.process == 0) {
            t.process = pid;
        }
        for p in self.processes.iter_mut().filter(|p| p.pid == 0) {
            p.pid = pid;
            p.name = name.to_string();
        }
    }

    /// Moves every time in the report (spans, task spans, GIL rows) by `offset_ms`: a child's
    /// report onto its parent's clock.
    pub fn shift_ms(&mut self, offset_ms: f64) {
        for t in &mut self.threads {
            for s in t.spans.iter_mut().chain(t.tasks.iter_mut().flat_map(|k| k.spans.iter_mut())) {
                s.start_ms += offset_ms;
                s.end_ms += offset_ms;
            }
        }
        for s in self.processes.iter_mut().filter_map(|p| p.gil.as_mut()).flatten() {
            s.start_ms += offset_ms;
            s.end_ms += offset_ms;
        }
    }

    /// Appends a child process's lanes, processes and GIL switches (its GIL rows' lane indexes
    /// moved past the lanes already here).
    pub fn absorb_child(&mut self, child: &Report) {
        let offset = self.threads.len();
        self.threads.extend(child.threads.iter().cloned());
        self.gil_switches += child.gil_switches;
        for p in &child.processes {
            let mut p = p.clone();
            for s in p.gil.iter_mut().flatten() {
                s.lane += offset;
            }
            self.processes.push(p);
        }
    }
}

/// `,"tasks": [{"task", "spans": [...]}]`, a thread's tasks; nothing when it ran none, so a
/// run without asyncio reports exactly what it did before.
pub(super) fn write_tasks(o: &mut String, tasks: &[TaskReport]) {
    if tasks.is_empty() {
        return;
    }
    o.push_str(",\"tasks\":");
    write_array(o, tasks, |o, t| {
        o.push_str("{\"task\":");
        write_str(o, &t.name);
        o.push_str(",\"spans\":");
        write_spans(o, &t.spans);
        o.push('}');
    });
}

/// `[{"state", "start_ms", "end_ms"}]`.
fn write_spans(o: &mut String, spans: &[Span]) {
    write_array(o, spans, |o, s| {
        o.push_str("{\"state\":");
        write_str(o, s.state.as_str());
        write_times(o, s.start_ms, s.end_ms);
    });
}

/// `[item, item, ...]`, each item written by `item`.
fn write_array<T>(o: &mut String, items: &[T], mut item: impl FnMut(&mut String, &T)) {
    o.push('[');
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            o.push(',');
        }
        item(o, x);
    }
    o.push(']');
}

/// A span's `,"start_ms": .., "end_ms": ..}`, closing the object its caller opened.
fn write_times(o: &mut String, start_ms: f64, end_ms: f64) {
    o.push_str(",\"start_ms\":");
    write_ms(o, start_ms);
    o.push_str(",\"end_ms\":");
    write_ms(o, end_ms);
    o.push('}');
}

/// `[{"pid", "name", "gil": null | [{"lane", "start_ms", "end_ms"}], "tasks_dropped"}]`.
pub(super) fn write_processes(o: &mut String, processes: &[ProcessReport]) {
    write_array(o, processes, |o, p| {
        o.push_str("{\"pid\":");
        o.push_str(&p.pid.to_string());
        o.push_str(",\"name\":");
        write_str(o, &p.name);
        o.push_str(",\"gil\":");
        match &p.gil {
            None => o.push_str("null"),
            Some(spans) => write_array(o, spans, |o, s| {
                o.push_str("{\"lane\":");
                o.push_str(&s.lane.to_string());
                write_times(o, s.start_ms, s.end_ms);
            }),
        }
        o.push_str(",\"tasks_dropped\":");
        o.push_str(&p.tasks_dropped.to_string());
        o.push('}');
    });
}
