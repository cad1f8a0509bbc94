//! The crate's lock helpers, which survive poisoning: a Python thread whose Rust code panicked
//! must not take the whole run's timeline, output, GIL or heap down with it. Every layer above
//! (the VM's containers, the web thread set) locks through these.

use std::sync::{Condvar, Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::Duration;

/// Locks a mutex, ignoring poisoning.
#[inline]
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Read-locks an `RwLock`, ignoring poisoning.
#[inline]
pub fn read<T>(m: &RwLock<T>) -> RwLockReadGuard<'_, T> {
    m.read().unwrap_or_else(|e| e.into_inner())
}

/// Write-locks an `RwLock`, ignoring poisoning.
#[inline]
pub fn write<T>(m: &RwLock<T>) -> RwLockWriteGuard<'_, T> {
    m.write().unwrap_or_else(|e| e.into_inner())
}

/// Waits on `cv` for at most `secs` seconds; returns the guard and whether it timed out.
pub fn wait_secs<'a, T>(cv: &Condvar, g: MutexGuard<'a, T>, secs: f64) -> (MutexGuard<'a, T>, bool) {
    let d = Duration::from_secs_f64(secs.max(1e-6));
    match cv.wait_timeout(g, d) {
        Ok((g, r)) => (g, r.timed_out()),
        Err(e) => {
            let (g, r) = e.into_inner();
            (g, r.timed_out())
        }
    }
}
