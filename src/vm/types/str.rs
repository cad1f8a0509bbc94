//! `str`: the payload (UTF-8 with a cached char count and hash), interning, the methods
//! and method table, the constructor, `str.format` and `%`-formatting.

use crate::builtins_table;
use crate::vm::args::Args;
use crate::vm::exceptions::{error, index_error, key_error, type_error, value_error, PyResult};
use crate::vm::format::{percent_format as fmt_percent, PercentArg};
use crate::vm::state::Vm;
use crate::vm::types::Builtin;
use crate::vm::types::slice::{position, slice_positions};
use crate::vm::value::Value;
use num_bigint::BigInt;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use crate::lang::bytecode::BinKind;
use crate::vm::ops::repeat_count;

pub struct PyStr {
    s: Box<str>,
    /// Length in Unicode code points (== byte length for ASCII).
    nchars: usize,
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        PyStr { nchars: count_chars(s), s: s.into() }
    }
    pub fn from_string(s: String) -> PyStr {
        PyStr { nchars: count_chars(&s), s: s.into_boxed_str() }
    }
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }
    #[inline]
    pub fn char_len(&self) -> usize {
        self.nchars
    }
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.nchars == self.s.len()
    }
    /// The `i`th character (0-based, in range).
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() {
            self.s.as_bytes()[i] as char
        } else {
            self.s.chars().nth(i).unwrap()
        }
    }
    /// Byte offset of character index `i` (`i` may equal the length).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i
        } else {
            self.s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(self.s.len())
        }
    }
}

fn count_chars(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

impl PartialEq for PyStr {
    fn eq(&self, other: &PyStr) -> bool {
        self.s == other.s
    }
}

impl Eq for PyStr {}

impl std::hash::Hash for PyStr {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.s.hash(h)
    }
}

impl std::fmt::Debug for PyStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", &*self.s)
    }
}

/// One shared `Arc` per distinct identifier, so attribute lookups usually match by pointer.
pub fn intern(s: &str) -> Arc<PyStr> {
    static TABLE: OnceLock<Mutex<HashMap<Box<str>, Arc<PyStr>>>> = OnceLock::new();
    let mut t = TABLE.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
    if let Some(x) = t.get(s) {
        return x.clone();
    }
    let a = Arc::new(PyStr::new(s));
    t.insert(s.into(), a.clone());
    a
}

pub fn str_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.only_kwargs("str", &["object", "encoding", "errors"])?;
    match args.arg(0, "object") {
        Some(x) => Ok(Value::Str(vm.to_str(x)?)),
        None => Ok(Value::str("")),
    }
}

pub static STR_METHODS: &[Builtin] = builtins_table![
    "join" => join,
    "split" => split,
    "rsplit" => rsplit,
    "strip" => strip,
    "lstrip" => lstrip,
    "rstrip" => rstrip,
    "upper" => upper,
    "encode" => super::codecs::str_encode,
    "expandtabs" => super::str_text::expandtabs,
    "translate" => super::str_text::translate,
    "isascii" => super::str_text::isascii,
    "isprintable" => super::str_text::isprintable,
    "lower" => lower,
    "casefold" => casefold,
    "swapcase" => swapcase,
    "title" => title,
    "capitalize" => capitalize,
    "replace" => replace,
    "startswith" => startswith,
    "endswith" => endswith,
    "find" => find,
    "rfind" => rfind,
    "index" => index,
    "rindex" => rindex,
    "count" => count,
    "format" => format,
    "ljust" => ljust,
    "rjust" => rjust,
    "center" => center,
    "zfill" => zfill,
    "isdigit" => isdigit,
    "isdecimal" => isdecimal,
    "isnumeric" => isnumeric,
    "isalpha" => isalpha,
    "isalnum" => isalnum,
    "isspace" => isspace,
    "isupper" => isupper,
    "islower" => islower,
    "isidentifier" => isidentifier,
    "istitle" => istitle,
    "splitlines" => splitlines,
    "partition" => partition,
    "rpartition" => rpartition,
    "removeprefix" => removeprefix,
    "removesuffix" => removesuffix,
];

/// `self` of a str method and the remaining arguments.
fn split_str<'a>(args: &Args<'a>, name: &str) -> PyResult<(&'a PyStr, Args<'a>)> {
    let (s, rest) = args.split_self();
    match s {
        Value::Str(x) => Ok((x, rest)),
        other => Err(type_error(format!("descriptor '{}' for 'str' objects doesn't apply to a '{}' object", name, other.type_name()))),
    }
}

fn str_arg<'a>(v: &'a Value, fname: &str, what: &str) -> PyResult<&'a str> {
    match v {
        Value::Str(s) => Ok(s.as_str()),
        other => Err(type_error(format!("{}() argument {} must be str, not {}", fname, what, other.type_name()))),
    }
}

fn opt_str<'a>(v: Option<&'a Value>, fname: &str) -> PyResult<Option<&'a str>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.as_str())),
        Some(other) => Err(type_error(format!("{} arg must be None or str, not {}", fname, other.type_name()))),
    }
}

fn s(v: String) -> PyResult<Value> {
    Ok(Value::string(v))
}

pub fn upper(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, _) = split_str(&a, "upper")?;
    s(x.as_str().to_uppercase())
}

pub fn lower(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, _) = split_str(&a, "lower")?;
    s(x.as_str().to_lowercase())
}

pub fn casefold(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, _) = split_str(&a, "casefold")?;
    s(x.as_str().to_lowercase())
}

pub fn swapcase(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, _) = split_str(&a, "swapcase")?;
    s(x.as_str()
        .chars()
        .flat_map(|c| if c.is_uppercase() { c.to_lowercase().collect::<Vec<_>>() } else { c.to_uppercase().collect() })
        .collect())
}

pub fn title(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, _) = split_str(&a, "title")?;
    let mut out = String::new();
    let mut prev_cased = false;
    for c in x.as_str().chars() {
        if c.is_alphabetic() {
            if prev_cased {
                out.extend(c.to_lowercase());
            } else {
                out.extend(c.to_uppercase());
            }
            prev_cased = true;
        } else {
            out.push(c);
            prev_cased = false;
        }
    }
    s(out)
}

pub fn capitalize(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, _) = split_str(&a, "capitalize")?;
    let mut cs = x.as_str().chars();
    let out = match cs.next() {
        Some(f) => f.to_uppercase().chain(cs.flat_map(|c| c.to_lowercase())).collect(),
        None => String::new(),
    };
    s(out)
}

fn strip_impl(a: Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let (x, rest) = split_str(&a, name)?;
    let chars = opt_str(rest.pos().first(), name)?;
    let t = x.as_str();
    let r = match chars {
        None => match (left, right) {
            (true, true) => t.trim(),
            (true, false) => t.trim_start(),
            _ => t.trim_end(),
        },
        Some(cs) => {
            let f = |c: char| cs.contains(c);
            match (left, right) {
                (true, true) => t.trim_matches(f),
                (true, false) => t.trim_start_matches(f),
                _ => t.trim_end_matches(f),
            }
        }
    };
    Ok(Value::str(r))
}

pub fn strip(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    strip_impl(a, "strip", true, true)
}

pub fn lstrip(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    strip_impl(a, "lstrip", true, false)
}

pub fn rstrip(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    strip_impl(a, "rstrip", false, true)
}

fn split_args<'a>(rest: &Args<'a>, fname: &str) -> PyResult<(Option<&'a str>, i64)> {
    rest.only_kwargs(fname, &["sep", "maxsplit"])?;
    let sep = opt_str(rest.arg(0, "sep"), fname)?;
    let maxsplit = match rest.arg(1, "maxsplit") {
        Some(v) => crate::vm::args::arg_int(v)?,
        None => -1,
    };
    if sep == Some("") {
        return Err(value_error("empty separator"));
    }
    Ok((sep, maxsplit))
}

pub fn split(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, rest) = split_str(&a, "split")?;
    let (sep, maxsplit) = split_args(&rest, "split")?;
    let t = x.as_str();
    let parts: Vec<Value> = match sep {
        Some(sep) => {
            if maxsplit < 0 {
                t.split(sep).map(Value::str).collect()
            } else {
                t.splitn(maxsplit as usize + 1, sep).map(Value::str).collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest_s = t.trim_start();
            let mut n = 0;
            while !rest_s.is_empty() {
                if maxsplit >= 0 && n >= maxsplit {
                    out.push(Value::str(rest_s));
                    break;
                }
                match rest_s.find(char::is_whitespace) {
                    Some(i) => {
                        out.push(Value::str(&rest_s[..i]));
                        rest_s = rest_s[i..].trim_start();
                        n += 1;
                    }
                    None => {
                        out.push(Value::str(rest_s));
                        break;
                    }
                }
            }
            out
        }
    };
    Ok(Value::list(parts))
}

pub fn rsplit(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, rest) = split_str(&a, "rsplit")?;
    let (sep, maxsplit) = split_args(&rest, "rsplit")?;
    let t = x.as_str();
    let mut parts: Vec<Value> = match sep {
        Some(sep) => {
            if maxsplit < 0 {
                t.rsplit(sep).map(Value::str).collect()
            } else {
                t.rsplitn(maxsplit as usize + 1, sep).map(Value::str).collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest_s = t.trim_end();
            let mut n = 0;
            while !rest_s.is_empty() {
                if maxsplit >= 0 && n >= maxsplit {
                    out.push(Value::str(rest_s));
                    break;
                }
                match rest_s.rfind(char::is_whitespace) {
                    Some(i) => {
                        let w = rest_s[i..].chars().next().unwrap().len_utf8();
                        out.push(Value::str(&rest_s[i + w..]));
                        rest_s = rest_s[..i].trim_end();
                        n += 1;
                    }
                    None => {
                        out.push(Value::str(rest_s));
                        break;
                    }
                }
            }
            out
        }
    };
    parts.reverse();
    Ok(Value::list(parts))
}

pub fn splitlines(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, rest) = split_str(&a, "splitlines")?;
    let keep = match rest.arg(0, "keepends") {
        Some(v) => matches!(v, Value::Bool(true)) || matches!(v, Value::Int(i) if *i != 0),
        None => false,
    };
    let t = x.as_str();
    let mut out = Vec::new();
    let mut start = 0;
    let bytes: Vec<(usize, char)> = t.char_indices().collect();
    let mut i = 0;
    while i < bytes.len() {
        let (pos, c) = bytes[i];
        if matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}') {
            let mut end = pos + c.len_utf8();
            if c == '\r' && i + 1 < bytes.len() && bytes[i + 1].1 == '\n' {
                end += 1;
                i += 1;
            }
            out.push(Value::str(if keep { &t[start..end] } else { &t[start..pos] }));
            start = end;
        }
        i += 1;
    }
    if start < t.len() {
        out.push(Value::str(&t[start..]));
    }
    Ok(Value::list(out))
}

pub fn join(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, rest) = split_str(&a, "join")?;
    let pos = rest.exact("join", 1)?;
    let items = vm.collect(&pos[0])?;
    let parts: u128 = items.iter().map(|it| it.as_str().map_or(0, |p| p.len() as u128)).sum();
    crate::vm::limits::check_alloc_u128(parts + x.as_str().len() as u128 * items.len() as u128, 1)?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(x.as_str());
        }
        match it {
            Value::Str(p) => out.push_str(p.as_str()),
            other => return Err(type_error(format!("sequence item {}: expected str instance, {} found", i, other.type_name()))),
        }
    }
    s(out)
}

pub fn replace(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, rest) = split_str(&a, "replace")?;
    let pos = rest.range("replace", 2, 3)?;
    let old = str_arg(&pos[0], "replace", "1")?;
    let new = str_arg(&pos[1], "replace", "2")?;
    let count = match pos.get(2) {
        Some(v) => crate::vm::args::arg_int(v)?,
        None => -1,
    };
    if count < 0 {
        s(x.as_str().replace(old, new))
    } else {
        s(x.as_str().replacen(old, new, count as usize))
    }
}

/// Optional start/end (char indices, negatives allowed) to a byte range of `t`.
fn sub_range(t: &PyStr, start: Option<&Value>, end: Option<&Value>) -> PyResult<(usize, usize)> {
    let n = t.char_len() as i64;
    let norm = |v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(v) => {
                Ok(super::clamp_index(crate::vm::args::arg_int(v)?, n as usize) as i64)
            }
        }
    };
    let (a, b) = (norm(start, 0)?, norm(end, n)?);
    let b = b.max(a);
    Ok((t.byte_offset(a as usize), t.byte_offset(b as usize)))
}

fn char_index(t: &str, byte: usize) -> i64 {
    if t.is_ascii() {
        byte as i64
    } else {
        t[..byte].chars().count() as i64
    }
}

fn find_impl(a: Args, name: &str, rev: bool) -> PyResult<Option<i64>> {
    let (x, rest) = split_str(&a, name)?;
    let pos = rest.range(name, 1, 3)?;
    let sub = match &pos[0] {
        Value::Str(s) => s.as_str(),
        other => return Err(type_error(format!("must be str, not {}", other.type_name()))),
    };
    let (lo, hi) = sub_range(x, pos.get(1), pos.get(2))?;
    let t = &x.as_str()[lo..hi];
    let r = if rev { t.rfind(sub) } else { t.find(sub) };
    Ok(r.map(|b| char_index(x.as_str(), lo + b)))
}

pub fn find(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(a, "find", false)?.unwrap_or(-1)))
}

pub fn rfind(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(a, "rfind", true)?.unwrap_or(-1)))
}

pub fn index(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    find_impl(a, "index", false)?.map(Value::Int).ok_or_else(|| value_error("substring not found"))
}

pub fn rindex(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    find_impl(a, "rindex", true)?.map(Value::Int).ok_or_else(|| value_error("substring not found"))
}

pub fn count(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, rest) = split_str(&a, "count")?;
    let pos = rest.range("count", 1, 3)?;
    let sub = match &pos[0] {
        Value::Str(s) => s.as_str(),
        other => return Err(type_error(format!("must be str, not {}", other.type_name()))),
    };
    let (lo, hi) = sub_range(x, pos.get(1), pos.get(2))?;
    let t = &x.as_str()[lo..hi];
    let n = if sub.is_empty() { t.chars().count() + 1 } else { t.matches(sub).count() };
    Ok(Value::Int(n as i64))
}

fn affix_impl(a: Args, name: &str, ends: bool) -> PyResult<Value> {
    let (x, rest) = split_str(&a, name)?;
    let pos = rest.range(name, 1, 3)?;
    let (lo, hi) = sub_range(x, pos.get(1), pos.get(2))?;
    let t = &x.as_str()[lo..hi];
    let test = |p: &str| if ends { t.ends_with(p) } else { t.starts_with(p) };
    match &pos[0] {
        Value::Str(p) => Ok(Value::Bool(test(p.as_str()))),
        Value::Tuple(ps) => {
            for p in ps.items.iter() {
                match p {
                    Value::Str(p) => {
                        if test(p.as_str()) {
                            return Ok(Value::Bool(true));
                        }
                    }
                    other => {
                        return Err(type_error(format!(
                            "tuple for {} must only contain str, not {}",
                            name,
                            other.type_name()
                        )))
                    }
                }
            }
            Ok(Value::Bool(false))
        }
        other => Err(type_error(format!(
            "{} first arg must be str or a tuple of str, not {}",
            name,
            other.type_name()
        ))),
    }
}

pub fn startswith(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    affix_impl(a, "startswith", false)
}

pub fn endswith(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    affix_impl(a, "endswith", true)
}

fn pad_args<'a>(rest: &Args<'a>, name: &str) -> PyResult<(usize, char)> {
    let pos = rest.range(name, 1, 2)?;
    let w = crate::vm::args::arg_int(&pos[0])?.max(0) as usize;
    let fill = match pos.get(1) {
        Some(Value::Str(f)) if f.char_len() == 1 => f.as_str().chars().next().unwrap(),
        Some(_) => return Err(type_error("The fill character must be exactly one character long")),
        None => ' ',
    };
    crate::vm::limits::check_alloc(w, fill.len_utf8())?;
    Ok((w, fill))
}

pub fn ljust(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, rest) = split_str(&a, "ljust")?;
    let (w, fill) = pad_args(&rest, "ljust")?;
    let n = x.char_len();
    let mut out = x.as_str().to_string();
    out.extend(std::iter::repeat(fill).take(w.saturating_sub(n)));
    s(out)
}

pub fn rjust(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, rest) = split_str(&a, "rjust")?;
    let (w, fill) = pad_args(&rest, "rjust")?;
    let n = x.char_len();
    let mut out: String = std::iter::repeat(fill).take(w.saturating_sub(n)).collect();
    out.push_str(x.as_str());
    s(out)
}

pub fn center(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, rest) = split_str(&a, "center")?;
    let (w, fill) = pad_args(&rest, "center")?;
    let n = x.char_len();
    if w <= n {
        return Ok(Value::Str(Arc::new(PyStr::new(x.as_str()))));
    }
    let marg = w - n;
    let left = marg / 2 + (marg & w & 1);
    let mut out: String = std::iter::repeat(fill).take(left).collect();
    out.push_str(x.as_str());
    out.extend(std::iter::repeat(fill).take(marg - left));
    s(out)
}

pub fn zfill(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, rest) = split_str(&a, "zfill")?;
    let pos = rest.exact("zfill", 1)?;
    let w = crate::vm::args::arg_int(&pos[0])?.max(0) as usize;
    crate::vm::limits::check_alloc(w, 1)?;
    let t = x.as_str();
    let n = x.char_len();
    if w <= n {
        return s(t.to_string());
    }
    let (sign, body) = match t.chars().next() {
        Some(c @ ('+' | '-')) => (c.to_string(), &t[1..]),
        _ => (String::new(), t),
    };
    s(format!("{}{}{}", sign, "0".repeat(w - n), body))
}

fn pred(a: Args, name: &str, f: impl Fn(&str) -> bool) -> PyResult<Value> {
    let (x, _) = split_str(&a, name)?;
    Ok(Value::Bool(f(x.as_str())))
}

pub fn isdigit(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(a, "isdigit", |t| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c.is_numeric() && c.to_digit(10).is_some()))
}

pub fn isdecimal(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(a, "isdecimal", |t| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()))
}

pub fn isnumeric(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(a, "isnumeric", |t| !t.is_empty() && t.chars().all(|c| c.is_numeric()))
}

pub fn isalpha(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(a, "isalpha", |t| !t.is_empty() && t.chars().all(|c| c.is_alphabetic()))
}

pub fn isalnum(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(a, "isalnum", |t| !t.is_empty() && t.chars().all(|c| c.is_alphanumeric()))
}

pub fn isspace(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(a, "isspace", |t| !t.is_empty() && t.chars().all(|c| c.is_whitespace()))
}

pub fn isupper(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(a, "isupper", |t| t.chars().any(|c| c.is_uppercase()) && !t.chars().any(|c| c.is_lowercase()))
}

pub fn islower(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(a, "islower", |t| t.chars().any(|c| c.is_lowercase()) && !t.chars().any(|c| c.is_uppercase()))
}

pub fn isidentifier(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(a, "isidentifier", |t| {
        let mut cs = t.chars();
        match cs.next() {
            Some(c) if c == '_' || c.is_alphabetic() => cs.all(|c| c == '_' || c.is_alphanumeric()),
            _ => false,
        }
    })
}

pub fn istitle(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(a, "istitle", |t| {
        let mut prev_cased = false;
        let mut any = false;
        for c in t.chars() {
            if c.is_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else if c.is_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
            } else {
                prev_cased = false;
            }
        }
        any
    })
}

fn partition_impl(a: Args, name: &str, rev: bool) -> PyResult<Value> {
    let (x, rest) = split_str(&a, name)?;
    let pos = rest.exact(name, 1)?;
    let sep = str_arg(&pos[0], name, "1")?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let t = x.as_str();
    let found = if rev { t.rfind(sep) } else { t.find(sep) };
    Ok(Value::tuple(match found {
        Some(i) => vec![Value::str(&t[..i]), Value::str(sep), Value::str(&t[i + sep.len()..])],
        None if rev => vec![Value::str(""), Value::str(""), Value::str(t)],
        None => vec![Value::str(t), Value::str(""), Value::str("")],
    }))
}

pub fn partition(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    partition_impl(a, "partition", false)
}

pub fn rpartition(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    partition_impl(a, "rpartition", true)
}

pub fn removeprefix(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, rest) = split_str(&a, "removeprefix")?;
    let p = str_arg(&rest.exact("removeprefix", 1)?[0], "removeprefix", "1")?;
    Ok(Value::str(x.as_str().strip_prefix(p).unwrap_or(x.as_str())))
}

pub fn removesuffix(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, rest) = split_str(&a, "removesuffix")?;
    let p = str_arg(&rest.exact("removesuffix", 1)?[0], "removesuffix", "1")?;
    Ok(Value::str(x.as_str().strip_suffix(p).unwrap_or(x.as_str())))
}

pub fn format(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, rest) = split_str(&a, "format")?;
    let kw: Vec<(&str, &Value)> = rest.kwargs().collect();
    s(str_format(vm, x.as_str(), rest.pos(), &kw)?)
}

/// `str.format`: `{}`, `{0}`, `{name}`, `{x.attr}`, `{x[0]}`, `!r`, `:spec` with nested fields.
pub fn str_format(vm: &mut Vm, fmt: &str, pos: &[Value], kw: &[(&str, &Value)]) -> PyResult<String> {
    let mut auto = 0usize;
    let mut manual = false;
    let mut out = String::new();
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            // Find the matching close brace (spec may nest one level of fields).
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() {
                match chars[j] {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if j >= chars.len() {
                return Err(value_error("expected '}' before end of string"));
            }
            let field: String = chars[i + 1..j].iter().collect();
            // Split field_name[!conv][:spec]
            let (head, spec) = match field.find(':') {
                Some(p) => (&field[..p], Some(&field[p + 1..])),
                None => (&field[..], None),
            };
            let (name, conv) = match head.find('!') {
                Some(p) => (&head[..p], Some(&head[p + 1..])),
                None => (head, None),
            };
            // Resolve the value.
            let first_end = name.find(|c| c == '.' || c == '[').unwrap_or(name.len());
            let first = &name[..first_end];
            let mut value = if first.is_empty() {
                if manual {
                    return Err(value_error("cannot switch from manual field specification to automatic field numbering"));
                }
                let v = pos.get(auto).cloned().ok_or_else(|| {
                    index_error(format!("Replacement index {} out of range for positional args tuple", auto))
                })?;
                auto += 1;
                v
            } else if let Ok(n) = first.parse::<usize>() {
                if auto > 0 {
                    return Err(value_error("cannot switch from automatic field numbering to manual field specification"));
                }
                manual = true;
                pos.get(n)
                    .cloned()
                    .ok_or_else(|| index_error(format!("Replacement index {} out of range for positional args tuple", n)))?
            } else {
                match kw.iter().find(|(k, _)| *k == first) {
                    Some((_, v)) => (*v).clone(),
                    None => return Err(key_error(Value::str(first))),
                }
            };
            let mut rest_name = &name[first_end..];
            while !rest_name.is_empty() {
                if let Some(r) = rest_name.strip_prefix('.') {
                    let end = r.find(|c| c == '.' || c == '[').unwrap_or(r.len());
                    value = vm.get_attr(&value, &intern(&r[..end]))?;
                    rest_name = &r[end..];
                } else if let Some(r) = rest_name.strip_prefix('[') {
                    let end = r.find(']').ok_or_else(|| value_error("Missing ']' in format string"))?;
                    let key = &r[..end];
                    let k = match key.parse::<i64>() {
                        Ok(n) => Value::Int(n),
                        Err(_) => Value::str(key),
                    };
                    value = crate::vm::ops::getitem(vm, &value, &k)?;
                    rest_name = &r[end + 1..];
                } else {
                    return Err(value_error("Only '.' or '[' may follow ']' in format field specifier"));
                }
            }
            let value = match conv {
                Some("r") => Value::string(vm.repr(&value)?),
                Some("s") => Value::Str(vm.to_str(&value)?),
                Some("a") => Value::string(ascii_escape(&vm.repr(&value)?)),
                Some(other) => return Err(value_error(format!("Unknown conversion specifier {}", other))),
                None => value,
            };
            let spec = match spec {
                Some(sp) if sp.contains('{') => {
                    let nested = str_format_nested(vm, sp, pos, kw, &mut auto)?;
                    nested
                }
                Some(sp) => sp.to_string(),
                None => String::new(),
            };
            out.push_str(&vm.format(&value, &spec)?);
            i = j + 1;
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

fn str_format_nested(vm: &mut Vm, spec: &str, pos: &[Value], kw: &[(&str, &Value)], auto: &mut usize) -> PyResult<String> {
    // Nested fields in a spec share the automatic numbering of the outer string.
    let mut shifted = Vec::new();
    shifted.extend_from_slice(&pos[(*auto).min(pos.len())..]);
    let mut count = 0;
    let r = str_format(vm, spec, &shifted, kw);
    for c in spec.chars() {
        if c == '{' {
            count += 1;
        }
    }
    *auto += count;
    r
}

struct PArg {
    int: Option<BigInt>,
    f: Option<f64>,
    s: String,
    r: String,
    tn: String,
    ch: Option<char>,
}

impl PercentArg for PArg {
    fn as_int(&self) -> Option<BigInt> {
        self.int.clone()
    }
    fn as_f64(&self) -> Option<f64> {
        self.f
    }
    fn to_str(&self) -> String {
        self.s.clone()
    }
    fn to_repr(&self) -> String {
        self.r.clone()
    }
    fn type_name(&self) -> String {
        self.tn.clone()
    }
    fn as_char(&self) -> Option<char> {
        self.ch
    }
}

/// `fmt % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    if fmt.contains("%(") {
        if let Value::Dict(d) = args {
            return percent_mapping(vm, fmt, d);
        }
    }
    let items = match args {
        Value::Tuple(t) => t.items.to_vec(),
        other => vec![other.clone()],
    };
    let mut pargs = Vec::with_capacity(items.len());
    for v0 in &items {
        // A subclass of int/float/str formats as its value (`'%d' % MyInt(3)`).
        let v = crate::vm::types::base_value(v0);
        let int = match v {
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => super::int::to_bigint(v),
            _ => None,
        };
        let f = match v {
            Value::Float(f) => Some(*f),
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => super::float::float_value(v),
            _ => None,
        };
        let ch = match v {
            Value::Str(s) if s.char_len() == 1 => s.as_str().chars().next(),
            _ => None,
        };
        pargs.push(PArg { int, f, s: vm.str_string(v0)?, r: vm.repr(v0)?, tn: v0.type_name(), ch });
    }
    let refs: Vec<&dyn PercentArg> = pargs.iter().map(|p| p as &dyn PercentArg).collect();
    fmt_percent(fmt, &refs).map_err(|(k, m)| error(k, m))
}

/// `"%(name)s" % mapping`: substitutes each named conversion with a one-argument format.
fn percent_mapping(vm: &mut Vm, fmt: &str, d: &Arc<crate::vm::types::Dict>) -> PyResult<String> {
    let mut out = String::new();
    let mut rest = fmt;
    while let Some(p) = rest.find('%') {
        out.push_str(&rest[..p]);
        let after = &rest[p + 1..];
        if let Some(r) = after.strip_prefix('(') {
            let end = r.find(')').ok_or_else(|| value_error("incomplete format key"))?;
            let key = Value::str(&r[..end]);
            let v = crate::vm::ops::getitem(vm, &Value::Dict(d.clone()), &key)?;
            let spec_rest = &r[end + 1..];
            let conv_end = spec_rest.find(|c: char| c.is_ascii_alphabetic() || c == '%').map(|i| i + 1).unwrap_or(spec_rest.len());
            let one = format!("%{}", &spec_rest[..conv_end]);
            out.push_str(&percent_format(vm, &one, &Value::tuple(vec![v]))?);
            rest = &spec_rest[conv_end..];
        } else {
            let conv_end = after.find(|c: char| c.is_ascii_alphabetic() || c == '%').map(|i| i + 1).unwrap_or(after.len());
            let one = format!("%{}", &after[..conv_end]);
            out.push_str(&percent_format(vm, &one, &Value::tuple(vec![]))?);
            rest = &after[conv_end..];
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// `s[idx]`.
pub fn str_getitem(s: &PyStr, idx: &Value) -> PyResult<Value> {
    match idx {
        Value::Slice(sl) => {
            if s.is_ascii() {
                let b = s.as_str().as_bytes();
                let pos = slice_positions(sl, b.len())?;
                let out: String = pos.into_iter().map(|i| b[i] as char).collect();
                Ok(Value::string(out))
            } else {
                let chars: Vec<char> = s.as_str().chars().collect();
                let pos = slice_positions(sl, chars.len())?;
                Ok(Value::string(pos.into_iter().map(|i| chars[i]).collect()))
            }
        }
        _ => Ok(Value::string(s.char_at(position(idx, s.char_len(), "str", "string index out of range")?).to_string())),
    }
}

/// `item in s`.
pub fn str_contains(s: &PyStr, item: &Value) -> PyResult<bool> {
    match item {
        Value::Str(sub) => Ok(s.as_str().contains(sub.as_str())),
        _ => Err(type_error(format!("'in <string>' requires string as left operand, not {}", item.type_name()))),
    }
}

/// Python's repr of a str.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (0x80..0xa0).contains(&(c as u32)) => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if is_unprintable(c) => {
                let n = c as u32;
                if n <= 0xff {
                    out.push_str(&format!("\\x{:02x}", n));
                } else if n <= 0xffff {
                    out.push_str(&format!("\\u{:04x}", n));
                } else {
                    out.push_str(&format!("\\U{:08x}", n));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// A rough `not str.isprintable()` for non-ASCII characters: separators and format characters.
fn is_unprintable(c: char) -> bool {
    let n = c as u32;
    matches!(n, 0xa0 | 0xad | 0x2028 | 0x2029 | 0x200b..=0x200f | 0x2060..=0x2064 | 0xfeff | 0xd800..=0xdfff)
        || (0x2000..=0x200a).contains(&n)
        || n == 0x3000
}

/// `ascii()`: escapes non-ASCII characters of a repr.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n <= 0xff {
            out.push_str(&format!("\\x{:02x}", n));
        } else if n <= 0xffff {
            out.push_str(&format!("\\u{:04x}", n));
        } else {
            out.push_str(&format!("\\U{:08x}", n));
        }
    }
    out
}

/// `s + other`, `s * n` (and `n * s`), `s % args`; None if unsupported.
pub fn str_binop(vm: &mut Vm, kind: BinKind, s: &PyStr, other: &Value) -> PyResult<Option<Value>> {
    Ok(Some(match (kind, other) {
        (BinKind::Add, Value::Str(y)) => {
            let mut out = String::with_capacity(s.as_str().len() + y.as_str().len());
            out.push_str(s.as_str());
            out.push_str(y.as_str());
            Value::string(out)
        }
        (BinKind::Mul, n) if repeat_count(n).is_some() => {
            let n = repeat_count(n).unwrap();
            if n <= 0 {
                Value::str("")
            } else {
                crate::vm::limits::check_alloc_u128(s.as_str().len() as u128 * n as u128, 1)?;
                Value::string(s.as_str().repeat(n as usize))
            }
        }
        (BinKind::Mod, args) => Value::string(percent_format(vm, s.as_str(), args)?),
        _ => return Ok(None),
    }))
}
