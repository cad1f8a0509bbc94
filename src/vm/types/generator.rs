//! Generators, coroutines and async generators: a suspended frame plus the protocol that
//! resumes it (`send`, `throw`, `close`, `yield from` delegation), as CPython 3.11 has it.
//!
//! A generator owns its frame while suspended. Resuming moves the frame onto the resuming
//! thread's frame stack and runs a nested dispatch loop (`Vm::execute`) until the frame yields
//! (`Op::Yield` pops it into `Vm::suspended`) or returns. While it runs the generator is
//! `Running`: a second resume from any thread gets CPython's "generator already executing"
//! ValueError, so two threads never touch one frame. Any thread may resume a generator
//! that another one suspended; the frame is plain data.
//!
//! A suspended generator dropped inside a `try`/`with` is closed as CPython closes it when its
//! refcount reaches zero: Drop cannot run Python code (it may happen under a container's lock),
//! so it queues the frame on the run (`Interp::finalizers`) and sets `BREAK_FINALIZE`; the
//! next eval-breaker check of a running thread (a call or backward jump later) closes it.

use crate::builtins_table;
use crate::vm::args::Args;
use crate::vm::exceptions::{error, exc_class, new_exception, runtime_error, type_error, value_error, with_state, PyResult, Unwind};
use crate::vm::frame::Frame;
use crate::vm::state::{Interp, Vm};
use crate::vm::sync::lock;
use crate::vm::types::{types, Builtin, Function};
use crate::vm::value::{Str, Value};
use crate::runtime::BREAK_FINALIZE;
use std::sync::{Arc, Mutex, Weak};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

impl GenKind {
    /// The type name (`type(g).__name__`), also used in messages.
    pub fn name(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async_generator",
        }
    }
    fn noun(self) -> &'static str {
        match self {
            GenKind::AsyncGenerator => "async generator",
            k => k.name(),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum GenState {
    Created,
    Suspended,
    Running,
    Finished,
}

struct GenInner {
    state: GenState,
    frame: Option<Box<Frame>>,
    /// The exception being handled inside the generator when it yielded.
    handled: Value,
}

pub struct Generator {
    pub kind: GenKind,
    pub name: Str,
    pub qualname: Str,
    /// `types.coroutine`: a generator that `await` accepts.
    pub iterable_coroutine: bool,
    inner: Mutex<GenInner>,
    interp: Weak<Interp>,
}

/// What a resume hands the generator.
pub(crate) enum Sent {
    Value(Value),
    Throw(Value),
}

/// What the generator did with it.
pub(crate) enum Step {
    Yield(Value),
    Return(Value),
}

impl Generator {
    pub fn is_running(&self) -> bool {
        lock(&self.inner).state == GenState::Running
    }
    /// The iterator a generator suspended in `yield from` / `await` delegates to.
    pub fn yield_from(&self) -> Option<Value> {
        let st = lock(&self.inner);
        let f = st.frame.as_ref()?;
        suspended_in_yield_from(f).then(|| f.stack.last().cloned()).flatten()
    }
}

fn suspended_in_yield_from(f: &Frame) -> bool {
    matches!(f.func.code.code.ops.get(f.pc), Some(crate::lang::bytecode::Op::YieldFrom))
}

/// Whether closing the frame could run Python code: it is suspended inside a protected range
/// (a `try`, `with` or `except`), or delegating to another iterator.
fn needs_close(f: &Frame) -> bool {
    let pc = f.pc.saturating_sub(1) as u32;
    suspended_in_yield_from(f) || f.func.code.code.handlers.iter().any(|h| h.start <= pc && pc < h.end)
}

impl Drop for Generator {
    fn drop(&mut self) {
        let st = match self.inner.get_mut() {
            Ok(st) => st,
            Err(p) => p.into_inner(),
        };
        if st.state != GenState::Suspended || !st.frame.as_ref().is_some_and(|f| needs_close(f)) {
            return;
        }
        let Some(interp) = self.interp.upgrade() else { return };
        let orphan = Generator {
            kind: self.kind,
            name: self.name.clone(),
            qualname: self.qualname.clone(),
            iterable_coroutine: self.iterable_coroutine,
            inner: Mutex::new(GenInner { state: GenState::Suspended, frame: st.frame.take(), handled: std::mem::replace(&mut st.handled, Value::Null) }),
            interp: Weak::new(),
        };
        lock(&interp.finalizers).push(Arc::new(orphan));
        interp.rt.eval_breaker.fetch_or(BREAK_FINALIZE, std::sync::atomic::Ordering::SeqCst);
    }
}

pub fn stop_iteration_with(v: Value) -> Unwind {
    let args = if v.is_none() { vec![] } else { vec![v] };
    Unwind::Exception(new_exception(types().exc("StopIteration"), args))
}

fn is_instance_of(exc: &Value, name: &str) -> bool {
    exc_class(exc).is_some_and(|c| c.is_subclass(types().exc(name)))
}

fn gen_of(v: &Value) -> PyResult<&Arc<Generator>> {
    match v {
        Value::Generator(g) => Ok(g),
        _ => Err(type_error(format!("descriptor requires a 'generator' object but received a '{}'", v.type_name()))),
    }
}

impl Vm {
    /// Calling a generator (or `async def`) function: the bound frame becomes the generator.
    pub(crate) fn make_generator(&mut self, func: &Function, frame: Box<Frame>) -> Value {
        let flags = func.code.code.flags;
        let kind = match (flags & crate::lang::bytecode::CO_GENERATOR != 0, flags & crate::lang::bytecode::CO_COROUTINE != 0) {
            (true, true) => GenKind::AsyncGenerator,
            (false, true) => GenKind::Coroutine,
            _ => GenKind::Generator,
        };
        let iterable_coroutine = kind == GenKind::Generator && func.attrs.lock().unwrap_or_else(|e| e.into_inner()).get(ITERABLE_COROUTINE).is_some();
        Value::Generator(Arc::new(Generator {
            kind,
            name: func.name.clone(),
            qualname: func.qualname.clone(),
            iterable_coroutine,
            inner: Mutex::new(GenInner { state: GenState::Created, frame: Some(frame), handled: Value::Null }),
            interp: Arc::downgrade(&self.interp),
        }))
    }

    /// Resumes `g` with `sent`; returns what it yielded or returned. Exceptions that leave the
    /// frame propagate (a StopIteration becomes RuntimeError, PEP 479).
    pub(crate) fn gen_step(&mut self, g: &Arc<Generator>, sent: Sent) -> PyResult<Step> {
        let (mut frame, saved_handled, created) = {
            let mut st = lock(&g.inner);
            match st.state {
                GenState::Running => return Err(value_error(format!("{} already executing", g.kind.noun()))),
                GenState::Finished => {
                    drop(st);
                    return match sent {
                        Sent::Value(_) if g.kind == GenKind::Coroutine => Err(runtime_error("cannot reuse already awaited coroutine")),
                        Sent::Value(_) => Ok(Step::Return(Value::None)),
                        Sent::Throw(e) => Err(Unwind::Exception(e)),
                    };
                }
                GenState::Created => match &sent {
                    Sent::Value(v) if !v.is_none() => {
                        return Err(type_error(format!("can't send non-None value to a just-started {}", g.kind.noun())));
                    }
                    Sent::Throw(e) => {
                        st.state = GenState::Finished;
                        let frame = st.frame.take();
                        drop(st);
                        if let Some(f) = frame {
                            self.recycle(f);
                        }
                        return Err(Unwind::Exception(e.clone()));
                    }
                    _ => {}
                },
                GenState::Suspended => {}
            }
            let created = st.state == GenState::Created;
            st.state = GenState::Running;
            (st.frame.take().expect("a suspended generator's frame"), std::mem::replace(&mut st.handled, Value::Null), created)
        };
        let mut sent = sent;
        // A throw into `yield from` goes to the delegate first.
        if let Sent::Throw(exc) = &sent {
            if suspended_in_yield_from(&frame) {
                let sub = frame.stack.last().cloned().unwrap_or(Value::None);
                match self.throw_into_delegate(&sub, exc.clone()) {
                    Ok(Some(Step::Yield(y))) => {
                        let mut st = lock(&g.inner);
                        st.frame = Some(frame);
                        st.handled = saved_handled;
                        st.state = GenState::Suspended;
                        return Ok(Step::Yield(y));
                    }
                    Ok(Some(Step::Return(r))) => {
                        frame.stack.pop();
                        frame.pc += 1;
                        sent = Sent::Value(r);
                    }
                    Ok(None) => {}
                    Err(Unwind::Exception(e)) => {
                        frame.stack.pop();
                        frame.pc += 1;
                        sent = Sent::Throw(e);
                    }
                    Err(e) => {
                        lock(&g.inner).state = GenState::Finished;
                        return Err(e);
                    }
                }
            }
        }
        let outer_handled = self.handled.clone();
        if !saved_handled.is_null() {
            self.handled = saved_handled;
        }
        let base = self.frames.len();
        let r = if self.native_depth >= crate::vm::call::MAX_NATIVE_DEPTH {
            self.recycle(frame);
            Err(error("RecursionError", "maximum recursion depth exceeded"))
        } else {
            match self.push_frame(frame) {
                Err(e) => Err(e),
                Ok(()) => {
                    self.native_depth += 1;
                    let r = match sent {
                        Sent::Value(v) => {
                            if !created {
                                self.frames.last_mut().unwrap().stack.push(v);
                            }
                            self.execute(base)
                        }
                        Sent::Throw(exc) => {
                            self.reraising = false;
                            match self.handle_exception(Unwind::Exception(exc), base) {
                                Ok(()) => self.execute(base),
                                Err(e) => Err(e),
                            }
                        }
                    };
                    self.native_depth -= 1;
                    r
                }
            }
        };
        let gen_handled = std::mem::replace(&mut self.handled, outer_handled);
        let suspended = self.suspended.take();
        let mut st = lock(&g.inner);
        match suspended {
            Some(f) => {
                st.frame = Some(f);
                st.state = GenState::Suspended;
                st.handled = if gen_handled.is(&self.handled) { Value::Null } else { gen_handled };
                drop(st);
                r.map(Step::Yield)
            }
            None => {
                st.state = GenState::Finished;
                drop(st);
                match r {
                    Ok(v) => Ok(Step::Return(v)),
                    Err(Unwind::Exception(e)) => Err(Unwind::Exception(self.pep479(g.kind, e))),
                    Err(e) => Err(e),
                }
            }
        }
    }

    /// PEP 479: a StopIteration (or, from an async generator, StopAsyncIteration) leaving the
    /// frame becomes a RuntimeError caused by it.
    fn pep479(&mut self, kind: GenKind, e: Value) -> Value {
        let what = if is_instance_of(&e, "StopIteration") {
            "StopIteration"
        } else if kind == GenKind::AsyncGenerator && is_instance_of(&e, "StopAsyncIteration") {
            "StopAsyncIteration"
        } else {
            return e;
        };
        let rt = new_exception(types().exc("RuntimeError"), vec![Value::string(format!("{} raised {}", kind.noun(), what))]);
        with_state(&rt, |st| {
            st.cause = e.clone();
            st.context = e.clone();
            st.suppress_context = true;
        });
        rt
    }

    /// `throw` forwarded by a generator suspended in `yield from sub`: Some(step) when `sub`
    /// handled it, None when `sub` has no `throw` (raise in the delegating frame), Err for the
    /// exception to raise in the delegating frame. GeneratorExit closes `sub` instead.
    fn throw_into_delegate(&mut self, sub: &Value, exc: Value) -> PyResult<Option<Step>> {
        if is_instance_of(&exc, "GeneratorExit") {
            match sub {
                Value::Generator(g) => {
                    let g = g.clone();
                    self.gen_close(&g)?;
                }
                other => {
                    if let Some(close) = self.get_attr_opt(other, "close")? {
                        self.call(&close, &[])?;
                    }
                }
            }
            return Err(Unwind::Exception(exc));
        }
        match sub {
            Value::Generator(g) => {
                let g = g.clone();
                self.gen_step(&g, Sent::Throw(exc)).map(Some)
            }
            other => match self.get_attr_opt(other, "throw")? {
                Some(throw) => match self.call(&throw, &[exc]) {
                    Ok(v) => Ok(Some(Step::Yield(v))),
                    Err(Unwind::Exception(e)) if is_instance_of(&e, "StopIteration") => Ok(Some(Step::Return(stop_value(&e)))),
                    Err(e) => Err(e),
                },
                None => Ok(None),
            },
        }
    }

    /// One step of `yield from sub` / `await sub` with `v` sent in.
    pub(crate) fn delegate_send(&mut self, sub: &Value, v: Value) -> PyResult<Step> {
        match sub {
            Value::Generator(g) => {
                let g = g.clone();
                self.gen_step(&g, Sent::Value(v))
            }
            Value::Iter(_) if v.is_none() => Ok(match self.next(sub)? {
                Some(y) => Step::Yield(y),
                None => Step::Return(Value::None),
            }),
            other => {
                let r = if v.is_none() {
                    match self.get_attr_opt(other, "__next__")? {
                        Some(next) => self.call(&next, &[]),
                        None => return Err(type_error(format!("'{}' object is not an iterator", other.type_name()))),
                    }
                } else {
                    let send = self.get_attr(other, &crate::vm::types::intern("send"))?;
                    self.call(&send, &[v])
                };
                match r {
                    Ok(y) => Ok(Step::Yield(y)),
                    Err(Unwind::Exception(e)) if is_instance_of(&e, "StopIteration") => Ok(Step::Return(stop_value(&e))),
                    Err(e) => Err(e),
                }
            }
        }
    }

    /// `next(g)` for the iteration protocol: Some(item), or None when it returned.
    pub(crate) fn gen_next(&mut self, g: &Arc<Generator>) -> PyResult<Option<Value>> {
        match self.gen_step(g, Sent::Value(Value::None))? {
            Step::Yield(v) => Ok(Some(v)),
            Step::Return(_) => Ok(None),
        }
    }

    /// `next(g)`: Ok(item), or Err(the value it returned).
    pub(crate) fn gen_next_or_return(&mut self, g: &Arc<Generator>) -> PyResult<Result<Value, Value>> {
        Ok(match self.gen_step(g, Sent::Value(Value::None))? {
            Step::Yield(v) => Ok(v),
            Step::Return(v) => Err(v),
        })
    }

    /// `g.close()`.
    pub(crate) fn gen_close(&mut self, g: &Arc<Generator>) -> PyResult<Value> {
        {
            let mut st = lock(&g.inner);
            match st.state {
                GenState::Created => {
                    st.state = GenState::Finished;
                    let f = st.frame.take();
                    drop(st);
                    if let Some(f) = f {
                        self.recycle(f);
                    }
                    return Ok(Value::None);
                }
                GenState::Finished => return Ok(Value::None),
                _ => {}
            }
        }
        let exit = new_exception(types().exc("GeneratorExit"), vec![]);
        match self.gen_step(g, Sent::Throw(exit)) {
            Ok(Step::Yield(_)) => Err(runtime_error(format!("{} ignored GeneratorExit", g.kind.noun()))),
            Ok(Step::Return(v)) => Ok(v),
            Err(Unwind::Exception(e)) if is_instance_of(&e, "GeneratorExit") || is_instance_of(&e, "StopIteration") => Ok(Value::None),
            Err(e) => Err(e),
        }
    }

    /// Closes the generators dropped while suspended in a `try` (see the module comment).
    pub(crate) fn run_finalizers(&mut self) {
        self.rt.eval_breaker.fetch_and(!BREAK_FINALIZE, std::sync::atomic::Ordering::SeqCst);
        loop {
            let pending = std::mem::take(&mut *lock(&self.interp.finalizers));
            if pending.is_empty() {
                return;
            }
            for g in pending {
                if let Err(Unwind::Exception(e)) = self.gen_close(&g) {
                    let what = format!("<{} object {} at {}>", g.kind.name(), g.qualname.as_str(), crate::vm::convert::addr(&Value::Generator(g.clone())));
                    self.report_unraisable(&what, &e);
                }
            }
        }
    }

    /// Interpreter exit: CPython clears the main module's globals, which closes the
    /// suspended generators they hold (in binding order), then any dropped earlier.
    pub(crate) fn close_module_generators(&mut self, m: &crate::vm::types::Module) {
        for (_, v) in m.items() {
            if let Value::Generator(g) = v {
                let pending = {
                    let st = lock(&g.inner);
                    st.state == GenState::Suspended && st.frame.as_ref().is_some_and(|f| needs_close(f))
                };
                if pending {
                    if let Err(Unwind::Exception(e)) = self.gen_close(&g) {
                        let what = format!("<{} object {} at {}>", g.kind.name(), g.qualname.as_str(), crate::vm::convert::addr(&Value::Generator(g.clone())));
                        self.report_unraisable(&what, &e);
                    }
                }
            }
        }
        self.run_finalizers();
    }

    /// CPython's "Exception ignored in: ..." report for an error no caller can see.
    fn report_unraisable(&mut self, what: &str, e: &Value) {
        let tb = crate::vm::exceptions::format_exception(self, e);
        self.interp.write_stderr(&format!("Exception ignored in: {}\n{}", what, tb));
    }

    /// The exception for `throw(typ[, val])`.
    fn exception_for_throw(&mut self, typ: &Value, val: Option<&Value>) -> PyResult<Value> {
        match typ {
            Value::Class(c) if c.is_exception() => match val {
                Some(v) if exc_class(v).is_some_and(|vc| vc.is_subclass(c)) => Ok(v.clone()),
                Some(Value::None) | None => self.call(typ, &[]),
                Some(Value::Tuple(t)) => {
                    let items = t.items.to_vec();
                    self.call(typ, &items)
                }
                Some(v) => self.call(typ, &[v.clone()]),
            },
            Value::Instance(i) if i.exc.is_some() => match val {
                Some(Value::None) | None => Ok(typ.clone()),
                Some(_) => Err(type_error("instance exception may not have a separate value")),
            },
            other => Err(type_error(format!("exceptions must be classes or instances deriving from BaseException, not {}", other.type_name()))),
        }
    }
}

/// `StopIteration.value`.
pub(crate) fn stop_value(e: &Value) -> Value {
    with_state(e, |st| match &st.args {
        Value::Tuple(t) => t.items.first().cloned().unwrap_or(Value::None),
        _ => Value::None,
    })
    .unwrap_or(Value::None)
}

/// Function attribute that `types.coroutine` sets on a generator function.
pub const ITERABLE_COROUTINE: &str = "_is_iterable_coroutine";

fn step_result(s: Step) -> PyResult<Value> {
    match s {
        Step::Yield(v) => Ok(v),
        Step::Return(v) => Err(stop_iteration_with(v)),
    }
}

fn gen_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("send", 2)?;
    let g = gen_of(&a[0])?.clone();
    let s = vm.gen_step(&g, Sent::Value(a[1].clone()))?;
    step_result(s)
}

fn gen_dunder_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("__next__", 1)?;
    let g = gen_of(&a[0])?.clone();
    let s = vm.gen_step(&g, Sent::Value(Value::None))?;
    step_result(s)
}

fn gen_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.range("throw", 2, 4)?;
    let g = gen_of(&a[0])?.clone();
    let exc = vm.exception_for_throw(&a[1], a.get(2))?;
    let s = vm.gen_step(&g, Sent::Throw(exc))?;
    step_result(s)
}

fn gen_close_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("close", 1)?;
    let g = gen_of(&a[0])?.clone();
    vm.gen_close(&g)?;
    Ok(Value::None)
}

fn gen_iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("__iter__", 1)?;
    Ok(a[0].clone())
}

pub static GENERATOR_METHODS: &[Builtin] = builtins_table![
    "send" => gen_send,
    "throw" => gen_throw,
    "close" => gen_close_method,
    "__next__" => gen_dunder_next,
    "__iter__" => gen_iter,
];

pub static COROUTINE_METHODS: &[Builtin] = builtins_table![
    "send" => gen_send,
    "throw" => gen_throw,
    "close" => gen_close_method,
    "__await__" => gen_iter,
];

/// `_threadlab.agen_step(agen, mode, arg)`: one resume of an async generator for the
/// awaitables in `pylib/_asyncgen.py` (mode 0: send `arg`, 1: throw `arg`, 2: close).
pub fn agen_step(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("agen_step", 3)?;
    let g = gen_of(&a[0])?.clone();
    let sent = match a[1] {
        Value::Int(0) => Sent::Value(a[2].clone()),
        Value::Int(1) => Sent::Throw(vm.exception_for_throw(&a[2], None)?),
        _ => Sent::Throw(new_exception(types().exc("GeneratorExit"), vec![])),
    };
    match vm.gen_step(&g, sent)? {
        // An `await` inside the generator passes its request up; a `yield` is a value.
        Step::Yield(v) => Ok(Value::tuple(vec![Value::Bool(g.yield_from().is_none()), v])),
        Step::Return(_) => Err(Unwind::Exception(new_exception(types().exc("StopAsyncIteration"), vec![]))),
    }
}

/// `agen.asend(v)` and friends: awaitables from `pylib/_asyncgen.py`.
fn agen_awaitable(vm: &mut Vm, agen: &Value, mode: i64, arg: Value) -> PyResult<Value> {
    let m = vm.import_module("_asyncgen")?;
    let step = vm.get_attr(&m, &crate::vm::types::intern("step"))?;
    vm.call(&step, &[agen.clone(), Value::Int(mode), arg])
}

fn agen_anext(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("__anext__", 1)?;
    agen_awaitable(vm, &a[0], 0, Value::None)
}

fn agen_asend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("asend", 2)?;
    agen_awaitable(vm, &a[0], 0, a[1].clone())
}

fn agen_athrow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.range("athrow", 2, 4)?;
    let exc = vm.exception_for_throw(&a[1], a.get(2))?;
    agen_awaitable(vm, &a[0], 1, exc)
}

fn agen_aclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("aclose", 1)?;
    agen_awaitable(vm, &a[0], 2, Value::None)
}

pub static ASYNC_GENERATOR_METHODS: &[Builtin] = builtins_table![
    "__aiter__" => gen_iter,
    "__anext__" => agen_anext,
    "asend" => agen_asend,
    "athrow" => agen_athrow,
    "aclose" => agen_aclose,
];

/// `gi_running`, `gi_frame`, `cr_await`, ... (attributes without a method).
pub(crate) fn generator_attr(g: &Arc<Generator>, name: &str) -> Option<Value> {
    let attr = name.split_once('_').map(|(_, a)| a).unwrap_or("");
    let prefix_ok = match g.kind {
        GenKind::Generator => name.starts_with("gi_"),
        GenKind::Coroutine => name.starts_with("cr_"),
        GenKind::AsyncGenerator => name.starts_with("ag_"),
    };
    match name {
        "__name__" => return Some(Value::Str(g.name.clone())),
        "__qualname__" => return Some(Value::Str(g.qualname.clone())),
        _ if !prefix_ok => return None,
        _ => {}
    }
    Some(match attr {
        "running" => Value::Bool(g.is_running()),
        "suspended" => Value::Bool(lock(&g.inner).state == GenState::Suspended),
        "frame" => {
            let st = lock(&g.inner);
            match (&st.frame, st.state) {
                (Some(f), GenState::Created) => frame_info(f.func.code.code.first_line),
                (Some(f), _) => frame_info(f.func.code.code.line_at(f.pc.saturating_sub(1))),
                _ => Value::None,
            }
        }
        "yieldfrom" | "await" => g.yield_from().unwrap_or(Value::None),
        _ => return None,
    })
}

/// A minimal frame object for `gi_frame`: its current line.
fn frame_info(line: u32) -> Value {
    static FRAME: std::sync::OnceLock<Arc<crate::vm::types::Class>> = std::sync::OnceLock::new();
    let cls = FRAME.get_or_init(|| crate::vm::types::make_class_in("builtins", "frame", std::slice::from_ref(&types().object), crate::vm::types::TypeKind::Object, &[], None));
    let inst = crate::vm::types::Instance::new(cls.clone());
    inst.dict().set(crate::vm::types::intern("f_lineno"), Value::Int(line as i64));
    Value::Instance(Arc::new(inst))
}
