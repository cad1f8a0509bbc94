//! An array's items as a typed Vec (one variant per C type), and the conversions between them
//! and Python values with CPython's range checks and messages (64-bit Linux sizes: `l` and `L`
//! are 8 bytes, `u` is a 4-byte wchar_t).

use crate::vm::exceptions::{overflow_error, type_error, PyResult};
use crate::vm::types::big_to_f64;
use crate::vm::value::Value;
use num_bigint::BigInt;
use num_traits::ToPrimitive;

pub const TYPECODES: &str = "bBuhHiIlLqQfd";

#[derive(Clone)]
pub enum Items {
    I8(Vec<i8>),
    U8(Vec<u8>),
    Char(Vec<char>),
    I16(Vec<i16>),
    U16(Vec<u16>),
    I32(Vec<i32>),
    U32(Vec<u32>),
    I64(Vec<i64>),
    U64(Vec<u64>),
    F32(Vec<f32>),
    F64(Vec<f64>),
}

/// Runs `$e` with `$v` bound to the Vec, whatever its item type.
macro_rules! each {
    ($items:expr, $v:ident => $e:expr) => {
        match $items {
            Items::I8($v) => $e,
            Items::U8($v) => $e,
            Items::Char($v) => $e,
            Items::I16($v) => $e,
            Items::U16($v) => $e,
            Items::I32($v) => $e,
            Items::U32($v) => $e,
            Items::I64($v) => $e,
            Items::U64($v) => $e,
            Items::F32($v) => $e,
            Items::F64($v) => $e,
        }
    };
}

/// Like `each!`, for an expression that yields a Vec of the same item type: wraps it back.
macro_rules! map_same {
    ($items:expr, $v:ident => $e:expr) => {
        match $items {
            Items::I8($v) => Items::I8($e),
            Items::U8($v) => Items::U8($e),
            Items::Char($v) => Items::Char($e),
            Items::I16($v) => Items::I16($e),
            Items::U16($v) => Items::U16($e),
            Items::I32($v) => Items::I32($e),
            Items::U32($v) => Items::U32($e),
            Items::I64($v) => Items::I64($e),
            Items::U64($v) => Items::U64($e),
            Items::F32($v) => Items::F32($e),
            Items::F64($v) => Items::F64($e),
        }
    };
}

/// Runs `$e` with `$a` and `$b` bound to two Vecs of the same item type; `$other` otherwise.
macro_rules! both {
    ($x:expr, $y:expr, $a:ident, $b:ident => $e:expr, $other:expr) => {
        match ($x, $y) {
            (Items::I8($a), Items::I8($b)) => $e,
            (Items::U8($a), Items::U8($b)) => $e,
            (Items::Char($a), Items::Char($b)) => $e,
            (Items::I16($a), Items::I16($b)) => $e,
            (Items::U16($a), Items::U16($b)) => $e,
            (Items::I32($a), Items::I32($b)) => $e,
            (Items::U32($a), Items::U32($b)) => $e,
            (Items::I64($a), Items::I64($b)) => $e,
            (Items::U64($a), Items::U64($b)) => $e,
            (Items::F32($a), Items::F32($b)) => $e,
            (Items::F64($a), Items::F64($b)) => $e,
            _ => $other,
        }
    };
}

pub(crate) use {both, each, map_same};

/// One item converted from a Python value, before it is stored.
#[derive(Clone, Copy)]
pub enum Scalar {
    Int(i128),
    Float(f64),
    Char(char),
}

pub fn item_size(code: u8) -> usize {
    match code {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'u' | b'i' | b'I' | b'f' => 4,
        _ => 8,
    }
}

impl Items {
    pub fn empty(code: u8) -> Items {
        match code {
            b'b' => Items::I8(Vec::new()),
            b'B' => Items::U8(Vec::new()),
            b'u' => Items::Char(Vec::new()),
            b'h' => Items::I16(Vec::new()),
            b'H' => Items::U16(Vec::new()),
            b'i' => Items::I32(Vec::new()),
            b'I' => Items::U32(Vec::new()),
            b'l' | b'q' => Items::I64(Vec::new()),
            b'L' | b'Q' => Items::U64(Vec::new()),
            b'f' => Items::F32(Vec::new()),
            _ => Items::F64(Vec::new()),
        }
    }

    pub fn len(&self) -> usize {
        each!(self, v => v.len())
    }

    pub fn get(&self, i: usize) -> Value {
        match self {
            Items::I8(v) => Value::Int(v[i] as i64),
            Items::U8(v) => Value::Int(v[i] as i64),
            Items::Char(v) => Value::string(v[i].to_string()),
            Items::I16(v) => Value::Int(v[i] as i64),
            Items::U16(v) => Value::Int(v[i] as i64),
            Items::I32(v) => Value::Int(v[i] as i64),
            Items::U32(v) => Value::Int(v[i] as i64),
            Items::I64(v) => Value::Int(v[i]),
            Items::U64(v) => match i64::try_from(v[i]) {
                Ok(x) => Value::Int(x),
                Err(_) => Value::bigint(BigInt::from(v[i])),
            },
            Items::F32(v) => Value::Float(v[i] as f64),
            Items::F64(v) => Value::Float(v[i]),
        }
    }

    /// Stores a scalar already range-checked for this array's typecode by `convert`.
    pub fn set(&mut self, i: usize, s: Scalar) {
        match (self, s) {
            (Items::I8(v), Scalar::Int(x)) => v[i] = x as i8,
            (Items::U8(v), Scalar::Int(x)) => v[i] = x as u8,
            (Items::I16(v), Scalar::Int(x)) => v[i] = x as i16,
            (Items::U16(v), Scalar::Int(x)) => v[i] = x as u16,
            (Items::I32(v), Scalar::Int(x)) => v[i] = x as i32,
            (Items::U32(v), Scalar::Int(x)) => v[i] = x as u32,
            (Items::I64(v), Scalar::Int(x)) => v[i] = x as i64,
            (Items::U64(v), Scalar::Int(x)) => v[i] = x as u64,
            (Items::F32(v), Scalar::Float(x)) => v[i] = x as f32,
            (Items::F64(v), Scalar::Float(x)) => v[i] = x,
            (Items::Char(v), Scalar::Char(c)) => v[i] = c,
            _ => unreachable!("convert made a scalar of another kind"),
        }
    }

    pub fn push(&mut self, s: Scalar) {
        let n = self.len();
        self.insert(n, s);
    }

    pub fn insert(&mut self, i: usize, s: Scalar) {
        match self {
            Items::I8(v) => v.insert(i, 0),
            Items::U8(v) => v.insert(i, 0),
            Items::Char(v) => v.insert(i, '\0'),
            Items::I16(v) => v.insert(i, 0),
            Items::U16(v) => v.insert(i, 0),
            Items::I32(v) => v.insert(i, 0),
            Items::U32(v) => v.insert(i, 0),
            Items::I64(v) => v.insert(i, 0),
            Items::U64(v) => v.insert(i, 0),
            Items::F32(v) => v.insert(i, 0.0),
            Items::F64(v) => v.insert(i, 0.0),
        }
        self.set(i, s);
    }

    pub fn values(&self) -> Vec<Value> {
        (0..self.len()).map(|i| self.get(i)).collect()
    }

    /// The items at `positions`, as an array of the same type.
    pub fn pick(&self, positions: &[usize]) -> Items {
        map_same!(self, v => positions.iter().map(|&p| v[p]).collect())
    }

    /// Appends another array's items; false if its item type differs.
    pub fn extend_from(&mut self, other: &Items) -> bool {
        both!(self, other, a, b => { a.extend_from_slice(b); true }, false)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        match self {
            Items::Char(v) => v.iter().flat_map(|c| (*c as u32).to_ne_bytes()).collect(),
            Items::F32(v) => v.iter().flat_map(|x| x.to_ne_bytes()).collect(),
            Items::F64(v) => v.iter().flat_map(|x| x.to_ne_bytes()).collect(),
            Items::I8(v) => v.iter().flat_map(|x| x.to_ne_bytes()).collect(),
            Items::U8(v) => v.clone(),
            Items::I16(v) => v.iter().flat_map(|x| x.to_ne_bytes()).collect(),
            Items::U16(v) => v.iter().flat_map(|x| x.to_ne_bytes()).collect(),
            Items::I32(v) => v.iter().flat_map(|x| x.to_ne_bytes()).collect(),
            Items::U32(v) => v.iter().flat_map(|x| x.to_ne_bytes()).collect(),
            Items::I64(v) => v.iter().flat_map(|x| x.to_ne_bytes()).collect(),
            Items::U64(v) => v.iter().flat_map(|x| x.to_ne_bytes()).collect(),
        }
    }

    /// Appends the items `raw` holds (its length a multiple of the item size). A `u` item that
    /// is no Unicode code point is a ValueError in CPython only when read; here it is stored as
    /// U+FFFD (threadlab's chars must be valid).
    pub fn extend_bytes(&mut self, raw: &[u8]) {
        macro_rules! chunks {
            ($v:ident, $t:ty) => {
                $v.extend(raw.chunks_exact(std::mem::size_of::<$t>()).map(|c| <$t>::from_ne_bytes(c.try_into().unwrap())))
            };
        }
        match self {
            Items::Char(v) => v.extend(
                raw.chunks_exact(4)
                    .map(|c| char::from_u32(u32::from_ne_bytes(c.try_into().unwrap())).unwrap_or('\u{fffd}')),
            ),
            Items::I8(v) => chunks!(v, i8),
            Items::U8(v) => v.extend_from_slice(raw),
            Items::I16(v) => chunks!(v, i16),
            Items::U16(v) => chunks!(v, u16),
            Items::I32(v) => chunks!(v, i32),
            Items::U32(v) => chunks!(v, u32),
            Items::I64(v) => chunks!(v, i64),
            Items::U64(v) => chunks!(v, u64),
            Items::F32(v) => chunks!(v, f32),
            Items::F64(v) => chunks!(v, f64),
        }
    }

    pub fn byteswap(&mut self) {
        match self {
            Items::I8(_) | Items::U8(_) => {}
            Items::Char(v) => v.iter_mut().for_each(|c| *c = char::from_u32((*c as u32).swap_bytes()).unwrap_or('\u{fffd}')),
            Items::I16(v) => v.iter_mut().for_each(|x| *x = x.swap_bytes()),
            Items::U16(v) => v.iter_mut().for_each(|x| *x = x.swap_bytes()),
            Items::I32(v) => v.iter_mut().for_each(|x| *x = x.swap_bytes()),
            Items::U32(v) => v.iter_mut().for_each(|x| *x = x.swap_bytes()),
            Items::I64(v) => v.iter_mut().for_each(|x| *x = x.swap_bytes()),
            Items::U64(v) => v.iter_mut().for_each(|x| *x = x.swap_bytes()),
            Items::F32(v) => v.iter_mut().for_each(|x| *x = f32::from_bits(x.to_bits().swap_bytes())),
            Items::F64(v) => v.iter_mut().for_each(|x| *x = f64::from_bits(x.to_bits().swap_bytes())),
        }
    }
}

const C_LONG: &str = "Python int too large to convert to C long";
const C_ULONG: &str = "Python int too large to convert to C unsigned long";
const NEG_UINT: &str = "can't convert negative value to unsigned int";

/// `v` as an item of typecode `code`, or CPython's TypeError / OverflowError.
pub fn convert(code: u8, v: &Value) -> PyResult<Scalar> {
    match code {
        b'f' | b'd' => {
            let x = match v {
                Value::Float(f) => *f,
                Value::Int(i) => *i as f64,
                Value::Bool(b) => *b as i64 as f64,
                Value::BigInt(b) => big_to_f64(b)?,
                _ => return Err(type_error(format!("must be real number, not {}", v.type_name()))),
            };
            Ok(Scalar::Float(x))
        }
        b'u' => match v {
            Value::Str(s) => {
                let mut cs = s.as_str().chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) => Ok(Scalar::Char(c)),
                    _ => Err(type_error("array item must be unicode character")),
                }
            }
            _ => Err(type_error("array item must be unicode character")),
        },
        _ => {
            let n: i128 = match v {
                Value::Int(i) => *i as i128,
                Value::Bool(b) => *b as i128,
                Value::BigInt(b) => b.to_i128().unwrap_or(if b.sign() == num_bigint::Sign::Minus { i128::MIN } else { i128::MAX }),
                _ => return Err(type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name()))),
            };
            check_int(code, n)?;
            Ok(Scalar::Int(n))
        }
    }
}

/// CPython's checks for an int item, in its order: 'b' goes through a C short and 'H'
/// through a C int first, and says so when those overflow.
fn check_int(code: u8, n: i128) -> PyResult<()> {
    match code {
        b'b' => check_int(b'h', n)?,
        b'H' => check_int(b'i', n)?,
        _ => {}
    }
    let long = || if i64::try_from(n).is_ok() { Ok(()) } else { Err(overflow_error(C_LONG)) };
    let ulong = || {
        if n < 0 {
            Err(overflow_error(NEG_UINT))
        } else if n > u64::MAX as i128 {
            Err(overflow_error(C_ULONG))
        } else {
            Ok(())
        }
    };
    let (lo, hi, below, above): (i128, i128, &str, &str) = match code {
        b'b' => { long()?; (-128, 127, "signed char is less than minimum", "signed char is greater than maximum") }
        b'B' => { long()?; (0, 255, "unsigned byte integer is less than minimum", "unsigned byte integer is greater than maximum") }
        b'h' => { long()?; (-32768, 32767, "signed short integer is less than minimum", "signed short integer is greater than maximum") }
        b'H' => { long()?; (0, 65535, "unsigned short is less than minimum", "unsigned short is greater than maximum") }
        b'i' => { long()?; (i32::MIN as i128, i32::MAX as i128, "signed integer is less than minimum", "signed integer is greater than maximum") }
        b'I' => { ulong()?; (0, u32::MAX as i128, NEG_UINT, "unsigned int is greater than maximum") }
        b'l' => (i64::MIN as i128, i64::MAX as i128, C_LONG, C_LONG),
        b'L' => (0, u64::MAX as i128, NEG_UINT, C_ULONG),
        b'q' => (i64::MIN as i128, i64::MAX as i128, "int too big to convert", "int too big to convert"),
        _ => (0, u64::MAX as i128, "can't convert negative int to unsigned", "int too big to convert"),
    };
    if n < lo {
        return Err(overflow_error(below));
    }
    if n > hi {
        return Err(overflow_error(above));
    }
    Ok(())
}
