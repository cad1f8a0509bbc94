//! `math`: CPython 3.11's functions and constants. Floating-point functions use Rust's `f64`
//! methods (the platform libm, as CPython does) and the `libm` crate where std has none (erf,
//! erfc, gamma, lgamma, frexp, nextafter, remainder); the errors follow CPython's `math_1`:
//! a NaN from a non-NaN argument is `ValueError: math domain error`, an infinity from a finite
//! one is `OverflowError: math range error` (or a domain error where CPython says so). The
//! integer functions work on arbitrarily large ints.

use crate::builtins_table;
use crate::vm::args::Args;
use crate::vm::exceptions::{error, type_error, value_error, PyResult};
use crate::vm::types::Builtin;
use crate::vm::ops::binary_op;
use crate::vm::types::{big_to_f64, to_bigint};
use crate::vm::state::Vm;
use crate::vm::value::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{FromPrimitive, One, Signed, ToPrimitive, Zero};

static FUNCS: &[Builtin] = builtins_table![
    "acos" => acos, "acosh" => acosh, "asin" => asin, "asinh" => asinh, "atan" => atan,
    "atan2" => atan2, "atanh" => atanh, "cbrt" => cbrt, "ceil" => ceil, "comb" => comb,
    "copysign" => copysign, "cos" => cos, "cosh" => cosh, "degrees" => degrees, "dist" => dist,
    "erf" => erf, "erfc" => erfc, "exp" => exp, "exp2" => exp2, "expm1" => expm1, "fabs" => fabs,
    "factorial" => factorial, "floor" => floor, "fmod" => fmod, "frexp" => frexp, "fsum" => fsum,
    "gamma" => gamma, "gcd" => gcd, "hypot" => hypot, "isclose" => isclose, "isfinite" => isfinite,
    "isinf" => isinf, "isnan" => isnan, "isqrt" => isqrt, "lcm" => lcm, "ldexp" => ldexp,
    "lgamma" => lgamma, "log" => log, "log10" => log10, "log1p" => log1p, "log2" => log2,
    "modf" => modf, "nextafter" => nextafter, "perm" => perm, "pow" => pow, "prod" => prod,
    "radians" => radians, "remainder" => remainder, "sin" => sin, "sinh" => sinh, "sqrt" => sqrt,
    "tan" => tan, "tanh" => tanh, "trunc" => trunc, "ulp" => ulp,
];

pub fn create(_vm: &mut Vm) -> PyResult<Value> {
    let mut attrs: Vec<(&str, Value)> = FUNCS.iter().map(|b| (b.name, Value::Builtin(b))).collect();
    attrs.extend([
        ("pi", Value::Float(std::f64::consts::PI)),
        ("e", Value::Float(std::f64::consts::E)),
        ("tau", Value::Float(std::f64::consts::TAU)),
        ("inf", Value::Float(f64::INFINITY)),
        ("nan", Value::Float(f64::NAN)),
    ]);
    Ok(super::native_module("math", attrs))
}

fn domain() -> crate::vm::exceptions::Unwind {
    value_error("math domain error")
}

fn range() -> crate::vm::exceptions::Unwind {
    error("OverflowError", "math range error")
}

/// A float argument (int, bool or float), with CPython's TypeError for anything else.
fn num(v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => big_to_f64(b),
        other => Err(type_error(format!("must be real number, not {}", other.type_name()))),
    }
}

/// An integer argument as a BigInt, with CPython's TypeError for floats and the rest.
fn int_arg(v: &Value) -> PyResult<BigInt> {
    to_bigint(v).ok_or_else(|| type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name())))
}

/// CPython's `math_1`: apply `f` and turn NaN / infinity results into its errors.
fn math_1(args: &Args, name: &str, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<Value> {
    let a = args.exact(name, 1)?;
    let x = num(&a[0])?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range() } else { domain() });
    }
    Ok(Value::Float(r))
}

macro_rules! unary {
    ($($name:ident => $f:expr, $overflow:expr;)*) => {
        $(fn $name(_vm: &mut Vm, args: Args) -> PyResult<Value> {
            math_1(&args, stringify!($name), $f, $overflow)
        })*
    };
}

unary! {
    acos => f64::acos, false;
    acosh => f64::acosh, false;
    asin => f64::asin, false;
    asinh => f64::asinh, false;
    atan => f64::atan, false;
    atanh => atanh_f, false;
    cbrt => cbrt_f, false;
    cos => cos_f, false;
    cosh => f64::cosh, true;
    erf => libm::erf, false;
    erfc => libm::erfc, false;
    exp => f64::exp, true;
    exp2 => f64::exp2, true;
    expm1 => f64::exp_m1, true;
    fabs => f64::abs, false;
    sin => sin_f, false;
    sinh => f64::sinh, true;
    sqrt => f64::sqrt, false;
    tan => tan_f, false;
    tanh => f64::tanh, false;
    log1p => log1p_f, false;
}

fn atanh_f(x: f64) -> f64 {
    if x.abs() >= 1.0 {
        f64::NAN
    } else {
        x.atanh()
    }
}

fn log1p_f(x: f64) -> f64 {
    if x <= -1.0 {
        f64::NAN
    } else {
        x.ln_1p()
    }
}

// sin/cos/tan of an infinity are NaN: a domain error, as in CPython.
fn sin_f(x: f64) -> f64 {
    x.sin()
}
fn cos_f(x: f64) -> f64 {
    x.cos()
}
fn tan_f(x: f64) -> f64 {
    x.tan()
}

fn degrees(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("degrees", 1)?;
    Ok(Value::Float(num(&a[0])? * (180.0 / std::f64::consts::PI)))
}

fn radians(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("radians", 1)?;
    Ok(Value::Float(num(&a[0])? * (std::f64::consts::PI / 180.0)))
}

/// glibc's cbrt (sysdeps/ieee754/dbl-64/s_cbrt.c), which CPython calls: a polynomial first
/// guess and one Halley step; Rust's cbrt rounds differently in the last bit.
fn cbrt_f(x: f64) -> f64 {
    const CBRT2: f64 = 1.2599210498948731648;
    const SQR_CBRT2: f64 = 1.5874010519681994748;
    const FACTOR: [f64; 5] = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];
    if x == 0.0 || !x.is_finite() {
        return x + x;
    }
    let (xm, xe) = libm::frexp(x.abs());
    let u = 0.354895765043919860
        + ((1.50819193781584896
            + ((-2.11499494167371287
                + ((2.44693122563534430 + ((-1.83469277483613086 + (0.784932344976639262 - 0.145263899385486377 * xm) * xm) * xm))
                    * xm))
                * xm))
            * xm);
    let t2 = u * u * u;
    let ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * FACTOR[(2 + xe % 3) as usize];
    libm::ldexp(if x > 0.0 { ym } else { -ym }, xe / 3)
}

// CPython's own gamma and lgamma (Modules/mathmodule.c): a Lanczos approximation.
const LANCZOS_G: f64 = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] =
    [0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0];
const LOG_PI: f64 = 1.144729885849400174143427351353058711647;

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

fn sinpi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let pi = std::f64::consts::PI;
    let r = match n {
        0 => (pi * y).sin(),
        1 => (pi * (y - 0.5)).cos(),
        2 => (pi * (1.0 - y)).sin(),
        3 => -(pi * (y - 1.5)).cos(),
        _ => (pi * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

fn gamma(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("gamma", 1)?;
    let x = num(&a[0])?;
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return Ok(Value::Float(x));
        }
        return Err(domain());
    }
    if x == 0.0 {
        return Err(domain());
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(domain());
        }
        if x <= 23.0 {
            let mut f = 1.0;
            for i in 2..(x as i64) {
                f *= i as f64;
            }
            return Ok(Value::Float(f));
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() { Err(range()) } else { Ok(Value::Float(r)) };
    }
    if absx > 200.0 {
        return if x < 0.0 { Ok(Value::Float(0.0 / sinpi(x))) } else { Err(range()) };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let z = if absx > LANCZOS_G_MINUS_HALF { (y - absx) - LANCZOS_G_MINUS_HALF } else { (y - LANCZOS_G_MINUS_HALF) - absx };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let s = y.powf(absx / 2.0 - 0.25);
            r /= s;
            r /= s;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let s = y.powf(absx / 2.0 - 0.25);
            r *= s;
            r *= s;
        }
    }
    if r.is_infinite() {
        return Err(range());
    }
    Ok(Value::Float(r))
}

fn lgamma(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("lgamma", 1)?;
    let x = num(&a[0])?;
    if !x.is_finite() {
        return Ok(Value::Float(if x.is_nan() { x } else { f64::INFINITY }));
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 { Err(domain()) } else { Ok(Value::Float(0.0)) };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(Value::Float(-absx.ln()));
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOG_PI - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        return Err(range());
    }
    Ok(Value::Float(r))
}

fn float_to_int(x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(error("OverflowError", "cannot convert float infinity to integer"));
    }
    if x.abs() < 9.0e18 {
        return Ok(Value::Int(x as i64));
    }
    Ok(Value::bigint(BigInt::from_f64(x).unwrap_or_default()))
}

/// floor/ceil/trunc: ints come back as they are; floats become ints.
fn rounding(args: &Args, name: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    let a = args.exact(name, 1)?;
    match &a[0] {
        Value::Int(_) | Value::BigInt(_) => Ok(a[0].clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(x) => float_to_int(f(*x)),
        other => Err(type_error(match name {
            "trunc" => format!("type {} doesn't define __trunc__ method", other.type_name()),
            _ => format!("must be real number, not {}", other.type_name()),
        })),
    }
}

fn floor(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    rounding(&args, "floor", f64::floor)
}

fn ceil(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    rounding(&args, "ceil", f64::ceil)
}

fn trunc(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    rounding(&args, "trunc", f64::trunc)
}

fn copysign(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("copysign", 2)?;
    Ok(Value::Float(num(&a[0])?.copysign(num(&a[1])?)))
}

fn fmod(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("fmod", 2)?;
    let (x, y) = (num(&a[0])?, num(&a[1])?);
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain());
    }
    Ok(Value::Float(r))
}

fn remainder(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("remainder", 2)?;
    let (x, y) = (num(&a[0])?, num(&a[1])?);
    let r = libm::remainder(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain());
    }
    Ok(Value::Float(r))
}

fn atan2(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("atan2", 2)?;
    Ok(Value::Float(num(&a[0])?.atan2(num(&a[1])?)))
}

fn frexp(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("frexp", 1)?;
    let x = num(&a[0])?;
    let (m, e) = if x == 0.0 || !x.is_finite() { (x, 0) } else { libm::frexp(x) };
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn ldexp(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("ldexp", 2)?;
    let x = num(&a[0])?;
    let e = match &a[1] {
        Value::Int(i) => (*i).clamp(-100_000, 100_000) as i32,
        Value::Bool(b) => *b as i32,
        Value::BigInt(b) => if b.is_negative() { -100_000 } else { 100_000 },
        other => return Err(type_error(format!("Expected an int as second argument to ldexp, not {}", other.type_name()))),
    };
    let r = libm::ldexp(x, e);
    if r.is_infinite() && x.is_finite() {
        return Err(range());
    }
    Ok(Value::Float(r))
}

fn modf(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("modf", 1)?;
    let x = num(&a[0])?;
    if x.is_infinite() {
        return Ok(Value::tuple(vec![Value::Float(0.0f64.copysign(x)), Value::Float(x)]));
    }
    let (frac, int) = libm::modf(x);
    Ok(Value::tuple(vec![Value::Float(frac), Value::Float(int)]))
}

fn nextafter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("nextafter", 2)?;
    Ok(Value::Float(libm::nextafter(num(&a[0])?, num(&a[1])?)))
}

fn ulp(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("ulp", 1)?;
    let x = num(&a[0])?.abs();
    if x.is_nan() || x.is_infinite() {
        return Ok(Value::Float(x));
    }
    let next = libm::nextafter(x, f64::INFINITY);
    if next.is_infinite() {
        let prev = libm::nextafter(x, 0.0);
        return Ok(Value::Float(x - prev));
    }
    Ok(Value::Float(next - x))
}

fn pow(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("pow", 2)?;
    let (x, y) = (num(&a[0])?, num(&a[1])?);
    let r = x.powf(y);
    if x.is_finite() && y.is_finite() {
        if r.is_nan() {
            return Err(domain());
        }
        if r.is_infinite() {
            return Err(if x == 0.0 { domain() } else { range() });
        }
    }
    Ok(Value::Float(r))
}

fn isfinite(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("isfinite", 1)?;
    Ok(Value::Bool(num(&a[0])?.is_finite()))
}

fn isinf(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("isinf", 1)?;
    Ok(Value::Bool(num(&a[0])?.is_infinite()))
}

fn isnan(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("isnan", 1)?;
    Ok(Value::Bool(num(&a[0])?.is_nan()))
}

fn isclose(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.only_kwargs("isclose", &["rel_tol", "abs_tol"])?;
    let p = args.pos();
    if p.len() != 2 {
        return Err(type_error(format!("isclose() takes exactly 2 positional arguments ({} given)", p.len())));
    }
    let (a, b) = (num(&p[0])?, num(&p[1])?);
    let rel_tol = args.kw("rel_tol").map(num).transpose()?.unwrap_or(1e-9);
    let abs_tol = args.kw("abs_tol").map(num).transpose()?.unwrap_or(0.0);
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool((diff <= (rel_tol * b).abs()) || (diff <= (rel_tol * a).abs()) || diff <= abs_tol))
}

/// Natural log of a positive int of any size (CPython's `loghelper`).
fn log_value(v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Value::BigInt(b) = v {
        if !b.is_positive() {
            return Err(domain());
        }
        if let Some(x) = b.to_f64().filter(|x| x.is_finite()) {
            return Ok(f(x));
        }
        // Too big for a float: x = m * 2**e with m in [0.5, 1).
        let e = b.bits() as i64;
        let shift = e - 60;
        let m = (&**b >> shift as usize).to_f64().unwrap_or(0.0) / (1u64 << 60) as f64;
        return Ok(f(m) + f(2.0) * e as f64);
    }
    let x = num(v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(f(x))
}

fn log(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.range("log", 1, 2)?;
    let n = log_value(&a[0], f64::ln)?;
    if a.len() == 1 {
        return Ok(Value::Float(n));
    }
    let d = log_value(&a[1], f64::ln)?;
    if d == 0.0 {
        return Err(error("ZeroDivisionError", "float division by zero"));
    }
    Ok(Value::Float(n / d))
}

fn log2(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("log2", 1)?;
    Ok(Value::Float(log_value(&a[0], f64::log2)?))
}

fn log10(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("log10", 1)?;
    Ok(Value::Float(log_value(&a[0], f64::log10)?))
}

fn hypot_of(v: &[f64]) -> f64 {
    if v.iter().any(|x| x.is_infinite()) {
        return f64::INFINITY;
    }
    if v.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    match v.len() {
        0 => 0.0,
        1 => v[0].abs(),
        2 => v[0].hypot(v[1]),
        _ => {
            let max = v.iter().fold(0.0f64, |m, x| m.max(x.abs()));
            if max == 0.0 {
                return 0.0;
            }
            v.iter().map(|x| (x / max) * (x / max)).sum::<f64>().sqrt() * max
        }
    }
}

fn hypot(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v: Vec<f64> = args.pos().iter().map(num).collect::<PyResult<_>>()?;
    Ok(Value::Float(hypot_of(&v)))
}

fn dist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("dist", 2)?;
    let (p, q) = (seq_arg(vm, &a[0])?, seq_arg(vm, &a[1])?);
    if p.len() != q.len() {
        return Err(value_error("both points must have the same number of dimensions"));
    }
    let d: Vec<f64> = p.iter().zip(&q).map(|(x, y)| Ok(num(x)? - num(y)?)).collect::<PyResult<_>>()?;
    Ok(Value::Float(hypot_of(&d)))
}

fn seq_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    match v {
        Value::Tuple(_) | Value::List(_) => vm.collect(v),
        other => Err(type_error(format!("dist(): argument must be tuple, not {}", other.type_name()))),
    }
}

/// Shewchuk's exactly rounded sum (CPython's `math_fsum`).
fn fsum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("fsum", 1)?;
    let items = vm.collect(&a[0])?;
    let mut partials: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    for item in &items {
        let mut x = num(item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(error("OverflowError", "intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(value_error("-inf + inf in fsum"));
        }
        return Ok(Value::Float(special_sum));
    }
    let mut hi = 0.0f64;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

fn prod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.only_kwargs("prod", &["start"])?;
    let p = args.pos();
    if p.len() != 1 {
        return Err(type_error(format!("prod() takes exactly 1 positional argument ({} given)", p.len())));
    }
    let mut acc = args.kw("start").cloned().unwrap_or(Value::Int(1));
    for item in vm.collect(&p[0])? {
        acc = binary_op(vm, &acc, &item, crate::lang::bytecode::BinKind::Mul)?;
    }
    Ok(acc)
}

fn factorial(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("factorial", 1)?;
    let n = int_arg(&a[0])?;
    if n.is_negative() {
        return Err(value_error("factorial() not defined for negative values"));
    }
    let n = n.to_u64().ok_or_else(|| error("OverflowError", "factorial() argument should not exceed 9223372036854775807"))?;
    let mut acc = BigInt::one();
    for i in 2..=n {
        acc *= i;
    }
    Ok(Value::bigint(acc))
}

fn gcd(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut acc = BigInt::zero();
    for v in args.pos() {
        acc = acc.gcd(&int_arg(v)?);
    }
    Ok(Value::bigint(acc))
}

fn lcm(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut acc = BigInt::one();
    for v in args.pos() {
        let x = int_arg(v)?;
        if x.is_zero() {
            acc = BigInt::zero();
            continue;
        }
        if !acc.is_zero() {
            acc = acc.lcm(&x);
        }
    }
    Ok(Value::bigint(acc.abs()))
}

fn isqrt(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("isqrt", 1)?;
    let n = int_arg(&a[0])?;
    if n.is_negative() {
        return Err(value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::bigint(n.sqrt()))
}

fn comb_perm_args(a: &[Value]) -> PyResult<(BigInt, BigInt)> {
    let (n, k) = (int_arg(&a[0])?, int_arg(&a[1])?);
    if n.is_negative() {
        return Err(value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

fn comb(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("comb", 2)?;
    let (n, mut k) = comb_perm_args(a)?;
    if k > n {
        return Ok(Value::Int(0));
    }
    if &n - &k < k {
        k = &n - &k;
    }
    let mut acc = BigInt::one();
    let mut i = BigInt::zero();
    while i < k {
        acc = acc * (&n - &i);
        i += 1;
        acc /= &i;
    }
    Ok(Value::bigint(acc))
}

fn perm(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.range("perm", 1, 2)?;
    let (n, k) = match a.get(1) {
        None | Some(Value::None) => {
            let n = int_arg(&a[0])?;
            if n.is_negative() {
                return Err(value_error("n must be a non-negative integer"));
            }
            (n.clone(), n)
        }
        Some(_) => comb_perm_args(a)?,
    };
    if k > n {
        return Ok(Value::Int(0));
    }
    let mut acc = BigInt::one();
    let mut i = BigInt::zero();
    while i < k {
        acc *= &n - &i;
        i += 1;
    }
    Ok(Value::bigint(acc))
}
