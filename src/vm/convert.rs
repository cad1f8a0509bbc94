//! `str()`, `repr()` and `format()` of values. Containers repr their items (which may call
//! user `__repr__`), so they work on snapshots and guard against self-reference.

use super::exceptions::{exc_args, type_error, PyResult, Unwind};
use super::format::{self, FormatSpec};
use super::limits::{Nested, Nesting};
use super::state::Vm;
use super::types::{ascii_escape, float_str, str_repr, PyStr, Str, Wrapper};
use super::value::Value;
use std::sync::Arc;

fn fmt_err((kind, msg): (&'static str, String)) -> Unwind {
    super::exceptions::error(kind, msg)
}

pub fn addr(v: &Value) -> String {
    format!("0x{:012x}", v.identity().unwrap_or(0))
}

impl Vm {
    /// `str(v)`.
    pub fn to_str(&mut self, v: &Value) -> PyResult<Str> {
        match v {
            Value::Str(s) => Ok(s.clone()),
            Value::Instance(i) => {
                if let Some(m) = i.class.lookup("__str__") {
                    let r = self.call(&m, &[v.clone()])?;
                    return match r {
                        Value::Str(s) => Ok(s),
                        other => Err(type_error(format!("__str__ returned non-string (type {})", other.type_name()))),
                    };
                }
                Ok(Arc::new(PyStr::from_string(self.repr(v)?)))
            }
            _ => Ok(Arc::new(PyStr::from_string(self.repr(v)?))),
        }
    }

    /// `str(v)` as a Rust string.
    pub fn str_string(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            Value::Int(i) => Ok(i.to_string()),
            _ => Ok(self.to_str(v)?.as_str().to_string()),
        }
    }

    /// `repr(v)`. Containers and objects nest: each level counts against the recursion limit.
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::List(_)
            | Value::Tuple(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::Instance(_)
            | Value::Method(_)
            | Value::Wrapper(_)
            | Value::View(_)
            | Value::Slice(_) => {
                let _nested = Nested::enter(self, Nesting::Repr)?;
                self.repr_value(v)
            }
            _ => self.repr_value(v),
        }
    }

    fn repr_value(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::Null => "<NULL>".into(),
            Value::None => "None".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => {
                super::limits::check_int_to_str(b).map_err(fmt_err)?;
                b.to_string()
            }
            Value::Float(f) => float_str(*f),
            Value::Str(s) => str_repr(s.as_str()),
            Value::Bytes(b) => super::types::bytes_repr(&b.data),
            Value::ByteArray(b) => format!("bytearray({})", super::types::bytes_repr(&b.snapshot())),
            Value::List(l) => {
                let items = l.snapshot();
                self.repr_seq(v, "[", "]", &items, false)?
            }
            Value::Tuple(t) => {
                let items = t.items.to_vec();
                self.repr_seq(v, "(", ")", &items, items.len() == 1)?
            }
            Value::Dict(d) => {
                let items = d.lock().items();
                if items.is_empty() {
                    return Ok("{}".into());
                }
                if !self.repr_enter(v) {
                    return Ok("{...}".into());
                }
                let mut out = String::from("{");
                let mut r = Ok(());
                for (n, (k, val)) in items.iter().enumerate() {
                    if n > 0 {
                        out.push_str(", ");
                    }
                    match (self.repr(k), self.repr(val)) {
                        (Ok(a), Ok(b)) => {
                            out.push_str(&a);
                            out.push_str(": ");
                            out.push_str(&b);
                        }
                        (Err(e), _) | (_, Err(e)) => {
                            r = Err(e);
                            break;
                        }
                    }
                }
                self.repr_leave(v);
                r?;
                out.push('}');
                out
            }
            Value::Set(s) => {
                let items = s.lock().values();
                let name = if s.frozen { "frozenset" } else { "set" };
                if items.is_empty() {
                    return Ok(format!("{}()", name));
                }
                let inner = self.repr_seq(v, "{", "}", &items, false)?;
                if s.frozen {
                    format!("frozenset({})", inner)
                } else {
                    inner
                }
            }
            Value::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Value::Slice(s) => {
                let (a, b, c) = (s.start.clone(), s.stop.clone(), s.step.clone());
                format!("slice({}, {}, {})", self.repr(&a)?, self.repr(&b)?, self.repr(&c)?)
            }
            Value::Function(f) => format!("<function {} at {}>", f.qualname.as_str(), addr(v)),
            Value::Builtin(b) => format!("<built-in function {}>", b.name),
            Value::Method(m) => match &m.func {
                Value::Builtin(b) => {
                    format!("<built-in method {} of {} object at {}>", b.name, m.receiver.type_name(), addr(&m.receiver))
                }
                Value::Function(f) => {
                    let recv = self.repr(&m.receiver.clone())?;
                    format!("<bound method {} of {}>", f.qualname.as_str(), recv)
                }
                _ => "<method>".into(),
            },
            Value::Class(c) if c.meta_method("__repr__").is_some() => {
                let m = c.meta_method("__repr__").unwrap();
                match self.call(&m, &[v.clone()])? {
                    Value::Str(s) => s.as_str().to_string(),
                    other => return Err(type_error(format!("__repr__ returned non-string (type {})", other.type_name()))),
                }
            }
            Value::Class(c) => {
                if c.module.as_str() == "builtins" {
                    format!("<class '{}'>", c.qualname.as_str())
                } else {
                    format!("<class '{}.{}'>", c.module.as_str(), c.qualname.as_str())
                }
            }
            Value::Instance(i) => {
                if let Some(m) = i.class.lookup("__repr__") {
                    let r = self.call(&m, &[v.clone()])?;
                    return match r {
                        Value::Str(s) => Ok(s.as_str().to_string()),
                        other => Err(type_error(format!("__repr__ returned non-string (type {})", other.type_name()))),
                    };
                }
                self.default_repr(v)?
            }
            Value::Module(m) => format!("<module '{}' (built-in)>", m.name.as_str()),
            Value::Iter(it) => format!("<{} object at {}>", it.type_name(), addr(v)),
            Value::Generator(g) => format!("<{} object {} at {}>", g.kind.name(), g.qualname.as_str(), addr(v)),
            Value::Wrapper(w) => match &**w {
                Wrapper::Property { .. } => format!("<property object at {}>", addr(v)),
                Wrapper::StaticMethod(f) => format!("<staticmethod({})>", self.repr(&f.clone())?),
                Wrapper::ClassMethod(f) => format!("<classmethod({})>", self.repr(&f.clone())?),
                Wrapper::Super { class, .. } => format!("<super: <class '{}'>, <object>>", class.name.as_str()),
            },
            Value::View(view) => {
                let items = super::types::view_items(view);
                let inner = self.repr(&Value::list(items))?;
                format!("{}({})", v.static_type_name(), inner)
            }
        })
    }

    /// `object.__repr__` (and BaseException's).
    pub fn default_repr(&mut self, v: &Value) -> PyResult<String> {
        if let Value::Instance(i) = v {
            if i.exc.is_some() {
                let args = exc_args(v);
                let inner = if args.len() == 1 {
                    self.repr(&args[0])?
                } else {
                    let t = Value::tuple(args);
                    let r = self.repr(&t)?;
                    r[1..r.len() - 1].trim_end_matches(',').to_string()
                };
                return Ok(format!("{}({})", i.class.name.as_str(), inner));
            }
            let c = &i.class;
            return Ok(format!("<{}.{} object at {}>", c.module.as_str(), c.qualname.as_str(), addr(v)));
        }
        self.repr(v)
    }

    fn repr_seq(&mut self, container: &Value, open: &str, close: &str, items: &[Value], trailing_comma: bool) -> PyResult<String> {
        if !self.repr_enter(container) {
            return Ok(format!("{}...{}", open, close));
        }
        let mut out = String::from(open);
        for (n, x) in items.iter().enumerate() {
            if n > 0 {
                out.push_str(", ");
            }
            match self.repr(x) {
                Ok(s) => out.push_str(&s),
                Err(e) => {
                    self.repr_leave(container);
                    return Err(e);
                }
            }
        }
        self.repr_leave(container);
        if trailing_comma {
            out.push(',');
        }
        out.push_str(close);
        Ok(out)
    }

    fn repr_enter(&mut self, v: &Value) -> bool {
        let id = v.identity().unwrap_or(0);
        if self.repr_stack.contains(&id) {
            return false;
        }
        self.repr_stack.push(id);
        true
    }

    fn repr_leave(&mut self, v: &Value) {
        let id = v.identity().unwrap_or(0);
        if let Some(p) = self.repr_stack.iter().rposition(|&x| x == id) {
            self.repr_stack.remove(p);
        }
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        match v {
            Value::Int(i) => {
                if spec.is_empty() {
                    return Ok(i.to_string());
                }
                let s = FormatSpec::parse_for(spec, "int").map_err(fmt_err)?;
                format::format_int_i64(*i, &s).map_err(fmt_err)
            }
            Value::Bool(b) => {
                if spec.is_empty() {
                    return Ok(if *b { "True" } else { "False" }.into());
                }
                let s = FormatSpec::parse_for(spec, "bool").map_err(fmt_err)?;
                format::format_int_i64(*b as i64, &s).map_err(fmt_err)
            }
            Value::BigInt(b) => {
                let s = FormatSpec::parse_for(spec, "int").map_err(fmt_err)?;
                format::format_bigint(b, &s).map_err(fmt_err)
            }
            Value::Float(f) => {
                if spec.is_empty() {
                    return Ok(float_str(*f));
                }
                let s = FormatSpec::parse_for(spec, "float").map_err(fmt_err)?;
                format::format_float(*f, &s).map_err(fmt_err)
            }
            Value::Str(st) => {
                if spec.is_empty() {
                    return Ok(st.as_str().to_string());
                }
                let s = FormatSpec::parse_for(spec, "str").map_err(fmt_err)?;
                format::format_str(st.as_str(), &s).map_err(fmt_err)
            }
            Value::Instance(i) => {
                if let Some(m) = i.class.lookup("__format__") {
                    if matches!(m, Value::Function(_)) {
                        let r = self.call(&m, &[v.clone(), Value::str(spec)])?;
                        return match r {
                            Value::Str(s) => Ok(s.as_str().to_string()),
                            other => Err(type_error(format!("__format__ must return a str, not {}", other.type_name()))),
                        };
                    }
                }
                if let Some(b) = i.base() {
                    if !spec.is_empty() {
                        let b = b.clone();
                        return self.format(&b, spec);
                    }
                }
                if !spec.is_empty() {
                    return Err(type_error(format!("unsupported format string passed to {}.__format__", v.type_name())));
                }
                Ok(self.to_str(v)?.as_str().to_string())
            }
            _ => {
                if !spec.is_empty() {
                    return Err(type_error(format!("unsupported format string passed to {}.__format__", v.type_name())));
                }
                Ok(self.to_str(v)?.as_str().to_string())
            }
        }
    }

    /// An f-string replacement field: conversion, then format spec.
    pub(crate) fn format_field(&mut self, v: &Value, conv: u8, spec: Option<&Value>) -> PyResult<Value> {
        let converted;
        let v = match conv {
            b'r' => {
                converted = Value::string(self.repr(v)?);
                &converted
            }
            b'a' => {
                converted = Value::string(ascii_escape(&self.repr(v)?));
                &converted
            }
            b's' => {
                converted = Value::Str(self.to_str(v)?);
                &converted
            }
            _ => v,
        };
        let spec = match spec {
            Some(Value::Str(s)) => s.as_str(),
            _ => "",
        };
        if spec.is_empty() {
            if let Value::Str(_) = v {
                return Ok(v.clone());
            }
        }
        Ok(Value::string(self.format(v, spec)?))
    }
}
