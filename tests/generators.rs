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
