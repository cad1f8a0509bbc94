//! Tiny locks for the VM's shared state.
//!
//! `SpinCell` guards one `Value`-sized slot (a module global, a closure cell) where the critical
//! section is a clone or a swap: a spin lock costs one atomic RMW to take and a plain store to
//! release, and never parks. Containers (lists, dicts) use `std::sync::Mutex` through `lock`
//! (the crate's poison-ignoring helpers, re-exported from `runtime::sync`), because their
//! critical sections can be long (sorting) and a waiter should sleep.

pub use crate::runtime::sync::{lock, read, write};
use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, Ordering};

pub struct SpinCell<T> {
    locked: AtomicBool,
    value: UnsafeCell<T>,
}

// SAFETY: access to `value` is serialized by `locked`.
unsafe impl<T: Send> Send for SpinCell<T> {}
unsafe impl<T: Send> Sync for SpinCell<T> {}

impl<T> SpinCell<T> {
    pub const fn new(v: T) -> Self {
        SpinCell { locked: AtomicBool::new(false), value: UnsafeCell::new(v) }
    }

    #[inline]
    fn acquire(&self) {
        if self.locked.compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed).is_ok() {
            return;
        }
        self.acquire_slow();
    }

    #[cold]
    fn acquire_slow(&self) {
        let mut spins = 0u32;
        loop {
            while self.locked.load(Ordering::Relaxed) {
                spins += 1;
                if spins < 64 {
                    std::hint::spin_loop();
                } else {
                    // The holder may have been descheduled mid-clone; let it run.
                    std::thread::yield_now();
                }
            }
            if self.locked.compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed).is_ok() {
                return;
            }
        }
    }

    #[inline]
    fn release(&self) {
        self.locked.store(false, Ordering::Release);
    }

    /// Runs `f` on the value under the lock. `f` must not run Python code or take other locks.
    #[inline]
    pub fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        self.acquire();
        // SAFETY: we hold the lock.
        let r = f(unsafe { &mut *self.value.get() });
        self.release();
        r
    }

    /// Replaces the value; the old one is returned (and dropped by the caller outside the lock).
    #[inline]
    pub fn replace(&self, v: T) -> T {
        self.with(|slot| std::mem::replace(slot, v))
    }
}

impl<T: Clone> SpinCell<T> {
    #[inline]
    pub fn get(&self) -> T {
        self.with(|v| v.clone())
    }
}
