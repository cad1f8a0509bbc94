//! `slice`: the payload and its constructor; sequence indexes and slice positions.

use crate::vm::args::Args;
use crate::vm::exceptions::{index_error, type_error, value_error, PyResult};
use crate::vm::state::Vm;
use crate::vm::value::Value;
use num_traits::Signed;
use std::sync::Arc;

pub struct Slice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

pub fn slice_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.range("slice", 1, 3)?;
    let (start, stop, step) = match pos.len() {
        1 => (Value::None, pos[0].clone(), Value::None),
        2 => (pos[0].clone(), pos[1].clone(), Value::None),
        _ => (pos[0].clone(), pos[1].clone(), pos[2].clone()),
    };
    Ok(Value::Slice(Arc::new(Slice { start, stop, step })))
}

/// An index value as i64 (ints, bools, `__index__`).
pub fn index_of(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        Value::BigInt(b) => Some(if b.is_negative() { i64::MIN } else { i64::MAX }),
        Value::Instance(i) => index_of(i.base()?),
        _ => None,
    }
}

/// Python's `slice.indices(len)`: (start, stop, step) clamped to the sequence.
pub fn slice_indices(s: &Slice, len: i64) -> PyResult<(i64, i64, i64)> {
    let step = match &s.step {
        Value::None => 1,
        v => index_of(v).ok_or_else(|| type_error("slice indices must be integers or None or have an __index__ method"))?,
    };
    if step == 0 {
        return Err(value_error("slice step cannot be zero"));
    }
    let conv = |v: &Value, default: i64, lo: i64, hi: i64| -> PyResult<i64> {
        match v {
            Value::None => Ok(default),
            v => {
                let i = index_of(v).ok_or_else(|| type_error("slice indices must be integers or None or have an __index__ method"))?;
                let i = if i < 0 { i.saturating_add(len) } else { i };
                Ok(i.clamp(lo, hi))
            }
        }
    };
    if step > 0 {
        Ok((conv(&s.start, 0, 0, len)?, conv(&s.stop, len, 0, len)?, step))
    } else {
        Ok((conv(&s.start, len - 1, -1, len - 1)?, conv(&s.stop, -1, -1, len - 1)?, step))
    }
}

pub fn slice_positions(s: &Slice, len: usize) -> PyResult<Vec<usize>> {
    let (start, stop, step) = slice_indices(s, len as i64)?;
    let mut out = Vec::new();
    let mut i = start;
    if step > 0 {
        while i < stop {
            out.push(i as usize);
            i += step;
        }
    } else {
        while i > stop {
            out.push(i as usize);
            i += step;
        }
    }
    Ok(out)
}

/// Normalizes a possibly negative index; None if out of range.
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        None
    } else {
        Some(j as usize)
    }
}

/// An index clamped into `0..=len`, as `insert` and the start and stop of `index()`/`find()`
/// take it: a negative one counts from the end, and one past either end is that end.
pub fn clamp_index(i: i64, len: usize) -> usize {
    let n = len as i64;
    (if i < 0 { (i + n).max(0) } else { i.min(n) }) as usize
}

/// The position an integer index names in a sequence of `len` items: the TypeError names the
/// sequence type (`list indices must be integers or slices, not str`), the IndexError is
/// `out_of_range`.
pub fn position(idx: &Value, len: usize, type_name: &str, out_of_range: &str) -> PyResult<usize> {
    let i = index_of(idx).ok_or_else(|| match type_name {
        "str" => type_error(format!("string indices must be integers, not '{}'", idx.type_name())),
        _ => type_error(format!("{} indices must be integers or slices, not {}", type_name, idx.type_name())),
    })?;
    norm_index(i, len).ok_or_else(|| index_error(out_of_range))
}

/// `seq[s] = new` on a sequence's items: a step-1 slice is spliced (any length), an extended
/// one needs exactly as many new items (`attempt to assign {what} of size ...`).
pub fn assign_slice<T>(items: &mut Vec<T>, s: &Slice, new: Vec<T>, what: &str) -> PyResult<()> {
    let (start, stop, step) = slice_indices(s, items.len() as i64)?;
    if step == 1 {
        let stop = stop.max(start);
        items.splice(start as usize..stop as usize, new);
        return Ok(());
    }
    let pos = slice_positions(s, items.len())?;
    if pos.len() != new.len() {
        return Err(value_error(format!(
            "attempt to assign {} of size {} to extended slice of size {}",
            what,
            new.len(),
            pos.len()
        )));
    }
    for (p, x) in pos.into_iter().zip(new) {
        items[p] = x;
    }
    Ok(())
}

/// `del seq[s]` on a sequence's items.
pub fn delete_slice<T>(items: &mut Vec<T>, s: &Slice) -> PyResult<()> {
    let mut pos = slice_positions(s, items.len())?;
    pos.sort_unstable();
    for p in pos.into_iter().rev() {
        items.remove(p);
    }
    Ok(())
}
