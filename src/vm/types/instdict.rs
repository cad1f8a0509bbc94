//! `obj.__dict__` and `vars(obj)` of an instance: a dict (a dict subclass, printed and
//! iterated as the dict it is) holding the instance's attributes when it was asked for, whose
//! changes (`obj.__dict__.update(kw)`, `vars(obj)['x'] = 1`, `del`) go to the instance too.
//! Instance attributes live in an `AttrMap` (fast, interned names), not in a dict, so this is
//! a snapshot that writes through; a change made to the instance afterwards is not seen by a
//! `__dict__` taken before it.

use crate::builtins_table;
use crate::vm::args::Args;
use crate::vm::exceptions::{key_error, type_error, PyResult};
use crate::vm::ops;
use crate::vm::state::Vm;
use crate::vm::types::{dict_from_attrs, intern, make_class_in, types, Class, Instance, TypeKind};
use crate::vm::value::Value;
use std::sync::{Arc, OnceLock};

/// Where the proxy keeps its instance (not an identifier, so no attribute can clash).
const OWNER: &str = "<owner>";

fn class() -> &'static Arc<Class> {
    static CLS: OnceLock<Arc<Class>> = OnceLock::new();
    CLS.get_or_init(|| make_class_in("builtins", "dict", &[types().dict.clone()], TypeKind::Dict, METHODS, None))
}

/// The `__dict__` of instance `obj`.
pub fn instance_dict(obj: &Value) -> Value {
    let Value::Instance(inst) = obj else { return dict_from_attrs(Vec::new()) };
    let snapshot = dict_from_attrs(inst.dict().entries.clone());
    let proxy = Instance::with_payload(class().clone(), Box::new(snapshot));
    proxy.dict().set(intern(OWNER), obj.clone());
    Value::Instance(Arc::new(proxy))
}

/// (the instance, the snapshot dict, the rest of the arguments).
fn parts<'a>(args: &Args<'a>) -> PyResult<(Value, Value, Args<'a>)> {
    let (snapshot, rest) = args.split_self();
    let owner = match args.all.first() {
        Some(Value::Instance(p)) => p.dict().get(OWNER).cloned(),
        _ => None,
    };
    match owner {
        Some(o) => Ok((o, snapshot.clone(), rest)),
        None => Err(type_error("descriptor requires an instance __dict__")),
    }
}

fn attr_name(k: &Value) -> PyResult<crate::vm::value::Str> {
    match k {
        Value::Str(s) => Ok(intern(s.as_str())),
        other => Err(type_error(format!("attribute name must be string, not '{}'", other.type_name()))),
    }
}

fn set(vm: &mut Vm, owner: &Value, snapshot: &Value, k: &Value, v: Value) -> PyResult<()> {
    let name = attr_name(k)?;
    if let Value::Instance(i) = owner {
        i.dict().set(name, v.clone());
    }
    ops::setitem(vm, snapshot, k, v)
}

fn setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (owner, snapshot, rest) = parts(&args)?;
    let p = rest.exact("__setitem__", 2)?;
    set(vm, &owner, &snapshot, &p[0], p[1].clone())?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, owner: &Value, snapshot: &Value, k: &Value) -> PyResult<Option<Value>> {
    let name = attr_name(k)?;
    let old = match owner {
        Value::Instance(i) => i.dict().remove(name.as_str()),
        _ => None,
    };
    if old.is_some() {
        let _ = ops::delitem(vm, snapshot, k);
    }
    Ok(old)
}

fn delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (owner, snapshot, rest) = parts(&args)?;
    let p = rest.exact("__delitem__", 1)?;
    match remove(vm, &owner, &snapshot, &p[0])? {
        Some(_) => Ok(Value::None),
        None => Err(key_error(p[0].clone())),
    }
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (owner, snapshot, rest) = parts(&args)?;
    let p = rest.range("pop", 1, 2)?;
    match remove(vm, &owner, &snapshot, &p[0])? {
        Some(v) => Ok(v),
        None => p.get(1).cloned().ok_or_else(|| key_error(p[0].clone())),
    }
}

fn setdefault(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (owner, snapshot, rest) = parts(&args)?;
    let p = rest.range("setdefault", 1, 2)?;
    let name = attr_name(&p[0])?;
    let existing = match &owner {
        Value::Instance(i) => i.dict().get(name.as_str()).cloned(),
        _ => None,
    };
    match existing {
        Some(v) => Ok(v),
        None => {
            let v = p.get(1).cloned().unwrap_or(Value::None);
            set(vm, &owner, &snapshot, &p[0], v.clone())?;
            Ok(v)
        }
    }
}

fn update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (owner, snapshot, rest) = parts(&args)?;
    let fresh = vm.call_args(&Value::Class(types().dict.clone()), rest)?;
    let items = match &fresh {
        Value::Dict(d) => d.lock().items(),
        _ => Vec::new(),
    };
    for (k, v) in items {
        set(vm, &owner, &snapshot, &k, v)?;
    }
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (owner, snapshot, _) = parts(&args)?;
    if let Value::Instance(i) = &owner {
        i.dict().entries.clear();
    }
    if let Value::Dict(d) = &snapshot {
        let old = std::mem::take(&mut *d.lock());
        drop(old);
    }
    let _ = vm;
    Ok(Value::None)
}

static METHODS: &[crate::vm::types::Builtin] = builtins_table![
    "__setitem__" => setitem,
    "__delitem__" => delitem,
    "pop" => pop,
    "setdefault" => setdefault,
    "update" => update,
    "clear" => clear,
];
