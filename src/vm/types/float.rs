//! `float` (unboxed `Value::Float`): methods and method table, literal parsing, constructor.

use crate::builtins_table;
use crate::lang::bytecode::BinKind;
use crate::vm::format;
use crate::vm::args::{arg_f64, Args};
use crate::vm::exceptions::{error, type_error, value_error, zero_division, PyResult};
use crate::vm::state::Vm;
use crate::vm::types::{str_repr, Builtin};
use crate::vm::value::Value;
use num_bigint::BigInt;
use num_traits::ToPrimitive;

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

pub fn float_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.range("float", 0, 1)?;
    args.only_kwargs("float", &[])?;
    let x = match pos.first() {
        Some(x) => x,
        None => return Ok(Value::Float(0.0)),
    };
    let x = super::int::unwrap_unless(x, "__float__");
    match x {
        Value::Float(_) => Ok(x.clone()),
        Value::Int(i) => Ok(Value::Float(*i as f64)),
        Value::Bool(b) => Ok(Value::Float(*b as i64 as f64)),
        Value::BigInt(b) => Ok(Value::Float(super::int::big_to_f64(b)?)),
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

pub fn float_value(v: &Value) -> Option<f64> {
    match v {
        Value::BigInt(b) => b.to_f64(),
        other => arg_f64(other),
    }
}

pub static FLOAT_METHODS: &[Builtin] = builtins_table![
    "is_integer" => float_is_integer,
    "as_integer_ratio" => float_as_integer_ratio,
    "hex" => super::float_hex::float_hex,
    "conjugate" => super::int::int_conjugate,
];

pub fn float_is_integer(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(match args.split_self().0 {
        Value::Float(f) => f.is_finite() && f.fract() == 0.0,
        _ => false,
    }))
}

pub fn float_as_integer_ratio(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = match args.split_self().0 {
        Value::Float(f) => *f,
        _ => 0.0,
    };
    if !f.is_finite() {
        return Err(crate::vm::exceptions::value_error("cannot convert Infinity to integer ratio"));
    }
    let mut num = f;
    let mut den = BigInt::from(1);
    let mut exp = 0;
    while num.fract() != 0.0 && exp < 1100 {
        num *= 2.0;
        den *= 2;
        exp += 1;
    }
    let n: BigInt = num_traits::FromPrimitive::from_f64(num).unwrap_or_default();
    let g = num_integer::Integer::gcd(&n, &den);
    Ok(Value::tuple(vec![Value::bigint(&n / &g), Value::bigint(&den / &g)]))
}

/// The float operations that cannot raise (`/` only by a nonzero divisor); None for the rest,
/// which `float_binop` handles with their errors.
#[inline(always)]
pub fn float_binop_fast(kind: BinKind, x: f64, y: f64) -> Option<f64> {
    match kind {
        BinKind::Add => Some(x + y),
        BinKind::Sub => Some(x - y),
        BinKind::Mul => Some(x * y),
        BinKind::Div if y != 0.0 => Some(x / y),
        _ => None,
    }
}

pub fn float_binop(kind: BinKind, x: f64, y: f64) -> PyResult<Option<Value>> {
    Ok(Some(Value::Float(match kind {
        BinKind::Add => x + y,
        BinKind::Sub => x - y,
        BinKind::Mul => x * y,
        BinKind::Div => {
            if y == 0.0 {
                return Err(zero_division("float division by zero"));
            }
            x / y
        }
        BinKind::FloorDiv => {
            if y == 0.0 {
                return Err(zero_division("float floor division by zero"));
            }
            float_divmod(x, y).0
        }
        BinKind::Mod => {
            if y == 0.0 {
                return Err(zero_division("float modulo"));
            }
            float_divmod(x, y).1
        }
        BinKind::Pow => {
            if x == 0.0 && y < 0.0 {
                return Err(zero_division("0.0 cannot be raised to a negative power"));
            }
            if x < 0.0 && y.fract() != 0.0 {
                return Err(error("NotImplementedError", "complex numbers are not supported by threadlab"));
            }
            let r = x.powf(y);
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return Err(error("OverflowError", "(34, 'Numerical result out of range')"));
            }
            r
        }
        _ => return Ok(None),
    })))
}

/// Python's float divmod (sign of the divisor, floor of the quotient).
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

pub fn float_str(f: f64) -> String {
    format::float_repr(f)
}
