//! The builtins namespace: functions (`funcs.rs`), constructors of builtin types
//! (`constructors.rs`), and the methods of builtin types (`methods.rs` lists them; `strings.rs`,
//! `collections.rs` and `objects.rs` implement them).

pub mod collections;
mod constructors;
mod funcs;
pub mod methods;
mod objects;
pub mod strings;

use super::args::Args;
use super::exceptions::{type_error, PyResult};
use super::types::{Builtin, Class, TypeKind};
use super::state::Vm;
use super::types::types;
use super::value::Value;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

pub use constructors::{float_from_str, int_from_str};
pub use funcs::{float_value as funcs_float, instance_of, is_callable, length};

/// The builtin named `name` (functions, types, exception classes, constants).
pub fn lookup(name: &str) -> Option<Value> {
    static TABLE: OnceLock<HashMap<&'static str, Value>> = OnceLock::new();
    TABLE.get_or_init(build_table).get(name).cloned()
}

fn build_table() -> HashMap<&'static str, Value> {
    let t = types();
    let mut m: HashMap<&'static str, Value> = HashMap::new();
    for b in funcs::FUNCTIONS {
        m.insert(b.name, Value::Builtin(b));
    }
    let classes: [(&'static str, &Arc<Class>); 18] = [
        ("object", &t.object),
        ("type", &t.type_),
        ("int", &t.int),
        ("bool", &t.bool_),
        ("float", &t.float),
        ("str", &t.str_),
        ("list", &t.list),
        ("tuple", &t.tuple),
        ("dict", &t.dict),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("range", &t.range),
        ("slice", &t.slice),
        ("staticmethod", &t.staticmethod),
        ("classmethod", &t.classmethod),
        ("property", &t.property),
        ("super", &t.super_),
        ("BaseException", &t.base_exception),
    ];
    for (n, c) in classes {
        m.insert(n, Value::Class(c.clone()));
    }
    for n in &t.exception_names {
        m.insert(n, Value::Class(t.exc(n).clone()));
    }
    m.insert("EnvironmentError", Value::Class(t.exc("OSError").clone()));
    m.insert("IOError", Value::Class(t.exc("OSError").clone()));
    m.insert("NotImplemented", Value::NotImplemented);
    m.insert("Ellipsis", Value::Ellipsis);
    m.insert("__debug__", Value::Bool(true));
    m
}

/// Calling a builtin type: `int("3")`, `list(x)`, `dict(a=1)`, ...
pub fn construct_builtin(vm: &mut Vm, cls: &Arc<Class>, args: Args) -> PyResult<Value> {
    let f: fn(&mut Vm, Args) -> PyResult<Value> = match cls.kind {
        TypeKind::Int => constructors::int,
        TypeKind::Bool => constructors::bool_,
        TypeKind::Float => constructors::float,
        TypeKind::Str => constructors::str_,
        TypeKind::List => constructors::list,
        TypeKind::Tuple => constructors::tuple,
        TypeKind::Dict => constructors::dict,
        TypeKind::Set => constructors::set,
        TypeKind::FrozenSet => constructors::frozenset,
        TypeKind::Range => constructors::range,
        TypeKind::Slice => constructors::slice,
        TypeKind::Type => constructors::type_,
        TypeKind::StaticMethod => objects::staticmethod,
        TypeKind::ClassMethod => objects::classmethod,
        TypeKind::Property => objects::property,
        TypeKind::Super => objects::super_,
        TypeKind::Object => objects::object_new,
        _ => return Err(type_error(format!("cannot create '{}' instances", cls.name.as_str()))),
    };
    f(vm, args)
}

/// An integer argument (`'float' object cannot be interpreted as an integer` otherwise).
pub fn arg_int(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(super::exceptions::overflow_error("Python int too large to convert to C ssize_t")),
        _ => Err(type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name()))),
    }
}

/// A float argument from an int or float.
pub fn arg_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::Float(f) => Some(*f),
        Value::BigInt(b) => num_traits::ToPrimitive::to_f64(&**b),
        _ => None,
    }
}

/// Declares a static table of builtins: `builtins![("name", func), ...]`.
#[macro_export]
macro_rules! builtins_table {
    ($($name:literal => $f:path),* $(,)?) => {
        &[$($crate::vm::types::Builtin { name: $name, f: $f }),*]
    };
}

pub(crate) const _USE: Option<&Builtin> = None;

/// Whether `v` is `object.__init__` (which native constructors make redundant).
pub fn is_object_init(v: &Value) -> bool {
    matches!(v, Value::Builtin(b) if b.f as *const () as usize == objects::object_init as *const () as usize)
}
