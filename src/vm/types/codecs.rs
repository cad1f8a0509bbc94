//! The text codecs `str.encode` and `bytes.decode` use: utf-8, ascii and latin-1, with the
//! error handlers strict, ignore, replace, backslashreplace and xmlcharrefreplace, and the
//! `UnicodeEncodeError` / `UnicodeDecodeError` messages CPython builds from their five args.

use crate::builtins_table;
use crate::vm::args::Args;
use crate::vm::exceptions::{error, exc_args, new_exception, type_error, PyResult, Unwind};
use crate::vm::state::Vm;
use crate::vm::types::{intern, types, Builtin};
use crate::vm::value::Value;

#[derive(Clone, Copy, PartialEq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
    /// The highest code point the codec encodes in one byte (utf-8 encodes every one).
    fn limit(self) -> u32 {
        match self {
            Codec::Utf8 => u32::MAX,
            Codec::Ascii => 0x7f,
            Codec::Latin1 => 0xff,
        }
    }
}

fn lookup(encoding: &str) -> PyResult<Codec> {
    let norm: String = encoding.trim().to_ascii_lowercase().chars().map(|c| if c == '_' || c == ' ' { '-' } else { c }).collect();
    Ok(match norm.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
        "ascii" | "us-ascii" | "646" | "us" => Codec::Ascii,
        "latin-1" | "latin1" | "latin" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "l1" | "iso-ir-100" => Codec::Latin1,
        _ => return Err(error("LookupError", format!("unknown encoding: {}", encoding))),
    })
}

/// A str argument of a codec call (`encode() argument 'encoding' must be str, not int`).
pub fn str_arg<'a>(v: &'a Value, fname: &str, what: &str) -> PyResult<&'a str> {
    v.as_str().ok_or_else(|| type_error(format!("{}() argument '{}' must be str, not {}", fname, what, v.type_name())))
}

fn bad_handler(errors: &str) -> Unwind {
    error("LookupError", format!("unknown error handler name '{}'", errors))
}

pub fn encode(text: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup(encoding)?;
    if codec == Codec::Utf8 {
        return Ok(text.as_bytes().to_vec());
    }
    let limit = codec.limit();
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i] as u32;
        if c <= limit {
            out.push(c as u8);
            i += 1;
            continue;
        }
        // A run of unencodable characters is reported (and replaced) as one.
        let start = i;
        while i < chars.len() && chars[i] as u32 > limit {
            i += 1;
        }
        match errors {
            "strict" => {
                let reason = format!("ordinal not in range({})", limit + 1);
                let obj = Value::string(text.to_string());
                return Err(unicode_error("UnicodeEncodeError", codec, obj, start, i, &reason));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat(b'?').take(i - start)),
            "backslashreplace" => {
                for &ch in &chars[start..i] {
                    out.extend_from_slice(escape_char(ch).as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &ch in &chars[start..i] {
                    out.extend_from_slice(format!("&#{};", ch as u32).as_bytes());
                }
            }
            other => return Err(bad_handler(other)),
        }
    }
    Ok(out)
}

fn escape_char(ch: char) -> String {
    let c = ch as u32;
    if c < 0x100 {
        format!("\\x{:02x}", c)
    } else if c < 0x10000 {
        format!("\\u{:04x}", c)
    } else {
        format!("\\U{:08x}", c)
    }
}

pub fn decode(data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = lookup(encoding)?;
    match codec {
        Codec::Latin1 => Ok(data.iter().map(|&c| c as char).collect()),
        Codec::Ascii => {
            let mut out = String::with_capacity(data.len());
            for (i, &c) in data.iter().enumerate() {
                if c < 0x80 {
                    out.push(c as char);
                    continue;
                }
                decode_error(codec, data, i, i + 1, "ordinal not in range(128)", errors, &mut out)?;
            }
            Ok(out)
        }
        Codec::Utf8 => {
            let mut out = String::with_capacity(data.len());
            let mut i = 0;
            loop {
                match std::str::from_utf8(&data[i..]) {
                    Ok(s) => {
                        out.push_str(s);
                        return Ok(out);
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&data[i..i + good]).unwrap());
                        let start = i + good;
                        let (end, reason) = match e.error_len() {
                            None => (data.len(), "unexpected end of data"),
                            Some(n) => {
                                let lead = data[start];
                                let reason = if n == 1 && (lead < 0xc2 || lead > 0xf4) {
                                    "invalid start byte"
                                } else {
                                    "invalid continuation byte"
                                };
                                (start + n, reason)
                            }
                        };
                        decode_error(codec, data, start, end, reason, errors, &mut out)?;
                        i = end;
                    }
                }
            }
        }
    }
}

fn decode_error(codec: Codec, data: &[u8], start: usize, end: usize, reason: &str, errors: &str, out: &mut String) -> PyResult<()> {
    match errors {
        "strict" => Err(unicode_error("UnicodeDecodeError", codec, Value::bytes(data.to_vec()), start, end, reason)),
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{fffd}');
            Ok(())
        }
        "backslashreplace" => {
            for &c in &data[start..end] {
                out.push_str(&format!("\\x{:02x}", c));
            }
            Ok(())
        }
        other => Err(bad_handler(other)),
    }
}

/// A UnicodeEncodeError / UnicodeDecodeError with CPython's args and attributes.
fn unicode_error(kind: &str, codec: Codec, obj: Value, start: usize, end: usize, reason: &str) -> Unwind {
    let args = vec![Value::str(codec.name()), obj.clone(), Value::Int(start as i64), Value::Int(end as i64), Value::str(reason)];
    let exc = new_exception(types().exc(kind), args);
    if let Value::Instance(i) = &exc {
        let mut d = i.dict();
        d.set(intern("encoding"), Value::str(codec.name()));
        d.set(intern("object"), obj);
        d.set(intern("start"), Value::Int(start as i64));
        d.set(intern("end"), Value::Int(end as i64));
        d.set(intern("reason"), Value::str(reason));
    }
    Unwind::Exception(exc)
}

/// `str(e)` of the two classes: built from the five args, as CPython does.
fn unicode_error_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.all[0].clone();
    let a = exc_args(&this);
    let decode = matches!(&this, Value::Instance(i) if i.class.name.as_str() == "UnicodeDecodeError");
    if let [Value::Str(enc), obj, Value::Int(start), Value::Int(end), Value::Str(reason)] = &a[..] {
        let (s, e) = (*start as usize, *end as usize);
        let (enc, reason) = (enc.as_str(), reason.as_str());
        if decode {
            if let Some(b) = super::bytes::bytes_like(obj) {
                if e == s + 1 && s < b.len() {
                    return Ok(Value::string(format!("'{}' codec can't decode byte 0x{:02x} in position {}: {}", enc, b[s], s, reason)));
                }
            }
            return Ok(Value::string(format!("'{}' codec can't decode bytes in position {}-{}: {}", enc, s, e.saturating_sub(1), reason)));
        }
        if let Value::Str(text) = obj {
            if e == s + 1 {
                if let Some(ch) = text.as_str().chars().nth(s) {
                    return Ok(Value::string(format!("'{}' codec can't encode character '{}' in position {}: {}", enc, escape_char(ch), s, reason)));
                }
            }
        }
        return Ok(Value::string(format!("'{}' codec can't encode characters in position {}-{}: {}", enc, s, e.saturating_sub(1), reason)));
    }
    super::exception::exc_str(vm, args)
}

pub static UNICODE_ERROR_METHODS: &[Builtin] = builtins_table![
    "__str__" => unicode_error_str,
];

/// `str.encode(encoding='utf-8', errors='strict')`.
pub fn str_encode(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (this, rest) = a.split_self();
    let text = this.as_str().ok_or_else(|| type_error("descriptor 'encode' requires a 'str' object"))?;
    rest.only_kwargs("encode", &["encoding", "errors"])?;
    if rest.n() > 2 {
        return Err(type_error(format!("encode() takes at most 2 arguments ({} given)", rest.n())));
    }
    let enc = match rest.arg(0, "encoding") {
        Some(v) => str_arg(v, "encode", "encoding")?,
        None => "utf-8",
    };
    let errs = match rest.arg(1, "errors") {
        Some(v) => str_arg(v, "encode", "errors")?,
        None => "strict",
    };
    Ok(Value::bytes(encode(text, enc, errs)?))
}
