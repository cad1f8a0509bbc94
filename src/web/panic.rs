//! Getting a Rust panic's message to the page.
//!
//! With `panic = "abort"` a panic ends in a wasm trap, and JS only sees
//! `RuntimeError: unreachable`. So the hook itself sends the message out, on a
//! `BroadcastChannel` the page listens to: that works from the engine worker and from a pool
//! worker alike, even when the engine worker is stuck waiting on the worker that panicked.

use std::sync::Mutex;
use wasm_bindgen::prelude::*;

/// Name of the page's channel; shared memory, so every worker sees the engine's setting.
static CHANNEL: Mutex<String> = Mutex::new(String::new());

pub(crate) fn install_hook() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            post_to_page(&info.to_string());
        }));
        // An allocation failure aborts without a panic: say so first, without allocating (the
        // heap is what ran out), so the page can tell the learner "out of memory".
        std::alloc::set_alloc_error_hook(|layout| {
            let mut text = [0u8; 96];
            let mut cursor = std::io::Cursor::new(&mut text[..]);
            let _ = std::io::Write::write_fmt(&mut cursor, format_args!("{OUT_OF_MEMORY}: {} bytes", layout.size()));
            let len = cursor.position() as usize;
            post_to_page(std::str::from_utf8(&text[..len]).unwrap_or(OUT_OF_MEMORY));
        });
    });
}

/// How an allocation failure's message begins (www/threadlab/crash.js looks for it).
const OUT_OF_MEMORY: &str = "out of memory: the engine could not allocate";

fn post_to_page(message: &str) {
    // try_lock: the panic may have happened while this very lock was held. No clone of the
    // name: after an allocation failure nothing may allocate.
    let Ok(name) = CHANNEL.try_lock() else { return };
    if name.is_empty() {
        return;
    }
    if let Ok(channel) = web_sys::BroadcastChannel::new(&name) {
        let _ = channel.post_message(&JsValue::from_str(message));
        channel.close();
    }
}

/// The page's channel for what workers it did not create post (`<panic channel>-events`).
pub(crate) fn events_channel_name() -> String {
    format!("{}-events", crate::runtime::sync::lock(&CHANNEL))
}

/// Tells the panic hook which `BroadcastChannel` the page listens on (one name per page, so
/// two open tabs do not see each other's panics).
#[wasm_bindgen(js_name = setPanicChannel)]
pub fn set_panic_channel(name: String) {
    *crate::runtime::sync::lock(&CHANNEL) = name;
}

/// Panics on purpose, so a test can check that a panic's message reaches the page: on the
/// calling thread (the engine worker), or on a pool worker (where Python threads will run).
/// A pool panic leaves the caller waiting for good, as with any abort on a thread.
#[wasm_bindgen(js_name = debugPanic)]
pub fn debug_panic(what: String, on_pool: bool) {
    if on_pool {
        rayon::join(|| panic!("threadlab debug panic on a pool worker: {what}"), || ());
    } else {
        panic!("threadlab debug panic: {what}");
    }
}
