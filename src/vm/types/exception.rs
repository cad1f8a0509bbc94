//! `BaseException`'s methods and method table (the classes are in `registry.rs`, the
//! payload is an instance's `ExcState`).

use crate::builtins_table;
use crate::vm::args::Args;
use crate::vm::exceptions::{exc_args, type_error, with_state, PyResult};
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

/// `BaseException.add_note(note)`: appends to `__notes__`, which the traceback prints after the
/// exception's line.
pub fn exc_add_note(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("add_note", 2)?;
    if !matches!(a[1], Value::Str(_)) {
        return Err(type_error(format!("note must be a str, not '{}'", a[1].type_name())));
    }
    match vm.get_attr_opt(&a[0], "__notes__")? {
        Some(Value::List(l)) => l.push(a[1].clone()),
        Some(_) => return Err(type_error("Cannot add note: __notes__ is not a list")),
        None => vm.set_attr(&a[0], &crate::vm::types::intern("__notes__"), Value::list(vec![a[1].clone()]))?,
    }
    Ok(Value::None)
}

pub static EXCEPTION_METHODS: &[Builtin] = builtins_table![
    "__init__" => exc_init,
    "__str__" => exc_str,
    "__repr__" => exc_repr,
    "with_traceback" => exc_with_traceback,
    "add_note" => exc_add_note,
];
