//! Calling builtin types: int(), float(), str(), list(), dict(), range(), type(), ...

use super::arg_int;
use crate::vm::args::Args;
use crate::vm::convert::str_repr;
use crate::vm::exceptions::{error, type_error, value_error, PyResult};
use crate::vm::types::{Dict, DictMap, Range, Slice};
use crate::vm::ops::hash_key;
use crate::vm::state::Vm;
use crate::vm::types::types;
use crate::vm::value::Value;
use num_bigint::BigInt;
use num_traits::Num;
use std::sync::Arc;

/// Parses an int literal as `int(s, base)` does; None if invalid.
pub fn int_from_str(s: &str, base: u32) -> Option<Value> {
    let t = s.trim();
    let (neg, mut digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let mut base = base;
    let lower = digits.to_ascii_lowercase();
    let prefixed = |p: &str| lower.starts_with(p);
    if base == 0 {
        if prefixed("0x") {
            base = 16;
            digits = &digits[2..];
        } else if prefixed("0o") {
            base = 8;
            digits = &digits[2..];
        } else if prefixed("0b") {
            base = 2;
            digits = &digits[2..];
        } else {
            base = 10;
            if digits.len() > 1 && digits.bytes().all(|b| b == b'0' || b == b'_') && digits.starts_with('0') {
                // "00" is fine.
            } else if digits.starts_with('0') && digits.len() > 1 {
                return None;
            }
        }
    } else if (base == 16 && prefixed("0x")) || (base == 8 && prefixed("0o")) || (base == 2 && prefixed("0b")) {
        digits = &digits[2..];
        if let Some(stripped) = digits.strip_prefix('_') {
            digits = stripped;
        }
    }
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return None;
    }
    let clean: String = digits.chars().filter(|c| *c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(base)) {
        return None;
    }
    let v = if clean.len() < 18 && base == 10 {
        let n: i64 = clean.parse().ok()?;
        Value::Int(if neg { -n } else { n })
    } else {
        let b = BigInt::from_str_radix(&clean, base).ok()?;
        Value::bigint(if neg { -b } else { b })
    };
    Some(v)
}

/// Parses a float literal as `float(s)` does.
pub fn float_from_str(s: &str) -> Option<f64> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let (sign, body) = match lower.as_bytes().first() {
        Some(b'-') => (-1.0, &lower[1..]),
        Some(b'+') => (1.0, &lower[1..]),
        _ => (1.0, &lower[..]),
    };
    match body {
        "inf" | "infinity" => return Some(sign * f64::INFINITY),
        "nan" => return Some(f64::NAN),
        _ => {}
    }
    if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
        return None;
    }
    if !body.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | '+' | '-' | '_')) {
        return None;
    }
    let clean: String = body.chars().filter(|c| *c != '_').collect();
    clean.parse::<f64>().ok().map(|f| sign * f)
}

pub fn int(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.only_kwargs("int", &["base"])?;
    let pos = args.pos();
    if pos.len() > 2 {
        return Err(type_error(format!("int() takes at most 2 arguments ({} given)", pos.len())));
    }
    let base = match pos.get(1).or_else(|| args.kw("base")) {
        Some(b) => {
            let b = arg_int(b)?;
            if b != 0 && !(2..=36).contains(&b) {
                return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            Some(b as u32)
        }
        None => None,
    };
    let x = match pos.first() {
        Some(x) => x,
        None => {
            if base.is_some() {
                return Err(type_error("int() missing string argument"));
            }
            return Ok(Value::Int(0));
        }
    };
    if let Some(b) = base {
        return match x {
            Value::Str(s) => int_from_str(s.as_str(), b).ok_or_else(|| {
                value_error(format!("invalid literal for int() with base {}: {}", b, str_repr(s.as_str())))
            }),
            _ => Err(type_error("int() can't convert non-string with explicit base")),
        };
    }
    match x {
        Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => {
            if f.is_nan() {
                return Err(value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(error("OverflowError", "cannot convert float infinity to integer"));
            }
            let t = f.trunc();
            if t.abs() < 9.2e18 {
                Ok(Value::Int(t as i64))
            } else {
                Ok(Value::bigint(num_traits::FromPrimitive::from_f64(t).unwrap_or_default()))
            }
        }
        Value::Str(s) => int_from_str(s.as_str(), 10)
            .ok_or_else(|| value_error(format!("invalid literal for int() with base 10: {}", str_repr(s.as_str())))),
        Value::Instance(i) => {
            for name in ["__int__", "__index__", "__trunc__"] {
                if let Some(m) = i.class.lookup(name) {
                    return vm.call(&m, &[x.clone()]);
                }
            }
            Err(type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                x.type_name()
            )))
        }
        _ => Err(type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            x.type_name()
        ))),
    }
}

pub fn float(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.range("float", 0, 1)?;
    args.only_kwargs("float", &[])?;
    let x = match pos.first() {
        Some(x) => x,
        None => return Ok(Value::Float(0.0)),
    };
    match x {
        Value::Float(_) => Ok(x.clone()),
        Value::Int(i) => Ok(Value::Float(*i as f64)),
        Value::Bool(b) => Ok(Value::Float(*b as i64 as f64)),
        Value::BigInt(b) => Ok(Value::Float(crate::vm::ops::big_to_f64(b)?)),
        Value::Str(s) => float_from_str(s.as_str())
            .map(Value::Float)
            .ok_or_else(|| value_error(format!("could not convert string to float: {}", str_repr(s.as_str())))),
        Value::Instance(i) => match i.class.lookup("__float__") {
            Some(m) => vm.call(&m, &[x.clone()]),
            None => Err(type_error(format!("float() argument must be a string or a real number, not '{}'", x.type_name()))),
        },
        _ => Err(type_error(format!("float() argument must be a string or a real number, not '{}'", x.type_name()))),
    }
}

pub fn bool_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.range("bool", 0, 1)?;
    match pos.first() {
        Some(x) => Ok(Value::Bool(vm.truthy(x)?)),
        None => Ok(Value::Bool(false)),
    }
}

pub fn str_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.only_kwargs("str", &["object", "encoding", "errors"])?;
    match args.arg(0, "object") {
        Some(x) => Ok(Value::Str(vm.to_str(x)?)),
        None => Ok(Value::str("")),
    }
}

pub fn list(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.only_kwargs("list", &[])?;
    let pos = args.range("list", 0, 1)?;
    match pos.first() {
        Some(x) => Ok(Value::list(vm.collect(x)?)),
        None => Ok(Value::list(Vec::new())),
    }
}

pub fn tuple(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.only_kwargs("tuple", &[])?;
    let pos = args.range("tuple", 0, 1)?;
    match pos.first() {
        Some(Value::Tuple(_)) => Ok(pos[0].clone()),
        Some(x) => Ok(Value::tuple(vm.collect(x)?)),
        None => Ok(Value::tuple(Vec::new())),
    }
}

pub fn dict(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.range("dict", 0, 1)?;
    let d = Arc::new(Dict::new(DictMap::default()));
    if let Some(src) = pos.first() {
        super::collections::dict_update_from(vm, &d, src)?;
    }
    for (k, v) in args.kwargs() {
        d.lock().insert(hash_key(&Value::str(k))?, v.clone());
    }
    Ok(Value::Dict(d))
}

pub fn set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.only_kwargs("set", &[])?;
    let pos = args.range("set", 0, 1)?;
    match pos.first() {
        Some(x) => super::collections::set_from_iterable(vm, x, false),
        None => super::collections::set_from_values(vm, Vec::new(), false),
    }
}

pub fn frozenset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.only_kwargs("frozenset", &[])?;
    let pos = args.range("frozenset", 0, 1)?;
    match pos.first() {
        Some(x) => super::collections::set_from_iterable(vm, x, true),
        None => super::collections::set_from_values(vm, Vec::new(), true),
    }
}

pub fn range(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.only_kwargs("range", &[])?;
    let pos = args.range("range", 1, 3)?;
    let ints: Vec<i64> = pos.iter().map(arg_int).collect::<PyResult<_>>()?;
    let (start, stop, step) = match ints.len() {
        1 => (0, ints[0], 1),
        2 => (ints[0], ints[1], 1),
        _ => (ints[0], ints[1], ints[2]),
    };
    if step == 0 {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Arc::new(Range { start, stop, step })))
}

pub fn slice(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.range("slice", 1, 3)?;
    let (start, stop, step) = match pos.len() {
        1 => (Value::None, pos[0].clone(), Value::None),
        2 => (pos[0].clone(), pos[1].clone(), Value::None),
        _ => (pos[0].clone(), pos[1].clone(), pos[2].clone()),
    };
    Ok(Value::Slice(Arc::new(Slice { start, stop, step })))
}

pub fn type_(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    match pos.len() {
        1 => Ok(Value::Class(types().class_of(&pos[0]))),
        3 => Err(error("NotImplementedError", "type() with three arguments is not supported by threadlab")),
        _ => Err(type_error("type() takes 1 or 3 arguments")),
    }
}
