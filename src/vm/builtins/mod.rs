//! The `builtins` namespace: the builtin functions (`funcs.rs`), the builtin classes and the
//! constants. A leaf: nothing in the VM imports from here; a module is handed this table when
//! it is made.

mod funcs;

use super::types::{types, Builtins, Class};
use super::value::Value;
use std::sync::{Arc, OnceLock};

/// The namespace: functions, types, exception classes, constants by name.
pub fn namespace() -> &'static Builtins {
    static TABLE: OnceLock<Builtins> = OnceLock::new();
    TABLE.get_or_init(build_table)
}

fn build_table() -> Builtins {
    let t = types();
    let mut m = Builtins::new();
    for b in funcs::FUNCTIONS {
        m.insert(b.name, Value::Builtin(b));
    }
    let classes: [(&'static str, &Arc<Class>); 20] = [
        ("object", &t.object),
        ("type", &t.type_),
        ("int", &t.int),
        ("bool", &t.bool_),
        ("float", &t.float),
        ("str", &t.str_),
        ("bytes", &t.bytes),
        ("bytearray", &t.bytearray),
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
