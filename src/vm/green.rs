//! Green threads, the VM's half: switching between Python threads' frame stacks on one OS
//! thread (one Web Worker). The runtime's half (`runtime/green.rs`) decides *who* holds the GIL
//! and when the holder must give it up, with the GIL's rules; this file decides *how* a thread
//! stops and resumes.
//!
//! # The protocol
//!
//! A Python thread's state is its `Vm`: the frame stack (each frame's pc, locals, operand
//! stack), the handled exception, the depth of Rust re-entries. Python-to-Python calls push
//! frames without Rust recursion, so a thread stopped between two instructions of its
//! outermost dispatch loop (`Vm::native_depth == 0`) is nothing but data: it can be put aside
//! and resumed later by calling `execute(0)` again.
//!
//! * **Started threads** (`spawn`) are suspended from the start: a `Vm` plus a `start` closure
//!   that, on the first resume, pushes the frame of `run()` (or of the target, for Thread's own
//!   `run`) so the whole thread runs in the outermost loop.
//! * **The main thread is the scheduler's stack.** It runs as always (`run_module_code`, below
//!   Rust frames). Whenever it must wait, it runs the other threads on top of its own Rust
//!   frames (`run_until`) until the runtime gives it the GIL back.
//! * **Switch at an eval-breaker check** (drop request due): in a thread's outermost loop the
//!   check stores the pc of the instruction to redo and returns `Interrupt::Switch` out of
//!   `execute`; the thread goes back in the table (`resume`). Anywhere else (the main thread,
//!   or Python code called back by a builtin: a sort key, `__eq__`, `map`'s function) the
//!   thread cannot leave its Rust frames, so it runs the others on top of them instead
//!   (`Runtime::green_yield_here`).
//! * **Blocking calls park** (`Vm::green_wait`): the wait is a poll closure that completes it
//!   (takes the lock, consumes the notification) and yields the builtin's result. Called
//!   directly by the outermost loop (`Park::ok`, set by the dispatch loop for exactly that
//!   builtin call), the builtin returns `Interrupt::Switch`; the dispatch loop records where the
//!   call's values start (`Park::base`) and leaves. On resume the result replaces the call's
//!   values, as if the builtin had returned it (or its exception is raised at the call).
//!   Anywhere else the thread waits on top of its Rust frames, as for a switch.
//! * **Waiting on top of one's own frames** pins the thread (`GreenThreads::pinned`): while it
//!   waits, it can run any thread in the table, but no pinned thread below it (their Rust
//!   frames are under its own).
//!
//! # What is deferred
//!
//! * A thread inside Python code that a builtin called back (a sort key, `__eq__`, `__hash__`,
//!   `map`/`filter` functions) switches and waits by running
//!   the others on top of that code. Until it returns, threads pinned below it (the main
//!   thread always is, while it waits) cannot run: a thread blocked there on a lock that only
//!   such a thread would release waits until Stop. Between threads in their own code, at
//!   their outermost level, nothing is deferred.
//! * A builtin that runs long without calling back into Python (sorting a huge list) holds the
//!   GIL throughout, as in CPython.
//! * Notifications are polled: a thread whose wait a release, `set()` or `notify()` ended is
//!   seen by the running thread's checks within about 50 µs, not at once.
//! * Waits that Rust code makes for itself wait on top of the thread's frames too: the end of
//!   the program waiting for non-daemon threads (on the main thread, which is always there),
//!   and a Condition built on a lock object that is not one of threading's own.

use super::exceptions::{PyResult, Unwind};
use super::sync::lock;
use super::state::{Interp, Vm};
use super::value::Value;
use crate::runtime::{Interrupt, State, Tid};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, Weak};

/// A thread's pending park, kept on its `Vm`.
#[derive(Default)]
pub(crate) struct Park {
    /// Set by the dispatch loop for exactly the builtin it is calling from a green thread's
    /// outermost loop: that builtin may park the thread (`green_wait` consumes it).
    pub ok: bool,
    /// Operand-stack height of the parked call's values, cut back to before its result goes on.
    pub base: usize,
    /// Where the parked wait's poll leaves the builtin's result.
    slot: Option<Arc<Mutex<Option<PyResult<Value>>>>>,
}

/// First resume of a started thread: pushes its frames, or returns the value of a target that
/// is not Python code.
pub(crate) type Start = Box<dyn FnOnce(&mut Vm) -> PyResult<Option<Value>> + Send>;
/// After the thread's last frame returned (or raised): the thread's epilogue.
pub(crate) type Finish = Box<dyn FnOnce(&mut Vm, PyResult<Value>) + Send>;

struct Suspended {
    vm: Vm,
    start: Option<Start>,
    finish: Finish,
}

/// The run's green threads that are not on the OS stack now.
#[derive(Default)]
pub(crate) struct GreenThreads {
    suspended: Mutex<HashMap<Tid, Suspended>>,
    /// Threads waiting on top of their own Rust frames, innermost last.
    pinned: Mutex<Vec<Tid>>,
}

/// Makes the run's threads green threads. Called once, before the program runs.
pub(crate) fn install(interp: &Arc<Interp>) {
    let weak: Weak<Interp> = Arc::downgrade(interp);
    interp.rt.start_green(Box::new(move |tid| match weak.upgrade() {
        Some(interp) => run_until(&interp, tid),
        None => Err(Interrupt::Stop),
    }));
}

/// A new thread with lane `tid`: ready to run, from `start` to `finish`.
pub(crate) fn spawn(interp: &Arc<Interp>, tid: Tid, start: Start, finish: Finish) {
    let vm = Vm::new(interp.clone(), tid);
    lock(&interp.ext::<GreenThreads>().suspended).insert(tid, Suspended { vm, start: Some(start), finish });
    interp.rt.green_start(tid);
}

/// Program end: the threads still suspended (daemons, or everyone after Stop) end where they
/// are, running no more Python code, as daemon threads do when CPython exits.
pub(crate) fn end_all(interp: &Arc<Interp>, why: Interrupt) {
    let all: Vec<(Tid, Suspended)> = lock(&interp.ext::<GreenThreads>().suspended).drain().collect();
    for (_, mut s) in all {
        (s.finish)(&mut s.vm, Err(Unwind::Interrupt(why)));
    }
}

/// Runs the other threads until `me` holds the GIL again.
fn run_until(interp: &Arc<Interp>, me: Tid) -> Result<(), Interrupt> {
    let threads = interp.ext::<GreenThreads>();
    lock(&threads.pinned).push(me);
    let r = loop {
        let eligible = |t: Tid| t == me || !lock(&threads.pinned).contains(&t);
        match interp.rt.green_next(&eligible) {
            Ok(t) if t == me => break Ok(()),
            Ok(t) => resume(interp, &threads, t),
            Err(i) => break Err(i),
        }
    };
    lock(&threads.pinned).pop();
    r
}

/// Runs suspended thread `tid` (which holds the GIL) until it switches or ends.
fn resume(interp: &Arc<Interp>, threads: &GreenThreads, tid: Tid) {
    let Some(mut s) = lock(&threads.suspended).remove(&tid) else {
        // Not ours to run (cannot happen: pinned threads are filtered out); let it go.
        interp.rt.green_end(tid);
        return;
    };
    match step(&mut s) {
        Err(Unwind::Interrupt(Interrupt::Switch)) => {
            // Parked already, or gave up the GIL on a drop request.
            interp.rt.green_yield(tid);
            lock(&threads.suspended).insert(tid, s);
        }
        done => (s.finish)(&mut s.vm, done),
    }
}

fn step(s: &mut Suspended) -> PyResult<Value> {
    let vm = &mut s.vm;
    if let Some(start) = s.start.take() {
        if let Some(v) = start(vm)? {
            return Ok(v);
        }
    } else if let Some(slot) = vm.park.slot.take() {
        let result = lock(&slot).take().unwrap_or(Ok(Value::None));
        if vm.frames.is_empty() {
            // The thread's target was the builtin that parked (`push_call`): its result ends
            // the thread.
            return result;
        }
        match result {
            Ok(v) => {
                let base = vm.park.base;
                let f = vm.frames.last_mut().expect("a parked frame");
                f.stack.truncate(base);
                f.stack.push(v);
            }
            // Raised at the call, as if the builtin had returned it.
            Err(e) => vm.handle_exception(e, 0)?,
        }
    }
    vm.execute(0)
}

impl Vm {
    /// A blocking call on a green thread. `poll(timed_out)` completes the wait and returns the
    /// builtin's result (`Some`), or `None` while it must go on; it is tried once at once, and
    /// must return `Some` when `timed_out`. `timeout` None waits for `poll` alone. Returns the
    /// result, or (called from the outermost loop) `Interrupt::Switch` after parking.
    pub(crate) fn green_wait(
        &mut self,
        state: State,
        timeout: Option<f64>,
        mut poll: impl FnMut(bool) -> Option<PyResult<Value>> + Send + 'static,
    ) -> PyResult<Value> {
        let parkable = std::mem::take(&mut self.park.ok);
        if let Some(r) = poll(false) {
            return r;
        }
        if parkable {
            let slot = Arc::new(Mutex::new(None));
            let out = slot.clone();
            let wait = move |timed_out| match poll(timed_out) {
                Some(r) => {
                    *lock(&out) = Some(r);
                    true
                }
                None => false,
            };
            self.rt.green_park(self.tid, state, timeout, Box::new(wait));
            self.park.slot = Some(slot);
            return Err(Unwind::Interrupt(Interrupt::Switch));
        }
        let mut result = None;
        self.rt
            .green_wait_here(self.tid, state, timeout, &mut |timed_out| match poll(timed_out) {
                Some(r) => {
                    result = Some(r);
                    true
                }
                None => false,
            })
            .map_err(Unwind::Interrupt)?;
        result.unwrap_or(Ok(Value::None))
    }

    /// What an eval-breaker check that got `i` does: `Err(Switch)` tells the outermost loop to
    /// save the frames and leave; elsewhere a switch runs the others here and goes on.
    pub(crate) fn breaker_interrupt(&mut self, i: Interrupt) -> PyResult<()> {
        match i {
            Interrupt::Switch if self.native_depth > 0 => self.rt.green_yield_here(self.tid).map_err(Unwind::Interrupt),
            i => Err(Unwind::Interrupt(i)),
        }
    }

    /// Calls `callee(arg)` for the dispatch loop where a parked result can be delivered (a
    /// `with` statement's `__enter__`): a builtin may park the thread.
    pub(crate) fn call_parkable(&mut self, callee: &Value, arg: Value) -> PyResult<Value> {
        match callee {
            Value::Builtin(b) => {
                self.park.ok = self.native_depth == 0;
                let r = (b.f)(self, super::args::Args::positional(&[arg]));
                self.park.ok = false;
                r
            }
            _ => self.call(callee, &[arg]),
        }
    }

    /// A thread's target that is a builtin (`Thread(target=time.sleep, ...)`), called from the
    /// bottom of its green thread: it may park the thread like a call from the outermost loop,
    /// so a blocking target lets the others run; `step` delivers its result as the thread's.
    fn call_builtin_parkable(
        &mut self,
        b: &super::types::Builtin,
        mut args: Vec<Value>,
        kwargs: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        let mut names = Vec::with_capacity(kwargs.len());
        for (k, v) in kwargs {
            names.push(Value::Str(super::types::intern(&k)));
            args.push(v);
        }
        self.park.ok = self.native_depth == 0 && self.frames.is_empty();
        let r = (b.f)(self, super::args::Args::new(&args, &names));
        self.park.ok = false;
        r
    }

    /// Pushes the frame of `callee(*args, **kwargs)` to be run by the next `execute` (the
    /// bottom frame of a green thread); a callee that is not Python code is called now and its
    /// value returned.
    pub(crate) fn push_call(&mut self, callee: &Value, mut args: Vec<Value>, kwargs: Vec<(String, Value)>) -> PyResult<Option<Value>> {
        let func = match callee {
            Value::Function(f) => f.clone(),
            Value::Method(m) => match &m.func {
                Value::Function(f) => {
                    args.insert(0, m.receiver.clone());
                    f.clone()
                }
                Value::Builtin(b) => {
                    args.insert(0, m.receiver.clone());
                    return self.call_builtin_parkable(b, args, kwargs).map(Some);
                }
                _ => return self.call_with_kwargs(callee, args, kwargs).map(Some),
            },
            Value::Builtin(b) => return self.call_builtin_parkable(b, args, kwargs).map(Some),
            _ => return self.call_with_kwargs(callee, args, kwargs).map(Some),
        };
        let mut names = Vec::with_capacity(kwargs.len());
        for (k, v) in kwargs {
            names.push(Value::Str(super::types::intern(&k)));
            args.push(v);
        }
        let frame = self.bind_frame(&func, &args, &names)?;
        if func.code.code.flags != 0 {
            return Ok(Some(self.make_generator(&func, frame)));
        }
        self.push_frame(frame)?;
        Ok(None)
    }
}
