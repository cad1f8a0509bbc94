//! Sequences: tuple, list, range, slice.

use crate::vm::sync::lock;
use crate::vm::value::Value;
use std::sync::{Mutex, MutexGuard};

pub struct Tuple {
    pub items: Box<[Value]>,
}

impl Tuple {
    pub fn new(items: Vec<Value>) -> Tuple {
        Tuple { items: items.into_boxed_slice() }
    }
}

/// A list. Its lock is held only for Rust-level work, never while Python code runs: code that
/// calls back into Python (comparisons with `__eq__`, sort keys) works on a snapshot.
pub struct List {
    items: Mutex<Vec<Value>>,
}

impl List {
    pub fn new(items: Vec<Value>) -> List {
        List { items: Mutex::new(items) }
    }
    #[inline]
    pub fn lock(&self) -> MutexGuard<'_, Vec<Value>> {
        lock(&self.items)
    }
    pub fn snapshot(&self) -> Vec<Value> {
        self.lock().clone()
    }
    pub fn len(&self) -> usize {
        self.lock().len()
    }
    pub fn push(&self, v: Value) {
        self.lock().push(v);
    }
}

pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    pub fn len(&self) -> i64 {
        let (lo, hi, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 {
            if lo < hi {
                (hi - lo - 1) / step + 1
            } else {
                0
            }
        } else if lo > hi {
            (lo - hi - 1) / (-step) + 1
        } else {
            0
        };
        n as i64
    }
    pub fn get(&self, i: i64) -> i64 {
        self.start + i * self.step
    }
}

pub struct Slice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}
