//! More `str` methods, for text-processing modules (textwrap, string templates): expandtabs,
//! translate, maketrans, isascii, isprintable. Kept beside str.rs's table, which lists them.

use crate::vm::args::{arg_int, Args};
use crate::vm::exceptions::{is_exc, type_error, value_error, PyResult};
use crate::vm::state::Vm;
use crate::vm::types::{Builtin, Dict, DictMap};
use crate::vm::value::Value;
use std::sync::Arc;

fn this<'a>(a: &Args<'a>, name: &str) -> PyResult<(&'a str, Args<'a>)> {
    let (s, rest) = a.split_self();
    match s {
        Value::Str(x) => Ok((x.as_str(), rest)),
        other => Err(type_error(format!("descriptor '{}' for 'str' objects doesn't apply to a '{}' object", name, other.type_name()))),
    }
}

pub fn expandtabs(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, rest) = this(&a, "expandtabs")?;
    rest.only_kwargs("expandtabs", &["tabsize"])?;
    let size = match rest.arg(0, "tabsize") {
        Some(v) => arg_int(v)?,
        None => 8,
    };
    let mut out = String::with_capacity(s.len());
    let mut col = 0i64;
    for c in s.chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - col % size;
                    out.extend(std::iter::repeat(' ').take(n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(Value::string(out))
}

/// `str.translate(table)`: `table[ord(c)]` is None (delete), an int (a code point) or a str;
/// a LookupError keeps the character.
pub fn translate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, rest) = this(&a, "translate")?;
    let p = rest.exact("translate", 1)?;
    let table = p[0].clone();
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let r = match crate::vm::ops::getitem(vm, &table, &Value::Int(c as i64)) {
            Ok(v) => v,
            Err(e) if is_exc(&e, "LookupError") || is_exc(&e, "KeyError") || is_exc(&e, "IndexError") => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        match r {
            Value::None => {}
            Value::Str(t) => out.push_str(t.as_str()),
            Value::Int(n) => match u32::try_from(n).ok().and_then(char::from_u32) {
                Some(ch) => out.push(ch),
                None => return Err(value_error("character mapping must be in range(0x110000)")),
            },
            _ => return Err(type_error("character mapping must return integer, None or str")),
        }
    }
    Ok(Value::string(out))
}

/// `str.maketrans(x[, y[, z]])` (a static method).
fn maketrans(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = a.range("maketrans", 1, 3)?;
    let d = Arc::new(Dict::new(DictMap::default()));
    let put = |vm: &mut Vm, d: &Arc<Dict>, k: Value, v: Value| -> PyResult<()> { crate::vm::types::dict_setitem(vm, d, &k, v) };
    if p.len() == 1 {
        let Value::Dict(src) = &p[0] else {
            return Err(type_error("if you give only one argument to maketrans it must be a dict"));
        };
        for (k, v) in src.lock().items() {
            let key = match &k {
                Value::Int(_) => k.clone(),
                Value::Str(s) => {
                    let mut cs = s.as_str().chars();
                    match (cs.next(), cs.next()) {
                        (Some(c), None) => Value::Int(c as i64),
                        _ => return Err(value_error("string keys in translate table must be of length 1")),
                    }
                }
                _ => return Err(type_error("keys in translate table must be strings or integers")),
            };
            put(vm, &d, key, v)?;
        }
        return Ok(Value::Dict(d));
    }
    let (Value::Str(x), Value::Str(y)) = (&p[0], &p[1]) else {
        return Err(type_error(format!("maketrans() argument 2 must be str, not {}", p[1].type_name())));
    };
    let (xs, ys): (Vec<char>, Vec<char>) = (x.as_str().chars().collect(), y.as_str().chars().collect());
    if xs.len() != ys.len() {
        return Err(value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in xs.iter().zip(ys.iter()) {
        put(vm, &d, Value::Int(*a as i64), Value::Int(*b as i64))?;
    }
    if let Some(z) = p.get(2) {
        let Value::Str(z) = z else {
            return Err(type_error(format!("maketrans() argument 3 must be str, not {}", z.type_name())));
        };
        for c in z.as_str().chars() {
            put(vm, &d, Value::Int(c as i64), Value::None)?;
        }
    }
    Ok(Value::Dict(d))
}

static MAKETRANS: Builtin = Builtin { name: "maketrans", f: maketrans };

/// The static method `str` adds to its table.
pub fn str_extras() -> Vec<(&'static str, Value)> {
    vec![("maketrans", Value::Wrapper(Arc::new(super::Wrapper::StaticMethod(Value::Builtin(&MAKETRANS)))))]
}

pub fn isascii(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, rest) = this(&a, "isascii")?;
    rest.exact("isascii", 0)?;
    Ok(Value::Bool(s.is_ascii()))
}

pub fn isprintable(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, rest) = this(&a, "isprintable")?;
    rest.exact("isprintable", 0)?;
    // Printable: what repr() shows as itself (no escape), space included.
    Ok(Value::Bool(s.chars().all(|c| c == ' ' || super::str_repr(&c.to_string()).chars().count() == 3 || c == '\'')))
}
