//! Loading compiled code into a module: constants become values once, names are interned and
//! mapped to the module's global slots.

use super::exceptions::runtime_error;
use super::types::{intern, CodeObj, Module, PyStr};
use super::value::Value;
use super::PyResult;
use crate::lang::bytecode::{Code, Const};
use std::sync::Arc;

pub fn load_code(code: &Arc<Code>, module: &Arc<Module>) -> PyResult<Arc<CodeObj>> {
    let mut consts = Vec::with_capacity(code.consts.len());
    let mut children = Vec::with_capacity(code.consts.len());
    for c in &code.consts {
        match c {
            Const::Code(child) => {
                consts.push(Value::None);
                children.push(Some(load_code(child, module)?));
            }
            other => {
                consts.push(const_value(other));
                children.push(None);
            }
        }
    }
    let names: Vec<_> = code.names.iter().map(|n| intern(n)).collect();
    let mut global_slots = Vec::with_capacity(names.len());
    for n in &names {
        let slot = module.slot_index(n.as_str()).ok_or_else(|| runtime_error("too many global names"))?;
        global_slots.push(slot as u32);
    }
    let attr_hints = names.iter().map(|_| Default::default()).collect();
    Ok(Arc::new(CodeObj {
        attr_hints,
        code: code.clone(),
        consts: consts.into_boxed_slice(),
        children: children.into_boxed_slice(),
        names: names.into_boxed_slice(),
        global_slots: global_slots.into_boxed_slice(),
        name: intern(&code.name),
        qualname: intern(&code.qualname),
        filename: code.filename.as_str().into(),
        simple_call: code.flags == 0
            && !code.has_varargs
            && !code.has_varkw
            && code.kwonlycount == 0
            && code.cellvars.is_empty()
            && code.freevars.is_empty(),
    }))
}

pub fn const_value(c: &Const) -> Value {
    match c {
        Const::None => Value::None,
        Const::Bool(b) => Value::Bool(*b),
        Const::Int(i) => Value::Int(*i),
        Const::BigInt(b) => Value::bigint(b.clone()),
        Const::Float(f) => Value::Float(*f),
        // Short identifier-like strings are interned, as CPython does.
        Const::Str(s) => {
            if s.len() <= 32 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                Value::Str(intern(s))
            } else {
                Value::Str(Arc::new(PyStr::new(s)))
            }
        }
        Const::Bytes(b) => Value::bytes(b.clone()),
        Const::Ellipsis => Value::Ellipsis,
        Const::Tuple(items) => Value::tuple(items.iter().map(const_value).collect()),
        Const::Code(_) => Value::None,
    }
}
