//! `object`: the methods every class inherits, and its constructor.

use crate::builtins_table;
use crate::vm::args::Args;
use crate::vm::exceptions::{type_error, PyResult};
use crate::vm::state::Vm;
use crate::vm::types::{intern, types, Builtin};
use crate::vm::value::Value;
use std::sync::Arc;

pub fn object_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.all.len() > 0 {
        return Err(type_error("object() takes no arguments"));
    }
    Ok(Value::Instance(Arc::new(crate::vm::types::Instance::new(types().object.clone()))))
}

pub fn object_init(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, rest) = args.split_object();
    if rest.all.len() > 0 {
        if let Value::Instance(i) = this {
            // object.__init__ complains only when the class did not override __init__.
            if !matches!(i.class.lookup("__init__"), Some(Value::Function(_))) {
                return Err(type_error(format!("{}() takes no arguments", i.class.name.as_str())));
            }
            return Err(type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
        }
    }
    Ok(Value::None)
}

pub fn object_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, _) = args.split_object();
    let this = this.clone();
    // object.__str__ is repr(), which finds a user __repr__.
    Ok(Value::string(vm.repr(&this)?))
}

pub fn object_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, _) = args.split_object();
    let this = this.clone();
    Ok(Value::string(vm.default_repr(&this)?))
}

pub fn object_eq(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.pos();
    if a.len() != 2 {
        return Err(type_error("expected 1 argument"));
    }
    Ok(if a[0].is(&a[1]) { Value::Bool(true) } else { Value::NotImplemented })
}

pub fn object_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.pos();
    if a.len() != 2 {
        return Err(type_error("expected 1 argument"));
    }
    let r = crate::vm::ops::compare(vm, &a[0], &a[1], crate::lang::bytecode::CmpKind::Eq)?;
    Ok(Value::Bool(!vm.truthy(&r)?))
}

pub fn object_hash(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(crate::vm::types::py_hash(&args.pos()[0])))
}

pub fn object_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("__setattr__", 3)?;
    let name = match &a[1] {
        Value::Str(s) => intern(s.as_str()),
        _ => return Err(type_error("attribute name must be string")),
    };
    match &a[0] {
        Value::Instance(i) => {
            i.dict().set(name, a[2].clone());
            Ok(Value::None)
        }
        other => {
            let other = other.clone();
            vm.set_attr(&other, &name, a[2].clone())?;
            Ok(Value::None)
        }
    }
}

pub fn object_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("__getattribute__", 2)?;
    let name = match &a[1] {
        Value::Str(s) => intern(s.as_str()),
        _ => return Err(type_error("attribute name must be string")),
    };
    vm.generic_getattr(&a[0], &name)
}

pub fn object_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("__delattr__", 2)?;
    let name = match &a[1] {
        Value::Str(s) => intern(s.as_str()),
        _ => return Err(type_error("attribute name must be string")),
    };
    vm.generic_delattr(&a[0], &name)?;
    Ok(Value::None)
}

/// `object.__new__(cls)`: a bare instance of a Python class (for a Python `__new__`).
pub fn object_dunder_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.pos().first() {
        Some(Value::Class(c)) => c.clone(),
        Some(other) => return Err(type_error(format!("object.__new__(X): X is not a type object ({})", other.type_name()))),
        None => return Err(type_error("object.__new__(): not enough arguments")),
    };
    if cls.kind != crate::vm::types::TypeKind::Object || cls.find_native_new().is_some() {
        return Err(type_error(format!("object.__new__({}) is not safe, use {}.__new__()", cls.name.as_str(), cls.name.as_str())));
    }
    if args.all.len() > 1 && !cls.has_python_new() && !matches!(cls.lookup("__init__"), Some(Value::Function(_))) {
        return Err(type_error(format!("{}() takes no arguments", cls.name.as_str())));
    }
    Ok(Value::Instance(Arc::new(crate::vm::types::Instance::new(cls))))
}

pub static OBJECT_DUNDER_NEW: Builtin = Builtin { name: "__new__", f: object_dunder_new };

pub static OBJECT_METHODS: &[Builtin] = builtins_table![
    "__init__" => object_init,
    "__str__" => object_str,
    "__repr__" => object_repr,
    "__eq__" => object_eq,
    "__ne__" => object_ne,
    "__hash__" => object_hash,
    "__setattr__" => object_setattr,
    "__getattribute__" => object_getattribute,
    "__delattr__" => object_delattr,
];

/// Whether `v` is `object.__init__` (which native constructors make redundant).
pub fn is_object_init(v: &Value) -> bool {
    matches!(v, Value::Builtin(b) if b.f as *const () as usize == object_init as *const () as usize)
}
