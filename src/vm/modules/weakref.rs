//! `_weakref`: weak references (`weakref.ref`), as `Weak` pointers to the referent's heap
//! object, for the values CPython lets one refer to weakly (instances of Python classes,
//! functions, classes, sets). `weakref.py` builds the weak dictionaries on it. Callbacks are not
//! supported: an object's death is not reported to the VM, only seen when a reference is read.

use crate::builtins_table;
use crate::vm::args::Args;
use crate::vm::convert::addr;
use crate::vm::exceptions::{not_implemented, type_error, PyResult};
use crate::vm::state::Vm;
use crate::vm::types::{make_class_in, types, Builtin, Class, Function, Instance, Set, TypeKind};
use crate::vm::value::Value;
use std::sync::{Arc, OnceLock, Weak};

enum Target {
    Instance(Weak<Instance>),
    Function(Weak<Function>),
    Class(Weak<Class>),
    Set(Weak<Set>),
}

impl Target {
    fn of(v: &Value) -> Option<Target> {
        Some(match v {
            Value::Instance(i) => Target::Instance(Arc::downgrade(i)),
            Value::Function(f) => Target::Function(Arc::downgrade(f)),
            Value::Class(c) => Target::Class(Arc::downgrade(c)),
            Value::Set(s) => Target::Set(Arc::downgrade(s)),
            _ => return None,
        })
    }
    fn get(&self) -> Option<Value> {
        Some(match self {
            Target::Instance(w) => Value::Instance(w.upgrade()?),
            Target::Function(w) => Value::Function(w.upgrade()?),
            Target::Class(w) => Value::Class(w.upgrade()?),
            Target::Set(w) => Value::Set(w.upgrade()?),
        })
    }
}

static FUNCS: &[Builtin] = builtins_table![
    "getweakrefcount" => getweakrefcount,
];

static REF_METHODS: &[Builtin] = builtins_table![
    "__call__" => ref_call,
    "__repr__" => ref_repr,
];

fn ref_class() -> &'static Arc<Class> {
    static CLS: OnceLock<Arc<Class>> = OnceLock::new();
    CLS.get_or_init(|| make_class_in("weakref", "ReferenceType", &[types().object.clone()], TypeKind::Native, REF_METHODS, Some(ref_new)))
}

pub fn create(_vm: &mut Vm) -> PyResult<Value> {
    let mut attrs: Vec<(&str, Value)> = FUNCS.iter().map(|b| (b.name, Value::Builtin(b))).collect();
    attrs.push(("ref", Value::Class(ref_class().clone())));
    attrs.push(("ReferenceType", Value::Class(ref_class().clone())));
    Ok(super::native_module("_weakref", attrs))
}

fn ref_new(_vm: &mut Vm, cls: &Arc<Class>, args: Args) -> PyResult<Value> {
    args.only_kwargs("ref", &[])?;
    let p = args.range("ref", 1, 2)?;
    if p.get(1).map_or(false, |c| !c.is_none()) {
        return Err(not_implemented("weakref callbacks are not supported by threadlab (objects do not report their death)"));
    }
    let target = Target::of(&p[0]).ok_or_else(|| type_error(format!("cannot create weak reference to '{}' object", p[0].type_name())))?;
    Ok(Value::Instance(Arc::new(Instance::with_payload(cls.clone(), Box::new(target)))))
}

fn target(v: &Value) -> PyResult<&Target> {
    match v {
        Value::Instance(i) => i.payload::<Target>().ok_or_else(|| type_error("descriptor requires a 'weakref.ReferenceType' object")),
        _ => Err(type_error("descriptor requires a 'weakref.ReferenceType' object")),
    }
}

fn ref_call(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, rest) = args.split_self();
    rest.exact("weakref", 0)?;
    Ok(target(this)?.get().unwrap_or(Value::None))
}

fn ref_repr(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = &args.all[0];
    Ok(Value::string(match target(this)?.get() {
        Some(obj) => format!("<weakref at {}; to '{}' at {}>", addr(this), obj.type_name(), addr(&obj)),
        None => format!("<weakref at {}; dead>", addr(this)),
    }))
}

/// `getweakrefcount(obj)`: how many weak references to `obj` exist.
fn getweakrefcount(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = args.exact("getweakrefcount", 1)?;
    Ok(Value::Int(match &p[0] {
        Value::Instance(i) => Arc::weak_count(i),
        Value::Function(f) => Arc::weak_count(f),
        Value::Class(c) => Arc::weak_count(c),
        Value::Set(s) => Arc::weak_count(s),
        _ => 0,
    } as i64))
}
