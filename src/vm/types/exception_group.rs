//! `BaseExceptionGroup` and `ExceptionGroup` (PEP 654), as CPython 3.11's
//! Objects/exceptions.c has them: construction rules, `message`/`exceptions` (the two args),
//! `__str__`, `derive`, `subgroup`, `split`. asyncio's TaskGroup raises them; the traceback
//! printer draws them (`exceptions.rs`). `except*` is not supported.

use crate::builtins_table;
use crate::vm::args::Args;
use crate::vm::exceptions::{exc_args, exc_class, type_error, value_error, with_state, PyResult};
use crate::vm::state::Vm;
use crate::vm::types::{types, Builtin, Class, Instance};
use crate::vm::value::Value;
use std::sync::Arc;

/// Whether `v` is an exception group instance.
pub fn is_exception_group(v: &Value) -> bool {
    exc_class(v).is_some_and(|c| c.is_subclass(types().exc("BaseExceptionGroup")))
}

/// `(message, exceptions)` of a group.
pub fn group_parts(v: &Value) -> (Value, Vec<Value>) {
    let args = exc_args(v);
    let msg = args.first().cloned().unwrap_or(Value::None);
    let excs = match args.get(1) {
        Some(Value::Tuple(t)) => t.items.to_vec(),
        Some(Value::List(l)) => l.snapshot(),
        _ => Vec::new(),
    };
    (msg, excs)
}

/// `BaseExceptionGroup.__new__`: checks the arguments; `BaseExceptionGroup(...)` of plain
/// Exceptions makes an ExceptionGroup, and an ExceptionGroup may not hold BaseExceptions.
pub fn group_new(vm: &mut Vm, cls: &Arc<Class>, args: Args) -> PyResult<Value> {
    let a = args.pos();
    let name = cls.name.as_str();
    if a.len() != 2 {
        return Err(type_error(format!("BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", a.len())));
    }
    if !matches!(a[0], Value::Str(_)) {
        return Err(type_error(format!("BaseExceptionGroup.__new__() argument 1 must be str, not {}", a[0].type_name())));
    }
    let excs = match &a[1] {
        Value::List(_) | Value::Tuple(_) => vm.collect(&a[1])?,
        _ => return Err(type_error("second argument (exceptions) must be a sequence")),
    };
    if excs.is_empty() {
        return Err(value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    for (i, e) in excs.iter().enumerate() {
        if exc_class(e).is_none() {
            return Err(value_error(format!("Item {} of second argument (exceptions) is not an exception", i)));
        }
    }
    let base_group = types().exc("BaseExceptionGroup");
    let exception = types().exc("Exception");
    let all_exceptions = excs.iter().all(|e| exc_class(e).is_some_and(|c| c.is_subclass(exception)));
    let cls = if Arc::ptr_eq(cls, base_group) && all_exceptions {
        types().exc("ExceptionGroup").clone()
    } else {
        if cls.is_subclass(exception) && !all_exceptions {
            let msg = if name == "ExceptionGroup" {
                "Cannot nest BaseExceptions in an ExceptionGroup".to_string()
            } else {
                format!("Cannot nest BaseExceptions in '{}'", name)
            };
            return Err(type_error(msg));
        }
        cls.clone()
    };
    let inst = Value::Instance(Arc::new(Instance::new(cls)));
    // `args` keeps the sequence as given; `.exceptions` is always a tuple.
    with_state(&inst, |st| st.args = Value::tuple(vec![a[0].clone(), a[1].clone()]));
    Ok(inst)
}

/// `__init__` leaves the arguments `__new__` stored (a subclass's `super().__init__(...)`).
fn group_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn group_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("__str__", 1)?;
    let (msg, excs) = group_parts(&a[0]);
    let msg = vm.to_str(&msg)?;
    let n = excs.len();
    Ok(Value::string(format!("{} ({} sub-exception{})", msg.as_str(), n, if n == 1 { "" } else { "s" })))
}

fn group_derive(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("derive", 2)?;
    let (msg, _) = group_parts(&a[0]);
    let cls = Value::Class(types().exc("BaseExceptionGroup").clone());
    vm.call(&cls, &[msg, a[1].clone()])
}

/// A `subgroup`/`split` condition: an exception type, a tuple of them, or a predicate.
fn matches(vm: &mut Vm, cond: &Value, e: &Value) -> PyResult<bool> {
    match cond {
        Value::Class(_) | Value::Tuple(_) => crate::vm::exceptions::exc_matches(e, cond),
        f => {
            let r = vm.call(f, &[e.clone()])?;
            vm.truthy(&r)
        }
    }
}

/// `(matching part, rest)` of `group` under `cond`, each a derived group or None, as CPython
/// splits: nested groups are split recursively and keep their own type and message.
fn split_group(vm: &mut Vm, group: &Value, cond: &Value) -> PyResult<(Value, Value)> {
    if matches(vm, cond, group)? {
        return Ok((group.clone(), Value::None));
    }
    let (_, excs) = group_parts(group);
    let (mut yes, mut no) = (Vec::new(), Vec::new());
    for e in excs {
        if is_exception_group(&e) {
            let (m, r) = split_group(vm, &e, cond)?;
            if !m.is_none() {
                yes.push(m);
            }
            if !r.is_none() {
                no.push(r);
            }
        } else if matches(vm, cond, &e)? {
            yes.push(e);
        } else {
            no.push(e);
        }
    }
    let derive = vm.get_attr(group, &crate::vm::types::intern("derive"))?;
    let part = |vm: &mut Vm, items: Vec<Value>| -> PyResult<Value> {
        if items.is_empty() {
            return Ok(Value::None);
        }
        let g = vm.call(&derive, &[Value::list(items)])?;
        // The parts keep the original's traceback, cause, context and notes.
        if let Some(st) = with_state(group, |st| st.clone()) {
            with_state(&g, |gs| {
                gs.traceback = st.traceback.clone();
                gs.cause = st.cause.clone();
                gs.context = st.context.clone();
                gs.suppress_context = st.suppress_context;
            });
        }
        Ok(g)
    };
    let m = part(vm, yes)?;
    let r = part(vm, no)?;
    Ok((m, r))
}

fn group_subgroup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("subgroup", 2)?;
    Ok(split_group(vm, &a[0], &a[1])?.0)
}

fn group_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("split", 2)?;
    let (m, r) = split_group(vm, &a[0], &a[1])?;
    Ok(Value::tuple(vec![m, r]))
}

pub static EXCEPTION_GROUP_METHODS: &[Builtin] = builtins_table![
    "__init__" => group_init,
    "__str__" => group_str,
    "derive" => group_derive,
    "subgroup" => group_subgroup,
    "split" => group_split,
];
