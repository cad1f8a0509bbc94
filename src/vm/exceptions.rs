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

/// The traceback CPython prints for an uncaught exception, chained exceptions and exception
/// groups included.
pub fn format_exception(vm: &mut Vm, exc: &Value) -> String {
    let mut out = String::new();
    let mut seen = Vec::new();
    let mut ctx = GroupCtx::default();
    format_chain(vm, exc, &mut out, &mut seen, &mut ctx);
    out
}

/// Where the printer is inside exception groups (traceback.py's `_ExceptionPrintContext`).
#[derive(Default)]
struct GroupCtx {
    depth: usize,
    need_close: bool,
}

/// The most sub-exceptions of a group printed, and the deepest nesting (CPython's limits).
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

impl GroupCtx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Appends `text`, each line prefixed with the group margin (`| ` or `+ `) when inside one.
    fn emit(&self, out: &mut String, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }
}

fn format_chain(vm: &mut Vm, exc: &Value, out: &mut String, seen: &mut Vec<usize>, ctx: &mut GroupCtx) {
    if let Some(id) = exc.identity() {
        if seen.contains(&id) {
            return;
        }
        seen.push(id);
    }
    let st = match with_state(exc, |s| s.clone()) {
        Some(s) => s,
        None => {
            ctx.emit(out, &format!("{}\n", exc.type_name()), '|');
            return;
        }
    };
    if !st.cause.is_none() && !st.cause.is_null() {
        format_chain(vm, &st.cause, out, seen, ctx);
        ctx.emit(out, "\nThe above exception was the direct cause of the following exception:\n\n", '|');
    } else if !st.context.is_none() && !st.context.is_null() && !st.suppress_context {
        format_chain(vm, &st.context, out, seen, ctx);
        ctx.emit(out, "\nDuring handling of the above exception, another exception occurred:\n\n", '|');
    }
    let group = super::types::is_exception_group(exc);
    if group && ctx.depth > MAX_GROUP_DEPTH {
        ctx.emit(out, &format!("... (max_group_depth is {})\n", MAX_GROUP_DEPTH), '|');
        return;
    }
    let toplevel = group && ctx.depth == 0;
    if toplevel {
        ctx.depth += 1;
    }
    if !st.traceback.is_empty() {
        let header = if group { "Exception Group Traceback (most recent call last):\n" } else { "Traceback (most recent call last):\n" };
        ctx.emit(out, header, if toplevel { '+' } else { '|' });
        let mut frames = String::new();
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
                repeated(&mut frames, count);
                last = Some(key);
                count = 0;
            }
            count += 1;
            if count > CUTOFF {
                continue;
            }
            frames.push_str(&format!("  File \"{}\", line {}, in {}\n", e.filename, e.line, e.name.as_str()));
            if let Some(src) = vm.interp.source_line(&e.filename, e.line) {
                let t = src.trim();
                if !t.is_empty() {
                    frames.push_str(&format!("    {}\n", t));
                }
            }
        }
        repeated(&mut frames, count);
        ctx.emit(out, &frames, '|');
    }
    let mut tail = last_line(vm, exc);
    tail.push('\n');
    if let Ok(Some(Value::List(notes))) = vm.get_attr_opt(exc, "__notes__") {
        for note in notes.snapshot() {
            if let Value::Str(s) = note {
                tail.push_str(s.as_str());
                tail.push('\n');
            }
        }
    }
    ctx.emit(out, &tail, '|');
    if group {
        let (_, excs) = super::types::group_parts(exc);
        let n = excs.len().min(MAX_GROUP_WIDTH + 1);
        ctx.need_close = false;
        for i in 0..n {
            let last_exc = i == n - 1;
            if last_exc {
                ctx.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated { "...".to_string() } else { (i + 1).to_string() };
            out.push_str(&format!("{}{}+---------------- {} ----------------\n", ctx.indent(), if i == 0 { "+-" } else { "  " }, title));
            ctx.depth += 1;
            if truncated {
                let remaining = excs.len() - MAX_GROUP_WIDTH;
                ctx.emit(out, &format!("and {} more exception{}\n", remaining, if remaining > 1 { "s" } else { "" }), '|');
            } else {
                format_chain(vm, &excs[i], out, seen, ctx);
            }
            if last_exc && ctx.need_close {
                out.push_str(&format!("{}+------------------------------------\n", ctx.indent()));
                ctx.need_close = false;
            }
            ctx.depth -= 1;
        }
    }
    if toplevel {
        ctx.depth = 0;
    }
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
