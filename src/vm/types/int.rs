//! `int` (unboxed `Value::Int`, `Value::BigInt` outside i64) and `bool`: methods and method
//! table, literal parsing, constructors.

use crate::builtins_table;
use crate::lang::bytecode::BinKind;
use crate::vm::args::{arg_int, Args};
use crate::vm::types::str_repr;
use crate::vm::exceptions::{error, type_error, value_error, zero_division, PyResult};
use crate::vm::state::Vm;
use crate::vm::types::Builtin;
use crate::vm::value::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Num, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

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
    let x = unwrap_unless(x, "__int__");
    if let Some(b) = base {
        return match x {
            Value::Str(s) => crate::vm::limits::check_str_to_int(s.as_str(), b).and_then(|_| int_from_str(s.as_str(), b).ok_or_else(|| {
                value_error(format!("invalid literal for int() with base {}: {}", b, str_repr(s.as_str())))
            })),
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
        Value::Str(s) => crate::vm::limits::check_str_to_int(s.as_str(), 10).and_then(|_| {
            int_from_str(s.as_str(), 10)
                .ok_or_else(|| value_error(format!("invalid literal for int() with base 10: {}", str_repr(s.as_str()))))
        }),
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
    Ok(Value::Int(match args.split_self().0 {
        Value::Int(i) => 64 - i.unsigned_abs().leading_zeros() as i64,
        Value::Bool(b) => *b as i64,
        Value::BigInt(b) => b.abs().bits() as i64,
        _ => 0,
    }))
}

pub fn int_conjugate(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(match args.split_self().0 {
        Value::Bool(b) => Value::Int(*b as i64),
        v => v.clone(),
    })
}

/// i64 arithmetic that stays in i64; None means "take the general path" (overflow, division
/// by zero, negative exponent, true division).
#[inline(always)]
pub fn int_binop_fast(kind: BinKind, x: i64, y: i64) -> Option<i64> {
    match kind {
        BinKind::Add => x.checked_add(y),
        BinKind::Sub => x.checked_sub(y),
        BinKind::Mul => x.checked_mul(y),
        BinKind::FloorDiv => {
            if y == 0 || (x == i64::MIN && y == -1) {
                None
            } else {
                let q = x / y;
                Some(if (x % y != 0) && ((x < 0) != (y < 0)) { q - 1 } else { q })
            }
        }
        BinKind::Mod => {
            if y == 0 || y == -1 {
                if y == -1 {
                    Some(0)
                } else {
                    None
                }
            } else {
                let r = x % y;
                Some(if r != 0 && ((r < 0) != (y < 0)) { r + y } else { r })
            }
        }
        BinKind::And => Some(x & y),
        BinKind::Or => Some(x | y),
        BinKind::Xor => Some(x ^ y),
        BinKind::LShift => {
            if (0..64).contains(&y) {
                let r = x.checked_shl(y as u32)?;
                if (r >> y) == x {
                    Some(r)
                } else {
                    None
                }
            } else {
                None
            }
        }
        BinKind::RShift => {
            if y >= 0 {
                Some(if y >= 64 { if x < 0 { -1 } else { 0 } } else { x >> y })
            } else {
                None
            }
        }
        BinKind::Pow => {
            if y >= 0 && y <= u32::MAX as i64 {
                x.checked_pow(y as u32)
            } else {
                None
            }
        }
        BinKind::Div | BinKind::MatMul => None,
    }
}

pub fn to_bigint(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

pub fn big_to_f64(b: &BigInt) -> PyResult<f64> {
    let f = b.to_f64().unwrap_or(f64::INFINITY);
    if f.is_infinite() {
        return Err(error("OverflowError", "int too large to convert to float"));
    }
    Ok(f)
}

pub fn big_binop(kind: BinKind, x: BigInt, y: BigInt) -> PyResult<Option<Value>> {
    Ok(Some(match kind {
        BinKind::Add => Value::bigint(x + y),
        BinKind::Sub => Value::bigint(x - y),
        BinKind::Mul => Value::bigint(crate::vm::bigmath::mul(&x, &y)?),
        BinKind::Div => {
            if y.is_zero() {
                return Err(zero_division("division by zero"));
            }
            match (x.to_i64(), y.to_i64()) {
                (Some(a), Some(b)) if a.unsigned_abs() < (1 << 53) && b.unsigned_abs() < (1 << 53) => Value::Float(a as f64 / b as f64),
                _ => Value::Float(big_true_div(&x, &y)?),
            }
        }
        BinKind::FloorDiv => {
            if y.is_zero() {
                return Err(zero_division("integer division or modulo by zero"));
            }
            Value::bigint(x.div_floor(&y))
        }
        BinKind::Mod => {
            if y.is_zero() {
                return Err(zero_division("integer modulo by zero"));
            }
            Value::bigint(x.mod_floor(&y))
        }
        BinKind::Pow => {
            if y.is_negative() {
                let (a, b) = (big_to_f64(&x)?, big_to_f64(&y)?);
                return super::float::float_binop(BinKind::Pow, a, b);
            }
            // A huge exponent of 0, 1 or -1 is cheap; of anything else, past the heap cap.
            let e = match y.to_u64() {
                Some(e) => e,
                None if x.abs() <= BigInt::from(1) => if y.is_even() { 2 } else { 1 },
                None => return Err(crate::vm::limits::memory_error()),
            };
            Value::bigint(crate::vm::bigmath::pow(&x, e)?)
        }
        BinKind::LShift => {
            if y.is_negative() {
                return Err(value_error("negative shift count"));
            }
            // Past a 64-bit ssize_t, CPython's OverflowError; a count that only wasm32's 32-bit
            // usize cannot hold is far past the heap cap, as on a 64-bit build.
            let s = match (y.to_usize(), y.to_i64()) {
                (Some(s), _) => s,
                (None, Some(_)) => return Err(crate::vm::limits::memory_error()),
                (None, None) => return Err(error("OverflowError", "too many digits in integer")),
            };
            Value::bigint(crate::vm::bigmath::shl(&x, s)?)
        }
        BinKind::RShift => {
            if y.is_negative() {
                return Err(value_error("negative shift count"));
            }
            let s = y.to_usize().unwrap_or(usize::MAX);
            if s as u64 >= x.bits() {
                Value::Int(if x.is_negative() { -1 } else { 0 })
            } else {
                Value::bigint(x >> s)
            }
        }
        BinKind::And => Value::bigint(x & y),
        BinKind::Or => Value::bigint(x | y),
        BinKind::Xor => Value::bigint(x ^ y),
        BinKind::MatMul => return Ok(None),
    }))
}

/// Correctly rounded enough: scale to keep 64 significant bits.
pub fn big_true_div(x: &BigInt, y: &BigInt) -> PyResult<f64> {
    use num_bigint::Sign;
    use num_traits::{ToPrimitive, Zero};
    const MANT: i64 = 53; // DBL_MANT_DIG
    const MIN_EXP: i64 = -1021; // DBL_MIN_EXP
    const MAX_EXP: i64 = 1024; // DBL_MAX_EXP
    let overflow = || error("OverflowError", "integer division result too large for a float");
    let negative = (x.sign() == Sign::Minus) != (y.sign() == Sign::Minus);
    let signed = |f: f64| if negative { -f } else { f };
    let (a, b) = (x.magnitude(), y.magnitude());
    if a.is_zero() {
        return Ok(signed(0.0));
    }
    // Both exactly representable: one IEEE division rounds correctly.
    if a.bits() <= MANT as u64 && b.bits() <= MANT as u64 {
        return Ok(signed(a.to_f64().unwrap_or(0.0) / b.to_f64().unwrap_or(1.0)));
    }
    // CPython's long_true_divide: a quotient of 55 or 56 bits (fewer for a subnormal result),
    // rounded half to even by hand with the remainder as a sticky bit, then scaled exactly.
    let diff = a.bits() as i64 - b.bits() as i64;
    if diff > MAX_EXP {
        return Err(overflow());
    }
    if diff < MIN_EXP - MANT - 1 {
        return Ok(signed(0.0));
    }
    let shift = diff.max(MIN_EXP) - MANT - 2;
    let mut inexact = false;
    let num = if shift <= 0 {
        a << ((-shift) as usize)
    } else {
        let n = a >> (shift as usize);
        inexact = (&n << (shift as usize)) != *a;
        n
    };
    let (mut q, r) = num.div_rem(b);
    inexact |= !r.is_zero();
    let extra = (q.bits() as i64).max(MIN_EXP - shift) - MANT;
    let mask = num_bigint::BigUint::from(1u8) << ((extra - 1) as usize);
    let low_bits = &q & ((&mask << 1usize) + &mask - 1u8); // q & (3*mask - 1)
    let half = !(&q & &mask).is_zero();
    if half && (inexact || !low_bits.is_zero()) {
        q += &mask;
    }
    q = (q >> (extra as usize)) << (extra as usize);
    let dx = q.to_f64().unwrap_or(f64::INFINITY); // exact: at most 53 significant bits
    if shift + q.bits() as i64 > MAX_EXP {
        return Err(overflow());
    }
    // ldexp in two halves, so 2**shift itself never underflows before the product does.
    let (s1, s2) = (shift / 2, shift - shift / 2);
    let f = dx * 2f64.powi(s1 as i32) * 2f64.powi(s2 as i32);
    if f.is_infinite() {
        return Err(overflow());
    }
    Ok(signed(f))
}

/// Exact comparison of an int with a float.
pub fn int_float_cmp(i: &BigInt, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    let fl = f.floor();
    let fi = BigInt::from(fl as i128);
    let fi = if fl.abs() < 1.7e38 { fi } else { num_traits::FromPrimitive::from_f64(fl).unwrap_or_default() };
    match i.cmp(&fi) {
        Ordering::Equal => {
            if f > fl {
                Some(Ordering::Less)
            } else {
                Some(Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

/// The base value of an instance of a builtin type's subclass, unless its class defines
/// `dunder` in Python (a conversion such as `int(x)` then calls that).
pub fn unwrap_unless<'a>(x: &'a Value, dunder: &str) -> &'a Value {
    match x {
        Value::Instance(i) if i.base().is_some() && !matches!(i.class.lookup(dunder), Some(Value::Function(_))) => i.base().unwrap(),
        _ => x,
    }
}
