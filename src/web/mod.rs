//! The wasm-bindgen surface. Only this layer knows about the browser.
//!
//! The page never runs this module on its main thread: `www/engine-worker.js` loads it in a
//! module Worker, because every blocking call (mutex, condvar, sleep) traps on the main thread.

mod page;
mod panic;
#[cfg(feature = "lazy-pylib")]
mod pylib;
mod run;
mod smoke;
mod threads;

use wasm_bindgen::prelude::*;

pub use panic::{debug_panic, set_panic_channel};
pub use run::{run_python, stop_current_run};
pub use threads::{thread_worker_main, MAX_WORKERS, THREAD_STACK_BYTES};
pub use smoke::{pool_size, smoke_checksum};
/// Starts the rayon pool: `await initThreadPool(n)` in JS, before anything blocks.
pub use wasm_bindgen_rayon::init_thread_pool;

/// Runs once per instantiation (engine worker and every pool worker).
#[wasm_bindgen(start)]
pub fn start() {
    panic::install_hook();
    #[cfg(feature = "lazy-pylib")]
    pylib::install();
}

/// The engine version shown on the page (`threadlab::VERSION`).
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// Called once by the engine worker after `init()`: names it worker 0, installs the thread set's
/// spawner and asks the page for the warm workers (`warm`, at most MAX_WORKERS). Returns
/// `{warmWorkers, limit, stackBytes}`. Calling it again only reports. On a page that is not
/// cross-origin isolated (`isolated` false) threads cannot start, and say why.
#[wasm_bindgen(js_name = startThreadSet)]
pub fn start_thread_set(warm: u32, isolated: bool) -> JsValue {
    crate::runtime::set_native_id(0);
    let workers = threads::start(warm as usize, isolated);
    let info = js_sys::Object::new();
    let set = |k: &str, v: f64| {
        let _ = js_sys::Reflect::set(&info, &k.into(), &JsValue::from(v));
    };
    set("warmWorkers", workers as f64);
    set("limit", if isolated { MAX_WORKERS as f64 } else { 0.0 });
    set("stackBytes", THREAD_STACK_BYTES as f64);
    info.into()
}

/// `[workers asked for, started, idle]` of the thread set (diagnostics and tests).
#[wasm_bindgen(js_name = threadSetCounts)]
pub fn thread_set_counts() -> Vec<u32> {
    let (asked, started, idle) = threads::counts();
    vec![asked as u32, started as u32, idle as u32]
}

/// The compiled module, to post to the page, which starts the thread set's workers with it.
#[wasm_bindgen(js_name = sharedModule)]
pub fn wasm_module() -> JsValue {
    wasm_bindgen::module()
}

/// The shared memory, posted with the module: every worker instantiates on this same memory.
#[wasm_bindgen(js_name = sharedMemory)]
pub fn wasm_memory() -> JsValue {
    wasm_bindgen::memory()
}
