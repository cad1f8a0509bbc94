//! The rayon pool in a browser: its workers really run at the same time, and one worker
//! blocking in `sleep` leaves the others running. Runs in headless Chromium, inside a dedicated
//! worker (blocking is not allowed on a page's main thread), via `./build.sh test`.
//!
//! No timing asserts: each test observes something that can only happen if two workers run at
//! once, and waits with a generous bound so a slow machine does not make it flaky.
#![cfg(target_arch = "wasm32")]

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;
use std::thread::sleep;
use std::time::Duration;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_dedicated_worker);

const POOL: usize = 2;
/// How long a task waits for its partner before concluding that it never ran alongside.
const PATIENCE: Duration = Duration::from_secs(10);

/// Starts the global pool once per test module (rayon's global pool can only be built once).
async fn pool() {
    static STARTED: OnceLock<()> = OnceLock::new();
    if STARTED.get().is_none() {
        JsFuture::from(threadlab::web::init_thread_pool(POOL))
            .await
            .expect("initThreadPool failed");
        let _ = STARTED.set(());
    }
}

/// Sets `mine`, then waits (sleeping 1 ms at a time) until `theirs` is set or PATIENCE runs out.
/// Returns whether the partner showed up.
fn meet(mine: &AtomicBool, theirs: &AtomicBool) -> bool {
    mine.store(true, Ordering::SeqCst);
    let step = Duration::from_millis(1);
    let mut waited = Duration::ZERO;
    while !theirs.load(Ordering::SeqCst) {
        if waited >= PATIENCE {
            return false;
        }
        sleep(step);
        waited += step;
    }
    true
}

#[wasm_bindgen_test]
async fn pool_has_the_requested_size() {
    pool().await;
    assert_eq!(rayon::current_num_threads(), POOL);
}

#[wasm_bindgen_test]
async fn two_tasks_run_at_the_same_time() {
    pool().await;
    // Each side announces itself and waits for the other: with one worker at a time, the first
    // side would give up before the second ever started.
    let (a, b) = (AtomicBool::new(false), AtomicBool::new(false));
    let (a_met_b, b_met_a) = rayon::join(|| meet(&a, &b), || meet(&b, &a));
    assert!(a_met_b, "task A never saw task B running");
    assert!(b_met_a, "task B never saw task A running");
}

#[wasm_bindgen_test]
async fn a_sleeping_worker_does_not_block_the_others() {
    pool().await;
    let other_done = AtomicBool::new(false);
    let (seen_while_asleep, work) = rayon::join(
        || {
            // A plain blocking sleep, as `time.sleep` will be. If it blocked the whole pool,
            // the other task could only finish after it, and this would read false.
            sleep(Duration::from_secs(2));
            other_done.load(Ordering::SeqCst)
        },
        || {
            let sum = (0..1_000_000u64).map(std::hint::black_box).sum::<u64>();
            other_done.store(true, Ordering::SeqCst);
            sum
        },
    );
    assert_eq!(work, 499_999_500_000);
    assert!(seen_while_asleep, "the other worker did not finish while this one slept");
}

#[wasm_bindgen_test]
async fn smoke_checksum_does_not_depend_on_the_split() {
    pool().await;
    let one = threadlab::web::smoke_checksum(3_000_001, 1);
    assert_eq!(one.len(), 16);
    assert_ne!(one, threadlab::web::smoke_checksum(3_000_000, 1));
    for chunks in [2, 3, POOL as u32, 7] {
        assert_eq!(threadlab::web::smoke_checksum(3_000_001, chunks), one, "{chunks} chunks");
    }
}
