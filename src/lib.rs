//! threadlab: a Python-subset bytecode VM with real threads, a CPython-style GIL and timelines.
//!
//! Layers, bottom to top: `runtime` (clock, threads, GIL, timeline), `lang` (source to bytecode),
//! `vm` (values, interpreter, builtins), and `web` (the wasm-bindgen surface, wasm only).
//! The native command-line runner lives in `src/bin/threadlab.rs`.

// The web layer reports an allocation failure to the page before the abort (src/web/panic.rs).
#![cfg_attr(target_arch = "wasm32", feature(alloc_error_hook))]

pub mod lang;
pub mod runtime;
pub mod vm;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub const VERSION: &str = env!("CARGO_PKG_VERSION");
