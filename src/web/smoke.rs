//! The smoke job: the same CPU-bound loop run as one chunk and as P chunks on the rayon pool.
//! Both must give the same checksum; the page times both to show the speedup.

use rayon::prelude::*;
use std::hint::black_box;
use wasm_bindgen::prelude::*;

/// Number of threads in the global rayon pool (start it first with `initThreadPool`).
#[wasm_bindgen(js_name = poolSize)]
pub fn pool_size() -> usize {
    rayon::current_num_threads()
}

/// Sums `mix(i)` for `i` in `0..iterations`, split into `chunks` rayon tasks.
/// The wrapping sum does not depend on the split, so any `chunks` gives the same checksum.
/// Called from outside the pool, so even `chunks == 1` runs on a pool worker.
#[wasm_bindgen(js_name = smokeChecksum)]
pub fn smoke_checksum(iterations: u32, chunks: u32) -> String {
    let n = u64::from(iterations);
    let chunks = u64::from(chunks.max(1));
    let sum = (0..chunks)
        .into_par_iter()
        .map(|c| sum_range(n * c / chunks, n * (c + 1) / chunks))
        .reduce(|| 0, u64::wrapping_add);
    format!("{sum:016x}")
}

pub(crate) fn sum_range(start: u64, end: u64) -> u64 {
    let mut acc = 0u64;
    for i in start..end {
        // black_box keeps the optimizer from turning the loop into a closed form.
        acc = acc.wrapping_add(mix(black_box(i)));
    }
    acc
}

/// A cheap integer mix (splitmix64's finalizer), so the checksum depends on every step.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}
