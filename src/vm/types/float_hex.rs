//! `float.hex()` and the classmethod `float.fromhex()`, as CPython's float_hex / float_fromhex:
//! exact, with round-half-even when a string has more bits than a double holds.

use crate::vm::args::Args;
use crate::vm::exceptions::{overflow_error, type_error, value_error, PyResult};
use crate::vm::state::Vm;
use crate::vm::types::Builtin;
use crate::vm::value::Value;
use num_bigint::BigUint;
use num_traits::{ToPrimitive, Zero};
use std::sync::Arc;

pub fn float_hex(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = match args.split_self().0 {
        Value::Float(f) => *f,
        other => return Err(type_error(format!("descriptor 'hex' for 'float' objects doesn't apply to a '{}' object", other.type_name()))),
    };
    Ok(Value::str(&hex_of(f)))
}

fn hex_of(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f < 0.0 { "-inf".into() } else { "inf".into() };
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{}0x0.0p+0", sign);
    }
    let bits = f.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if biased == 0 { (0, -1022) } else { (1, biased - 1023) };
    format!("{}0x{}.{:013x}p{:+}", sign, lead, mant, exp)
}

fn invalid() -> crate::vm::exceptions::Unwind {
    value_error("invalid hexadecimal floating-point string")
}

fn too_large() -> crate::vm::exceptions::Unwind {
    overflow_error("hexadecimal value too large to represent as a float")
}

/// Parses CPython's hex float syntax: `[sign] ['0x'] digits ['.' digits] ['p' [sign] decimal]`,
/// or inf/infinity/nan, with surrounding whitespace.
pub fn parse_hex_float(s: &str) -> PyResult<f64> {
    let t = s.trim();
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let sign = if neg { -1.0 } else { 1.0 };
    let lower = body.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(sign * f64::INFINITY);
    }
    if lower == "nan" {
        return Ok(f64::NAN);
    }
    let rest = lower.strip_prefix("0x").unwrap_or(&lower);
    let (num, exp_part) = match rest.find('p') {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let (int_digits, frac_digits) = match num.find('.') {
        Some(i) => (&num[..i], &num[i + 1..]),
        None => (num, ""),
    };
    if int_digits.is_empty() && frac_digits.is_empty() {
        return Err(invalid());
    }
    let mut mant = BigUint::zero();
    for c in int_digits.chars().chain(frac_digits.chars()) {
        let d = c.to_digit(16).ok_or_else(invalid)?;
        mant = mant * 16u32 + d;
    }
    let mut exp: i64 = 0;
    if let Some(e) = exp_part {
        let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid());
        }
        // Exponents beyond any double's range only decide zero or overflow: clamp them.
        let v: i64 = digits.parse::<i64>().unwrap_or(i64::MAX / 4).min(1 << 40);
        exp = if e.starts_with('-') { -v } else { v };
    }
    exp -= 4 * frac_digits.len() as i64;
    if mant.is_zero() {
        return Ok(sign * 0.0);
    }
    Ok(sign * scale_to_f64(mant, exp)?)
}

/// `mant * 2**exp` rounded half-even to a double (53 bits, or fewer for subnormals).
fn scale_to_f64(mant: BigUint, exp: i64) -> PyResult<f64> {
    let bits = mant.bits() as i64;
    if bits + exp > 1024 {
        return Err(too_large());
    }
    let keep = if bits + exp - 53 < -1074 { -1074 - exp } else { bits - 53 };
    let (q, e) = if keep > 0 {
        let shift = keep as u64;
        if shift > bits as u64 + 1 {
            return Ok(0.0);
        }
        let mut q = &mant >> shift;
        let rem = &mant - (&q << shift);
        let half = BigUint::from(1u32) << (shift - 1);
        if rem > half || (rem == half && q.bit(0)) {
            q += 1u32;
        }
        (q, exp + keep)
    } else {
        (mant, exp)
    };
    let mut r = q.to_f64().unwrap_or(f64::INFINITY);
    let mut e = e;
    // Steps of at most 2**±1000 keep every intermediate exact (the result itself is representable).
    while e != 0 {
        let step = e.clamp(-1000, 1000);
        r *= 2f64.powi(step as i32);
        e -= step;
    }
    if r.is_infinite() {
        return Err(too_large());
    }
    Ok(r)
}

pub fn float_fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = args.range("fromhex", 2, 2)?;
    let s = match &p[1] {
        Value::Str(s) => s.as_str().to_string(),
        other => return Err(type_error(format!("fromhex() argument must be str, not {}", other.type_name()))),
    };
    let f = Value::Float(parse_hex_float(&s)?);
    // A subclass's fromhex builds an instance of it, as CPython's does.
    match &p[0] {
        Value::Class(c) if !Arc::ptr_eq(c, &super::registry::types().float) => vm.call(&p[0], &[f]),
        _ => Ok(f),
    }
}

static FLOAT_FROMHEX: Builtin = Builtin { name: "fromhex", f: float_fromhex };

/// The entries `float` adds to its method table beyond FLOAT_METHODS.
pub fn float_extras() -> Vec<(&'static str, Value)> {
    vec![("fromhex", Value::Wrapper(Arc::new(super::Wrapper::ClassMethod(Value::Builtin(&FLOAT_FROMHEX)))))]
}
