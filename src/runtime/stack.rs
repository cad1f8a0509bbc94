//! How much Rust stack the calling thread has left, so the VM can raise `RecursionError` on
//! deeply nested Python data before the stack overflows (an abort natively, a wedged engine in
//! wasm, where stack exhaustion corrupts whatever lies below the shadow stack).
//!
//! Whoever starts a thread declares its stack size (`declare_stack`) as its first act; a thread
//! that never declared one (the wasm engine worker's main stack, a test harness thread) is
//! assumed to have `DEFAULT_STACK_BYTES` from the first question asked on it. The stack grows
//! down on every target we build for (x86_64, aarch64, wasm32's shadow stack).

use std::cell::Cell;

/// Assumed stack of a thread that declared none. wasm: the smallest of the first instance's
/// stack (`-zstack-size` in .cargo/config.toml, 4 MiB) and wasm-bindgen's default thread stack
/// (2 MiB). Natively: a test harness thread has 2 MiB, `main` 8 MiB; assume half the smaller.
#[cfg(target_arch = "wasm32")]
pub const DEFAULT_STACK_BYTES: usize = 2 << 20;
#[cfg(not(target_arch = "wasm32"))]
pub const DEFAULT_STACK_BYTES: usize = 1 << 20;

/// Stack kept free below the deepest nesting allowed: room for what runs after the last check
/// (a builtin's own frames, formatting, allocation, a panic's unwinding machinery).
pub const STACK_RESERVE_BYTES: usize = 256 << 10;

thread_local! {
    /// (address near the top of the stack, bytes usable below it); (0, 0) until first used.
    static STACK: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
}

#[inline(always)]
fn stack_pointer() -> usize {
    let probe = 0u8;
    std::hint::black_box(&probe) as *const u8 as usize
}

/// Declares that the calling thread's stack holds `bytes` (call first thing on the thread).
pub fn declare_stack(bytes: usize) {
    STACK.with(|s| s.set((stack_pointer(), bytes.saturating_sub(STACK_RESERVE_BYTES))));
}

/// Marks the current stack depth as the top for a thread that declared no stack (a run's
/// entry: later questions then measure from here, not from wherever they are first asked).
pub fn note_stack_top() {
    let sp = stack_pointer();
    STACK.with(|s| {
        if s.get().0 == 0 {
            s.set((sp, DEFAULT_STACK_BYTES - STACK_RESERVE_BYTES));
        }
    });
}

/// Whether the calling thread has used up its stack budget: nested work must stop now.
#[inline]
pub fn stack_exhausted() -> bool {
    let sp = stack_pointer();
    STACK.with(|s| {
        let (base, budget) = s.get();
        if base == 0 {
            s.set((sp, DEFAULT_STACK_BYTES - STACK_RESERVE_BYTES));
            return false;
        }
        base.saturating_sub(sp) > budget
    })
}
