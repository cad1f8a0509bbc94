//! `_threadlab`: the few hooks into the VM that the modules written in Python need and Python
//! cannot express here (threadlab has no frame objects or traceback objects yet).

use crate::builtins_table;
use crate::vm::args::Args;
use crate::vm::exceptions::{format_exception, runtime_error, PyResult};
use crate::vm::types::Builtin;
use crate::vm::state::Vm;
use crate::vm::value::Value;
use crate::runtime::State;

static FUNCS: &[Builtin] = builtins_table![
    "caller" => caller,
    "format_exception" => format_exception_text,
    "code_flags" => code_flags,
    "agen_step" => crate::vm::types::agen_step,
    "debug_crash" => debug_crash,
    "task_lane" => task_lane,
    "task_state" => task_state,
    "task_name" => task_name,
    "loop_idle" => loop_idle,
];

/// `code_flags(f)`: the CO_GENERATOR / CO_COROUTINE bits of a Python function (0 for any other
/// callable), for `asyncio.iscoroutinefunction` (CPython reads `f.__code__.co_flags`).
fn code_flags(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("code_flags", 1)?;
    Ok(Value::Int(match &a[0] {
        Value::Function(f) => f.code.code.flags as i64,
        Value::Method(m) => match &m.func {
            Value::Function(f) => f.code.code.flags as i64,
            _ => 0,
        },
        _ => 0,
    }))
}

pub fn create(_vm: &mut Vm) -> PyResult<Value> {
    let attrs = FUNCS.iter().map(|b| (b.name, Value::Builtin(b))).collect();
    Ok(super::native_module("_threadlab", attrs))
}

/// `caller(skip)`: `(filename, lineno, funcname)` of the innermost running frame whose module's
/// name is not in the tuple `skip` (logging's findCaller, which CPython does with frames).
fn caller(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("caller", 1)?;
    let skip: Vec<String> = match &a[0] {
        Value::Tuple(t) => t.items.iter().filter_map(|v| if let Value::Str(s) = v { Some(s.as_str().to_string()) } else { None }).collect(),
        _ => Vec::new(),
    };
    for f in vm.frames.iter().rev() {
        if skip.iter().any(|s| s == f.func.module.name.as_str()) {
            continue;
        }
        let code = &f.func.code.code;
        return Ok(Value::tuple(vec![
            Value::str(&code.filename),
            Value::Int(code.line_at(f.pc.saturating_sub(1)) as i64),
            Value::str(&code.name),
        ]));
    }
    Ok(Value::tuple(vec![Value::str("(unknown file)"), Value::Int(0), Value::str("(unknown function)")]))
}

/// `format_exception(exc)`: the traceback text CPython prints for `exc` (chained ones included).
fn format_exception_text(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("format_exception", 1)?;
    Ok(Value::string(format_exception(vm, &a[0])))
}

// ---- asyncio's timeline hooks (pylib/asyncio, docs/report.md "asyncio tasks") -------------

fn int_arg(v: &Value, what: &str) -> PyResult<usize> {
    match v {
        Value::Int(n) if *n >= 0 => Ok(*n as usize),
        _ => Err(runtime_error(format!("_threadlab: {what} must be a non-negative int"))),
    }
}

/// `task_lane(name) -> int | None`: a timeline lane for a new asyncio task, under the calling
/// thread (the one that runs its loop), `ready` from now; None past the report's task cap.
fn task_lane(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("task_lane", 1)?;
    let name = a[0].as_str().unwrap_or("Task");
    Ok(vm.rt.task_lane(vm.tid, name).map_or(Value::None, |id| Value::Int(id as i64)))
}

/// `task_state(lane, state)`: 0 ready, 1 running, 2 awaiting, 3 done.
fn task_state(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("task_state", 2)?;
    let state = match int_arg(&a[1], "state")? {
        0 => State::Ready,
        1 => State::Running,
        2 => State::Awaiting,
        3 => State::Done,
        n => return Err(runtime_error(format!("_threadlab.task_state: unknown state {n}"))),
    };
    vm.rt.task_state(int_arg(&a[0], "lane")?, state);
    Ok(Value::None)
}

/// `task_name(lane, name)`: `Task.set_name`.
fn task_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("task_name", 2)?;
    vm.rt.set_task_name(int_arg(&a[0], "lane")?, a[1].as_str().unwrap_or(""));
    Ok(Value::None)
}

/// `loop_idle(flag)`: the calling thread's event loop starts (True) or ends (False) its wait
/// for the next timer or callback; meanwhile its lane shows that wait as `sleeping`.
fn loop_idle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("loop_idle", 1)?;
    vm.rt.set_loop_idle(vm.tid, matches!(a[0], Value::Bool(true)));
    Ok(Value::None)
}

/// `debug_crash(kind)`: the browser's crash tests (tests/e2e/recovery.test.mjs) break the engine
/// on purpose, on whichever worker calls it: `'panic'` (a Rust panic), `'trap'` (a wasm trap
/// with no panic message), `'oom'` (an allocation failure) or `'hang'` (a loop that never looks
/// at the stop flag, for Stop's backstop). Not in the README: only the page's own tests use it.
/// Natively it only raises, so nothing a program does can abort the command-line runner.
fn debug_crash(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("debug_crash", 1)?;
    let kind = match &a[0] {
        Value::Str(s) => s.as_str().to_string(),
        _ => String::new(),
    };
    if !cfg!(target_arch = "wasm32") {
        return Err(runtime_error("_threadlab.debug_crash only crashes the browser's engine"));
    }
    match kind.as_str() {
        "panic" => panic!("threadlab debug panic: raised by _threadlab.debug_crash"),
        "trap" => std::process::abort(),
        "oom" => std::alloc::handle_alloc_error(std::alloc::Layout::from_size_align(1 << 30, 8).expect("a layout")),
        "hang" => loop {
            std::hint::spin_loop();
        },
        _ => Err(runtime_error(format!("debug_crash: unknown kind {kind:?} (panic, trap, oom or hang)"))),
    }
}
