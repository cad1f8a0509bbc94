//! `bytearray`: the payload (bytes under a lock, as a list's items), its mutating methods and
//! method table (the read-only ones are bytes'), its constructor and its item assignment.
//! The lock is held only for Rust-level work: every argument is converted (which may run
//! Python code) before it is taken, so threads sharing a bytearray never race in Rust.

use super::bytes::{byte_of, bytes_like, bytes_source};
use super::slice::{assign_slice, delete_slice, norm_index, position};
use crate::builtins_table;
use crate::vm::args::Args;
use crate::vm::exceptions::{index_error, type_error, value_error, PyResult};
use crate::vm::state::Vm;
use crate::vm::sync::lock;
use crate::vm::types::Builtin;
use crate::vm::value::Value;
use std::sync::{Arc, Mutex, MutexGuard};

pub struct ByteArray {
    data: Mutex<Vec<u8>>,
}

impl ByteArray {
    pub fn new(data: Vec<u8>) -> ByteArray {
        ByteArray { data: Mutex::new(data) }
    }
    #[inline]
    pub fn lock(&self) -> MutexGuard<'_, Vec<u8>> {
        lock(&self.data)
    }
    pub fn snapshot(&self) -> Vec<u8> {
        self.lock().clone()
    }
    pub fn len(&self) -> usize {
        self.lock().len()
    }
}

pub fn bytearray_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = bytes_source(vm, "bytearray", args)?;
    Ok(Value::ByteArray(Arc::new(ByteArray::new(data))))
}

pub static BYTEARRAY_METHODS: &[Builtin] = builtins_table![
    "append" => append,
    "extend" => extend,
    "pop" => pop,
    "insert" => insert,
    "remove" => remove,
    "clear" => clear,
    "copy" => copy,
    "reverse" => reverse,
    "__setitem__" => dunder_setitem,
    "__delitem__" => dunder_delitem,
];

fn dunder_setitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, rest) = this(&a)?;
    let p = rest.exact("__setitem__", 2)?;
    bytearray_setitem(vm, b, &p[0], p[1].clone())?;
    Ok(Value::None)
}

fn dunder_delitem(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, rest) = this(&a)?;
    let p = rest.exact("__delitem__", 1)?;
    bytearray_delitem(b, &p[0])?;
    Ok(Value::None)
}

fn this<'a>(a: &Args<'a>) -> PyResult<(&'a Arc<ByteArray>, Args<'a>)> {
    let (s, rest) = a.split_self();
    match s {
        Value::ByteArray(b) => Ok((b, rest)),
        other => Err(type_error(format!("descriptor requires a 'bytearray' object but received a '{}'", other.type_name()))),
    }
}

/// The bytes an iterable or bytes-like value stands for (`extend`, slice assignment, `+=`).
pub fn iterable_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(v) {
        return Ok(b.into_owned());
    }
    let items = vm.collect(v).map_err(|_| type_error(format!("can't extend bytearray with {}", v.type_name())))?;
    items.iter().map(byte_of).collect()
}

fn append(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, rest) = this(&a)?;
    let p = rest.exact("append", 1)?;
    let c = byte_of(&p[0])?;
    b.lock().push(c);
    Ok(Value::None)
}

fn extend(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, rest) = this(&a)?;
    let p = rest.exact("extend", 1)?;
    let more = iterable_bytes(vm, &p[0])?;
    b.lock().extend_from_slice(&more);
    Ok(Value::None)
}

fn pop(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, rest) = this(&a)?;
    let p = rest.range("pop", 0, 1)?;
    let i = match p.first() {
        Some(v) => crate::vm::args::arg_int(v)?,
        None => -1,
    };
    let mut data = b.lock();
    if data.is_empty() {
        return Err(index_error("pop from empty bytearray"));
    }
    match norm_index(i, data.len()) {
        Some(j) => Ok(Value::Int(data.remove(j) as i64)),
        None => Err(index_error("pop index out of range")),
    }
}

fn insert(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, rest) = this(&a)?;
    let p = rest.exact("insert", 2)?;
    let i = crate::vm::args::arg_int(&p[0])?;
    let c = byte_of(&p[1])?;
    let mut data = b.lock();
    let j = super::clamp_index(i, data.len());
    data.insert(j, c);
    Ok(Value::None)
}

fn remove(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, rest) = this(&a)?;
    let p = rest.exact("remove", 1)?;
    let c = byte_of(&p[0])?;
    let mut data = b.lock();
    match data.iter().position(|&x| x == c) {
        Some(i) => {
            data.remove(i);
            Ok(Value::None)
        }
        None => Err(value_error("value not found in bytearray")),
    }
}

fn clear(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, rest) = this(&a)?;
    rest.exact("clear", 0)?;
    b.lock().clear();
    Ok(Value::None)
}

fn copy(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, rest) = this(&a)?;
    rest.exact("copy", 0)?;
    Ok(Value::ByteArray(Arc::new(ByteArray::new(b.snapshot()))))
}

fn reverse(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, rest) = this(&a)?;
    rest.exact("reverse", 0)?;
    b.lock().reverse();
    Ok(Value::None)
}

/// `ba[idx] = v`.
pub fn bytearray_setitem(vm: &mut Vm, b: &ByteArray, idx: &Value, v: Value) -> PyResult<()> {
    match idx {
        Value::Slice(s) => {
            let new = match &v {
                Value::Int(_) | Value::Bool(_) | Value::Str(_) => {
                    return Err(type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"))
                }
                _ => iterable_bytes(vm, &v)?,
            };
            assign_slice(&mut b.lock(), s, new, "bytes")
        }
        _ => {
            let c = byte_of(&v)?;
            let mut data = b.lock();
            let j = position(idx, data.len(), "bytearray", "bytearray index out of range")?;
            data[j] = c;
            Ok(())
        }
    }
}

/// `del ba[idx]`.
pub fn bytearray_delitem(b: &ByteArray, idx: &Value) -> PyResult<()> {
    let mut data = b.lock();
    match idx {
        Value::Slice(s) => delete_slice(&mut data, s),
        _ => {
            let j = position(idx, data.len(), "bytearray", "bytearray index out of range")?;
            data.remove(j);
            Ok(())
        }
    }
}

/// `ba += x` (in place), `ba *= n`.
pub fn bytearray_inplace(vm: &mut Vm, b: &ByteArray, kind: crate::lang::bytecode::BinKind, other: &Value) -> PyResult<bool> {
    use crate::lang::bytecode::BinKind;
    match kind {
        BinKind::Add => {
            let more = match bytes_like(other) {
                Some(x) => x.into_owned(),
                None => return Err(type_error(format!("can't concat {} to bytearray", other.type_name()))),
            };
            b.lock().extend_from_slice(&more);
            Ok(true)
        }
        BinKind::Mul => match crate::vm::ops::repeat_count(other) {
            Some(n) => {
                let cur = b.snapshot();
                let new = crate::vm::ops::repeat(&cur, n)?;
                *b.lock() = new;
                let _ = vm;
                Ok(true)
            }
            None => Ok(false),
        },
        _ => Ok(false),
    }
}

/// The `bytearray` class: its own mutating methods plus every read-only one of `bytes`.
pub fn bytearray_class(bases: &[Arc<crate::vm::types::Class>]) -> Arc<crate::vm::types::Class> {
    let mut extra: Vec<(&'static str, Value)> = super::bytes::BYTES_METHODS.iter().map(|m| (m.name, Value::Builtin(m))).collect();
    extra.extend(super::bytes::class_extras());
    super::registry::make_class_with("builtins", "bytearray", bases, crate::vm::types::TypeKind::ByteArray, BYTEARRAY_METHODS, extra, None)
}
