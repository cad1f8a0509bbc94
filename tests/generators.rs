//! Generators shared by threads: in every mode (free-threaded included) concurrent `next()`
//! calls on one generator either get a value or CPython's "generator already executing"
//! ValueError; no value is produced twice and the run never panics.

use std::sync::Arc;
use threadlab::runtime::{Mode, NullSink};
use threadlab::vm::{run, RunOptions};

const HAMMER: &str = "
import threading

def numbers():
    i = 0
    while True:
        i += 1
        yield i

g = numbers()
seen = []
errors = []

def pull():
    for _ in range(3000):
        try:
            seen.append(next(g))
        except ValueError as e:
            errors.append(str(e))

ts = [threading.Thread(target=pull) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(seen) + len(errors), len(set(seen)) == len(seen), set(errors) <= {'generator already executing'})
";

#[test]
fn concurrent_next_on_one_generator_is_safe_in_every_mode() {
    for mode in [Mode::Sequential, Mode::Gil, Mode::Free] {
        let out = run(HAMMER, RunOptions { mode, ..RunOptions::default() }, Arc::new(NullSink));
        assert_eq!(out.exit_code, 0, "{:?}: {}", mode, out.stderr);
        assert_eq!(out.report.stdout, "12000 True True\n", "{:?}", mode);
    }
}

/// asyncio's loop, with nothing ready, waits through the runtime (the main lane shows the
/// wait for the next timer as `sleeping`, CPython's select(), not as a lock wait:
/// docs/report.md), and a to_thread result wakes that wait long before a far timer.
#[test]
fn asyncio_loop_waits_on_the_timeline_and_a_worker_wakes_it() {
    let src = "
import asyncio, time
async def main():
    await asyncio.sleep(0.3)
    far = asyncio.create_task(asyncio.sleep(30))
    t0 = time.monotonic()
    await asyncio.to_thread(time.sleep, 0.2)
    woke_after = time.monotonic() - t0
    far.cancel()
    print(woke_after >= 0.2, woke_after < 10)
asyncio.run(main())
";
    let out = run(src, RunOptions { mode: Mode::Gil, ..RunOptions::default() }, Arc::new(NullSink));
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    assert_eq!(out.report.stdout, "True True\n");
    let main = out.report.threads.iter().find(|t| t.name == "MainThread").expect("MainThread lane");
    let longest_wait = main
        .spans
        .iter()
        .filter(|s| s.state == threadlab::runtime::State::Sleeping)
        .map(|s| s.end_ms - s.start_ms)
        .fold(0.0, f64::max);
    assert!(longest_wait >= 200.0, "the 0.3 s timer wait should be a sleeping span on MainThread: {:?}", main.spans);
    let worker = out.report.threads.iter().find(|t| t.name.starts_with("asyncio_")).expect("a lane for to_thread's worker");
    assert!(worker.spans.iter().any(|s| s.state == threadlab::runtime::State::Sleeping), "{:?}", worker.spans);
}
