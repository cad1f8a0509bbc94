//! `tuple`: the payload, its methods and method table, its constructor.

use crate::builtins_table;
use crate::vm::args::Args;
use crate::vm::exceptions::{type_error, PyResult};
use crate::vm::state::Vm;
use crate::vm::types::Builtin;
use super::list::{seq_count, seq_index};
use super::slice::{position, slice_positions};
use crate::vm::value::Value;
use crate::lang::bytecode::BinKind;
use crate::vm::ops::{repeat, repeat_count};

pub struct Tuple {
    pub items: Box<[Value]>,
}

impl Drop for Tuple {
    fn drop(&mut self) {
        crate::vm::trashcan::release(std::mem::take(&mut self.items));
    }
}

impl Tuple {
    pub fn new(items: Vec<Value>) -> Tuple {
        Tuple { items: items.into_boxed_slice() }
    }
}

pub fn tuple_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.only_kwargs("tuple", &[])?;
    let pos = args.range("tuple", 0, 1)?;
    match pos.first() {
        Some(Value::Tuple(_)) => Ok(pos[0].clone()),
        Some(x) => Ok(Value::tuple(vm.collect(x)?)),
        None => Ok(Value::tuple(Vec::new())),
    }
}

pub static TUPLE_METHODS: &[Builtin] = builtins_table![
    "index" => tuple_index,
    "count" => tuple_count,
];

pub fn tuple_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (t, rest) = a.split_self();
    match t {
        Value::Tuple(t) => seq_index(vm, &t.items, rest, "tuple"),
        _ => Err(type_error("descriptor 'index' requires a 'tuple' object")),
    }
}

pub fn tuple_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (t, rest) = a.split_self();
    match t {
        Value::Tuple(t) => seq_count(vm, &t.items, rest),
        _ => Err(type_error("descriptor 'count' requires a 'tuple' object")),
    }
}

/// `t[idx]`.
pub fn tuple_getitem(t: &Tuple, idx: &Value) -> PyResult<Value> {
    match idx {
        Value::Slice(s) => {
            let pos = slice_positions(s, t.items.len())?;
            Ok(Value::tuple(pos.into_iter().map(|i| t.items[i].clone()).collect()))
        }
        _ => Ok(t.items[position(idx, t.items.len(), "tuple", "tuple index out of range")?].clone()),
    }
}

/// `t + other`, `t * n` (and `n * t`); None if unsupported.
pub fn tuple_binop(kind: BinKind, t: &Tuple, other: &Value) -> PyResult<Option<Value>> {
    Ok(Some(match (kind, other) {
        (BinKind::Add, Value::Tuple(y)) => {
            let mut v = t.items.to_vec();
            v.extend(y.items.iter().cloned());
            Value::tuple(v)
        }
        (BinKind::Mul, n) if repeat_count(n).is_some() => Value::tuple(repeat(&t.items, repeat_count(n).unwrap())?),
        _ => return Ok(None),
    }))
}
