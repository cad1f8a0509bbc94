//! The wasm-bindgen surface. Only this layer knows about the browser.
