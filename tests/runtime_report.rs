//! The run report: output capture, lanes, and the hand-written JSON (checked by python3's parser).

use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use threadlab::runtime::*;

/// Parses `json` with python3 and returns what python3 prints for `expr` (`d` is the document).
fn python_eval(json: &str, expr: &str) -> String {
    let script = format!(
        "import json,sys\nd=json.load(sys.stdin)\nsys.stdout.buffer.write(str({expr}).encode('utf-8'))"
    );
    let mut child = Command::new("python3")
        .args(["-c", &script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3");
    child.stdin.take().unwrap().write_all(json.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "python3 rejected the JSON: {}\n{json}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

const TRICKY: &str = "q\"uote b\\ack nl\n cr\r tab\t bs\u{8} ff\u{c} nul\u{0} esc\u{1b} us\u{1f} del\u{7f} \
                      é 中文 😀 ls\u{2028} ps\u{2029} </script>";

#[test]
fn json_escapes_every_string_and_python_reads_it_back() {
    let report = Report {
        wall_ms: 12.3456789,
        stdout: TRICKY.to_string(),
        output: vec![OutputLine { t_ms: 1.0004, thread: "Thread-1 (wörk\"er)".into(), text: TRICKY.into() }],
        threads: vec![ThreadReport {
            name: "Main\\Thread\n".into(),
            native_id: Some(7),
            process: 0,
            spans: vec![Span { state: State::WaitingGil, start_ms: 0.0, end_ms: 0.0016 }],
            tasks: vec![],
        }],
        processes: vec![],
        gil_switches: 42,
        error: Some(ErrorReport { typ: "ValueError".into(), message: TRICKY.into(), line: Some(7) }),
        mode: Mode::Free,
        switch_interval: 0.005,
        green: false,
        deadlock: Some(DeadlockReport { t_ms: 3.25, threads: vec![("Thread-1 (wörk\"er)".into(), TRICKY.into())] }),
        timeline_cut: Some(TimelineCut { lanes: 5000, lanes_shown: 1000, spans_dropped: 77 }),
    };
    let json = report.to_json();
    // Control characters never appear raw.
    assert!(json.chars().all(|c| c as u32 >= 0x20), "raw control character in {json:?}");
    assert_eq!(python_eval(&json, "d['stdout']"), TRICKY);
    assert_eq!(python_eval(&json, "d['output'][0]['text']"), TRICKY);
    assert_eq!(python_eval(&json, "d['error']['message']"), TRICKY);
    assert_eq!(python_eval(&json, "d['output'][0]['thread']"), "Thread-1 (wörk\"er)");
    assert_eq!(python_eval(&json, "d['threads'][0]['name']"), "Main\\Thread\n");
    assert_eq!(python_eval(&json, "d['deadlock']['threads'][0]['waits_for']"), TRICKY);
    assert_eq!(
        python_eval(&json, "(d['deadlock']['t_ms'], d['deadlock']['threads'][0]['name'], d['timeline_cut'])"),
        format!(
            "(3.25, 'Thread-1 (wörk\"er)', {{'threads': 5000, 'threads_shown': 1000, 'spans_dropped': 77, 'max_threads_shown': {}, 'max_spans': {}}})",
            threadlab::runtime::MAX_LANES,
            threadlab::runtime::MAX_SPANS
        )
    );
    assert_eq!(
        python_eval(&json, "(d['wall_ms'], d['mode'], d['switch_interval'], d['gil_switches'], d['error']['type'], d['error']['line'])"),
        "(12.346, 'free', 0.005, 42, 'ValueError', 7)"
    );
    // Microsecond resolution: 3 decimals, rounded.
    assert_eq!(
        python_eval(&json, "(d['output'][0]['t_ms'], d['threads'][0]['spans'][0])"),
        "(1.0, {'state': 'waiting_gil', 'start_ms': 0.0, 'end_ms': 0.002})"
    );
    // Exactly the schema's keys.
    assert_eq!(
        python_eval(&json, "sorted(d)"),
        "['deadlock', 'engine', 'error', 'gil_switches', 'mode', 'output', 'processes', 'stdout', 'switch_interval', 'threads', 'timeline_cut', 'wall_ms']"
    );
}

#[test]
fn json_error_null_and_line_null() {
    let mut report = Report::default();
    assert_eq!(python_eval(&report.to_json(), "(d['error'], d['output'], d['threads'], d['mode'])"), "(None, [], [], 'gil')");
    report.error = Some(ErrorReport { typ: "SyntaxError".into(), message: "bad".into(), line: None });
    report.wall_ms = f64::NAN;
    assert_eq!(python_eval(&report.to_json(), "(d['error']['line'], d['wall_ms'])"), "(None, None)");
}

struct Recorder(Mutex<Vec<(String, f64, String)>>);

impl OutputSink for Recorder {
    fn write(&self, thread: &str, t_ms: f64, text: &str) {
        self.0.lock().unwrap().push((thread.to_string(), t_ms, text.to_string()));
    }
}

#[test]
fn output_is_captured_forwarded_and_reported() {
    let sink = Arc::new(Recorder(Mutex::new(Vec::new())));
    let rt = Runtime::new(RuntimeConfig { mode: Mode::Gil, switch_interval: 0.005, max_threads: 8, sink: sink.clone() });
    rt.write_output(0, "hello\n");
    let tid = rt.register_thread("Thread-1");
    rt.set_thread_name(tid, "Thread-1 (worker)");
    assert_eq!(rt.thread_name(tid), "Thread-1 (worker)");
    let rt2 = Arc::clone(&rt);
    let (tx, rx) = std::sync::mpsc::channel();
    rt.spawn(Box::new(move || {
        rt2.thread_begin(tid);
        rt2.write_output(tid, "from \"worker\"\n");
        rt2.thread_end(tid);
        tx.send(()).unwrap();
    }))
    .unwrap();
    // Forwarded live: the sink has the first line before the run ends.
    assert_eq!(sink.0.lock().unwrap().len(), 1);
    rt.blocking(0, State::BlockedJoin, || rx.recv().unwrap());
    let report = rt.finish(Some(ErrorReport { typ: "NameError".into(), message: "name 'x' is not defined".into(), line: Some(3) }));
    assert_eq!(report.stdout, "hello\nfrom \"worker\"\n");
    let threads: Vec<_> = report.output.iter().map(|l| l.thread.as_str()).collect();
    assert_eq!(threads, ["MainThread", "Thread-1 (worker)"]);
    assert!(report.output[0].t_ms <= report.output[1].t_ms);
    assert!(report.output[1].t_ms <= report.wall_ms);
    let live = sink.0.lock().unwrap().clone();
    assert_eq!(live.len(), 2);
    assert_eq!(live[1].0, "Thread-1 (worker)");
    assert_eq!(live[1].1, report.output[1].t_ms);
    assert_eq!(report.threads.len(), 2);
    assert_eq!(report.threads[1].name, "Thread-1 (worker)");
    let states: Vec<_> = report.threads[1].spans.iter().map(|s| s.state).collect();
    // Waiting for the GIL first only if main still held it when the worker began.
    assert!(matches!(states.first(), Some(State::WaitingGil | State::Running)));
    assert!(states.contains(&State::Running));
    assert_eq!(states.last(), Some(&State::Done));
    assert_eq!(report.mode, Mode::Gil);
    let json = report.to_json();
    assert_eq!(
        python_eval(&json, "(d['stdout'], [s['state'] for s in d['threads'][1]['spans']][-1], d['error']['line'])"),
        "('hello\\nfrom \"worker\"\\n', 'done', 3)"
    );
}

#[test]
fn registered_but_unstarted_lane_has_no_spans() {
    let rt = Runtime::new(RuntimeConfig::new(Mode::Free, Arc::new(NullSink)));
    let tid = rt.register_thread("never");
    assert_eq!(rt.lane_state(tid), None);
    let report = rt.finish(None);
    assert!(report.threads[tid].spans.is_empty());
    assert_eq!(report.threads[0].spans.len(), 1);
    assert_eq!(report.threads[0].spans[0].state, State::Running);
}
