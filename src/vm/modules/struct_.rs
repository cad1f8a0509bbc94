//! `struct`: pack, unpack, calcsize, pack_into, unpack_from, iter_unpack and `struct.error`, in
//! Rust; the `Struct` class is a few lines of Python on top (struct.py). Native mode (`@`, the
//! default) uses the sizes and alignment of CPython on 64-bit Linux, so results match python3
//! there whichever machine threadlab runs on.

use crate::builtins_table;
use crate::vm::args::Args;
use crate::vm::exceptions::{error, new_exception, type_error, PyResult, Unwind};
use crate::vm::state::Vm;
use crate::vm::types::{bytes_like, make_class_in, types, Builtin, Class, TypeKind};
use crate::vm::value::Value;
use num_bigint::BigInt;
use std::sync::{Arc, OnceLock};

static FUNCS: &[Builtin] = builtins_table![
    "pack" => pack,
    "unpack" => unpack,
    "calcsize" => calcsize,
    "pack_into" => pack_into,
    "unpack_from" => unpack_from,
    "iter_unpack" => iter_unpack,
];

const STRUCT_PY: &str = include_str!("struct.py");

pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let mut attrs: Vec<(&str, Value)> = FUNCS.iter().map(|b| (b.name, Value::Builtin(b))).collect();
    attrs.push(("error", Value::Class(error_class().clone())));
    super::source_module(vm, "struct", STRUCT_PY, attrs)
}

fn error_class() -> &'static Arc<Class> {
    static CLS: OnceLock<Arc<Class>> = OnceLock::new();
    CLS.get_or_init(|| make_class_in("struct", "error", &[types().exc("Exception").clone()], TypeKind::Exception, &[], None))
}

fn struct_error(msg: impl Into<String>) -> Unwind {
    Unwind::Exception(new_exception(error_class(), vec![Value::string(msg.into())]))
}

/// One format item: a code repeated `count` times (or, for `s`/`p`, one string of `count` bytes).
#[derive(Clone, Copy)]
struct Item {
    code: u8,
    count: usize,
    size: usize,
    offset: usize,
}

struct Format {
    little: bool,
    native: bool,
    items: Vec<Item>,
    size: usize,
    /// How many values pack takes / unpack returns.
    nvalues: usize,
}

fn item_size(code: u8, native: bool) -> Option<usize> {
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    })
}

fn parse(fmt: &str) -> PyResult<Format> {
    let b = fmt.as_bytes();
    let (mut i, little, native) = match b.first() {
        Some(b'@') => (1, true, true),
        Some(b'=') | Some(b'<') => (1, true, false),
        Some(b'>') | Some(b'!') => (1, false, false),
        _ => (0, true, true),
    };
    let mut items = Vec::new();
    let (mut size, mut nvalues) = (0usize, 0usize);
    while i < b.len() {
        if b[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count: Option<usize> = None;
        while i < b.len() && b[i].is_ascii_digit() {
            let d = (b[i] - b'0') as usize;
            count = Some(count.unwrap_or(0).checked_mul(10).and_then(|c| c.checked_add(d)).ok_or_else(|| struct_error("total struct size too long"))?);
            i += 1;
        }
        if i >= b.len() {
            return Err(struct_error("repeat count given without format specifier"));
        }
        let code = b[i];
        i += 1;
        let sz = item_size(code, native).ok_or_else(|| struct_error("bad char in struct format"))?;
        let count = count.unwrap_or(1);
        if native && sz > 1 {
            size = size.div_ceil(sz) * sz;
        }
        items.push(Item { code, count, size: sz, offset: size });
        match code {
            b's' | b'p' => {
                size += count;
                nvalues += 1;
            }
            b'x' => size += count,
            _ => {
                size += sz * count;
                nvalues += count;
            }
        }
    }
    Ok(Format { little, native, items, size, nvalues })
}

fn fmt_arg(v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        Value::Bytes(b) => Ok(String::from_utf8_lossy(&b.data).into_owned()),
        other => Err(type_error(format!("Struct() argument 1 must be a str or bytes object, not {}", other.type_name()))),
    }
}

fn int_arg(v: &Value) -> PyResult<BigInt> {
    match v {
        Value::Int(i) => Ok(BigInt::from(*i)),
        Value::Bool(b) => Ok(BigInt::from(*b as i64)),
        Value::BigInt(b) => Ok((**b).clone()),
        _ => Err(struct_error("required argument is not an integer")),
    }
}

fn float_arg(v: &Value) -> PyResult<f64> {
    crate::vm::args::arg_f64(v).ok_or_else(|| struct_error("required argument is not a float"))
}

/// The error for an integer that does not fit `code`, in CPython's words, which depend on
/// which of _struct's pack functions the byte order picks: the native ones (`@`, and `<`/`=`
/// where the size matches, as on a little-endian machine) or the portable `lp_`/`bp_` ones.
fn range_error(code: u8, size: usize, f: &Format, n: &BigInt) -> Unwind {
    let bits = size as u32 * 8;
    let signed = code.is_ascii_lowercase();
    let (lo, hi) = if signed {
        (-(BigInt::from(1) << (bits - 1)), (BigInt::from(1) << (bits - 1)) - 1)
    } else {
        (BigInt::from(0), (BigInt::from(1) << bits) - 1)
    };
    let big_std = !f.native && !f.little;
    let named = match code {
        b'b' => Some("byte"),
        b'B' => Some("ubyte"),
        b'h' if !big_std => Some("short"),
        b'H' if !big_std => Some("ushort"),
        _ => None,
    };
    let out_of_range = || struct_error("argument out of range");
    let l63: BigInt = BigInt::from(1) << 63;
    let l64: BigInt = BigInt::from(1) << 64;
    let c_long = *n >= -l63.clone() && *n < l63;
    let c_ulong = *n >= BigInt::from(0) && *n < l64;
    if let Some(name) = named {
        // np_byte and friends take a C long first.
        if !c_long {
            return out_of_range();
        }
        return struct_error(format!("{} format requires {} <= number <= {}", name, lo, hi));
    }
    let requires = || struct_error(format!("'{}' format requires {} <= number <= {}", code as char, lo, hi));
    if size == 8 {
        if big_std {
            // bp_longlong / bp_ulonglong convert with _PyLong_AsByteArray.
            return struct_error("int too large to convert");
        }
        return out_of_range();
    }
    // Sizes 2 and 4: the value is first taken as a C long (signed) or unsigned long.
    if signed {
        if !c_long {
            return out_of_range();
        }
        if f.native && code != b'i' {
            return out_of_range();
        }
        requires()
    } else {
        if !c_ulong {
            return out_of_range();
        }
        requires()
    }
}

/// f64 -> IEEE half, rounding to nearest even; None on overflow (CPython's PyFloat_Pack2).
fn to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if a < 6.103515625e-05 {
        // Subnormal: units of 2**-24 (a carry into 0x400 is the smallest normal, as wanted).
        return Some(sign | (a * 16777216.0).round_ties_even() as u16);
    }
    let mut e = a.log2().floor() as i32;
    if 2f64.powi(e) > a {
        e -= 1;
    } else if 2f64.powi(e + 1) <= a {
        e += 1;
    }
    let mut m = ((a / 2f64.powi(e) - 1.0) * 1024.0).round_ties_even() as u32;
    if m == 1024 {
        m = 0;
        e += 1;
    }
    if e + 15 >= 31 {
        return None;
    }
    Some(sign | (((e + 15) as u16) << 10) | m as u16)
}

fn from_half(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let m = (h & 0x3ff) as f64;
    sign * match e {
        0 => m * 2f64.powi(-24),
        31 => {
            if m == 0.0 {
                f64::INFINITY
            } else {
                f64::NAN
            }
        }
        _ => (1.0 + m / 1024.0) * 2f64.powi(e - 15),
    }
}

fn put(out: &mut [u8], bytes: &[u8], little: bool) {
    if little {
        out.copy_from_slice(bytes);
    } else {
        for (o, b) in out.iter_mut().zip(bytes.iter().rev()) {
            *o = *b;
        }
    }
}

fn pack_values(vm: &mut Vm, f: &Format, vals: &[Value], out: &mut [u8]) -> PyResult<()> {
    if vals.len() != f.nvalues {
        return Err(struct_error(format!("pack expected {} items for packing (got {})", f.nvalues, vals.len())));
    }
    let mut vi = 0;
    for it in &f.items {
        match it.code {
            b'x' => {}
            b's' | b'p' => {
                let data = match &vals[vi] {
                    v @ (Value::Bytes(_) | Value::ByteArray(_)) => bytes_like(v).unwrap().into_owned(),
                    _ => return Err(struct_error(format!("argument for '{}' must be a bytes object", it.code as char))),
                };
                vi += 1;
                let dst = &mut out[it.offset..it.offset + it.count];
                if it.code == b's' {
                    let n = data.len().min(it.count);
                    dst[..n].copy_from_slice(&data[..n]);
                } else if it.count > 0 {
                    let n = data.len().min(it.count - 1).min(255);
                    dst[0] = n as u8;
                    dst[1..1 + n].copy_from_slice(&data[..n]);
                }
            }
            code => {
                for k in 0..it.count {
                    let v = &vals[vi];
                    vi += 1;
                    let at = it.offset + k * it.size;
                    let dst = &mut out[at..at + it.size];
                    match code {
                        b'c' => match bytes_like(v) {
                            Some(b) if b.len() == 1 && matches!(v, Value::Bytes(_) | Value::ByteArray(_)) => dst[0] = b[0],
                            _ => return Err(struct_error("char format requires a bytes object of length 1")),
                        },
                        b'?' => dst[0] = vm.truthy(v)? as u8,
                        b'f' => {
                            let x = float_arg(v)?;
                            if !f.native && x.is_finite() && (x as f32).is_infinite() {
                                return Err(error("OverflowError", "float too large to pack with f format"));
                            }
                            put(dst, &(x as f32).to_le_bytes(), f.little);
                        }
                        b'd' => put(dst, &float_arg(v)?.to_le_bytes(), f.little),
                        b'e' => {
                            let h = to_half(float_arg(v)?).ok_or_else(|| error("OverflowError", "float too large to pack with e format"))?;
                            put(dst, &h.to_le_bytes(), f.little);
                        }
                        _ => {
                            let n = int_arg(v)?;
                            let signed = code.is_ascii_lowercase();
                            let bits = it.size as u32 * 8;
                            let ok = if signed {
                                n >= -(BigInt::from(1) << (bits - 1)) && n < (BigInt::from(1) << (bits - 1))
                            } else {
                                n >= BigInt::from(0) && n < (BigInt::from(1) << bits)
                            };
                            if !ok {
                                return Err(range_error(code, it.size, f, &n));
                            }
                            let mut le = n.to_signed_bytes_le();
                            let pad = if n < BigInt::from(0) { 0xff } else { 0 };
                            le.resize(it.size, pad);
                            put(dst, &le[..it.size], f.little);
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

fn get(src: &[u8], little: bool) -> [u8; 8] {
    let mut b = [0u8; 8];
    if little {
        b[..src.len()].copy_from_slice(src);
    } else {
        for (i, x) in src.iter().rev().enumerate() {
            b[i] = *x;
        }
    }
    b
}

fn unpack_values(f: &Format, data: &[u8]) -> Vec<Value> {
    let mut out = Vec::with_capacity(f.nvalues);
    for it in &f.items {
        match it.code {
            b'x' => {}
            b's' => out.push(Value::bytes(data[it.offset..it.offset + it.count].to_vec())),
            b'p' => {
                let field = &data[it.offset..it.offset + it.count];
                let n = field.first().map_or(0, |&n| (n as usize).min(it.count.saturating_sub(1)));
                out.push(Value::bytes(field.get(1..1 + n).unwrap_or(&[]).to_vec()));
            }
            code => {
                for k in 0..it.count {
                    let at = it.offset + k * it.size;
                    let src = &data[at..at + it.size];
                    let b = get(src, f.little);
                    out.push(match code {
                        b'c' => Value::bytes(vec![src[0]]),
                        b'?' => Value::Bool(src[0] != 0),
                        b'f' => Value::Float(f32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64),
                        b'd' => Value::Float(f64::from_le_bytes(b)),
                        b'e' => Value::Float(from_half(u16::from_le_bytes([b[0], b[1]]))),
                        _ => {
                            let raw = u64::from_le_bytes(b);
                            let bits = it.size as u32 * 8;
                            if code.is_ascii_lowercase() {
                                let shift = 64 - bits;
                                Value::Int(((raw << shift) as i64) >> shift)
                            } else {
                                match i64::try_from(raw) {
                                    Ok(i) => Value::Int(i),
                                    Err(_) => Value::bigint(BigInt::from(raw)),
                                }
                            }
                        }
                    });
                }
            }
        }
    }
    out
}

fn format_of(args: &Args, fname: &str, min: usize) -> PyResult<Format> {
    args.only_kwargs(fname, &[])?;
    let p = args.pos();
    if p.len() < min {
        return Err(type_error(format!("{} expected at least {} arguments, got {}", fname, min, p.len())));
    }
    parse(&fmt_arg(&p[0])?)
}

fn pack(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = format_of(&args, "pack", 1)?;
    let mut out = vec![0u8; f.size];
    pack_values(vm, &f, &args.pos()[1..], &mut out)?;
    Ok(Value::bytes(out))
}

fn buffer_arg(v: &Value) -> PyResult<Vec<u8>> {
    bytes_like(v).map(|b| b.into_owned()).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", v.type_name())))
}

fn unpack(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = format_of(&args, "unpack", 2)?;
    let data = buffer_arg(&args.pos()[1])?;
    if data.len() != f.size {
        return Err(struct_error(format!("unpack requires a buffer of {} bytes", f.size)));
    }
    Ok(Value::tuple(unpack_values(&f, &data)))
}

fn calcsize(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = args.exact("calcsize", 1)?;
    Ok(Value::Int(parse(&fmt_arg(&p[0])?)?.size as i64))
}

fn offset_arg(v: Option<&Value>, len: usize) -> PyResult<i64> {
    let off = match v {
        Some(v) => crate::vm::args::arg_int(v)?,
        None => 0,
    };
    Ok(if off < 0 { off + len as i64 } else { off })
}

fn pack_into(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = format_of(&args, "pack_into", 3)?;
    let p = args.pos();
    let Value::ByteArray(buf) = &p[1] else {
        return Err(type_error(format!("argument must be read-write bytes-like object, not {}", p[1].type_name())));
    };
    let mut out = vec![0u8; f.size];
    pack_values(vm, &f, &p[3..], &mut out)?;
    let len = buf.len();
    let off = offset_arg(p.get(2), len)?;
    if off < 0 || off as usize + f.size > len {
        if off < 0 {
            return Err(struct_error(format!("offset {} out of range for {}-byte buffer", off - len as i64, len)));
        }
        return Err(struct_error(format!(
            "pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {} (actual buffer size is {})",
            off as usize + f.size,
            f.size,
            off,
            len
        )));
    }
    let mut data = buf.lock();
    if off as usize + f.size <= data.len() {
        data[off as usize..off as usize + f.size].copy_from_slice(&out);
    }
    Ok(Value::None)
}

fn unpack_from(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.only_kwargs("unpack_from", &["buffer", "offset"])?;
    let p = args.pos();
    let fmt = p.first().ok_or_else(|| type_error("unpack_from() missing required argument 'format' (pos 1)"))?;
    let f = parse(&fmt_arg(fmt)?)?;
    let buf = args.arg(1, "buffer").ok_or_else(|| type_error("unpack_from() missing required argument 'buffer' (pos 2)"))?;
    let data = buffer_arg(buf)?;
    let off = offset_arg(args.arg(2, "offset"), data.len())?;
    if off < 0 {
        return Err(struct_error(format!("offset {} out of range for {}-byte buffer", off - data.len() as i64, data.len())));
    }
    let off = off as usize;
    if off + f.size > data.len() {
        return Err(struct_error(format!(
            "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {} (actual buffer size is {})",
            off + f.size,
            f.size,
            off,
            data.len()
        )));
    }
    Ok(Value::tuple(unpack_values(&f, &data[off..off + f.size])))
}

fn iter_unpack(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = format_of(&args, "iter_unpack", 2)?;
    let data = buffer_arg(&args.pos()[1])?;
    if f.size == 0 {
        return Err(struct_error("cannot iteratively unpack with a struct of length 0"));
    }
    if data.len() % f.size != 0 {
        return Err(struct_error(format!("iterative unpacking requires a buffer of a multiple of {} bytes", f.size)));
    }
    let items: Vec<Value> = data.chunks(f.size).map(|c| Value::tuple(unpack_values(&f, c))).collect();
    let list = Value::list(items);
    crate::vm::state::Vm::get_iter(_vm, &list)
}
