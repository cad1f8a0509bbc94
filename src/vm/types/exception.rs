//! `BaseException`'s methods and method table (the classes are in `registry.rs`, the
//! payload is an instance's `ExcState`).

use crate::builtins_table;
use crate::vm::args::Args;
use crate::vm::exceptions::{exc_args, with_state, PyResult};
use crate::vm::state::Vm;
use crate::vm::types::{types, Builtin};
use crate::vm::value::Value;

pub fn exc_init(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, rest) = args.split_self();
    with_state(this, |st| st.args = Value::tuple(rest.pos().to_vec()));
    Ok(Value::None)
}

pub fn exc_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, _) = args.split_self();
    let items = exc_args(this);
    let is_key_error = match this {
        Value::Instance(i) => i.class.is_subclass(types().exc("KeyError")),
        _ => false,
    };
    Ok(match items.len() {
        0 => Value::str(""),
        1 if is_key_error => Value::string(vm.repr(&items[0])?),
        1 => Value::Str(vm.to_str(&items[0])?),
        _ => Value::string(vm.repr(&Value::tuple(items))?),
    })
}

pub fn exc_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, _) = args.split_self();
    let this = this.clone();
    Ok(Value::string(vm.default_repr(&this)?))
}

pub fn exc_with_traceback(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos()[0].clone())
}

pub fn exc_add_note(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

pub static EXCEPTION_METHODS: &[Builtin] = builtins_table![
    "__init__" => exc_init,
    "__str__" => exc_str,
    "__repr__" => exc_repr,
    "with_traceback" => exc_with_traceback,
    "add_note" => exc_add_note,
];
