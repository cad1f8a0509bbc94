//! `Semaphore(value=1)` and `BoundedSemaphore(value=1)`, with CPython's algorithm: a counter
//! and a FIFO queue of waiters. `release(n)` adds n and notifies n waiters; a notified waiter
//! re-checks the counter, so a running thread that acquires first wins it (as in CPython).

use super::waiters::Waiters;
use super::{payload, poll_or_wait, timeout_arg, with_core, LOCK_WAIT};
use crate::builtins_table;
use crate::vm::args::Args;
use crate::vm::convert::addr;
use crate::vm::exceptions::{type_error, value_error, PyResult, Unwind};
use crate::vm::types::{Builtin, Class, TypeKind};
use crate::vm::sync::lock;
use crate::vm::state::Vm;
use crate::vm::types::{make_class_in, types};
use crate::vm::value::Value;
use std::sync::{Arc, Condvar, Mutex, OnceLock};

#[derive(Default)]
struct SemState {
    value: i64,
    /// BoundedSemaphore's initial value (release past it is an error).
    bound: Option<i64>,
    waiters: Waiters,
}

#[derive(Default)]
pub struct SemCore {
    state: Mutex<SemState>,
    cv: Condvar,
}

static METHODS: &[Builtin] = builtins_table![
    "__init__" => init,
    "acquire" => acquire,
    "release" => release,
    "__enter__" => enter,
    "__exit__" => exit,
    "__repr__" => repr,
];

static VALUE_GET: Builtin = Builtin { name: "_value", f: value_get };

pub fn semaphore_class() -> &'static Arc<Class> {
    static CLS: OnceLock<Arc<Class>> = OnceLock::new();
    CLS.get_or_init(|| {
        let c = make_class_in("threading", "Semaphore", &[types().object.clone()], TypeKind::Native, METHODS, Some(new));
        super::property(&c, "_value", &VALUE_GET, None);
        c
    })
}

pub fn bounded_semaphore_class() -> &'static Arc<Class> {
    static CLS: OnceLock<Arc<Class>> = OnceLock::new();
    CLS.get_or_init(|| make_class_in("threading", "BoundedSemaphore", &[semaphore_class().clone()], TypeKind::Native, &[], None))
}

fn is_bounded(cls: &Class) -> bool {
    cls.is_subclass(bounded_semaphore_class())
}

fn new(_vm: &mut Vm, cls: &Arc<Class>, _args: Args) -> PyResult<Value> {
    // `cls(...)` then calls `__init__` (ours, `init`, or a subclass's) with the arguments.
    let core = Arc::new(SemCore::default());
    set_value(&core, 1, is_bounded(cls));
    Ok(with_core(cls, core))
}

fn init_core(_vm: &mut Vm, core: &SemCore, args: Args, bounded: bool) -> PyResult<()> {
    args.only_kwargs("Semaphore", &["value"])?;
    if args.n() > 1 {
        return Err(type_error(format!(
            "Semaphore.__init__() takes from 1 to 2 positional arguments but {} were given",
            args.n() + 1
        )));
    }
    let value = match args.arg(0, "value") {
        Some(v) => crate::vm::args::arg_int(v)?,
        None => 1,
    };
    if value < 0 {
        return Err(value_error("semaphore initial value must be >= 0"));
    }
    set_value(core, value, bounded);
    Ok(())
}

fn set_value(core: &SemCore, value: i64, bounded: bool) {
    let mut s = lock(&core.state);
    s.value = value;
    s.bound = if bounded { Some(value) } else { None };
}

fn core(v: &Value) -> PyResult<Arc<SemCore>> {
    payload::<SemCore>(v, "Semaphore")
}

fn init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, rest) = args.split_self();
    let c = core(this)?;
    let bounded = matches!(this, Value::Instance(i) if is_bounded(&i.class));
    init_core(vm, &c, rest, bounded)?;
    Ok(Value::None)
}

/// `acquire()` on green threads: waits until the counter is positive and decrements it. The
/// result is acquire's.
fn green_acquire(vm: &mut Vm, c: Arc<SemCore>, blocking: bool, timeout: Option<f64>) -> PyResult<Value> {
    let try_take = move || {
        let mut s = lock(&c.state);
        if s.value > 0 {
            s.value -= 1;
            true
        } else {
            false
        }
    };
    let timeout = if blocking { poll_or_wait(timeout) } else { Some(0.0) };
    super::describe_wait(vm, timeout, "Semaphore", None);
    super::lock::green_acquire(vm, timeout, try_take)
}

/// `acquire(blocking=True, timeout=None) -> bool`.
fn acquire_impl(vm: &mut Vm, c: &SemCore, blocking: bool, timeout: Option<f64>) -> PyResult<bool> {
    let mut end_us: Option<f64> = None;
    let mut wait_time = timeout;
    loop {
        let ticket = {
            let mut s = lock(&c.state);
            if s.value > 0 {
                s.value -= 1;
                return Ok(true);
            }
            if !blocking {
                return Ok(false);
            }
            if let Some(w) = wait_time {
                match end_us {
                    None => end_us = Some(vm.rt.now_us() + w * 1e6),
                    Some(e) => {
                        let remaining = (e - vm.rt.now_us()) / 1e6;
                        if remaining <= 0.0 {
                            return Ok(false);
                        }
                        wait_time = Some(remaining);
                    }
                }
            }
            s.waiters.enqueue()
        };
        super::describe_wait(vm, wait_time, "Semaphore", None);
        match vm.rt.wait_for(vm.tid, LOCK_WAIT, &c.state, &c.cv, poll_or_wait(wait_time), |s| s.waiters.take(ticket)) {
            Ok(true) => {}
            Ok(false) => {
                lock(&c.state).waiters.cancel(ticket);
            }
            Err(i) => {
                lock(&c.state).waiters.cancel(ticket);
                return Err(Unwind::Interrupt(i));
            }
        }
    }
}

fn acquire(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, rest) = args.split_self();
    rest.only_kwargs("acquire", &["blocking", "timeout"])?;
    let blocking = match rest.arg(0, "blocking") {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let timeout = timeout_arg(rest.arg(1, "timeout"))?;
    if !blocking && timeout.is_some() {
        return Err(value_error("can't specify timeout for non-blocking acquire"));
    }
    let c = core(this)?;
    if vm.rt.is_green() {
        return green_acquire(vm, c, blocking, timeout);
    }
    Ok(Value::Bool(acquire_impl(vm, &c, blocking, timeout)?))
}

fn release_n(c: &SemCore, n: i64) -> PyResult<()> {
    if n < 1 {
        return Err(value_error("n must be one or more"));
    }
    let mut s = lock(&c.state);
    if let Some(bound) = s.bound {
        if s.value + n > bound {
            return Err(value_error("Semaphore released too many times"));
        }
    }
    s.value += n;
    if s.waiters.notify(n as usize) > 0 {
        drop(s);
        c.cv.notify_all();
    }
    Ok(())
}

fn release(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, rest) = args.split_self();
    rest.only_kwargs("release", &["n"])?;
    let n = match rest.arg(0, "n") {
        Some(v) => crate::vm::args::arg_int(v)?,
        None => 1,
    };
    release_n(&*core(this)?, n)?;
    Ok(Value::None)
}

fn enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, _) = args.split_self();
    let c = core(this)?;
    if vm.rt.is_green() {
        return green_acquire(vm, c, true, None);
    }
    Ok(Value::Bool(acquire_impl(vm, &c, true, None)?))
}

fn exit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, _) = args.split_self();
    release_n(&*core(this)?, 1)?;
    Ok(Value::None)
}

fn value_get(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("_value", 1)?;
    Ok(Value::Int(lock(&core(&a[0])?.state).value))
}

fn repr(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, _) = args.split_self();
    let c = core(this)?;
    let s = lock(&c.state);
    let cls = match this {
        Value::Instance(i) => format!("{}.{}", i.class.module.as_str(), i.class.qualname.as_str()),
        _ => "threading.Semaphore".into(),
    };
    let value = match s.bound {
        Some(b) => format!("{}/{}", s.value, b),
        None => s.value.to_string(),
    };
    Ok(Value::string(format!("<{} at {} value={}>", cls, addr(this), value)))
}
