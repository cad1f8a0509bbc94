//! The `time` module. `sleep` releases the GIL through the runtime; clocks come from the run's
//! clock so every thread (and every Web Worker) reads the same epoch.

use crate::builtins_table;
use crate::runtime::State;
use crate::vm::args::Args;
use crate::vm::types::float_value as to_f64;
use crate::vm::exceptions::{type_error, value_error, PyResult, Unwind};
use crate::vm::types::Builtin;
use crate::vm::state::Vm;
use crate::vm::value::Value;

static FUNCS: &[Builtin] = builtins_table![
    "sleep" => sleep,
    "time" => time,
    "time_ns" => time_ns,
    "perf_counter" => perf_counter,
    "perf_counter_ns" => perf_counter_ns,
    "monotonic" => perf_counter,
    "monotonic_ns" => perf_counter_ns,
    "process_time" => perf_counter,
    "thread_time" => perf_counter,
];

pub fn create(_vm: &mut Vm) -> PyResult<Value> {
    let attrs = FUNCS.iter().map(|b| (b.name, Value::Builtin(b))).collect();
    Ok(super::native_module("time", attrs))
}

fn sleep(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("sleep", 1)?;
    let secs = match &a[0] {
        v @ (Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::BigInt(_)) => to_f64(v).unwrap_or(0.0),
        other => return Err(type_error(format!("'{}' object cannot be interpreted as an integer", other.type_name()))),
    };
    if secs < 0.0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    if vm.rt.is_green() {
        return vm.green_wait(State::Sleeping, Some(secs), |timed_out| timed_out.then_some(Ok(Value::None)));
    }
    vm.rt.sleep(vm.tid, secs).map_err(Unwind::Interrupt)?;
    Ok(Value::None)
}

/// Seconds since the Unix epoch.
fn unix_now() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now() / 1000.0
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0)
    }
}

fn time(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact("time", 0)?;
    Ok(Value::Float(unix_now()))
}

fn time_ns(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact("time_ns", 0)?;
    Ok(Value::Int((unix_now() * 1e9) as i64))
}

fn perf_counter(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(vm.rt.now_us() / 1e6))
}

fn perf_counter_ns(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int((vm.rt.now_us() * 1000.0) as i64))
}
