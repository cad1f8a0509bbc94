//! `Lock` (`_thread.lock`) and `RLock` (`_thread.RLock`).
//!
//! A lock is a flag under a mutex plus a condvar. Acquiring first tries without releasing the
//! GIL (as CPython does); only a contended acquire releases it and blocks, lane `blocked_lock`.
//! Release wakes one waiter but does not hand the lock over: the releasing thread may take it
//! straight back, as CPython's (unfair) locks allow.

use super::{has_python_init, native_class, payload, with_core, LOCK_WAIT, TIMEOUT_MAX};
use crate::builtins_table;
use crate::runtime::Tid;
use crate::vm::args::Args;
use crate::vm::args::arg_f64;
use crate::vm::convert::addr;
use crate::vm::exceptions::{overflow_error, runtime_error, type_error, value_error, PyResult, Unwind};
use crate::vm::types::{Builtin, Class};
use crate::vm::sync::lock;
use crate::vm::state::Vm;
use crate::vm::value::Value;
use super::registry::ident_for;
use std::sync::{Arc, Condvar, Mutex, OnceLock};

// ---- Lock -----------------------------------------------------------------------------------

#[derive(Default)]
pub struct LockCore {
    locked: Mutex<bool>,
    cv: Condvar,
    /// Who took it last (lane + 1; 0: free or unknown), for deadlock reports only.
    holder: std::sync::atomic::AtomicUsize,
}

impl LockCore {
    /// Takes the lock, waiting at most `timeout` seconds (None: forever; Some(0): just try).
    pub fn acquire(&self, vm: &Vm, timeout: Option<f64>) -> PyResult<bool> {
        self.describe(vm, timeout);
        let took = vm
            .rt
            .wait_for(vm.tid, LOCK_WAIT, &self.locked, &self.cv, timeout, |l| !std::mem::replace(l, true))
            .map_err(Unwind::Interrupt)?;
        if took {
            self.holder.store(vm.tid + 1, std::sync::atomic::Ordering::Relaxed);
        }
        Ok(took)
    }

    fn describe(&self, vm: &Vm, timeout: Option<f64>) {
        let holder = self.holder.load(std::sync::atomic::Ordering::Relaxed).checked_sub(1);
        super::describe_wait(vm, timeout, "Lock", holder.filter(|_| self.is_locked()));
    }

    /// `try_take` for lane `tid` (a green acquire's poll).
    pub(crate) fn try_take_for(&self, tid: Tid) -> bool {
        let took = self.try_take();
        if took {
            self.holder.store(tid + 1, std::sync::atomic::Ordering::Relaxed);
        }
        took
    }

    /// Releases; false if it was not locked.
    pub fn release(&self) -> bool {
        let mut l = lock(&self.locked);
        if !*l {
            return false;
        }
        *l = false;
        drop(l);
        self.cv.notify_one();
        true
    }

    pub fn is_locked(&self) -> bool {
        *lock(&self.locked)
    }

    /// Takes the lock if it is free (a green wait's poll).
    pub(crate) fn try_take(&self) -> bool {
        !std::mem::replace(&mut *lock(&self.locked), true)
    }
}

static LOCK_METHODS: &[Builtin] = builtins_table![
    "acquire" => lock_acquire,
    "acquire_lock" => lock_acquire,
    "release" => lock_release,
    "release_lock" => lock_release,
    "locked" => lock_locked,
    "locked_lock" => lock_locked,
    "__enter__" => lock_enter,
    "__exit__" => lock_exit,
    "__repr__" => lock_repr,
];

pub fn lock_class() -> &'static Arc<Class> {
    static CLS: OnceLock<Arc<Class>> = OnceLock::new();
    native_class(&CLS, "_thread", "lock", LOCK_METHODS, lock_new)
}

fn lock_new(_vm: &mut Vm, cls: &Arc<Class>, args: Args) -> PyResult<Value> {
    if !has_python_init(cls) {
        args.exact("allocate_lock", 0)?;
    }
    Ok(with_core(cls, Arc::new(LockCore::default())))
}

pub fn lock_core(v: &Value) -> PyResult<Arc<LockCore>> {
    payload::<LockCore>(v, "_thread.lock")
}

/// `acquire(blocking=True, timeout=-1)` as CPython checks it: None waits forever, Some(0.0) tries.
pub fn acquire_args(vm: &mut Vm, args: Args) -> PyResult<Option<f64>> {
    args.only_kwargs("acquire", &["blocking", "timeout"])?;
    if args.n() > 2 {
        return Err(type_error(format!("acquire() takes at most 2 arguments ({} given)", args.n())));
    }
    let blocking = match args.arg(0, "blocking") {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let timeout = match args.arg(1, "timeout") {
        Some(v) => match arg_f64(v) {
            Some(t) => t,
            None => return Err(type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name()))),
        },
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(value_error("timeout value must be positive"));
    }
    if timeout > TIMEOUT_MAX {
        return Err(overflow_error("timeout value is too large"));
    }
    Ok(if !blocking {
        Some(0.0)
    } else if timeout == -1.0 {
        None
    } else {
        Some(timeout)
    })
}

fn lock_acquire(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, rest) = args.split_self();
    let core = lock_core(this)?;
    let timeout = acquire_args(vm, rest)?;
    if vm.rt.is_green() {
        core.describe(vm, timeout);
        let me = vm.tid;
        return green_acquire(vm, timeout, move || core.try_take_for(me));
    }
    Ok(Value::Bool(core.acquire(vm, timeout)?))
}

/// A lock's acquire on green threads: `try_take` takes the lock if it is free; the result is
/// `acquire()`'s (True, or False after the timeout).
pub(crate) fn green_acquire(vm: &mut Vm, timeout: Option<f64>, mut try_take: impl FnMut() -> bool + Send + 'static) -> PyResult<Value> {
    if timeout == Some(0.0) {
        return Ok(Value::Bool(try_take()));
    }
    vm.green_wait(LOCK_WAIT, timeout, move |timed_out| {
        if try_take() {
            Some(Ok(Value::Bool(true)))
        } else {
            timed_out.then_some(Ok(Value::Bool(false)))
        }
    })
}

fn lock_release(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("release", 1)?;
    if !lock_core(&a[0])?.release() {
        return Err(runtime_error("release unlocked lock"));
    }
    Ok(Value::None)
}

fn lock_locked(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("locked", 1)?;
    Ok(Value::Bool(lock_core(&a[0])?.is_locked()))
}

fn lock_enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, _) = args.split_self();
    let core = lock_core(this)?;
    if vm.rt.is_green() {
        core.describe(vm, None);
        let me = vm.tid;
        return green_acquire(vm, None, move || core.try_take_for(me));
    }
    Ok(Value::Bool(core.acquire(vm, None)?))
}

fn lock_exit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, _) = args.split_self();
    if !lock_core(this)?.release() {
        return Err(runtime_error("release unlocked lock"));
    }
    Ok(Value::None)
}

fn lock_repr(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, _) = args.split_self();
    let core = lock_core(this)?;
    let state = if core.is_locked() { "locked" } else { "unlocked" };
    Ok(Value::string(format!("<{} _thread.lock object at {}>", state, addr(this))))
}

// ---- RLock ----------------------------------------------------------------------------------

#[derive(Default)]
struct Owner {
    tid: Option<Tid>,
    count: usize,
}

/// A reentrant lock: owned by one Python thread (lane), counted.
#[derive(Default)]
pub struct RLockCore {
    owner: Mutex<Owner>,
    cv: Condvar,
}

impl RLockCore {
    /// Takes the lock for `tid` if it is free, with recursion level `count`.
    fn try_take(&self, tid: Tid, count: usize) -> bool {
        let mut o = lock(&self.owner);
        if o.tid.is_none() {
            o.tid = Some(tid);
            o.count = count;
            true
        } else {
            false
        }
    }

    /// `acquire()` on green threads (the result is acquire's).
    fn green_acquire(self: Arc<Self>, vm: &mut Vm, timeout: Option<f64>) -> PyResult<Value> {
        let me = vm.tid;
        {
            let mut o = lock(&self.owner);
            if o.tid == Some(me) {
                o.count += 1;
                return Ok(Value::Bool(true));
            }
            super::describe_wait(vm, timeout, "RLock", o.tid);
        }
        green_acquire(vm, timeout, move || self.try_take(me, 1))
    }

    /// `_acquire_restore` as a green wait's poll: takes the lock back with `count` levels.
    pub(crate) fn try_restore(&self, tid: Tid, count: usize) -> bool {
        self.try_take(tid, count)
    }

    pub fn acquire(&self, vm: &Vm, timeout: Option<f64>) -> PyResult<bool> {
        let me = vm.tid;
        {
            let mut o = lock(&self.owner);
            if o.tid == Some(me) {
                o.count += 1;
                return Ok(true);
            }
            super::describe_wait(vm, timeout, "RLock", o.tid);
        }
        vm.rt
            .wait_for(vm.tid, LOCK_WAIT, &self.owner, &self.cv, timeout, |o| {
                if o.tid.is_none() {
                    o.tid = Some(me);
                    o.count = 1;
                    true
                } else {
                    false
                }
            })
            .map_err(Unwind::Interrupt)
    }

    pub fn release(&self, tid: Tid) -> PyResult<()> {
        let mut o = lock(&self.owner);
        if o.tid != Some(tid) {
            return Err(runtime_error("cannot release un-acquired lock"));
        }
        o.count -= 1;
        if o.count == 0 {
            o.tid = None;
            drop(o);
            self.cv.notify_one();
        }
        Ok(())
    }

    pub fn is_owned(&self, tid: Tid) -> bool {
        lock(&self.owner).tid == Some(tid)
    }

    /// `_release_save`: releases completely (for Condition.wait), returning the count.
    pub fn release_save(&self, tid: Tid) -> PyResult<usize> {
        let mut o = lock(&self.owner);
        if o.tid != Some(tid) {
            return Err(runtime_error("cannot release un-acquired lock"));
        }
        let n = o.count;
        o.tid = None;
        o.count = 0;
        drop(o);
        self.cv.notify_one();
        Ok(n)
    }

    /// `_acquire_restore`: takes the lock back with the saved count.
    pub fn acquire_restore(&self, vm: &Vm, count: usize) -> PyResult<()> {
        self.acquire(vm, None)?;
        lock(&self.owner).count = count;
        Ok(())
    }
}

static RLOCK_METHODS: &[Builtin] = builtins_table![
    "acquire" => rlock_acquire,
    "release" => rlock_release,
    "__enter__" => rlock_enter,
    "__exit__" => rlock_exit,
    "_is_owned" => rlock_is_owned,
    "__repr__" => rlock_repr,
];

pub fn rlock_class() -> &'static Arc<Class> {
    static CLS: OnceLock<Arc<Class>> = OnceLock::new();
    native_class(&CLS, "_thread", "RLock", RLOCK_METHODS, rlock_new)
}

fn rlock_new(_vm: &mut Vm, cls: &Arc<Class>, args: Args) -> PyResult<Value> {
    if !has_python_init(cls) {
        args.exact("RLock", 0)?;
    }
    Ok(with_core(cls, Arc::new(RLockCore::default())))
}

pub fn rlock_core(v: &Value) -> PyResult<Arc<RLockCore>> {
    payload::<RLockCore>(v, "_thread.RLock")
}

fn rlock_acquire(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, rest) = args.split_self();
    let core = rlock_core(this)?;
    let timeout = acquire_args(vm, rest)?;
    if vm.rt.is_green() {
        return core.green_acquire(vm, timeout);
    }
    Ok(Value::Bool(core.acquire(vm, timeout)?))
}

fn rlock_release(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("release", 1)?;
    rlock_core(&a[0])?.release(vm.tid)?;
    Ok(Value::None)
}

fn rlock_enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, _) = args.split_self();
    let core = rlock_core(this)?;
    if vm.rt.is_green() {
        return core.green_acquire(vm, None);
    }
    Ok(Value::Bool(core.acquire(vm, None)?))
}

fn rlock_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, _) = args.split_self();
    rlock_core(this)?.release(vm.tid)?;
    Ok(Value::None)
}

fn rlock_is_owned(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("_is_owned", 1)?;
    Ok(Value::Bool(rlock_core(&a[0])?.is_owned(vm.tid)))
}

fn rlock_repr(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, _) = args.split_self();
    let core = rlock_core(this)?;
    let o = lock(&core.owner);
    let (state, owner) = match o.tid {
        Some(t) => ("locked", ident_for(t)),
        None => ("unlocked", 0),
    };
    Ok(Value::string(format!("<{} _thread.RLock object owner={} count={} at {}>", state, owner, o.count, addr(this))))
}
