//! The `sys` module: switch interval (through the runtime), recursion limit, argv, exit,
//! stdout/stderr.

use crate::builtins_table;
use crate::vm::args::Args;
use crate::vm::types::float_value as to_f64;
use crate::vm::exceptions::{new_exception, type_error, value_error, PyResult, Unwind};
use crate::vm::types::Builtin;
use crate::vm::state::Vm;
use crate::vm::types::types;
use crate::vm::value::Value;
use crate::vm::limits;
use std::sync::atomic::Ordering;

static FUNCS: &[Builtin] = builtins_table![
    "getswitchinterval" => getswitchinterval,
    "setswitchinterval" => setswitchinterval,
    "getrecursionlimit" => getrecursionlimit,
    "setrecursionlimit" => setrecursionlimit,
    "exit" => exit,
    "getsizeof" => getsizeof,
    "intern" => intern_,
    "exc_info" => exc_info,
    "get_int_max_str_digits" => get_int_max_str_digits,
    "set_int_max_str_digits" => set_int_max_str_digits,
];

/// `version_info` (a named tuple in CPython), in Python.
const SYS_PY: &str = include_str!("sys.py");

pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let mut attrs: Vec<(&str, Value)> = FUNCS.iter().map(|b| (b.name, Value::Builtin(b))).collect();
    attrs.push(("maxsize", Value::Int(i64::MAX)));
    attrs.push(("version", Value::str("3.11.7 (threadlab)")));

    attrs.push(("hexversion", Value::Int(0x030b07f0)));
    attrs.push(("platform", Value::str(if cfg!(target_arch = "wasm32") { "emscripten" } else { "linux" })));
    attrs.push(("byteorder", Value::str("little")));
    let argv = match vm.interp.argv.get() {
        Some(args) => args.iter().map(|a| Value::str(a)).collect(),
        None => vec![Value::str(&vm.interp.filename)],
    };
    attrs.push(("argv", Value::list(argv)));
    attrs.push(("stdout", super::stream(super::StdStream::Stdout)));
    attrs.push(("stderr", super::stream(super::StdStream::Stderr)));
    attrs.push(("__stdout__", super::stream(super::StdStream::Stdout)));
    attrs.push(("__stderr__", super::stream(super::StdStream::Stderr)));
    attrs.push(("implementation_name", Value::str("threadlab")));
    attrs.push(("modules", Value::Dict(vm.interp.modules.clone())));
    super::source_module(vm, "sys", SYS_PY, attrs)
}

fn getswitchinterval(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact("getswitchinterval", 0)?;
    Ok(Value::Float(vm.rt.switch_interval()))
}

fn setswitchinterval(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("setswitchinterval", 1)?;
    let x = match &a[0] {
        Value::Float(_) | Value::Int(_) | Value::Bool(_) => to_f64(&a[0]).unwrap_or(0.0),
        other => return Err(type_error(format!("must be real number, not {}", other.type_name()))),
    };
    if x <= 0.0 {
        return Err(value_error("switch interval must be strictly positive"));
    }
    vm.rt.set_switch_interval(x);
    Ok(Value::None)
}

fn getrecursionlimit(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(vm.recursion_limit() as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("setrecursionlimit", 1)?;
    let n = crate::vm::args::arg_int(&a[0])?;
    if n < 1 {
        return Err(value_error("recursion limit must be greater or equal than 1"));
    }
    // Frames live on the heap, so deep limits are safe up to memory; cap absurd values.
    vm.interp.recursion_limit.store((n as usize).min(200_000), Ordering::Relaxed);
    Ok(Value::None)
}

fn get_int_max_str_digits(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact("get_int_max_str_digits", 0)?;
    Ok(Value::Int(limits::int_max_str_digits() as i64))
}

fn set_int_max_str_digits(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.only_kwargs("set_int_max_str_digits", &["maxdigits"])?;
    let v = match (args.pos(), args.kw("maxdigits")) {
        ([v], None) | ([], Some(v)) => v,
        _ => return Err(crate::vm::exceptions::type_error("set_int_max_str_digits() takes exactly one argument (maxdigits)")),
    };
    let n = crate::vm::args::arg_int(v)?;
    if n != 0 && n < limits::INT_MAX_STR_DIGITS_THRESHOLD as i64 {
        return Err(value_error(format!("maxdigits must be 0 or larger than {}", limits::INT_MAX_STR_DIGITS_THRESHOLD)));
    }
    limits::set_int_max_str_digits(n as usize);
    Ok(Value::None)
}

fn exit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.range("exit", 0, 1)?;
    Err(Unwind::Exception(new_exception(types().exc("SystemExit"), a.to_vec())))
}

fn getsizeof(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.range("getsizeof", 1, 2)?;
    Ok(Value::Int(match &a[0] {
        Value::Int(_) => 28,
        Value::Float(_) => 24,
        Value::Str(s) => 49 + s.as_str().len() as i64,
        Value::List(l) => 56 + 8 * l.len() as i64,
        _ => 48,
    }))
}

fn intern_(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("intern", 1)?;
    match &a[0] {
        Value::Str(s) => Ok(Value::Str(crate::vm::types::intern(s.as_str()))),
        other => Err(type_error(format!("intern() argument must be str, not {}", other.type_name()))),
    }
}

/// `(type, value, None)` for the exception being handled, else `(None, None, None)`; threadlab
/// has no traceback objects (`_threadlab.format_exception` formats one from the exception).
fn exc_info(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact("exc_info", 0)?;
    let exc = vm.handled.clone();
    if exc.is_none() || exc.is_null() {
        return Ok(Value::tuple(vec![Value::None, Value::None, Value::None]));
    }
    let cls = Value::Class(types().class_of(&exc));
    Ok(Value::tuple(vec![cls, exc, Value::None]))
}
