//! `range`: the payload, its methods and method table, its constructor.

use crate::builtins_table;
use crate::vm::ops;
use crate::vm::args::{arg_int, Args};
use crate::vm::exceptions::{value_error, PyResult};
use crate::vm::state::Vm;
use crate::vm::types::Builtin;
use super::slice::{position, slice_indices, slice_positions};
use crate::vm::value::Value;
use std::sync::Arc;

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

pub fn range_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.only_kwargs("range", &[])?;
    let pos = args.range("range", 1, 3)?;
    let ints: Vec<i64> = pos.iter().map(arg_int).collect::<PyResult<_>>()?;
    let (start, stop, step) = match ints.len() {
        1 => (0, ints[0], 1),
        2 => (ints[0], ints[1], 1),
        _ => (ints[0], ints[1], ints[2]),
    };
    if step == 0 {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Arc::new(Range { start, stop, step })))
}

pub static RANGE_METHODS: &[Builtin] = builtins_table![
    "index" => range_index,
    "count" => range_count,
];

pub fn range_index(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (r, rest) = a.split_self();
    let p = rest.exact("index", 1)?;
    if let (Value::Range(r), Value::Int(x)) = (r, &p[0]) {
        for i in 0..r.len() {
            if r.get(i) == *x {
                return Ok(Value::Int(i));
            }
        }
    }
    Err(value_error(format!("{} is not in range", match &p[0] {
        Value::Int(x) => x.to_string(),
        _ => "value".into(),
    })))
}

pub fn range_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (r, rest) = a.split_self();
    let p = rest.exact("count", 1)?;
    Ok(Value::Int(ops::contains(vm, r, &p[0])? as i64))
}

pub fn range_contains(r: &Range, i: i64) -> bool {
    if r.step > 0 {
        i >= r.start && i < r.stop && (i - r.start) % r.step == 0
    } else {
        i <= r.start && i > r.stop && (r.start - i) % (-r.step) == 0
    }
}

/// `r[idx]`.
pub fn range_getitem(r: &Range, idx: &Value) -> PyResult<Value> {
    match idx {
        Value::Slice(s) => {
            let (_, _, step) = slice_indices(s, r.len())?;
            let pos = slice_positions(s, r.len() as usize)?;
            let new_start = r.get(pos.first().copied().unwrap_or(0) as i64);
            let new_step = r.step * step;
            let n = pos.len() as i64;
            Ok(Value::Range(Arc::new(Range { start: new_start, stop: new_start + n * new_step, step: new_step })))
        }
        _ => Ok(Value::Int(r.get(position(idx, r.len() as usize, "range", "range object index out of range")? as i64))),
    }
}
