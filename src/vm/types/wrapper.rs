//! `staticmethod`, `classmethod`, `property` and `super`: the wrapper payload, the
//! constructors, property's methods and method table.

use crate::builtins_table;
use crate::vm::PyResult;
use crate::vm::args::Args;
use crate::vm::exceptions::type_error;
use crate::vm::state::Vm;
use crate::vm::types::Builtin;
use crate::vm::types::class::Class;
use crate::vm::value::Value;
use std::sync::Arc;

pub enum Wrapper {
    StaticMethod(Value),
    ClassMethod(Value),
    Property { fget: Value, fset: Value, fdel: Value, doc: Value },
    /// `super()` bound to a class (search starts after it in the MRO of `obj`'s type) and object.
    Super { class: Arc<Class>, obj: Value },
}

pub fn staticmethod_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("staticmethod", 1)?;
    Ok(Value::Wrapper(Arc::new(Wrapper::StaticMethod(a[0].clone()))))
}

pub fn classmethod_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("classmethod", 1)?;
    Ok(Value::Wrapper(Arc::new(Wrapper::ClassMethod(a[0].clone()))))
}

pub fn property_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.only_kwargs("property", &["fget", "fset", "fdel", "doc"])?;
    let get = |i: usize, n: &str| args.arg(i, n).cloned().unwrap_or(Value::None);
    Ok(Value::Wrapper(Arc::new(Wrapper::Property { fget: get(0, "fget"), fset: get(1, "fset"), fdel: get(2, "fdel"), doc: get(3, "doc") })))
}

fn property_parts(v: &Value) -> PyResult<(Value, Value, Value, Value)> {
    match v {
        Value::Wrapper(w) => match &**w {
            Wrapper::Property { fget, fset, fdel, doc } => Ok((fget.clone(), fset.clone(), fdel.clone(), doc.clone())),
            _ => Err(type_error("descriptor requires a 'property' object")),
        },
        _ => Err(type_error("descriptor requires a 'property' object")),
    }
}

pub fn property_setter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("setter", 2)?;
    let (fget, _, fdel, doc) = property_parts(&a[0])?;
    Ok(Value::Wrapper(Arc::new(Wrapper::Property { fget, fset: a[1].clone(), fdel, doc })))
}

pub fn property_getter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("getter", 2)?;
    let (_, fset, fdel, doc) = property_parts(&a[0])?;
    Ok(Value::Wrapper(Arc::new(Wrapper::Property { fget: a[1].clone(), fset, fdel, doc })))
}

pub fn property_deleter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("deleter", 2)?;
    let (fget, fset, _, doc) = property_parts(&a[0])?;
    Ok(Value::Wrapper(Arc::new(Wrapper::Property { fget, fset, fdel: a[1].clone(), doc })))
}

pub fn super_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.range("super", 0, 2)?;
    match a.len() {
        0 => vm.zero_arg_super(),
        2 => match &a[0] {
            Value::Class(c) => Ok(Value::Wrapper(Arc::new(Wrapper::Super { class: c.clone(), obj: a[1].clone() }))),
            _ => Err(type_error("super() argument 1 must be a type")),
        },
        _ => Err(crate::vm::exceptions::not_implemented("super() with one argument is not supported by threadlab")),
    }
}

pub static PROPERTY_METHODS: &[Builtin] = builtins_table![
    "setter" => property_setter,
    "getter" => property_getter,
    "deleter" => property_deleter,
];
