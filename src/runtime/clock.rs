//! The run's clock: microseconds since the run's epoch, comparable across threads.
//!
//! Native: `std::time::Instant` (monotonic, shared by all OS threads).
//! wasm32: `Instant` panics there, and `performance.now()` counts from each worker's own time
//! origin, so two workers' raw readings cannot be compared. `performance.timeOrigin +
//! performance.now()` is an absolute time that can: the epoch is stored as such an absolute time
//! (in shared memory, inside the `Runtime`) and every reading subtracts it.

#[cfg(not(target_arch = "wasm32"))]
pub struct Clock {
    epoch: std::time::Instant,
}

#[cfg(not(target_arch = "wasm32"))]
impl Clock {
    pub fn start() -> Clock {
        Clock { epoch: std::time::Instant::now() }
    }

    pub fn now_us(&self) -> f64 {
        self.epoch.elapsed().as_nanos() as f64 / 1000.0
    }
}

#[cfg(target_arch = "wasm32")]
pub struct Clock {
    /// `performance.timeOrigin + performance.now()` on the thread that started the run, in ms.
    epoch_ms: f64,
}

#[cfg(target_arch = "wasm32")]
impl Clock {
    pub fn start() -> Clock {
        Clock { epoch_ms: web_time::time_origin_ms() + web_time::perf_now() }
    }

    pub fn now_us(&self) -> f64 {
        // Subtract the two large absolute values first so the small per-worker reading keeps
        // its full precision.
        ((web_time::time_origin_ms() - self.epoch_ms) + web_time::perf_now()) * 1000.0
    }
}

#[cfg(target_arch = "wasm32")]
mod web_time {
    use std::cell::Cell;
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        // Resolves `performance` in whatever global scope runs this (window or worker).
        #[wasm_bindgen(js_namespace = performance, js_name = now)]
        pub fn perf_now() -> f64;
    }

    thread_local! {
        // Each worker has its own time origin; it never changes, so read it once per worker.
        static TIME_ORIGIN_MS: Cell<f64> = const { Cell::new(f64::NAN) };
    }

    pub fn time_origin_ms() -> f64 {
        TIME_ORIGIN_MS.with(|cell| {
            if cell.get().is_nan() {
                let global = js_sys::global();
                let origin = js_sys::Reflect::get(&global, &JsValue::from_str("performance"))
                    .ok()
                    .and_then(|perf| js_sys::Reflect::get(&perf, &JsValue::from_str("timeOrigin")).ok())
                    .and_then(|v| v.as_f64())
                    .unwrap_or(0.0);
                cell.set(origin);
            }
            cell.get()
        })
    }
}
