//! `slice`: the payload and its constructor.

use crate::vm::args::Args;
use crate::vm::exceptions::PyResult;
use crate::vm::state::Vm;
use crate::vm::value::Value;
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
