//! The `threading` module, in Rust on top of the runtime: real threads through the runtime's
//! spawner, blocking waits through `Runtime::wait_for` (GIL released, lane state recorded,
//! interruptible by Stop), and CPython 3.11's names, messages and waiting rules.
//!
//! * `thread.rs`: Thread, `_MainThread`, start/join/run, the thread body.
//! * `registry.rs`: per-run table of live threads and the `Thread-N` counter.
//! * `lock.rs`: Lock and RLock. `condition.rs`, `event.rs`, `semaphore.rs`: the rest, with
//!   CPython's first-come-first-notified waiter queues (`waiters.rs`).
//! * `prelude.py`: what is simplest in Python on top of those (Timer).
//!
//! At interpreter exit the main thread waits for every non-daemon thread (an exit hook, as
//! `threading._shutdown`); `vm::run` then shuts the daemons down.

mod condition;
mod event;
mod lock;
mod registry;
mod semaphore;
mod thread;
mod waiters;

use crate::builtins_table;
use crate::runtime::State;
use crate::vm::args::Args;
use crate::vm::args::arg_f64;
use crate::vm::exceptions::{type_error, PyResult};
use crate::vm::types::{intern, make_class_in, Builtin, Class, Instance, NativeNew, TypeKind, Wrapper};
use crate::vm::run::ExitHooks;
use crate::vm::sync::lock as lock_mutex;
use crate::vm::state::Vm;
use crate::vm::types::types;
use crate::vm::value::Value;
use registry::{ident_for, native_id_for, Registry};
use std::sync::{Arc, OnceLock};

/// `threading.TIMEOUT_MAX` on 64-bit Linux.
pub const TIMEOUT_MAX: f64 = 9223372036.0;

static FUNCS: &[Builtin] = builtins_table![
    "current_thread" => current_thread,
    "currentThread" => current_thread,
    "main_thread" => main_thread,
    "active_count" => active_count,
    "activeCount" => active_count,
    "enumerate" => enumerate,
    "get_ident" => get_ident,
    "get_native_id" => get_native_id,
    "stack_size" => stack_size,
    "_register_atexit" => register_atexit,
    "excepthook" => thread::default_excepthook,
    "__excepthook__" => thread::default_excepthook,
];

/// Callables for `threading._register_atexit`, run at shutdown before non-daemon threads are
/// joined (concurrent.futures stops its idle workers this way).
#[derive(Default)]
struct AtExit(std::sync::Mutex<Vec<Value>>);

const PRELUDE: &str = include_str!("prelude.py");

pub fn create(vm: &mut Vm) -> PyResult<Value> {
    // CPython makes the _MainThread object when the module is first imported.
    thread::main_thread(vm);
    lock_mutex(&vm.interp.ext::<ExitHooks>().0).push(Box::new(shutdown));
    let mut attrs: Vec<(&str, Value)> = FUNCS.iter().map(|b| (b.name, Value::Builtin(b))).collect();
    attrs.extend([
        ("Thread", Value::Class(thread::thread_class().clone())),
        ("Lock", Value::Class(lock::lock_class().clone())),
        ("RLock", Value::Class(lock::rlock_class().clone())),
        ("Condition", Value::Class(condition::condition_class().clone())),
        ("Event", Value::Class(event::event_class().clone())),
        ("Semaphore", Value::Class(semaphore::semaphore_class().clone())),
        ("BoundedSemaphore", Value::Class(semaphore::bounded_semaphore_class().clone())),
        ("ThreadError", Value::Class(types().exc("RuntimeError").clone())),
        ("TIMEOUT_MAX", Value::Float(TIMEOUT_MAX)),
    ]);
    super::source_module(vm, "threading", PRELUDE, attrs)
}

/// `threading._shutdown`: at interpreter exit the main thread counts as finished (so threads
/// joining it return) and then waits for every non-daemon thread, including ones started while
/// it waits. Its lane shows `blocked_join` meanwhile. Stop ends the wait.
fn shutdown(vm: &mut Vm) {
    let reg = vm.interp.ext::<Registry>();
    if let Some((_, core)) = reg.main.get() {
        core.set_done();
    }
    // CPython calls them newest first, and prints (but survives) an exception from one.
    let calls = std::mem::take(&mut *lock_mutex(&vm.interp.ext::<AtExit>().0));
    for f in calls.iter().rev() {
        if let Err(crate::vm::exceptions::Unwind::Exception(e)) = vm.call(f, &[]) {
            let text = crate::vm::exceptions::format_exception(vm, &e);
            vm.interp.write_stderr(&text);
        }
    }
    loop {
        let pending = reg.non_daemon();
        if pending.is_empty() {
            return;
        }
        for e in pending {
            if e.core.wait_done(vm, None).is_err() {
                return;
            }
        }
    }
}

fn current_thread(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact("current_thread", 0)?;
    Ok(thread::current(vm).obj)
}

fn main_thread(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact("main_thread", 0)?;
    Ok(thread::main_thread(vm).obj)
}

fn active_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact("active_count", 0)?;
    Ok(Value::Int(vm.interp.ext::<Registry>().alive().len() as i64))
}

fn enumerate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact("enumerate", 0)?;
    Ok(Value::list(vm.interp.ext::<Registry>().alive().into_iter().map(|e| e.obj).collect()))
}

fn get_ident(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact("get_ident", 0)?;
    Ok(Value::Int(ident_for(vm.tid)))
}

fn get_native_id(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact("get_native_id", 0)?;
    Ok(Value::Int(native_id_for(vm.tid)))
}

fn register_atexit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("_register_atexit", 1)?;
    lock_mutex(&vm.interp.ext::<AtExit>().0).push(a[0].clone());
    Ok(Value::None)
}

/// Threads get the spawner's stack; like CPython's default, report 0 ("the platform default").
fn stack_size(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.range("stack_size", 0, 1)?;
    Ok(Value::Int(0))
}

// ---- helpers shared by the classes ---------------------------------------------------------

/// The class `module.name` of a threading object, made once per process (in `cell`): a direct
/// subclass of `object` with `methods`, whose instances `new` makes (see [`with_core`]).
pub(crate) fn native_class(
    cell: &'static OnceLock<Arc<Class>>,
    module: &str,
    name: &str,
    methods: &'static [Builtin],
    new: NativeNew,
) -> &'static Arc<Class> {
    cell.get_or_init(|| make_class_in(module, name, &[types().object.clone()], TypeKind::Native, methods, Some(new)))
}

/// An instance of `cls` whose Rust state is `core` (read back with [`payload`]).
pub(crate) fn with_core<T: Send + Sync + 'static>(cls: &Arc<Class>, core: Arc<T>) -> Value {
    Value::Instance(Arc::new(Instance::with_payload(cls.clone(), Box::new(core))))
}

/// The Rust state of a threading object (`Arc<T>` payload), or TypeError.
pub(crate) fn payload<T: Send + Sync + 'static>(v: &Value, what: &str) -> PyResult<Arc<T>> {
    match v {
        Value::Instance(i) => match i.payload::<Arc<T>>() {
            Some(p) => Ok(p.clone()),
            None => Err(type_error(format!("descriptor requires a '{}' object but received a '{}'", what, v.type_name()))),
        },
        _ => Err(type_error(format!("descriptor requires a '{}' object but received a '{}'", what, v.type_name()))),
    }
}

/// Whether a class (a Python subclass) defines `__init__` in Python: then its constructor's
/// arguments are its own, and it calls the base `__init__` itself.
pub(crate) fn has_python_init(cls: &Class) -> bool {
    matches!(cls.lookup("__init__"), Some(Value::Function(_)))
}

/// Adds a property implemented by builtins to a native class.
pub(crate) fn property(cls: &Class, name: &str, get: &'static Builtin, set: Option<&'static Builtin>) {
    let w = Wrapper::Property {
        fget: Value::Builtin(get),
        fset: set.map_or(Value::None, Value::Builtin),
        fdel: Value::None,
        doc: Value::None,
    };
    cls.set_attr(intern(name), Value::Wrapper(Arc::new(w)));
}

/// A `timeout=None`-style argument: None (or absent) waits forever, a number is seconds.
pub(crate) fn timeout_arg(v: Option<&Value>) -> PyResult<Option<f64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match arg_f64(v) {
            Some(t) if t.is_nan() => Err(crate::vm::exceptions::value_error("Invalid value NaN (not a number)")),
            Some(t) => Ok(Some(t)),
            None => Err(type_error(format!("'>' not supported between instances of '{}' and 'int'", v.type_name()))),
        },
    }
}

/// A `Condition.wait(timeout)`-style wait bound: CPython waits only for a positive timeout and
/// otherwise just polls (`waiter.acquire(False)`).
pub(crate) fn poll_or_wait(timeout: Option<f64>) -> Option<f64> {
    timeout.map(|t| if t > 0.0 { t } else { 0.0 })
}

/// Says what an untimed wait is for, for a deadlock report: "Lock at line 4, held by MainThread".
pub(crate) fn describe_wait(vm: &Vm, timeout: Option<f64>, what: &str, holder: Option<crate::runtime::Tid>) {
    if timeout.is_some() {
        return;
    }
    let mut text = what.to_string();
    if let Some(line) = vm.current_line() {
        text.push_str(&format!(" at line {}", line));
    }
    if let Some(h) = holder {
        text.push_str(&format!(", held by {}", vm.rt.thread_name(h)));
    }
    vm.rt.describe_wait(vm.tid, text);
}

/// Lane state of every lock-like wait (Lock, RLock, Condition, Event, Semaphore).
pub(crate) const LOCK_WAIT: State = State::BlockedLock;
