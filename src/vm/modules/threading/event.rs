//! `threading.Event`: a flag plus a queue of waiters. As in CPython (a Condition underneath),
//! `wait()` returns True if it was woken by `set()`, even if the flag was cleared again before
//! the waiter ran.

use super::waiters::Waiters;
use super::{native_class, payload, poll_or_wait, timeout_arg, with_core, LOCK_WAIT};
use crate::builtins_table;
use crate::vm::args::Args;
use crate::vm::convert::addr;
use crate::vm::exceptions::{type_error, PyResult, Unwind};
use crate::vm::types::{Builtin, Class};
use crate::vm::sync::lock;
use crate::vm::state::Vm;
use crate::vm::value::Value;
use std::sync::{Arc, Condvar, Mutex, OnceLock};

#[derive(Default)]
struct EventState {
    flag: bool,
    waiters: Waiters,
}

#[derive(Default)]
pub struct EventCore {
    state: Mutex<EventState>,
    cv: Condvar,
}

static METHODS: &[Builtin] = builtins_table![
    "__init__" => init,
    "set" => set,
    "clear" => clear,
    "is_set" => is_set,
    "isSet" => is_set,
    "wait" => wait,
    "__repr__" => repr,
];

pub fn event_class() -> &'static Arc<Class> {
    static CLS: OnceLock<Arc<Class>> = OnceLock::new();
    native_class(&CLS, "threading", "Event", METHODS, new)
}

fn new(_vm: &mut Vm, cls: &Arc<Class>, _args: Args) -> PyResult<Value> {
    // `cls(...)` then calls `__init__` (ours checks the arguments).
    Ok(with_core(cls, Arc::new(EventCore::default())))
}

fn core(v: &Value) -> PyResult<Arc<EventCore>> {
    payload::<EventCore>(v, "Event")
}

fn init(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.all.len() != 1 {
        return Err(type_error(format!("Event.__init__() takes 1 positional argument but {} were given", args.all.len())));
    }
    core(&args.all[0])?;
    Ok(Value::None)
}

fn set(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("set", 1)?;
    let c = core(&a[0])?;
    let mut s = lock(&c.state);
    s.flag = true;
    if s.waiters.notify_all() > 0 {
        drop(s);
        c.cv.notify_all();
    }
    Ok(Value::None)
}

fn clear(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("clear", 1)?;
    lock(&core(&a[0])?.state).flag = false;
    Ok(Value::None)
}

fn is_set(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("is_set", 1)?;
    Ok(Value::Bool(lock(&core(&a[0])?.state).flag))
}

fn wait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, rest) = args.split_self();
    rest.only_kwargs("wait", &["timeout"])?;
    let timeout = poll_or_wait(timeout_arg(rest.arg(0, "timeout"))?);
    let c = core(this)?;
    let ticket = {
        let mut s = lock(&c.state);
        if s.flag {
            return Ok(Value::Bool(true));
        }
        s.waiters.enqueue()
    };
    super::describe_wait(vm, timeout, "Event", None);
    if vm.rt.is_green() {
        if timeout == Some(0.0) {
            return Ok(Value::Bool(lock(&c.state).waiters.cancel(ticket)));
        }
        return vm.green_wait(LOCK_WAIT, timeout, move |timed_out| {
            let mut s = lock(&c.state);
            if s.waiters.take(ticket) {
                Some(Ok(Value::Bool(true)))
            } else {
                timed_out.then(|| Ok(Value::Bool(s.waiters.cancel(ticket))))
            }
        });
    }
    let r = vm.rt.wait_for(vm.tid, LOCK_WAIT, &c.state, &c.cv, timeout, |s| s.waiters.take(ticket));
    match r {
        Ok(true) => Ok(Value::Bool(true)),
        Ok(false) => {
            // Timed out: leave the queue. A set() racing with the timeout still counts as
            // signalled, as in CPython.
            let mut s = lock(&c.state);
            let notified = s.waiters.cancel(ticket);
            Ok(Value::Bool(notified))
        }
        Err(i) => {
            lock(&c.state).waiters.cancel(ticket);
            Err(Unwind::Interrupt(i))
        }
    }
}

fn repr(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, _) = args.split_self();
    let c = core(this)?;
    let state = if lock(&c.state).flag { "set" } else { "unset" };
    let cls = match this {
        Value::Instance(i) => format!("{}.{}", i.class.module.as_str(), i.class.qualname.as_str()),
        _ => "threading.Event".into(),
    };
    Ok(Value::string(format!("<{} at {} {}>", cls, addr(this), state)))
}
