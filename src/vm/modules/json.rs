//! `_json`: the encoder and decoder under `json` (pylib/json.py holds the Python surface:
//! dumps/loads/dump/load, JSONEncoder/JSONDecoder, JSONDecodeError). Both follow CPython's
//! json package output and messages; nesting is bounded by the recursion limit, so a deep
//! document raises RecursionError instead of overflowing the Rust stack.

use crate::builtins_table;
use crate::vm::args::Args;
use crate::vm::exceptions::{error, type_error, value_error, PyResult, Unwind};
use crate::vm::ops::dict_key;
use crate::vm::state::Vm;
use crate::vm::types::{bytes_like, float_str, sort_values, Builtin, Dict, DictMap};
use crate::vm::value::Value;
use std::sync::Arc;

static FUNCS: &[Builtin] = builtins_table![
    "encode" => encode,
    "decode" => decode,
    "encode_basestring" => encode_basestring,
    "encode_basestring_ascii" => encode_basestring_ascii,
];

pub fn create(_vm: &mut Vm) -> PyResult<Value> {
    let attrs: Vec<(&str, Value)> = FUNCS.iter().map(|b| (b.name, Value::Builtin(b))).collect();
    Ok(super::native_module("_json", attrs))
}

fn too_deep(what: &str) -> Unwind {
    error("RecursionError", format!("maximum recursion depth exceeded while {}", what))
}

// ---- encoding -------------------------------------------------------------------------------

struct Encoder {
    indent: Option<String>,
    item_sep: String,
    key_sep: String,
    sort_keys: bool,
    skipkeys: bool,
    ensure_ascii: bool,
    allow_nan: bool,
    check_circular: bool,
    default: Value,
    /// Identities of the containers being encoded (the circular-reference check).
    stack: Vec<usize>,
    /// Nesting of the list or dict being written (the indentation level).
    level: usize,
    limit: usize,
}

/// CPython's `py_encode_basestring(_ascii)`: the quoted JSON string.
pub fn quote(s: &str, ascii: bool, out: &mut String) {
    crate::runtime::json::write_str_escaping(out, s, |c| ascii && (c as u32) > 0x7e);
}

impl Encoder {
    fn float(&self, f: f64) -> PyResult<String> {
        if f.is_finite() {
            return Ok(float_str(f));
        }
        if !self.allow_nan {
            return Err(value_error("Out of range float values are not JSON compliant"));
        }
        Ok(if f.is_nan() { "NaN" } else if f > 0.0 { "Infinity" } else { "-Infinity" }.into())
    }

    fn newline(&self, depth: usize, out: &mut String) {
        if let Some(ind) = &self.indent {
            out.push('\n');
            for _ in 0..depth {
                out.push_str(ind);
            }
        }
    }

    fn enter(&mut self, v: &Value) -> PyResult<()> {
        if self.stack.len() >= self.limit {
            return Err(too_deep("encoding a JSON object"));
        }
        let id = v.identity().unwrap_or(0);
        if self.check_circular && self.stack.contains(&id) {
            return Err(value_error("Circular reference detected"));
        }
        self.stack.push(id);
        Ok(())
    }

    fn encode(&mut self, vm: &mut Vm, v: &Value, out: &mut String) -> PyResult<()> {
        // Subclasses of dict, list, str, int, float encode as their builtin value, as CPython's.
        let v = crate::vm::types::base_value(v);
        match v {
            Value::None => out.push_str("null"),
            Value::Bool(true) => out.push_str("true"),
            Value::Bool(false) => out.push_str("false"),
            Value::Int(i) => out.push_str(&i.to_string()),
            Value::BigInt(b) => out.push_str(&b.to_string()),
            Value::Float(f) => out.push_str(&self.float(*f)?),
            Value::Str(s) => quote(s.as_str(), self.ensure_ascii, out),
            Value::List(_) | Value::Tuple(_) => {
                let items = match v {
                    Value::List(l) => l.snapshot(),
                    Value::Tuple(t) => t.items.to_vec(),
                    _ => unreachable!(),
                };
                if items.is_empty() {
                    out.push_str("[]");
                    return Ok(());
                }
                self.enter(v)?;
                self.level += 1;
                let depth = self.level;
                out.push('[');
                self.newline(depth, out);
                for (n, x) in items.iter().enumerate() {
                    if n > 0 {
                        out.push_str(&self.item_sep);
                        self.newline(depth, out);
                    }
                    self.encode(vm, x, out)?;
                }
                self.newline(depth - 1, out);
                out.push(']');
                self.stack.pop();
                self.level -= 1;
            }
            Value::Dict(d) => {
                let mut items = d.lock().items();
                if items.is_empty() {
                    out.push_str("{}");
                    return Ok(());
                }
                self.enter(v)?;
                if self.sort_keys {
                    let pairs = items.into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect();
                    items = sort_values(vm, pairs, None, false)?
                        .into_iter()
                        .map(|t| match t {
                            Value::Tuple(t) => (t.items[0].clone(), t.items[1].clone()),
                            _ => unreachable!(),
                        })
                        .collect();
                }
                self.level += 1;
                let depth = self.level;
                out.push('{');
                self.newline(depth, out);
                let mut first = true;
                for (k, x) in items.iter() {
                    let key = match k {
                        Value::Str(s) => s.as_str().to_string(),
                        Value::Float(f) => self.float(*f)?,
                        Value::Bool(b) => if *b { "true" } else { "false" }.to_string(),
                        Value::None => "null".to_string(),
                        Value::Int(i) => i.to_string(),
                        Value::BigInt(b) => b.to_string(),
                        _ if self.skipkeys => continue,
                        other => {
                            return Err(type_error(format!(
                                "keys must be str, int, float, bool or None, not {}",
                                other.type_name()
                            )))
                        }
                    };
                    if !first {
                        out.push_str(&self.item_sep);
                        self.newline(depth, out);
                    }
                    first = false;
                    quote(&key, self.ensure_ascii, out);
                    out.push_str(&self.key_sep);
                    self.encode(vm, x, out)?;
                }
                self.newline(depth - 1, out);
                out.push('}');
                self.stack.pop();
                self.level -= 1;
            }
            other => {
                if self.default.is_none() {
                    return Err(type_error(format!("Object of type {} is not JSON serializable", other.type_name())));
                }
                self.enter(other)?;
                let default = self.default.clone();
                let r = vm.call(&default, &[other.clone()])?;
                self.encode(vm, &r, out)?;
                self.stack.pop();
            }
        }
        Ok(())
    }
}

fn str_of(v: &Value, what: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        other => Err(type_error(format!("{} must be a str, not {}", what, other.type_name()))),
    }
}

/// `encode(obj, indent, item_sep, key_sep, sort_keys, skipkeys, ensure_ascii, allow_nan,
/// check_circular, default)`; `indent` is None or the string of one level.
fn encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("encode", 10)?;
    let indent = match &a[1] {
        Value::None => None,
        v => Some(str_of(v, "indent")?),
    };
    let mut e = Encoder {
        indent,
        item_sep: str_of(&a[2], "item_separator")?,
        key_sep: str_of(&a[3], "key_separator")?,
        sort_keys: vm.truthy(&a[4])?,
        skipkeys: vm.truthy(&a[5])?,
        ensure_ascii: vm.truthy(&a[6])?,
        allow_nan: vm.truthy(&a[7])?,
        check_circular: vm.truthy(&a[8])?,
        default: a[9].clone(),
        stack: Vec::new(),
        level: 0,
        limit: vm.recursion_limit(),
    };
    let mut out = String::new();
    e.encode(vm, &a[0], &mut out)?;
    Ok(Value::string(out))
}

fn encode_basestring(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("encode_basestring", 1)?;
    let mut out = String::new();
    quote(&str_of(&a[0], "first argument")?, false, &mut out);
    Ok(Value::string(out))
}

fn encode_basestring_ascii(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("encode_basestring_ascii", 1)?;
    let mut out = String::new();
    quote(&str_of(&a[0], "first argument")?, true, &mut out);
    Ok(Value::string(out))
}

// ---- decoding -------------------------------------------------------------------------------

struct Decoder<'a> {
    s: &'a [char],
    doc: Value,
    error_cls: Value,
    object_hook: Value,
    object_pairs_hook: Value,
    parse_float: Value,
    parse_int: Value,
    parse_constant: Value,
    strict: bool,
    depth: usize,
    limit: usize,
}

enum Fail {
    /// A JSONDecodeError: message and position.
    At(&'static str, usize),
    Py(Unwind),
}

impl From<Unwind> for Fail {
    fn from(u: Unwind) -> Fail {
        Fail::Py(u)
    }
}

type DResult<T> = Result<T, Fail>;

fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

impl<'a> Decoder<'a> {
    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.s.len() && is_ws(self.s[i]) {
            i += 1;
        }
        i
    }

    fn starts(&self, i: usize, word: &str) -> bool {
        let w: Vec<char> = word.chars().collect();
        self.s.len() >= i + w.len() && self.s[i..i + w.len()] == w[..]
    }

    fn constant(&self, vm: &mut Vm, name: &str, f: f64) -> DResult<Value> {
        if self.parse_constant.is_none() {
            return Ok(Value::Float(f));
        }
        Ok(vm.call(&self.parse_constant, &[Value::str(name)])?)
    }

    /// One value at `i` (no leading whitespace): the value and the position after it.
    fn value(&mut self, vm: &mut Vm, i: usize) -> DResult<(Value, usize)> {
        let Some(&c) = self.s.get(i) else { return Err(Fail::At("Expecting value", i)) };
        match c {
            '"' => {
                let (s, end) = self.string(i + 1)?;
                Ok((Value::string(s), end))
            }
            '{' => self.nested(vm, i, true),
            '[' => self.nested(vm, i, false),
            'n' if self.starts(i, "null") => Ok((Value::None, i + 4)),
            't' if self.starts(i, "true") => Ok((Value::Bool(true), i + 4)),
            'f' if self.starts(i, "false") => Ok((Value::Bool(false), i + 5)),
            'N' if self.starts(i, "NaN") => Ok((self.constant(vm, "NaN", f64::NAN)?, i + 3)),
            'I' if self.starts(i, "Infinity") => Ok((self.constant(vm, "Infinity", f64::INFINITY)?, i + 8)),
            '-' if self.starts(i, "-Infinity") => Ok((self.constant(vm, "-Infinity", f64::NEG_INFINITY)?, i + 9)),
            '-' | '0'..='9' => self.number(vm, i),
            _ => Err(Fail::At("Expecting value", i)),
        }
    }

    fn nested(&mut self, vm: &mut Vm, i: usize, object: bool) -> DResult<(Value, usize)> {
        if self.depth >= self.limit {
            return Err(Fail::Py(too_deep("decoding a JSON document")));
        }
        self.depth += 1;
        let r = if object { self.object(vm, i + 1) } else { self.array(vm, i + 1) };
        self.depth -= 1;
        r
    }

    fn number(&mut self, vm: &mut Vm, start: usize) -> DResult<(Value, usize)> {
        let s = self.s;
        let mut i = start;
        if s[i] == '-' {
            i += 1;
        }
        let digits = |mut k: usize| {
            while k < s.len() && s[k].is_ascii_digit() {
                k += 1;
            }
            k
        };
        match s.get(i) {
            Some('0') => i += 1,
            Some('1'..='9') => i = digits(i),
            _ => return Err(Fail::At("Expecting value", start)),
        }
        let mut is_float = false;
        if s.get(i) == Some(&'.') && s.get(i + 1).map_or(false, |c| c.is_ascii_digit()) {
            i = digits(i + 1);
            is_float = true;
        }
        if matches!(s.get(i), Some('e' | 'E')) {
            let mut k = i + 1;
            if matches!(s.get(k), Some('+' | '-')) {
                k += 1;
            }
            if s.get(k).map_or(false, |c| c.is_ascii_digit()) {
                i = digits(k);
                is_float = true;
            }
        }
        let text: String = s[start..i].iter().collect();
        let v = if is_float {
            if self.parse_float.is_none() {
                Value::Float(text.parse::<f64>().unwrap_or(f64::NAN))
            } else {
                vm.call(&self.parse_float, &[Value::string(text)])?
            }
        } else if self.parse_int.is_none() {
            match text.parse::<i64>() {
                Ok(n) => Value::Int(n),
                Err(_) => Value::bigint(text.parse::<num_bigint::BigInt>().unwrap_or_default()),
            }
        } else {
            vm.call(&self.parse_int, &[Value::string(text)])?
        };
        Ok((v, i))
    }

    /// A string body from `i` (just past the opening quote): the text and the position after
    /// the closing quote.
    fn string(&self, i: usize) -> DResult<(String, usize)> {
        let s = self.s;
        let begin = i - 1;
        let mut out = String::new();
        let mut i = i;
        loop {
            let Some(&c) = s.get(i) else { return Err(Fail::At("Unterminated string starting at", begin)) };
            match c {
                '"' => return Ok((out, i + 1)),
                '\\' => {
                    let Some(&e) = s.get(i + 1) else { return Err(Fail::At("Unterminated string starting at", begin)) };
                    i += 2;
                    match e {
                        '"' => out.push('"'),
                        '\\' => out.push('\\'),
                        '/' => out.push('/'),
                        'b' => out.push('\u{8}'),
                        'f' => out.push('\u{c}'),
                        'n' => out.push('\n'),
                        'r' => out.push('\r'),
                        't' => out.push('\t'),
                        'u' => {
                            let hi = self.hex4(i).ok_or(Fail::At("Invalid \\uXXXX escape", i - 1))?;
                            i += 4;
                            let mut code = hi;
                            if (0xd800..0xdc00).contains(&hi) && s.get(i) == Some(&'\\') && s.get(i + 1) == Some(&'u') {
                                if let Some(lo) = self.hex4(i + 2) {
                                    if (0xdc00..0xe000).contains(&lo) {
                                        code = 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
                                        i += 6;
                                    }
                                }
                            }
                            // A lone surrogate cannot live in threadlab's (UTF-8) strings.
                            out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                        }
                        _ => return Err(Fail::At("Invalid \\escape", i - 2)),
                    }
                }
                c if (c as u32) < 0x20 && self.strict => return Err(Fail::At("Invalid control character at", i)),
                c => {
                    out.push(c);
                    i += 1;
                }
            }
        }
    }

    fn hex4(&self, i: usize) -> Option<u32> {
        if i + 4 > self.s.len() {
            return None;
        }
        let mut v = 0;
        for k in 0..4 {
            v = v * 16 + self.s[i + k].to_digit(16)?;
        }
        Some(v)
    }

    fn array(&mut self, vm: &mut Vm, i: usize) -> DResult<(Value, usize)> {
        let mut items = Vec::new();
        let mut i = self.skip_ws(i);
        if self.s.get(i) == Some(&']') {
            return Ok((Value::list(items), i + 1));
        }
        loop {
            let (v, end) = self.value(vm, i)?;
            items.push(v);
            i = self.skip_ws(end);
            match self.s.get(i) {
                Some(']') => return Ok((Value::list(items), i + 1)),
                Some(',') => i = self.skip_ws(i + 1),
                _ => return Err(Fail::At("Expecting ',' delimiter", i)),
            }
        }
    }

    fn object(&mut self, vm: &mut Vm, i: usize) -> DResult<(Value, usize)> {
        let mut pairs: Vec<(Value, Value)> = Vec::new();
        let mut i = self.skip_ws(i);
        if self.s.get(i) == Some(&'}') {
            return Ok((self.finish_object(vm, pairs)?, i + 1));
        }
        loop {
            if self.s.get(i) != Some(&'"') {
                return Err(Fail::At("Expecting property name enclosed in double quotes", i));
            }
            let (key, end) = self.string(i + 1)?;
            i = self.skip_ws(end);
            if self.s.get(i) != Some(&':') {
                return Err(Fail::At("Expecting ':' delimiter", i));
            }
            i = self.skip_ws(i + 1);
            let (v, end) = self.value(vm, i)?;
            pairs.push((Value::string(key), v));
            i = self.skip_ws(end);
            match self.s.get(i) {
                Some('}') => return Ok((self.finish_object(vm, pairs)?, i + 1)),
                Some(',') => i = self.skip_ws(i + 1),
                _ => return Err(Fail::At("Expecting ',' delimiter", i)),
            }
        }
    }

    fn finish_object(&mut self, vm: &mut Vm, pairs: Vec<(Value, Value)>) -> DResult<Value> {
        if !self.object_pairs_hook.is_none() {
            let list = Value::list(pairs.into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect());
            return Ok(vm.call(&self.object_pairs_hook, &[list])?);
        }
        let d = Arc::new(Dict::new(DictMap::default()));
        for (k, v) in pairs {
            let key = dict_key(vm, &d, &k)?;
            d.lock().insert(key, v);
        }
        let d = Value::Dict(d);
        if !self.object_hook.is_none() {
            return Ok(vm.call(&self.object_hook, &[d])?);
        }
        Ok(d)
    }

    fn fail(&self, vm: &mut Vm, f: Fail) -> Unwind {
        match f {
            Fail::Py(u) => u,
            Fail::At(msg, pos) => {
                match vm.call(&self.error_cls.clone(), &[Value::str(msg), self.doc.clone(), Value::Int(pos as i64)]) {
                    Ok(exc) => Unwind::Exception(exc),
                    Err(e) => e,
                }
            }
        }
    }
}

/// `decode(s, error_cls, object_hook, object_pairs_hook, parse_float, parse_int,
/// parse_constant, strict, idx)`: `(value, end)` of the document at `idx`; JSONDecodeError
/// (`error_cls(msg, doc, pos)`) for bad input.
fn decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("decode", 9)?;
    let text = match &a[0] {
        Value::Str(s) => s.as_str().to_string(),
        v => match bytes_like(v) {
            Some(b) => String::from_utf8_lossy(&b).into_owned(),
            None => return Err(type_error(format!("the JSON object must be str, bytes or bytearray, not {}", v.type_name()))),
        },
    };
    let chars: Vec<char> = text.chars().collect();
    let strict = vm.truthy(&a[7])?;
    let idx = crate::vm::args::arg_int(&a[8])? as usize;
    let mut d = Decoder {
        s: &chars,
        doc: Value::string(text.clone()),
        error_cls: a[1].clone(),
        object_hook: a[2].clone(),
        object_pairs_hook: a[3].clone(),
        parse_float: a[4].clone(),
        parse_int: a[5].clone(),
        parse_constant: a[6].clone(),
        strict,
        depth: 0,
        limit: vm.recursion_limit(),
    };
    match d.value(vm, idx) {
        Ok((v, end)) => Ok(Value::tuple(vec![v, Value::Int(end as i64)])),
        Err(f) => Err(d.fail(vm, f)),
    }
}
