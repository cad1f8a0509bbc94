//! Messages from any worker to the page. The engine worker and the thread set's workers were
//! created by the page, so their `postMessage` goes straight to the page's main thread, which
//! never blocks: it arrives even while the sender goes on to block in Rust. The rayon pool's
//! workers (process pools) are nested in the engine worker and post on a `BroadcastChannel`.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// On a worker the page did not create (a rayon pool worker, nested in the engine worker):
    /// the channel its messages take to the page instead of `postMessage`.
    static NESTED: std::cell::RefCell<Option<web_sys::BroadcastChannel>> = const { std::cell::RefCell::new(None) };
}

/// Called on a rayon worker before it runs Python: `postMessage` from there reaches the engine
/// worker, which is blocked in the run, so this worker posts on the page's events channel
/// (`BroadcastChannel`, named after the panic channel, www/threadlab.js) instead.
pub(crate) fn posting_from_nested_worker() {
    NESTED.with(|n| {
        let mut n = n.borrow_mut();
        if n.is_none() {
            *n = web_sys::BroadcastChannel::new(&super::panic::events_channel_name()).ok();
        }
    });
}

/// Posts `{type, ...fields}` to the page. Does nothing outside a dedicated worker.
fn post(kind: &str, fields: &[(&str, JsValue)]) {
    let global = js_sys::global();
    let Some(scope) = global.dyn_ref::<web_sys::DedicatedWorkerGlobalScope>() else { return };
    let msg = Object::new();
    let _ = Reflect::set(&msg, &"type".into(), &kind.into());
    for (key, value) in fields {
        let _ = Reflect::set(&msg, &(*key).into(), value);
    }
    let sent = NESTED.with(|n| n.borrow().as_ref().map(|channel| channel.post_message(&msg)));
    if sent.is_none() {
        let _ = scope.post_message(&msg);
    }
}

/// Asks the page's thread-set manager (www/threadlab/thread-set.js) for `count` more workers.
pub(crate) fn ask_for_workers(count: usize) {
    post("threadlab-grow", &[("count", JsValue::from(count as u32))]);
}

/// One piece of printed text, live: `seq` orders pieces from different workers (the page
/// delivers them in `seq` order); `run` tells a finished run's stragglers apart.
pub(crate) fn post_output(run: u32, seq: u32, stream: &str, thread: &str, t_ms: f64, text: &str) {
    post(
        "threadlab-output",
        &[
            ("run", JsValue::from(run)),
            ("seq", JsValue::from(seq)),
            ("stream", stream.into()),
            ("thread", thread.into()),
            ("t_ms", JsValue::from(t_ms)),
            ("text", text.into()),
        ],
    );
}
