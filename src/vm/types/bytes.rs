//! `bytes`: the payload, the methods it shares with `bytearray` (each works on a byte slice and
//! returns the receiver's type), its constructor, and its protocol arms (concatenation,
//! repetition, `%`, indexing, membership, comparison, repr).

use super::bytearray::ByteArray;
use super::codecs;
use super::slice::{position, slice_positions};
use crate::builtins_table;
use crate::lang::bytecode::{BinKind, CmpKind};
use crate::vm::args::Args;
use crate::vm::exceptions::{type_error, value_error, PyResult};
use crate::vm::ops::{cmp_ord, repeat, repeat_count};
use crate::vm::state::Vm;
use crate::vm::types::{Builtin, TypeKind};
use crate::vm::value::Value;
use std::borrow::Cow;
use std::sync::Arc;

/// An immutable byte string.
pub struct Bytes {
    pub data: Box<[u8]>,
}

impl Bytes {
    pub fn new(data: Vec<u8>) -> Bytes {
        Bytes { data: data.into_boxed_slice() }
    }
}

impl Value {
    pub fn bytes(data: Vec<u8>) -> Value {
        Value::Bytes(Arc::new(Bytes::new(data)))
    }
}

/// The bytes of a bytes-like value (`bytes` borrowed, `bytearray` copied under its lock).
pub fn bytes_like(v: &Value) -> Option<Cow<'_, [u8]>> {
    match v {
        Value::Bytes(b) => Some(Cow::Borrowed(&b.data)),
        Value::ByteArray(b) => Some(Cow::Owned(b.snapshot())),
        _ => None,
    }
}

/// A bytes-like argument, or CPython's TypeError.
pub fn need_bytes(v: &Value) -> PyResult<Cow<'_, [u8]>> {
    bytes_like(v).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", v.type_name())))
}

/// A result of the receiver's type: bytes for bytes, bytearray for bytearray.
fn wrap(bytearray: bool, data: Vec<u8>) -> Value {
    if bytearray {
        Value::ByteArray(Arc::new(ByteArray::new(data)))
    } else {
        Value::bytes(data)
    }
}

/// A method call's receiver as bytes, whether it is a bytearray, and the other arguments.
fn recv<'a>(args: &Args<'a>) -> PyResult<(Cow<'a, [u8]>, bool, Args<'a>)> {
    let (this, rest) = args.split_self();
    match this {
        Value::Bytes(b) => Ok((Cow::Borrowed(&b.data), false, rest)),
        Value::ByteArray(b) => Ok((Cow::Owned(b.snapshot()), true, rest)),
        other => Err(type_error(format!("descriptor requires a 'bytes' object but received a '{}'", other.type_name()))),
    }
}

/// A byte value 0..=255 from an int (`byte must be in range(0, 256)`).
pub fn byte_of(v: &Value) -> PyResult<u8> {
    let i = match v {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => -1,
        other => return Err(type_error(format!("'{}' object cannot be interpreted as an integer", other.type_name()))),
    };
    u8::try_from(i).map_err(|_| value_error("byte must be in range(0, 256)"))
}

// ---- repr -----------------------------------------------------------------------------------

/// `repr(b)`'s quoted part: `b'\x00a\\'` (double quotes when it holds `'` but no `"`).
pub fn bytes_repr(data: &[u8]) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in data {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{:02x}", c)),
        }
    }
    out.push(quote);
    out
}

// ---- constructor ----------------------------------------------------------------------------

/// The bytes that `bytes(...)` / `bytearray(...)` are made of.
pub fn bytes_source(vm: &mut Vm, fname: &str, args: Args) -> PyResult<Vec<u8>> {
    args.only_kwargs(fname, &["source", "encoding", "errors"])?;
    if args.n() > 3 {
        return Err(type_error(format!("{}() takes at most 3 arguments ({} given)", fname, args.n())));
    }
    let source = args.arg(0, "source");
    let encoding = args.arg(1, "encoding");
    let errors = args.arg(2, "errors");
    let Some(source) = source else {
        if encoding.is_some() || errors.is_some() {
            let what = if encoding.is_some() { "encoding" } else { "errors" };
            return Err(type_error(format!("{} without a string argument", what)));
        }
        return Ok(Vec::new());
    };
    if let Value::Str(s) = source {
        let Some(enc) = encoding else {
            return Err(type_error("string argument without an encoding"));
        };
        let enc = codecs::str_arg(enc, fname, "encoding")?;
        let errs = match errors {
            Some(e) => codecs::str_arg(e, fname, "errors")?,
            None => "strict",
        };
        return codecs::encode(s.as_str(), enc, errs);
    }
    if encoding.is_some() {
        return Err(type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(type_error("errors without a string argument"));
    }
    if let Some(b) = bytes_like(source) {
        return Ok(b.into_owned());
    }
    match source {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            let n = crate::vm::args::arg_int(source)?;
            if n < 0 {
                return Err(value_error("negative count"));
            }
            crate::vm::limits::check_alloc(n as usize, 1)?;
            return Ok(vec![0; n as usize]);
        }
        Value::Float(_) => return Err(type_error(format!("cannot convert '{}' object to {}", source.type_name(), fname))),
        Value::Instance(i) => {
            if let Some(m) = i.class.lookup("__bytes__") {
                let r = vm.call(&m, &[source.clone()])?;
                return match &r {
                    Value::Bytes(b) => Ok(b.data.to_vec()),
                    other => Err(type_error(format!("__bytes__ returned non-bytes (type {})", other.type_name()))),
                };
            }
        }
        _ => {}
    }
    let items = match vm.get_iter(source) {
        Ok(it) => {
            let mut out = Vec::new();
            while let Some(x) = vm.next(&it)? {
                out.push(x);
            }
            out
        }
        Err(_) => return Err(type_error(format!("cannot convert '{}' object to {}", source.type_name(), fname))),
    };
    let msg = if fname == "bytes" { "bytes must be in range(0, 256)" } else { "byte must be in range(0, 256)" };
    items.iter().map(|x| byte_of(x).map_err(|e| if crate::vm::exceptions::is_exc(&e, "ValueError") { value_error(msg) } else { e })).collect()
}

pub fn bytes_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let (1, Some(Value::Bytes(_))) = (args.all.len(), args.all.first()) {
        return Ok(args.all[0].clone());
    }
    Ok(Value::bytes(bytes_source(vm, "bytes", args)?))
}

/// `bytes.fromhex(s)` / `bytearray.fromhex(s)` (a classmethod: the first argument is the class).
fn fromhex(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("fromhex", 2)?;
    let text = match &a[1] {
        Value::Str(s) => s.clone(),
        other => return Err(type_error(format!("fromhex() argument must be str, not {}", other.type_name()))),
    };
    let chars: Vec<char> = text.as_str().chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16);
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (Some(_), None) => {
                return Err(value_error(format!("non-hexadecimal number found in fromhex() arg at position {}", i + 1)))
            }
            _ => return Err(value_error(format!("non-hexadecimal number found in fromhex() arg at position {}", i))),
        }
        i += 2;
    }
    let bytearray = matches!(&a[0], Value::Class(c) if c.kind == TypeKind::ByteArray);
    Ok(wrap(bytearray, out))
}

pub static BYTES_FROMHEX: Builtin = Builtin { name: "fromhex", f: fromhex };

/// The classmethod entries both classes add to their method tables.
pub fn class_extras() -> Vec<(&'static str, Value)> {
    vec![("fromhex", Value::Wrapper(Arc::new(super::Wrapper::ClassMethod(Value::Builtin(&BYTES_FROMHEX)))))]
}

// ---- methods shared with bytearray ----------------------------------------------------------

pub static BYTES_METHODS: &[Builtin] = builtins_table![
    "decode" => decode,
    "hex" => hex,
    "count" => count,
    "find" => find,
    "rfind" => rfind,
    "index" => index,
    "rindex" => rindex,
    "startswith" => startswith,
    "endswith" => endswith,
    "split" => split,
    "rsplit" => rsplit,
    "splitlines" => splitlines,
    "join" => join,
    "strip" => strip,
    "lstrip" => lstrip,
    "rstrip" => rstrip,
    "replace" => replace,
    "upper" => upper,
    "lower" => lower,
    "swapcase" => swapcase,
    "title" => title,
    "capitalize" => capitalize,
    "isdigit" => isdigit,
    "isalpha" => isalpha,
    "isalnum" => isalnum,
    "isspace" => isspace,
    "isupper" => isupper,
    "islower" => islower,
    "isascii" => isascii,
    "istitle" => istitle,
    "partition" => partition,
    "rpartition" => rpartition,
    "removeprefix" => removeprefix,
    "removesuffix" => removesuffix,
    "ljust" => ljust,
    "rjust" => rjust,
    "center" => center,
    "zfill" => zfill,
    "expandtabs" => expandtabs,
    "translate" => translate,
    "__len__" => dunder_len,
    "__getitem__" => dunder_getitem,
    "__contains__" => dunder_contains,
    "__iter__" => dunder_iter,
];

fn dunder_len(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, _, _) = recv(&a)?;
    Ok(Value::Int(b.len() as i64))
}

fn dunder_getitem(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (this, rest) = a.split_self();
    let p = rest.exact("__getitem__", 1)?;
    let (b, ba, _) = recv(&a)?;
    let _ = this;
    bytes_getitem(&b, ba, &p[0])
}

fn dunder_contains(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, _, rest) = recv(&a)?;
    let p = rest.exact("__contains__", 1)?;
    Ok(Value::Bool(bytes_contains(&b, &p[0])?))
}

fn dunder_iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    vm.get_iter(&a.all[0])
}

fn decode(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, _, rest) = recv(&a)?;
    rest.only_kwargs("decode", &["encoding", "errors"])?;
    if rest.n() > 2 {
        return Err(type_error(format!("decode() takes at most 2 arguments ({} given)", rest.n())));
    }
    let enc = match rest.arg(0, "encoding") {
        Some(v) => codecs::str_arg(v, "decode", "encoding")?,
        None => "utf-8",
    };
    let errs = match rest.arg(1, "errors") {
        Some(v) => codecs::str_arg(v, "decode", "errors")?,
        None => "strict",
    };
    Ok(Value::string(codecs::decode(&b, enc, errs)?))
}

fn hex(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, _, rest) = recv(&a)?;
    rest.only_kwargs("hex", &["sep", "bytes_per_sep"])?;
    let sep = match rest.arg(0, "sep") {
        None => None,
        Some(Value::Str(s)) => Some(s.as_str().to_string()),
        Some(v) => match bytes_like(v) {
            Some(x) => Some(String::from_utf8_lossy(&x).into_owned()),
            None => return Err(type_error(format!("sep must be str or bytes."))),
        },
    };
    if let Some(s) = &sep {
        if s.chars().count() != 1 {
            return Err(value_error("sep must be length 1."));
        }
    }
    let per = match rest.arg(1, "bytes_per_sep") {
        Some(v) => crate::vm::args::arg_int(v)?,
        None => 1,
    };
    let digits: Vec<String> = b.iter().map(|c| format!("{:02x}", c)).collect();
    let (Some(sep), true) = (sep, per != 0) else {
        return Ok(Value::string(digits.concat()));
    };
    let n = per.unsigned_abs() as usize;
    // Groups count from the right for a positive bytes_per_sep, from the left for a negative one.
    let mut groups: Vec<String> = Vec::new();
    if per > 0 {
        let mut end = digits.len();
        while end > 0 {
            let start = end.saturating_sub(n);
            groups.push(digits[start..end].concat());
            end = start;
        }
        groups.reverse();
    } else {
        for chunk in digits.chunks(n) {
            groups.push(chunk.concat());
        }
    }
    Ok(Value::string(groups.join(&sep)))
}

/// `start`/`end` arguments of find-like methods, clamped as slice bounds.
fn sub_range(len: usize, start: Option<&Value>, end: Option<&Value>) -> PyResult<(usize, usize, bool)> {
    let conv = |v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(v) => {
                let i = super::index_of(v).ok_or_else(|| type_error("slice indices must be integers or None or have an __index__ method"))?;
                Ok(if i < 0 { (i + len as i64).max(0) } else { i })
            }
        }
    };
    let s = conv(start, 0)?;
    let e = conv(end, len as i64)?.min(len as i64);
    // `valid` is false when start is past the end (so even an empty needle is not found).
    Ok((s.min(len as i64) as usize, e.max(0) as usize, s <= e))
}

/// The needle of find/count/index: a bytes-like value or an int.
fn needle(v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(v) {
        return Ok(b.into_owned());
    }
    match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => Ok(vec![byte_of(v)?]),
        other => Err(type_error(format!("argument should be integer or bytes-like object, not '{}'", other.type_name()))),
    }
}

pub fn find_sub(hay: &[u8], sub: &[u8]) -> Option<usize> {
    if sub.is_empty() {
        return Some(0);
    }
    if sub.len() > hay.len() {
        return None;
    }
    hay.windows(sub.len()).position(|w| w == sub)
}

fn rfind_sub(hay: &[u8], sub: &[u8]) -> Option<usize> {
    if sub.is_empty() {
        return Some(hay.len());
    }
    if sub.len() > hay.len() {
        return None;
    }
    hay.windows(sub.len()).rposition(|w| w == sub)
}

fn find_impl(a: Args, name: &str, rev: bool) -> PyResult<Option<usize>> {
    let (b, _, rest) = recv(&a)?;
    rest.only_kwargs(name, &[])?;
    let p = rest.range(name, 1, 3)?;
    let sub = needle(&p[0])?;
    let (s, e, valid) = sub_range(b.len(), p.get(1), p.get(2))?;
    if !valid {
        return Ok(None);
    }
    let hay = &b[s..e.max(s)];
    Ok(if rev { rfind_sub(hay, &sub) } else { find_sub(hay, &sub) }.map(|i| i + s))
}

fn find(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(a, "find", false)?.map_or(-1, |i| i as i64)))
}

fn rfind(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(a, "rfind", true)?.map_or(-1, |i| i as i64)))
}

fn index(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    find_impl(a, "index", false)?.map(|i| Value::Int(i as i64)).ok_or_else(|| value_error("subsection not found"))
}

fn rindex(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    find_impl(a, "rindex", true)?.map(|i| Value::Int(i as i64)).ok_or_else(|| value_error("subsection not found"))
}

fn count_sub(hay: &[u8], sub: &[u8]) -> usize {
    if sub.is_empty() {
        return hay.len() + 1;
    }
    let mut n = 0;
    let mut i = 0;
    while let Some(k) = find_sub(&hay[i..], sub) {
        n += 1;
        i += k + sub.len();
    }
    n
}

fn count(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, _, rest) = recv(&a)?;
    rest.only_kwargs("count", &[])?;
    let p = rest.range("count", 1, 3)?;
    let sub = needle(&p[0])?;
    let (s, e, valid) = sub_range(b.len(), p.get(1), p.get(2))?;
    if !valid {
        return Ok(Value::Int(0));
    }
    Ok(Value::Int(count_sub(&b[s..e.max(s)], &sub) as i64))
}

fn affix_impl(a: Args, name: &str, ends: bool) -> PyResult<Value> {
    let (b, _, rest) = recv(&a)?;
    rest.only_kwargs(name, &[])?;
    let p = rest.range(name, 1, 3)?;
    let (s, e, valid) = sub_range(b.len(), p.get(1), p.get(2))?;
    let hay = if valid { &b[s..e.max(s)] } else { &b[0..0] };
    let test = |x: &[u8]| if ends { hay.ends_with(x) } else { hay.starts_with(x) };
    match &p[0] {
        Value::Tuple(t) => {
            for item in t.items.iter() {
                let x = bytes_like(item).ok_or_else(|| {
                    type_error(format!("a bytes-like object is required, not '{}'", item.type_name()))
                })?;
                if valid && test(&x) {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        other => match bytes_like(other) {
            Some(x) => Ok(Value::Bool(valid && test(&x))),
            None => Err(type_error(format!(
                "{} first arg must be bytes or a tuple of bytes, not {}",
                name,
                other.type_name()
            ))),
        },
    }
}

fn startswith(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    affix_impl(a, "startswith", false)
}

fn endswith(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    affix_impl(a, "endswith", true)
}

pub fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn split_args<'a>(rest: &Args<'a>, name: &str) -> PyResult<(Option<Vec<u8>>, i64)> {
    rest.only_kwargs(name, &["sep", "maxsplit"])?;
    if rest.n() > 2 {
        return Err(type_error(format!("{}() takes at most 2 arguments ({} given)", name, rest.n())));
    }
    let sep = match rest.arg(0, "sep") {
        None | Some(Value::None) => None,
        Some(v) => {
            let s = need_bytes(v)?.into_owned();
            if s.is_empty() {
                return Err(value_error("empty separator"));
            }
            Some(s)
        }
    };
    let max = match rest.arg(1, "maxsplit") {
        Some(v) => crate::vm::args::arg_int(v)?,
        None => -1,
    };
    Ok((sep, max))
}

fn split(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, ba, rest) = recv(&a)?;
    let (sep, max) = split_args(&rest, "split")?;
    let mut parts: Vec<Vec<u8>> = Vec::new();
    let mut left = if max < 0 { usize::MAX } else { max as usize };
    match sep {
        Some(sep) => {
            let mut i = 0;
            while left > 0 {
                match find_sub(&b[i..], &sep) {
                    Some(k) => {
                        parts.push(b[i..i + k].to_vec());
                        i += k + sep.len();
                        left -= 1;
                    }
                    None => break,
                }
            }
            parts.push(b[i..].to_vec());
        }
        None => {
            let mut i = 0;
            let n = b.len();
            loop {
                while i < n && is_space(b[i]) {
                    i += 1;
                }
                if i >= n {
                    break;
                }
                if left == 0 {
                    parts.push(b[i..].to_vec());
                    break;
                }
                let start = i;
                while i < n && !is_space(b[i]) {
                    i += 1;
                }
                parts.push(b[start..i].to_vec());
                left -= 1;
            }
        }
    }
    Ok(Value::list(parts.into_iter().map(|p| wrap(ba, p)).collect()))
}

fn rsplit(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, ba, rest) = recv(&a)?;
    let (sep, max) = split_args(&rest, "rsplit")?;
    let mut parts: Vec<Vec<u8>> = Vec::new();
    let mut left = if max < 0 { usize::MAX } else { max as usize };
    match sep {
        Some(sep) => {
            let mut end = b.len();
            while left > 0 {
                match rfind_sub(&b[..end], &sep) {
                    Some(k) => {
                        parts.push(b[k + sep.len()..end].to_vec());
                        end = k;
                        left -= 1;
                    }
                    None => break,
                }
            }
            parts.push(b[..end].to_vec());
        }
        None => {
            let mut end = b.len();
            loop {
                while end > 0 && is_space(b[end - 1]) {
                    end -= 1;
                }
                if end == 0 {
                    break;
                }
                if left == 0 {
                    parts.push(b[..end].to_vec());
                    break;
                }
                let stop = end;
                while end > 0 && !is_space(b[end - 1]) {
                    end -= 1;
                }
                parts.push(b[end..stop].to_vec());
                left -= 1;
            }
        }
    }
    parts.reverse();
    Ok(Value::list(parts.into_iter().map(|p| wrap(ba, p)).collect()))
}

fn splitlines(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, ba, rest) = recv(&a)?;
    rest.only_kwargs("splitlines", &["keepends"])?;
    let keep = match rest.arg(0, "keepends") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut out = Vec::new();
    let mut i = 0;
    let mut start = 0;
    while i < b.len() {
        let eol = match b[i] {
            b'\n' => 1,
            b'\r' if b.get(i + 1) == Some(&b'\n') => 2,
            b'\r' => 1,
            _ => 0,
        };
        if eol == 0 {
            i += 1;
            continue;
        }
        let end = if keep { i + eol } else { i };
        out.push(wrap(ba, b[start..end].to_vec()));
        i += eol;
        start = i;
    }
    if start < b.len() {
        out.push(wrap(ba, b[start..].to_vec()));
    }
    Ok(Value::list(out))
}

fn join(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, ba, rest) = recv(&a)?;
    let p = rest.exact("join", 1)?;
    let items = vm.collect(&p[0])?;
    let mut out = Vec::new();
    for (n, item) in items.iter().enumerate() {
        if n > 0 {
            out.extend_from_slice(&b);
        }
        match bytes_like(item) {
            Some(x) => out.extend_from_slice(&x),
            None => {
                return Err(type_error(format!(
                    "sequence item {}: expected a bytes-like object, {} found",
                    n,
                    item.type_name()
                )))
            }
        }
    }
    Ok(wrap(ba, out))
}

fn strip_impl(a: Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let (b, ba, rest) = recv(&a)?;
    rest.only_kwargs(name, &[])?;
    let p = rest.range(name, 0, 1)?;
    let chars: Option<Vec<u8>> = match p.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(need_bytes(v)?.into_owned()),
    };
    let strip = |c: u8| match &chars {
        Some(cs) => cs.contains(&c),
        None => is_space(c),
    };
    let (mut s, mut e) = (0, b.len());
    if left {
        while s < e && strip(b[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip(b[e - 1]) {
            e -= 1;
        }
    }
    Ok(wrap(ba, b[s..e].to_vec()))
}

fn strip(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    strip_impl(a, "strip", true, true)
}

fn lstrip(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    strip_impl(a, "lstrip", true, false)
}

fn rstrip(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    strip_impl(a, "rstrip", false, true)
}

fn replace(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, ba, rest) = recv(&a)?;
    rest.only_kwargs("replace", &[])?;
    let p = rest.range("replace", 2, 3)?;
    let old = need_bytes(&p[0])?.into_owned();
    let new = need_bytes(&p[1])?.into_owned();
    let max = match p.get(2) {
        Some(v) => crate::vm::args::arg_int(v)?,
        None => -1,
    };
    let mut left = if max < 0 { usize::MAX } else { max as usize };
    let mut out = Vec::with_capacity(b.len());
    if old.is_empty() {
        // An empty needle matches between every byte and at both ends.
        for (i, &c) in b.iter().enumerate() {
            if left > 0 {
                out.extend_from_slice(&new);
                left -= 1;
            }
            out.push(c);
            let _ = i;
        }
        if left > 0 {
            out.extend_from_slice(&new);
        }
        return Ok(wrap(ba, out));
    }
    let mut i = 0;
    while left > 0 {
        match find_sub(&b[i..], &old) {
            Some(k) => {
                out.extend_from_slice(&b[i..i + k]);
                out.extend_from_slice(&new);
                i += k + old.len();
                left -= 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&b[i..]);
    Ok(wrap(ba, out))
}

fn map_bytes(a: Args, name: &str, f: impl Fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let (b, ba, rest) = recv(&a)?;
    rest.exact(name, 0)?;
    Ok(wrap(ba, f(&b)))
}

fn upper(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_bytes(a, "upper", |b| b.to_ascii_uppercase())
}

fn lower(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_bytes(a, "lower", |b| b.to_ascii_lowercase())
}

fn swapcase(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_bytes(a, "swapcase", |b| {
        b.iter()
            .map(|c| if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() })
            .collect()
    })
}

fn title(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_bytes(a, "title", |b| {
        let mut prev_cased = false;
        b.iter()
            .map(|&c| {
                let r = if prev_cased { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
                prev_cased = c.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn capitalize(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_bytes(a, "capitalize", |b| {
        b.iter().enumerate().map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect()
    })
}

fn pred(a: Args, name: &str, f: impl Fn(&[u8]) -> bool) -> PyResult<Value> {
    let (b, _, rest) = recv(&a)?;
    rest.exact(name, 0)?;
    Ok(Value::Bool(f(&b)))
}

fn isdigit(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(a, "isdigit", |b| !b.is_empty() && b.iter().all(|c| c.is_ascii_digit()))
}

fn isalpha(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(a, "isalpha", |b| !b.is_empty() && b.iter().all(|c| c.is_ascii_alphabetic()))
}

fn isalnum(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(a, "isalnum", |b| !b.is_empty() && b.iter().all(|c| c.is_ascii_alphanumeric()))
}

fn isspace(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(a, "isspace", |b| !b.is_empty() && b.iter().all(|&c| is_space(c)))
}

fn isupper(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(a, "isupper", |b| b.iter().any(|c| c.is_ascii_uppercase()) && !b.iter().any(|c| c.is_ascii_lowercase()))
}

fn islower(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(a, "islower", |b| b.iter().any(|c| c.is_ascii_lowercase()) && !b.iter().any(|c| c.is_ascii_uppercase()))
}

fn isascii(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(a, "isascii", |b| b.is_ascii())
}

fn istitle(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(a, "istitle", |b| {
        let (mut cased, mut prev_cased) = (false, false);
        for &c in b {
            if c.is_ascii_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else if c.is_ascii_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        cased
    })
}

fn partition_impl(a: Args, name: &str, rev: bool) -> PyResult<Value> {
    let (b, ba, rest) = recv(&a)?;
    let p = rest.exact(name, 1)?;
    let sep = need_bytes(&p[0])?.into_owned();
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let at = if rev { rfind_sub(&b, &sep) } else { find_sub(&b, &sep) };
    let parts = match at {
        Some(k) => [b[..k].to_vec(), sep.clone(), b[k + sep.len()..].to_vec()],
        None if rev => [Vec::new(), Vec::new(), b.to_vec()],
        None => [b.to_vec(), Vec::new(), Vec::new()],
    };
    Ok(Value::tuple(parts.into_iter().map(|x| wrap(ba, x)).collect()))
}

fn partition(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    partition_impl(a, "partition", false)
}

fn rpartition(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    partition_impl(a, "rpartition", true)
}

fn removeprefix(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, ba, rest) = recv(&a)?;
    let p = rest.exact("removeprefix", 1)?;
    let x = need_bytes(&p[0])?;
    Ok(wrap(ba, b.strip_prefix(&x[..]).unwrap_or(&b).to_vec()))
}

fn removesuffix(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, ba, rest) = recv(&a)?;
    let p = rest.exact("removesuffix", 1)?;
    let x = need_bytes(&p[0])?;
    Ok(wrap(ba, b.strip_suffix(&x[..]).unwrap_or(&b).to_vec()))
}

fn pad_impl(a: Args, name: &str, how: u8) -> PyResult<Value> {
    let (b, ba, rest) = recv(&a)?;
    let p = rest.range(name, 1, 2)?;
    let width = crate::vm::args::arg_int(&p[0])?;
    let fill = match p.get(1) {
        None => b' ',
        Some(v) => match bytes_like(v) {
            Some(x) if x.len() == 1 => x[0],
            _ => {
                return Err(type_error(format!(
                    "{}() argument 2 must be a byte string of length 1, not {}",
                    name,
                    v.type_name()
                )))
            }
        },
    };
    let n = b.len() as i64;
    if width <= n {
        return Ok(wrap(ba, b.to_vec()));
    }
    crate::vm::limits::check_alloc(width as usize, 1)?;
    let total = (width - n) as usize;
    let left = match how {
        b'l' => 0,
        b'r' => total,
        // CPython's center puts the odd byte on the left when the width is odd.
        _ => total / 2 + (total & width as usize & 1),
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(&b);
    out.resize(width as usize, fill);
    Ok(wrap(ba, out))
}

fn ljust(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    pad_impl(a, "ljust", b'l')
}

fn rjust(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    pad_impl(a, "rjust", b'r')
}

fn center(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    pad_impl(a, "center", b'c')
}

fn zfill(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, ba, rest) = recv(&a)?;
    let p = rest.exact("zfill", 1)?;
    let width = crate::vm::args::arg_int(&p[0])?;
    if width <= b.len() as i64 {
        return Ok(wrap(ba, b.to_vec()));
    }
    crate::vm::limits::check_alloc(width as usize, 1)?;
    let fill = width as usize - b.len();
    let (sign, digits) = match b.first() {
        Some(&c @ (b'+' | b'-')) => (Some(c), &b[1..]),
        _ => (None, &b[..]),
    };
    let mut out = Vec::with_capacity(width as usize);
    out.extend(sign);
    out.extend(std::iter::repeat(b'0').take(fill));
    out.extend_from_slice(digits);
    Ok(wrap(ba, out))
}

fn expandtabs(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, ba, rest) = recv(&a)?;
    rest.only_kwargs("expandtabs", &["tabsize"])?;
    let size = match rest.arg(0, "tabsize") {
        Some(v) => crate::vm::args::arg_int(v)?,
        None => 8,
    };
    let mut out = Vec::new();
    let mut col = 0i64;
    for &c in b.iter() {
        match c {
            b'\t' => {
                if size > 0 {
                    let n = size - col % size;
                    out.extend(std::iter::repeat(b' ').take(n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(wrap(ba, out))
}

fn translate(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, ba, rest) = recv(&a)?;
    rest.only_kwargs("translate", &["delete"])?;
    let p = rest.range("translate", 1, 2)?;
    let table = match &p[0] {
        Value::None => None,
        v => {
            let t = need_bytes(v)?.into_owned();
            if t.len() != 256 {
                return Err(value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match p.get(1).or(rest.kw("delete")) {
        Some(v) => need_bytes(v)?.into_owned(),
        None => Vec::new(),
    };
    let out = b
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    Ok(wrap(ba, out))
}

// ---- protocol arms --------------------------------------------------------------------------

/// `b[i]` / `b[i:j]` for bytes and bytearray.
pub fn bytes_getitem(data: &[u8], bytearray: bool, idx: &Value) -> PyResult<Value> {
    if let Value::Slice(s) = idx {
        let out = slice_positions(s, data.len())?.into_iter().map(|i| data[i]).collect();
        return Ok(wrap(bytearray, out));
    }
    let (tname, msg) = if bytearray { ("bytearray", "bytearray index out of range") } else { ("byte", "index out of range") };
    let i = position(idx, data.len(), tname, msg)?;
    Ok(Value::Int(data[i] as i64))
}

/// `x in b`: an int is a byte, a bytes-like value a substring.
pub fn bytes_contains(data: &[u8], item: &Value) -> PyResult<bool> {
    if let Some(sub) = bytes_like(item) {
        return Ok(find_sub(data, &sub).is_some());
    }
    match item {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => Ok(data.contains(&byte_of(item)?)),
        other => Err(type_error(format!("a bytes-like object is required, not '{}'", other.type_name()))),
    }
}

/// `+`, `*` and `%` with a bytes or bytearray left operand.
pub fn bytes_binop(vm: &mut Vm, kind: BinKind, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let bytearray = matches!(a, Value::ByteArray(_));
    let Some(x) = bytes_like(a) else { return Ok(None) };
    match kind {
        BinKind::Add => match bytes_like(b) {
            Some(y) => {
                let mut out = Vec::with_capacity(x.len() + y.len());
                out.extend_from_slice(&x);
                out.extend_from_slice(&y);
                Ok(Some(wrap(bytearray, out)))
            }
            None => Err(type_error(format!("can't concat {} to {}", b.type_name(), a.type_name()))),
        },
        BinKind::Mul => match repeat_count(b) {
            Some(n) => Ok(Some(wrap(bytearray, repeat(&x, n)?))),
            None => Ok(None),
        },
        BinKind::Mod => Ok(Some(wrap(bytearray, percent(vm, &x, b)?))),
        _ => Ok(None),
    }
}

/// `bytes % args`, through str's `%` on latin-1 text: bytes arguments become latin-1 str, and
/// `%b` is `%s` (the result must fit in latin-1 again).
fn percent(vm: &mut Vm, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let latin1 = |d: &[u8]| -> String { d.iter().map(|&c| c as char).collect() };
    let mut f = latin1(fmt);
    // `%b` -> `%s`: after a `%`, skip flags, width, precision and mapping key up to the letter.
    let mut chars: Vec<char> = f.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '%' {
            let mut j = i + 1;
            if j < chars.len() && chars[j] == '(' {
                while j < chars.len() && chars[j] != ')' {
                    j += 1;
                }
                j += 1;
            }
            while j < chars.len() && "#0- +*.0123456789".contains(chars[j]) {
                j += 1;
            }
            if j < chars.len() && chars[j] == 'b' {
                chars[j] = 's';
            }
            i = j + 1;
        } else {
            i += 1;
        }
    }
    f = chars.into_iter().collect();
    let conv = |v: &Value| -> Value {
        match bytes_like(v) {
            Some(d) => Value::string(latin1(&d)),
            None => v.clone(),
        }
    };
    let args = match args {
        Value::Tuple(t) => Value::tuple(t.items.iter().map(conv).collect()),
        other => conv(other),
    };
    let text = super::percent_format(vm, &f, &args)?;
    text.chars()
        .map(|c| u8::try_from(c as u32).map_err(|_| value_error("bytes formatting produced a character outside latin-1")))
        .collect()
}

/// Comparison between bytes-likes; None when `b` is not bytes-like.
pub fn bytes_compare(a: &Value, b: &Value, kind: CmpKind) -> Option<Value> {
    let x = bytes_like(a)?;
    let y = bytes_like(b)?;
    Some(Value::Bool(cmp_ord(kind, x[..].cmp(&y[..]))))
}

/// Whether `v` is bytes or bytearray (for the dispatchers in ops.rs).
#[inline]
pub fn is_bytes_like(v: &Value) -> bool {
    matches!(v, Value::Bytes(_) | Value::ByteArray(_))
}

/// The hash of bytes (str's algorithm over the bytes, so `hash(b'a')` is stable within a run).
pub fn hash_bytes(data: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &c in data {
        h ^= c as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    let h = h as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

// ---- int.to_bytes / int.from_bytes ----------------------------------------------------------

fn byteorder_arg(v: Option<&Value>) -> PyResult<bool> {
    match v {
        None => Ok(true),
        Some(Value::Str(s)) => match s.as_str() {
            "big" => Ok(true),
            "little" => Ok(false),
            _ => Err(value_error("byteorder must be either 'little' or 'big'")),
        },
        Some(other) => Err(type_error(format!("to_bytes() argument 'byteorder' must be str, not {}", other.type_name()))),
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (this, rest) = a.split_self();
    rest.only_kwargs("to_bytes", &["length", "byteorder", "signed"])?;
    let n = super::to_bigint(this).ok_or_else(|| type_error("descriptor 'to_bytes' requires an 'int' object"))?;
    let length = match rest.arg(0, "length") {
        Some(v) => crate::vm::args::arg_int(v)?,
        None => 1,
    };
    if length < 0 {
        return Err(value_error("length argument must be non-negative"));
    }
    let big = byteorder_arg(rest.arg(1, "byteorder"))?;
    let signed = match rest.kw("signed") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    use num_traits::Signed;
    if !signed && n.is_negative() {
        return Err(crate::vm::exceptions::overflow_error("can't convert negative int to unsigned"));
    }
    let mut le = if signed { n.to_signed_bytes_le() } else { n.to_bytes_le().1 };
    if !signed && le == [0] {
        le.clear();
    }
    if signed && le == [0] {
        le.clear();
    }
    if le.len() > length as usize {
        return Err(crate::vm::exceptions::overflow_error("int too big to convert"));
    }
    let pad = if signed && n.is_negative() { 0xff } else { 0 };
    le.resize(length as usize, pad);
    if big {
        le.reverse();
    }
    Ok(Value::bytes(le))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (a classmethod).
fn int_from_bytes(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_cls, rest) = a.split_self();
    rest.only_kwargs("from_bytes", &["bytes", "byteorder", "signed"])?;
    let src = rest.arg(0, "bytes").ok_or_else(|| type_error("from_bytes() missing required argument 'bytes' (pos 1)"))?;
    let data: Vec<u8> = match bytes_like(src) {
        Some(b) => b.into_owned(),
        None => match src {
            Value::Str(_) => return Err(type_error("cannot convert 'str' object to bytes")),
            _ => bytes_source(vm, "bytes", Args::positional(std::slice::from_ref(src)))?,
        },
    };
    let big = byteorder_arg(rest.arg(1, "byteorder"))?;
    let signed = match rest.kw("signed") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let n = match (big, signed) {
        (true, false) => num_bigint::BigInt::from_bytes_be(num_bigint::Sign::Plus, &data),
        (false, false) => num_bigint::BigInt::from_bytes_le(num_bigint::Sign::Plus, &data),
        (true, true) => num_bigint::BigInt::from_signed_bytes_be(&data),
        (false, true) => num_bigint::BigInt::from_signed_bytes_le(&data),
    };
    Ok(Value::bigint(n))
}

static INT_FROM_BYTES: Builtin = Builtin { name: "from_bytes", f: int_from_bytes };
static INT_TO_BYTES: Builtin = Builtin { name: "to_bytes", f: int_to_bytes };

/// The entries `int` adds to its method table for bytes.
pub fn int_extras() -> Vec<(&'static str, Value)> {
    vec![
        ("to_bytes", Value::Builtin(&INT_TO_BYTES)),
        ("from_bytes", Value::Wrapper(Arc::new(super::Wrapper::ClassMethod(Value::Builtin(&INT_FROM_BYTES))))),
    ]
}
