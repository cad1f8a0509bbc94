//! The thread set Python threads run on in the browser (`src/web/threads.rs`), in headless
//! Chromium inside a dedicated worker (blocking is not allowed on a page's main thread), via
//! `./build.sh test`: its task queue, growth on demand, reuse of its workers across runs, and
//! Stop.
//!
//! On the page, the page's main thread creates the set's workers when a worker asks
//! (`threadlab-grow` messages). The test harness's page does not, so here two rayon threads
//! (real wasm threads on the same memory, like the page's workers) play the set's two workers:
//! each runs `thread_worker_main`, the loop a page-made worker runs. Asking for more workers then
//! only counts them as asked, which is what the growth test observes.
//!
//! No timing asserts: each test observes output, exit codes and the set's counters.
#![cfg(target_arch = "wasm32")]

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;
use std::time::Duration;
use threadlab::web::{run_python, start_thread_set, stop_current_run, thread_set_counts, thread_worker_main};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_dedicated_worker);

/// Workers of the set (played by rayon threads) and one more rayon thread for pressing Stop.
const WORKERS: usize = 2;

/// Installs the thread set once: two workers running its loop, asked for as the page's warm set.
async fn thread_set() {
    static STARTED: OnceLock<()> = OnceLock::new();
    if STARTED.get().is_some() {
        return;
    }
    JsFuture::from(threadlab::web::init_thread_pool(WORKERS + 1)).await.expect("initThreadPool failed");
    // Asks for WORKERS warm workers (the harness page ignores the request) and installs the
    // set as the runtime's spawner.
    let _ = start_thread_set(WORKERS as u32, true);
    for id in 1..=WORKERS as u32 {
        rayon::spawn(move || thread_worker_main(id));
    }
    // A bound only against a hang: the workers start at once.
    wait_until(|| thread_set_counts()[1] as usize == WORKERS, "the set's workers start");
    let _ = STARTED.set(());
}

/// Waits (sleeping 1 ms at a time, up to 10 s) until `done()`; panics naming `what` otherwise.
fn wait_until(done: impl Fn() -> bool, what: &str) {
    for _ in 0..10_000 {
        if done() {
            return;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    panic!("timed out waiting until {}", what);
}

/// `run_python`'s JSON, with the fields a test reads.
struct Run {
    json: String,
}

impl Run {
    fn new(src: &str, mode: &str, max_threads: u32) -> Run {
        Run { json: run_python(src, mode, 0.005, max_threads, 1, wasm_bindgen::JsValue::UNDEFINED).unwrap_or_else(|_| panic!("runPython failed")) }
    }
    fn has(&self, piece: &str) -> bool {
        self.json.contains(piece)
    }
}

const TWO_THREADS: &str = "
import threading, time
def work(n):
    time.sleep(0.01)
    print('done', n)
ts = [threading.Thread(target=work, args=(i,)) for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print('all', threading.active_count())
";

/// Tasks go through the queue to the set's workers, and the same workers serve the next run
/// (no more workers asked for, none started).
#[wasm_bindgen_test]
async fn threads_run_on_the_set_and_its_workers_are_reused() {
    thread_set().await;
    let before = thread_set_counts();
    for mode in ["gil", "free", "gil"] {
        let run = Run::new(TWO_THREADS, mode, 0);
        assert!(run.has("\"exit_code\":0"), "{}: {}", mode, run.json);
        assert!(run.has("done 0\\n") && run.has("done 1\\n") && run.has("all 1\\n"), "{}: {}", mode, run.json);
    }
    assert_eq!(thread_set_counts()[..2], before[..2], "[asked, started] unchanged across runs");
}

/// Three threads alive at once on two workers: the third waits in the queue, the set asks the
/// page for more workers (doubling), and the third thread runs when a worker frees up. The
/// first two sleep so they still hold both workers when the main thread, right after the second
/// has begun, queues the third (a sleep never ends early).
#[wasm_bindgen_test]
async fn a_queued_thread_asks_for_more_workers_and_runs_when_one_is_free() {
    thread_set().await;
    let src = "
import threading
import time
def work(n):
    if n < 2:
        time.sleep(1)
    print('ran', n)
ts = [threading.Thread(target=work, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
";
    let run = Run::new(src, "gil", 0);
    assert!(run.has("\"exit_code\":0"), "{}", run.json);
    assert!(run.has("ran 0\\n") && run.has("ran 1\\n") && run.has("ran 2\\n"), "{}", run.json);
    let [asked, started, _] = thread_set_counts()[..] else { panic!("three counts") };
    assert!(asked as usize >= 2 * WORKERS, "asked for more workers: {:?}", thread_set_counts());
    assert_eq!(started as usize, WORKERS, "only the two test workers exist");
}

/// A run's thread limit: past it, `start()` raises CPython's error, and the run goes on.
#[wasm_bindgen_test]
async fn the_run_limit_is_cpythons_runtime_error() {
    thread_set().await;
    let src = "
import threading
gate = threading.Event()
ts = []
try:
    for i in range(5):
        t = threading.Thread(target=gate.wait)
        t.start()
        ts.append(t)
except RuntimeError as e:
    print(e, len(ts))
gate.set()
for t in ts:
    t.join()
";
    let run = Run::new(src, "gil", 2);
    assert!(run.has("can't start new thread 2\\n"), "{}", run.json);
    assert!(run.has("\"exit_code\":0"), "{}", run.json);
}

/// Stop from another thread ends a run whose thread sleeps for good; the worker it held is
/// free again for the next run.
#[wasm_bindgen_test]
async fn stop_ends_a_run_and_frees_its_workers() {
    thread_set().await;
    let stopped = std::sync::Arc::new(AtomicBool::new(false));
    let flag = stopped.clone();
    // The pool's spare thread presses Stop once the run has begun (stop_current_run counts the
    // runs it stopped: 0 until the run is registered).
    rayon::spawn(move || {
        wait_until(|| stop_current_run() == 1, "a run to stop");
        flag.store(true, Ordering::SeqCst);
    });
    let src = "
import threading, time
t = threading.Thread(target=time.sleep, args=(1000,))
t.start()
t.join()
";
    let run = Run::new(src, "gil", 0);
    assert!(stopped.load(Ordering::SeqCst));
    assert!(run.has("\"exit_code\":130"), "{}", run.json);
    // Both workers serve the next run.
    wait_until(|| thread_set_counts()[2] as usize == WORKERS, "both workers idle again");
    let again = Run::new(TWO_THREADS, "gil", 0);
    assert!(again.has("\"exit_code\":0") && again.has("all 1\\n"), "{}", again.json);
}

/// Nested data (issue 13): 2,000 levels raise CPython's RecursionError in the engine and on a
/// thread worker instead of exhausting the wasm stack, structures 10^6 deep are freed without
/// recursing, and the engine runs the next program.
#[wasm_bindgen_test]
async fn deep_nesting_raises_recursion_error_and_deep_drops_free() {
    thread_set().await;
    let src = "
import threading
def deep(n):
    x = None
    for _ in range(n):
        x = [x]
    return x
def probe(where, n):
    x, y = deep(2000), deep(2000)
    for op, f in [('repr', lambda: repr(x)), ('eq', lambda: x == y)]:
        try:
            f()
        except RecursionError as e:
            print(where, op, e)
    print(where, len(repr(deep(50))))
    z = deep(n)
    del z
    print(where, 'freed', n)
probe('main', 10**6)
t = threading.Thread(target=probe, args=('thread', 10**5))
t.start()
t.join()
kept = deep(10**5)
";
    let run = Run::new(src, "gil", 0);
    assert!(run.has("\"exit_code\":0"), "{}", run.json);
    for piece in [
        "main repr maximum recursion depth exceeded while getting the repr of an object\\n",
        "main eq maximum recursion depth exceeded in comparison\\n",
        "thread repr maximum recursion depth exceeded while getting the repr of an object\\n",
        "thread eq maximum recursion depth exceeded in comparison\\n",
        "main 104\\n",
        "thread 104\\n",
        "main freed 1000000\\n",
        "thread freed 100000\\n",
    ] {
        assert!(run.has(piece), "{}: {}", piece, run.json);
    }
    let again = Run::new("print(1)", "gil", 0);
    assert!(again.has("\"exit_code\":0") && again.has("1\\n"), "{}", again.json);
}
