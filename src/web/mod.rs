//! The wasm-bindgen surface. Only this layer knows about the browser.
//!
//! The page never runs this module on its main thread: `www/engine-worker.js` loads it in a
//! module Worker, because every blocking call (mutex, condvar, sleep) traps on the main thread.

mod panic;
mod smoke;

use wasm_bindgen::prelude::*;

pub use panic::{debug_panic, set_panic_channel};
pub use smoke::{pool_size, smoke_checksum};
/// Starts the rayon pool: `await initThreadPool(n)` in JS, before anything blocks.
pub use wasm_bindgen_rayon::init_thread_pool;

/// Runs once per instantiation (engine worker and every pool worker).
#[wasm_bindgen(start)]
pub fn start() {
    panic::install_hook();
}

/// The engine version shown on the page (`threadlab::VERSION`).
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}
