//! `Args`: a call's arguments as builtins see them, borrowed from the caller's operand stack
//! (no allocation per call): positional values, then keyword values named by `kwnames`.

use crate::vm::PyResult;
use crate::vm::exceptions::type_error;
use crate::vm::value::Value;

#[derive(Clone, Copy)]
pub struct Args<'a> {
    /// Positional values followed by keyword values.
    pub all: &'a [Value],
    /// Names (str values) of the trailing keyword values.
    pub kwnames: &'a [Value],
}

impl<'a> Args<'a> {
    pub fn new(all: &'a [Value], kwnames: &'a [Value]) -> Args<'a> {
        debug_assert!(kwnames.len() <= all.len());
        Args { all, kwnames }
    }
    pub fn positional(pos: &'a [Value]) -> Args<'a> {
        Args { all: pos, kwnames: &[] }
    }
    #[inline]
    pub fn pos(&self) -> &'a [Value] {
        &self.all[..self.all.len() - self.kwnames.len()]
    }
    #[inline]
    pub fn n(&self) -> usize {
        self.all.len() - self.kwnames.len()
    }
    pub fn kwargs(&self) -> impl Iterator<Item = (&'a str, &'a Value)> {
        let vals = &self.all[self.n()..];
        self.kwnames.iter().zip(vals.iter()).map(|(k, v)| (k.as_str().unwrap_or(""), v))
    }
    pub fn kw(&self, name: &str) -> Option<&'a Value> {
        self.kwargs().find(|(k, _)| *k == name).map(|(_, v)| v)
    }
    /// Positional argument `i`, or the keyword `name`.
    pub fn arg(&self, i: usize, name: &str) -> Option<&'a Value> {
        self.pos().get(i).or_else(|| self.kw(name))
    }
    /// This call as (self, rest) for methods of builtin types. `self` is the builtin value: an
    /// instance of a Python subclass of a builtin type gives its base value.
    pub fn split_self(&self) -> (&'a Value, Args<'a>) {
        (crate::vm::types::base_value(&self.all[0]), Args { all: &self.all[1..], kwnames: self.kwnames })
    }

    /// (self, rest) where `self` is the object itself (methods of `object`).
    pub fn split_object(&self) -> (&'a Value, Args<'a>) {
        (&self.all[0], Args { all: &self.all[1..], kwnames: self.kwnames })
    }

    /// Rejects keyword arguments other than `allowed`.
    pub fn only_kwargs(&self, fname: &str, allowed: &[&str]) -> PyResult<()> {
        for (k, _) in self.kwargs() {
            if !allowed.contains(&k) {
                if allowed.is_empty() {
                    return Err(type_error(format!("{}() takes no keyword arguments", fname)));
                }
                return Err(type_error(format!("{}() got an unexpected keyword argument '{}'", fname, k)));
            }
        }
        Ok(())
    }

    /// Checks the positional count (and that no keywords were given), with CPython's wording for
    /// builtin functions.
    pub fn exact(&self, fname: &str, n: usize) -> PyResult<&'a [Value]> {
        self.only_kwargs(fname, &[])?;
        let got = self.n();
        if got != n {
            return Err(type_error(match n {
                0 => format!("{}() takes no arguments ({} given)", fname, got),
                1 => format!("{}() takes exactly one argument ({} given)", fname, got),
                _ => format!("{} expected {} arguments, got {}", fname, n, got),
            }));
        }
        Ok(self.pos())
    }

    /// Checks `min <= count <= max` of positional arguments.
    pub fn range(&self, fname: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
        let got = self.n();
        if got < min {
            return Err(type_error(format!(
                "{} expected at least {} argument{}, got {}",
                fname,
                min,
                if min == 1 { "" } else { "s" },
                got
            )));
        }
        if got > max {
            return Err(type_error(format!(
                "{} expected at most {} argument{}, got {}",
                fname,
                max,
                if max == 1 { "" } else { "s" },
                got
            )));
        }
        Ok(self.pos())
    }
}

/// An integer argument (`'float' object cannot be interpreted as an integer` otherwise).
pub fn arg_int(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(super::exceptions::overflow_error("Python int too large to convert to C ssize_t")),
        Value::Instance(i) if matches!(i.base(), Some(Value::Int(_) | Value::BigInt(_))) => arg_int(i.base().unwrap()),
        _ => Err(type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name()))),
    }
}

/// A float argument from an int or float.
pub fn arg_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::Float(f) => Some(*f),
        Value::BigInt(b) => num_traits::ToPrimitive::to_f64(&**b),
        Value::Instance(i) => arg_f64(i.base()?),
        _ => None,
    }
}
