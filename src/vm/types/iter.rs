//! Iterators over builtin containers and the lazy builtins (enumerate, zip, map, filter).

use crate::vm::sync::lock;
use crate::vm::value::Value;
use std::sync::{Mutex, MutexGuard};

pub enum IterState {
    /// list, tuple, str (by character index), or a snapshot of keys/values/items.
    Seq { seq: Value, index: usize },
    Range { cur: i64, stop: i64, step: i64 },
    /// Values precomputed (dict views, sets, reversed): yielded in order.
    Vec { items: Vec<Value>, index: usize, kind: &'static str },
    Enumerate { inner: Value, count: i64 },
    Zip { inners: Vec<Value> },
    Map { func: Value, inners: Vec<Value> },
    Filter { func: Value, inner: Value },
    /// A user object's `__iter__` result that has `__next__`.
    Exhausted,
}

pub struct Iter {
    state: Mutex<IterState>,
}

impl Iter {
    pub fn new(s: IterState) -> Iter {
        Iter { state: Mutex::new(s) }
    }
    pub fn lock(&self) -> MutexGuard<'_, IterState> {
        lock(&self.state)
    }
    pub fn type_name(&self) -> &'static str {
        match &*self.lock() {
            IterState::Seq { seq, .. } => match seq {
                Value::List(_) => "list_iterator",
                Value::Tuple(_) => "tuple_iterator",
                Value::Str(_) => "str_ascii_iterator",
                Value::Bytes(_) => "bytes_iterator",
                Value::ByteArray(_) => "bytearray_iterator",
                _ => "iterator",
            },
            IterState::Range { .. } => "range_iterator",
            IterState::Vec { kind, .. } => kind,
            IterState::Enumerate { .. } => "enumerate",
            IterState::Zip { .. } => "zip",
            IterState::Map { .. } => "map",
            IterState::Filter { .. } => "filter",
            IterState::Exhausted => "iterator",
        }
    }
}

fn iter_dunder_next(vm: &mut crate::vm::state::Vm, args: crate::vm::args::Args) -> crate::vm::PyResult<Value> {
    let a = args.exact("__next__", 1)?;
    match vm.next(&a[0])? {
        Some(v) => Ok(v),
        None => Err(crate::vm::exceptions::stop_iteration()),
    }
}

fn iter_dunder_iter(_vm: &mut crate::vm::state::Vm, args: crate::vm::args::Args) -> crate::vm::PyResult<Value> {
    Ok(args.exact("__iter__", 1)?[0].clone())
}

/// `it.__next__()` / `it.__iter__()` of the builtin iterators (heapq.merge binds `__next__`).
pub static ITERATOR_METHODS: &[crate::vm::types::Builtin] = crate::builtins_table![
    "__next__" => iter_dunder_next,
    "__iter__" => iter_dunder_iter,
];
