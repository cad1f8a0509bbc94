//! `int` (unboxed `Value::Int`, `Value::BigInt` outside i64) and `bool`: methods and method
//! table, literal parsing, constructors.

use crate::builtins_table;
use crate::vm::args::{arg_int, Args};
use crate::vm::convert::str_repr;
use crate::vm::exceptions::{error, type_error, value_error, PyResult};
use crate::vm::state::Vm;
use crate::vm::types::Builtin;
use crate::vm::value::Value;
use num_bigint::BigInt;
use num_traits::{Num, Signed};

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

pub fn int_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
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

pub fn bool_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.range("bool", 0, 1)?;
    match pos.first() {
        Some(x) => Ok(Value::Bool(vm.truthy(x)?)),
        None => Ok(Value::Bool(false)),
    }
}

pub static INT_METHODS: &[Builtin] = builtins_table![
    "bit_length" => int_bit_length,
    "conjugate" => int_conjugate,
];

pub fn int_bit_length(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(match &args.pos()[0] {
        Value::Int(i) => 64 - i.unsigned_abs().leading_zeros() as i64,
        Value::Bool(b) => *b as i64,
        Value::BigInt(b) => b.abs().bits() as i64,
        _ => 0,
    }))
}

pub fn int_conjugate(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(match &args.pos()[0] {
        Value::Bool(b) => Value::Int(*b as i64),
        v => v.clone(),
    })
}
