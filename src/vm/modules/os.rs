//! `os`: the process facts threading programs print or size pools by (`getpid`, `cpu_count`),
//! `environ`, `sep`, and `os.path`'s string functions (in `os.py`). threadlab has no files.

use crate::builtins_table;
use crate::vm::args::Args;
use crate::vm::exceptions::PyResult;
use crate::vm::types::Builtin;
use crate::vm::state::Vm;
use crate::vm::value::Value;

static FUNCS: &[Builtin] = builtins_table![
    "getpid" => getpid,
    "getppid" => getppid,
    "cpu_count" => cpu_count,
    "getcwd" => getcwd,
    "_environ" => environ,
];

const OS_PY: &str = include_str!("os.py");

pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let attrs = FUNCS.iter().map(|b| (b.name, Value::Builtin(b))).collect();
    super::source_module(vm, "os", OS_PY, attrs)
}

/// The process's (synthetic, in a `multiprocessing` child) pid.
fn getpid(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact("getpid", 0)?;
    Ok(Value::Int(super::multiprocessing::pids(vm).0))
}

fn getppid(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact("getppid", 0)?;
    Ok(Value::Int(super::multiprocessing::pids(vm).1))
}

/// The machine's logical CPUs (the runtime's `cpu_count`: `navigator.hardwareConcurrency` in
/// the browser).
fn cpu_count(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact("cpu_count", 0)?;
    Ok(Value::Int(crate::runtime::cpu_count() as i64))
}

fn getcwd(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact("getcwd", 0)?;
    #[cfg(target_arch = "wasm32")]
    return Ok(Value::str("/"));
    #[cfg(not(target_arch = "wasm32"))]
    Ok(Value::string(std::env::current_dir().map(|p| p.to_string_lossy().into_owned()).unwrap_or_else(|_| "/".into())))
}

/// The environment as (name, value) pairs (empty in the browser).
fn environ(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact("_environ", 0)?;
    #[cfg(target_arch = "wasm32")]
    return Ok(Value::list(Vec::new()));
    #[cfg(not(target_arch = "wasm32"))]
    Ok(Value::list(std::env::vars().map(|(k, v)| Value::tuple(vec![Value::string(k), Value::string(v)])).collect()))
}
