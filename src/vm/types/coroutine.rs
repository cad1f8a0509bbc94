//! The await protocol on top of generators: what `await`, `yield from`, `async for` and
//! `async with` accept, with CPython 3.11's errors.

use crate::vm::exceptions::{exc_class, type_error, PyResult};
use crate::vm::state::Vm;
use crate::vm::types::{types, CodeObj, GenKind, Method};
use crate::vm::value::Value;
use std::sync::Arc;

/// Whether `exc` is a StopAsyncIteration (the end of an `async for`).
pub fn is_stop_async_iteration(exc: &Value) -> bool {
    exc_class(exc).is_some_and(|c| c.is_subclass(types().exc("StopAsyncIteration")))
}

impl Vm {
    /// `yield from v`: generators delegate as they are, anything else through `iter()`.
    pub(crate) fn yield_from_iter(&mut self, v: Value, code: &CodeObj) -> PyResult<Value> {
        match &v {
            Value::Generator(g) if g.kind == GenKind::Coroutine && code.code.flags & crate::lang::bytecode::CO_COROUTINE == 0 => {
                Err(type_error("cannot 'yield from' a coroutine object in a non-coroutine generator"))
            }
            Value::Generator(g) if g.kind != GenKind::AsyncGenerator => Ok(v),
            _ => self.get_iter(&v),
        }
    }

    /// `await v`: a coroutine (or a `types.coroutine` generator) is awaited directly; anything
    /// else must have an `__await__` that returns an iterator.
    pub(crate) fn get_awaitable(&mut self, v: Value) -> PyResult<Value> {
        match &v {
            Value::Generator(g) if g.kind == GenKind::Coroutine || g.iterable_coroutine => return Ok(v),
            _ => {}
        }
        let cls = types().class_of(&v);
        let method = match &v {
            Value::Instance(_) => cls.lookup("__await__"),
            _ => None,
        };
        let Some(method) = method else {
            return Err(type_error(format!("object {} can't be used in 'await' expression", v.type_name())));
        };
        let it = self.call(&method, &[v])?;
        match &it {
            Value::Generator(g) if g.kind == GenKind::Coroutine => Err(type_error("__await__() returned a coroutine")),
            Value::Generator(_) | Value::Iter(_) => Ok(it),
            Value::Instance(i) if i.class.lookup("__next__").is_some() => Ok(it),
            _ => Err(type_error(format!("__await__() returned non-iterator of type '{}'", it.type_name()))),
        }
    }

    /// `async for x in v`: `v.__aiter__()`.
    pub(crate) fn get_aiter(&mut self, v: &Value) -> PyResult<Value> {
        match self.special_method(v, "__aiter__") {
            Some(m) => self.call(&m, &[v.clone()]),
            None => Err(type_error(format!("'async for' requires an object with __aiter__ method, got {}", v.type_name()))),
        }
    }

    /// One `async for` step: the awaitable of `it.__anext__()`.
    pub(crate) fn get_anext(&mut self, it: &Value) -> PyResult<Value> {
        match self.special_method(it, "__anext__") {
            Some(m) => {
                let aw = self.call(&m, &[it.clone()])?;
                self.get_awaitable(aw).map_err(|_| {
                    type_error(format!("'async for' received an invalid object from __anext__: {}", it.type_name()))
                })
            }
            None => Err(type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                it.type_name()
            ))),
        }
    }

    /// `async with ctx:` entry: (bound `__aexit__`, bound `__aenter__`).
    pub(crate) fn async_context_methods(&mut self, ctx: &Value) -> PyResult<(Value, Value)> {
        let enter = self.special_method(ctx, "__aenter__");
        let exit = self.special_method(ctx, "__aexit__");
        let bound = |f: Value| Value::Method(Arc::new(Method { receiver: ctx.clone(), func: f }));
        match (enter, exit) {
            (Some(enter), Some(exit)) => Ok((bound(exit), bound(enter))),
            (None, _) => Err(type_error(format!("'{}' object does not support the asynchronous context manager protocol", ctx.type_name()))),
            (Some(_), None) => Err(type_error(format!(
                "'{}' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
                ctx.type_name()
            ))),
        }
    }

    /// A special method looked up on the type, as CPython's slots are.
    fn special_method(&self, v: &Value, name: &str) -> Option<Value> {
        types().class_of(v).lookup(name)
    }
}
