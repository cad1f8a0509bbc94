//! `threading.Condition(lock=None)`: a lock (an RLock by default) plus a FIFO queue of waiters,
//! as in CPython. `wait()` releases the lock completely (all RLock levels), waits to be
//! notified, and takes the lock back (both waits show as `blocked_lock`).

use super::lock::{lock_core, rlock_class, rlock_core, LockCore, RLockCore};
use super::waiters::Waiters;
use super::{native_class, payload, poll_or_wait, timeout_arg, with_core, LOCK_WAIT};
use crate::builtins_table;
use crate::vm::args::Args;
use crate::vm::exceptions::{runtime_error, type_error, PyResult, Unwind};
use crate::vm::types::{intern, Builtin, Class};
use crate::vm::sync::lock;
use crate::vm::state::Vm;
use crate::vm::value::Value;
use std::sync::{Arc, Condvar, Mutex, OnceLock};

pub struct CondCore {
    /// The underlying lock object (settable again by `__init__` from a subclass).
    lock: Mutex<Value>,
    waiters: Mutex<Waiters>,
    cv: Condvar,
}

/// The underlying lock, by kind: ours are driven directly, anything else through its methods.
enum LockRef {
    Plain(Arc<LockCore>),
    Reentrant(Arc<RLockCore>),
    Other(Value),
}

/// What `_release_save` returns and `_acquire_restore` takes back.
enum Saved {
    Plain,
    Count(usize),
}

impl LockRef {
    fn of(v: &Value) -> LockRef {
        if let Ok(l) = lock_core(v) {
            return LockRef::Plain(l);
        }
        if let Ok(r) = rlock_core(v) {
            return LockRef::Reentrant(r);
        }
        LockRef::Other(v.clone())
    }

    /// CPython's `_is_owned`: an RLock knows its owner; a plain Lock is "owned" if it is held
    /// (tested by trying to take it without blocking).
    fn is_owned(&self, vm: &mut Vm) -> PyResult<bool> {
        match self {
            LockRef::Reentrant(r) => Ok(r.is_owned(vm.tid)),
            LockRef::Plain(l) => {
                if l.acquire(vm, Some(0.0))? {
                    l.release();
                    Ok(false)
                } else {
                    Ok(true)
                }
            }
            LockRef::Other(v) => {
                if let Some(f) = vm.get_attr_opt(v, "_is_owned")? {
                    let r = vm.call(&f, &[])?;
                    return vm.truthy(&r);
                }
                let acquire = vm.get_attr(v, &intern("acquire"))?;
                let got = vm.call(&acquire, &[Value::Bool(false)])?;
                if vm.truthy(&got)? {
                    let release = vm.get_attr(v, &intern("release"))?;
                    vm.call(&release, &[])?;
                    Ok(false)
                } else {
                    Ok(true)
                }
            }
        }
    }

    fn release_save(&self, vm: &mut Vm) -> PyResult<Saved> {
        match self {
            LockRef::Reentrant(r) => Ok(Saved::Count(r.release_save(vm.tid)?)),
            LockRef::Plain(l) => {
                if !l.release() {
                    return Err(runtime_error("release unlocked lock"));
                }
                Ok(Saved::Plain)
            }
            LockRef::Other(v) => {
                let release = vm.get_attr(v, &intern("release"))?;
                vm.call(&release, &[])?;
                Ok(Saved::Plain)
            }
        }
    }

    fn acquire_restore(&self, vm: &mut Vm, saved: Saved) -> PyResult<()> {
        match (self, saved) {
            (LockRef::Reentrant(r), Saved::Count(n)) => r.acquire_restore(vm, n),
            (LockRef::Reentrant(r), Saved::Plain) => r.acquire(vm, None).map(|_| ()),
            (LockRef::Plain(l), _) => l.acquire(vm, None).map(|_| ()),
            (LockRef::Other(v), _) => {
                let acquire = vm.get_attr(v, &intern("acquire"))?;
                vm.call(&acquire, &[])?;
                Ok(())
            }
        }
    }
}

static METHODS: &[Builtin] = builtins_table![
    "__init__" => init,
    "acquire" => acquire,
    "release" => release,
    "__enter__" => enter,
    "__exit__" => exit,
    "wait" => wait,
    "notify" => notify,
    "notify_all" => notify_all,
    "notifyAll" => notify_all,
    "_is_owned" => is_owned,
    "__repr__" => repr,
];

pub fn condition_class() -> &'static Arc<Class> {
    static CLS: OnceLock<Arc<Class>> = OnceLock::new();
    native_class(&CLS, "threading", "Condition", METHODS, new)
}

fn new(_vm: &mut Vm, cls: &Arc<Class>, _args: Args) -> PyResult<Value> {
    // `cls(...)` then calls `__init__` (ours, `init`, or a subclass's), which sets the lock.
    Ok(with_core(cls, Arc::new(CondCore { lock: Mutex::new(Value::None), waiters: Mutex::default(), cv: Condvar::new() })))
}

fn lock_param(args: Args) -> PyResult<Option<Value>> {
    args.only_kwargs("Condition", &["lock"])?;
    if args.n() > 1 {
        return Err(type_error(format!(
            "Condition.__init__() takes from 1 to 2 positional arguments but {} were given",
            args.n() + 1
        )));
    }
    Ok(args.arg(0, "lock").cloned())
}

fn set_lock(vm: &mut Vm, core: &CondCore, lock_arg: Option<Value>) -> PyResult<()> {
    let l = match lock_arg {
        Some(v) if !v.is_none() => v,
        _ => vm.call(&Value::Class(rlock_class().clone()), &[])?,
    };
    *lock(&core.lock) = l;
    Ok(())
}

fn core(v: &Value) -> PyResult<Arc<CondCore>> {
    payload::<CondCore>(v, "Condition")
}

fn lock_of(v: &Value) -> PyResult<(Arc<CondCore>, Value)> {
    let c = core(v)?;
    let l = lock(&c.lock).clone();
    Ok((c, l))
}

fn init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, rest) = args.split_self();
    let c = core(this)?;
    let l = lock_param(rest)?;
    set_lock(vm, &c, l)?;
    Ok(Value::None)
}

/// Calls the underlying lock's method `name` with the call's arguments.
fn delegate(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    let (this, rest) = args.split_self();
    let (_, l) = lock_of(this)?;
    let m = vm.get_attr(&l, &intern(name))?;
    // Our locks' methods are called directly, in this builtin's place, so that on green
    // threads they may park the thread as if called from Python.
    if let Value::Method(bound) = &m {
        if let Value::Builtin(b) = &bound.func {
            let mut all = Vec::with_capacity(rest.all.len() + 1);
            all.push(bound.receiver.clone());
            all.extend_from_slice(rest.all);
            return (b.f)(vm, Args::new(&all, rest.kwnames));
        }
    }
    vm.call_args(&m, rest)
}

/// `wait()` on green threads, for our own locks: releases the lock, then one poll waits for
/// the notification (or the timeout) and takes the lock back. None: the lock is some other
/// object (the general `wait_impl` then waits without saving the thread's frames).
fn green_wait(vm: &mut Vm, c: &Arc<CondCore>, l: &LockRef, timeout: Option<f64>) -> Option<PyResult<Value>> {
    let lock_ref = match l {
        LockRef::Plain(p) => LockRef::Plain(p.clone()),
        LockRef::Reentrant(r) => LockRef::Reentrant(r.clone()),
        LockRef::Other(_) => return None,
    };
    Some((|| {
        if !l.is_owned(vm)? {
            return Err(runtime_error("cannot wait on un-acquired lock"));
        }
        let ticket = lock(&c.waiters).enqueue();
        let saved = match l.release_save(vm) {
            Ok(Saved::Count(n)) => n,
            Ok(Saved::Plain) => 1,
            Err(e) => {
                lock(&c.waiters).cancel(ticket);
                return Err(e);
            }
        };
        let (c, me) = (c.clone(), vm.tid);
        let mut notified: Option<bool> = None;
        vm.green_wait(LOCK_WAIT, poll_or_wait(timeout), move |timed_out| {
            if notified.is_none() {
                let mut w = lock(&c.waiters);
                if w.take(ticket) {
                    notified = Some(true);
                } else if timed_out {
                    notified = Some(w.cancel(ticket));
                } else {
                    return None;
                }
            }
            let back = match &lock_ref {
                LockRef::Plain(p) => p.try_take(),
                LockRef::Reentrant(r) => r.try_restore(me, saved),
                LockRef::Other(_) => true,
            };
            back.then(|| Ok(Value::Bool(notified == Some(true))))
        })
    })())
}

fn acquire(vm: &mut Vm, args: Args) -> PyResult<Value> {
    delegate(vm, args, "acquire")
}

fn release(vm: &mut Vm, args: Args) -> PyResult<Value> {
    delegate(vm, args, "release")
}

fn enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    delegate(vm, args, "__enter__")
}

fn exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    delegate(vm, args, "__exit__")
}

fn is_owned(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("_is_owned", 1)?;
    let (_, l) = lock_of(&a[0])?;
    Ok(Value::Bool(LockRef::of(&l).is_owned(vm)?))
}

/// `Condition.wait(timeout=None) -> bool`: True if notified, False on timeout.
fn wait_impl(vm: &mut Vm, c: &CondCore, l: &LockRef, timeout: Option<f64>) -> PyResult<bool> {
    if !l.is_owned(vm)? {
        return Err(runtime_error("cannot wait on un-acquired lock"));
    }
    let ticket = lock(&c.waiters).enqueue();
    let saved = match l.release_save(vm) {
        Ok(s) => s,
        Err(e) => {
            lock(&c.waiters).cancel(ticket);
            return Err(e);
        }
    };
    super::describe_wait(vm, timeout, "Condition", None);
    let r = vm.rt.wait_for(vm.tid, LOCK_WAIT, &c.waiters, &c.cv, poll_or_wait(timeout), |w| w.take(ticket));
    let notified = match r {
        Ok(true) => true,
        Ok(false) => {
            lock(&c.waiters).cancel(ticket);
            false
        }
        Err(i) => {
            lock(&c.waiters).cancel(ticket);
            return Err(Unwind::Interrupt(i));
        }
    };
    l.acquire_restore(vm, saved)?;
    Ok(notified)
}

fn wait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, rest) = args.split_self();
    rest.only_kwargs("wait", &["timeout"])?;
    let timeout = timeout_arg(rest.arg(0, "timeout"))?;
    let (c, l) = lock_of(this)?;
    let l = LockRef::of(&l);
    if vm.rt.is_green() {
        super::describe_wait(vm, timeout, "Condition", None);
        if let Some(r) = green_wait(vm, &c, &l, timeout) {
            return r;
        }
    }
    Ok(Value::Bool(wait_impl(vm, &c, &l, timeout)?))
}

fn notify_n(vm: &mut Vm, this: &Value, n: Option<usize>) -> PyResult<Value> {
    let (c, l) = lock_of(this)?;
    if !LockRef::of(&l).is_owned(vm)? {
        return Err(runtime_error("cannot notify on un-acquired lock"));
    }
    let woken = {
        let mut w = lock(&c.waiters);
        match n {
            Some(n) => w.notify(n),
            None => w.notify_all(),
        }
    };
    if woken > 0 {
        c.cv.notify_all();
    }
    Ok(Value::None)
}

fn notify(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, rest) = args.split_self();
    rest.only_kwargs("notify", &["n"])?;
    let n = match rest.arg(0, "n") {
        Some(v) => crate::vm::args::arg_int(v)?.max(0) as usize,
        None => 1,
    };
    notify_n(vm, this, Some(n))
}

fn notify_all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("notify_all", 1)?;
    notify_n(vm, &a[0], None)
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, _) = args.split_self();
    let (c, l) = lock_of(this)?;
    let n = lock(&c.waiters).len();
    Ok(Value::string(format!("<Condition({}, {})>", vm.repr(&l)?, n)))
}
