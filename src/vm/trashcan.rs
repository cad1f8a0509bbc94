//! Dropping nested containers without recursing, as CPython's trashcan does.
//!
//! Dropping a list drops its items, which drop theirs: a list nested 10^6 deep would recurse
//! 10^6 Rust frames and overflow the stack. Containers (list, tuple, dict, set, instances and
//! the exception state they carry) hand their contents to `release` from their `Drop`: up to
//! `MAX_DEPTH` nested releases drop in place; deeper ones are queued, and the outermost release
//! on the thread drops the queue, one entry at a time, each again at most `MAX_DEPTH` deep.

use std::cell::{Cell, RefCell};

/// Nested drops done in place before the rest is queued: a few hundred bytes of stack each.
const MAX_DEPTH: usize = 64;

/// Anything: the queue owns it until it drops it.
trait Garbage {}
impl<T> Garbage for T {}

thread_local! {
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    static QUEUE: RefCell<Vec<Box<dyn Garbage>>> = const { RefCell::new(Vec::new()) };
}

/// Drops `contents` (a container's items), queueing it if this thread is already `MAX_DEPTH`
/// releases deep.
pub fn release<T: 'static>(contents: T) {
    let depth = match DEPTH.try_with(|d| d.get()) {
        Ok(d) => d,
        // Thread-locals being torn down at thread exit: nothing deep drops there.
        Err(_) => return drop(contents),
    };
    if depth >= MAX_DEPTH {
        let boxed: Box<dyn Garbage> = Box::new(contents);
        let _ = QUEUE.try_with(|q| q.borrow_mut().push(boxed));
        return;
    }
    DEPTH.with(|d| d.set(depth + 1));
    drop(contents);
    if depth == 0 {
        // The outermost release drains what deeper ones queued (dropping an entry may queue more).
        while let Some(next) = QUEUE.with(|q| q.borrow_mut().pop()) {
            drop(next);
        }
    }
    DEPTH.with(|d| d.set(depth));
}
