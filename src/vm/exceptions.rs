//! Raising, matching and printing exceptions.
//!
//! An exception is an `Instance` of a class deriving from BaseException; its `ExcState` holds
//! `args`, the traceback collected while unwinding, and `__cause__`/`__context__`.

use super::types::{Class, ExcState, Instance};
use super::state::Vm;
use super::types::types;
use super::value::Value;
use crate::runtime::Interrupt;
use std::sync::Arc;

/// Why the interpreter is unwinding a Python thread.
#[derive(Clone, Debug)]
pub enum Unwind {
    /// A Python exception (an exception instance).
    Exception(Value),
    /// Stop or Shutdown from the runtime: not catchable by Python code.
    Interrupt(Interrupt),
}

pub type PyResult<T> = Result<T, Unwind>;

/// A new instance of exception class `cls` with `args`.
pub fn new_exception(cls: &Arc<Class>, args: Vec<Value>) -> Value {
    let inst = Instance::new(cls.clone());
    if let Some(mut st) = inst.exc_state() {
        st.args = Value::tuple(args);
    }
    Value::Instance(Arc::new(inst))
}

/// An `Unwind` for builtin exception `kind` with a message.
pub fn error(kind: &str, msg: impl Into<String>) -> Unwind {
    Unwind::Exception(new_exception(types().exc(kind), vec![Value::string(msg.into())]))
}

pub fn type_error(msg: impl Into<String>) -> Unwind {
    error("TypeError", msg)
}
pub fn value_error(msg: impl Into<String>) -> Unwind {
    error("ValueError", msg)
}
pub fn index_error(msg: impl Into<String>) -> Unwind {
    error("IndexError", msg)
}
pub fn attribute_error(msg: impl Into<String>) -> Unwind {
    error("AttributeError", msg)
}
pub fn name_error(name: &str) -> Unwind {
    error("NameError", format!("name '{}' is not defined", name))
}
pub fn runtime_error(msg: impl Into<String>) -> Unwind {
    error("RuntimeError", msg)
}
pub fn overflow_error(msg: impl Into<String>) -> Unwind {
    error("OverflowError", msg)
}
pub fn zero_division(msg: impl Into<String>) -> Unwind {
    error("ZeroDivisionError", msg)
}
pub fn not_implemented(msg: impl Into<String>) -> Unwind {
    error("NotImplementedError", msg)
}
pub fn key_error(key: Value) -> Unwind {
    Unwind::Exception(new_exception(types().exc("KeyError"), vec![key]))
}
pub fn stop_iteration() -> Unwind {
    Unwind::Exception(new_exception(types().exc("StopIteration"), vec![]))
}

/// The class of an exception value.
pub fn exc_class(exc: &Value) -> Option<&Arc<Class>> {
    match exc {
        Value::Instance(i) if i.exc.is_some() => Some(&i.class),
        _ => None,
    }
}

/// Whether `err` is a Python exception of builtin class `kind` (or a subclass).
pub fn is_exc(err: &Unwind, kind: &str) -> bool {
    match err {
        Unwind::Exception(e) => exc_class(e).map_or(false, |c| c.is_subclass(types().exc(kind))),
        Unwind::Interrupt(_) => false,
    }
}

/// `except typ:` — `typ` is a class or a tuple of classes.
pub fn exc_matches(exc: &Value, typ: &Value) -> Result<bool, Unwind> {
    let cls = match exc_class(exc) {
        Some(c) => c,
        None => return Ok(false),
    };
    match typ {
        Value::Class(t) if t.is_exception() => Ok(cls.is_subclass(t)),
        Value::Tuple(items) => {
            for t in items.items.iter() {
                if exc_matches(exc, t)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(type_error("catching classes that do not inherit from BaseException is not allowed")),
    }
}

/// The exception's `args` tuple items.
pub fn exc_args(exc: &Value) -> Vec<Value> {
    match exc {
        Value::Instance(i) => match i.exc_state() {
            Some(st) => match &st.args {
                Value::Tuple(t) => t.items.to_vec(),
                _ => Vec::new(),
            },
            None => Vec::new(),
        },
        _ => Vec::new(),
    }
}

pub fn with_state<R>(exc: &Value, f: impl FnOnce(&mut ExcState) -> R) -> Option<R> {
    match exc {
        Value::Instance(i) => i.exc_state().map(|mut st| f(&mut st)),
        _ => None,
    }
}

/// The name CPython prints for an exception class in a traceback: `ValueError`, `MyError`,
/// or `module.MyError` for classes of other modules.
pub fn qualified_class_name(cls: &Class) -> String {
    if cls.module.as_str() == "builtins" || cls.module.as_str() == "__main__" {
        cls.qualname.as_str().to_string()
    } else {
        format!("{}.{}", cls.module.as_str(), cls.qualname.as_str())
    }
}

/// `str(exc)`, never failing (as the traceback printer needs).
pub fn exc_message(vm: &mut Vm, exc: &Value) -> String {
    match vm.to_str(exc) {
        Ok(s) => s.as_str().to_string(),
        Err(_) => "<exception str() failed>".to_string(),
    }
}

/// The traceback CPython prints for an uncaught exception, chained exceptions included.
pub fn format_exception(vm: &mut Vm, exc: &Value) -> String {
    let mut out = String::new();
    let mut seen = Vec::new();
    format_chain(vm, exc, &mut out, &mut seen);
    out
}

fn format_chain(vm: &mut Vm, exc: &Value, out: &mut String, seen: &mut Vec<usize>) {
    if let Some(id) = exc.identity() {
        if seen.contains(&id) {
            return;
        }
        seen.push(id);
    }
    let st = match with_state(exc, |s| s.clone()) {
        Some(s) => s,
        None => {
            out.push_str(&format!("{}\n", exc.type_name()));
            return;
        }
    };
    if !st.cause.is_none() && !st.cause.is_null() {
        format_chain(vm, &st.cause, out, seen);
        out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
    } else if !st.context.is_none() && !st.context.is_null() && !st.suppress_context {
        format_chain(vm, &st.context, out, seen);
        out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    if !st.traceback.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        // Runs of the same line (recursion) collapse after three, as CPython prints them.
        const CUTOFF: usize = 3;
        let mut last: Option<(&str, u32, &str)> = None;
        let mut count = 0usize;
        let repeated = |out: &mut String, count: usize| {
            if count > CUTOFF {
                let n = count - CUTOFF;
                out.push_str(&format!("  [Previous line repeated {} more time{}]\n", n, if n > 1 { "s" } else { "" }));
            }
        };
        for e in st.traceback.iter().rev() {
            let key = (&*e.filename, e.line, e.name.as_str());
            if last != Some(key) {
                repeated(out, count);
                last = Some(key);
                count = 0;
            }
            count += 1;
            if count > CUTOFF {
                continue;
            }
            out.push_str(&format!("  File \"{}\", line {}, in {}\n", e.filename, e.line, e.name.as_str()));
            if let Some(src) = vm.interp.source_line(&e.filename, e.line) {
                let t = src.trim();
                if !t.is_empty() {
                    out.push_str(&format!("    {}\n", t));
                }
            }
        }
        repeated(out, count);
    }
    out.push_str(&last_line(vm, exc));
    out.push('\n');
}

/// `ValueError: message` (or just the class name when the message is empty).
pub fn last_line(vm: &mut Vm, exc: &Value) -> String {
    let cls = exc_class(exc).map(|c| qualified_class_name(c)).unwrap_or_else(|| exc.type_name());
    let msg = exc_message(vm, exc);
    if msg.is_empty() {
        cls
    } else {
        format!("{}: {}", cls, msg)
    }
}
