//! `Value`: what the operand stack, locals, globals and containers hold.
//!
//! 16 bytes: a tag and one word. Small ints, floats, bools and None are unboxed so arithmetic
//! loops never touch the heap or an atomic refcount; everything else is an `Arc` to an object
//! that may be shared by several Python threads (so every mutable part sits behind a lock).

use super::types::*;
use num_bigint::BigInt;
use std::sync::Arc;

pub type Str = Arc<PyStr>;

#[derive(Clone)]
pub enum Value {
    /// Internal marker, never visible to Python: an unbound local, an empty cell, the "no self"
    /// slot of a method call.
    Null,
    None,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// Only for values outside i64 (arithmetic normalizes back to `Int` when it fits).
    BigInt(Arc<BigInt>),
    Str(Str),
    Bytes(Arc<Bytes>),
    ByteArray(Arc<ByteArray>),
    Tuple(Arc<Tuple>),
    List(Arc<List>),
    Dict(Arc<Dict>),
    Set(Arc<Set>),
    Range(Arc<Range>),
    Slice(Arc<Slice>),
    Function(Arc<Function>),
    Builtin(&'static Builtin),
    /// A bound method: `self` plus a function (Python or builtin).
    Method(Arc<Method>),
    Class(Arc<Class>),
    Instance(Arc<Instance>),
    Module(Arc<Module>),
    Iter(Arc<Iter>),
    /// staticmethod / classmethod / property wrappers, and super objects.
    Wrapper(Arc<Wrapper>),
    /// dict_keys / dict_values / dict_items.
    View(Arc<View>),
    /// Generators, coroutines and async generators.
    Generator(Arc<Generator>),
}

const _: () = assert!(std::mem::size_of::<Value>() == 16);

impl Value {
    #[inline]
    pub fn str(s: &str) -> Value {
        Value::Str(Arc::new(PyStr::new(s)))
    }
    #[inline]
    pub fn string(s: String) -> Value {
        Value::Str(Arc::new(PyStr::from_string(s)))
    }
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Arc::new(Tuple::new(items)))
    }
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Arc::new(List::new(items)))
    }
    pub fn bigint(b: BigInt) -> Value {
        match i64::try_from(&b) {
            Ok(i) => Value::Int(i),
            Err(_) => Value::BigInt(Arc::new(b)),
        }
    }

    #[inline]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// The address that `id()` and `is` use for heap objects.
    pub fn identity(&self) -> Option<usize> {
        Some(match self {
            Value::BigInt(a) => Arc::as_ptr(a) as usize,
            Value::Str(a) => Arc::as_ptr(a) as usize,
            Value::Bytes(a) => Arc::as_ptr(a) as usize,
            Value::ByteArray(a) => Arc::as_ptr(a) as usize,
            Value::Tuple(a) => Arc::as_ptr(a) as usize,
            Value::List(a) => Arc::as_ptr(a) as usize,
            Value::Dict(a) => Arc::as_ptr(a) as usize,
            Value::Set(a) => Arc::as_ptr(a) as usize,
            Value::Range(a) => Arc::as_ptr(a) as usize,
            Value::Slice(a) => Arc::as_ptr(a) as usize,
            Value::Function(a) => Arc::as_ptr(a) as usize,
            Value::Builtin(b) => *b as *const Builtin as usize,
            Value::Method(a) => Arc::as_ptr(a) as usize,
            Value::Class(a) => Arc::as_ptr(a) as usize,
            Value::Instance(a) => Arc::as_ptr(a) as usize,
            Value::Module(a) => Arc::as_ptr(a) as usize,
            Value::Iter(a) => Arc::as_ptr(a) as usize,
            Value::Wrapper(a) => Arc::as_ptr(a) as usize,
            Value::View(a) => Arc::as_ptr(a) as usize,
            Value::Generator(a) => Arc::as_ptr(a) as usize,
            _ => return None,
        })
    }

    /// Python's `is`.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None)
            | (Value::Null, Value::Null)
            | (Value::NotImplemented, Value::NotImplemented)
            | (Value::Ellipsis, Value::Ellipsis) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // Small ints are cached in CPython (-5..=256); larger equal ints usually are not the
            // same object, but constants in one code object are. Treat equal ints as identical.
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            _ => match (self.identity(), other.identity()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// The class name CPython shows in messages (`'int' object is not callable`).
    pub fn type_name(&self) -> String {
        match self {
            Value::Instance(i) => i.class.name.as_str().to_string(),
            _ => self.static_type_name().to_string(),
        }
    }

    pub fn static_type_name(&self) -> &'static str {
        match self {
            Value::Null => "NULL",
            Value::None => "NoneType",
            Value::NotImplemented => "NotImplementedType",
            Value::Ellipsis => "ellipsis",
            Value::Bool(_) => "bool",
            Value::Int(_) | Value::BigInt(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "str",
            Value::Bytes(_) => "bytes",
            Value::ByteArray(_) => "bytearray",
            Value::Tuple(_) => "tuple",
            Value::List(_) => "list",
            Value::Dict(_) => "dict",
            Value::Set(s) => {
                if s.frozen {
                    "frozenset"
                } else {
                    "set"
                }
            }
            Value::Range(_) => "range",
            Value::Slice(_) => "slice",
            Value::Function(_) => "function",
            Value::Builtin(_) => "builtin_function_or_method",
            Value::Method(m) => {
                if matches!(m.func, Value::Builtin(_)) {
                    "builtin_function_or_method"
                } else {
                    "method"
                }
            }
            Value::Class(_) => "type",
            Value::Instance(_) => "object",
            Value::Module(_) => "module",
            Value::Iter(it) => it.type_name(),
            Value::Wrapper(w) => match &**w {
                Wrapper::StaticMethod(_) => "staticmethod",
                Wrapper::ClassMethod(_) => "classmethod",
                Wrapper::Property { .. } => "property",
                Wrapper::Super { .. } => "super",
            },
            Value::View(v) => match v.kind {
                ViewKind::Keys => "dict_keys",
                ViewKind::Values => "dict_values",
                ViewKind::Items => "dict_items",
            },
            Value::Generator(g) => g.kind.name(),
        }
    }

    /// Whether dropping this value is a no-op (no heap object behind it).
    #[inline(always)]
    pub fn is_unboxed(&self) -> bool {
        matches!(
            self,
            Value::Null | Value::None | Value::NotImplemented | Value::Ellipsis | Value::Bool(_) | Value::Int(_) | Value::Float(_)
        )
    }

    /// `clone()` with the unboxed case inlined (a bit copy, no refcount).
    #[inline(always)]
    pub fn dup(&self) -> Value {
        if self.is_unboxed() {
            // SAFETY: unboxed variants own nothing, so a bitwise copy is a valid clone.
            unsafe { std::ptr::read(self) }
        } else {
            self.clone()
        }
    }

    /// Moves `src[from..]` to the end of `dst` (bitwise: ownership moves, no refcounting).
    #[inline(always)]
    pub fn move_tail(src: &mut Vec<Value>, from: usize, dst: &mut Vec<Value>) {
        let n = src.len() - from;
        dst.reserve(n);
        // SAFETY: the `n` values are copied once into reserved space and `src` forgets them.
        unsafe {
            std::ptr::copy_nonoverlapping(src.as_ptr().add(from), dst.as_mut_ptr().add(dst.len()), n);
            dst.set_len(dst.len() + n);
            src.set_len(from);
        }
    }

    /// `*slot = v`, skipping the out-of-line drop when the old value holds no heap object
    /// (the common case in arithmetic loops).
    #[inline(always)]
    pub fn set(slot: &mut Value, v: Value) {
        if slot.is_unboxed() {
            // SAFETY: the old value owns nothing, so overwriting it without dropping leaks nothing.
            unsafe { std::ptr::write(slot, v) }
        } else {
            *slot = v;
        }
    }

    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s.as_str()),
            _ => None,
        }
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Int(i) => write!(f, "Int({})", i),
            Value::Float(x) => write!(f, "Float({})", x),
            Value::Bool(b) => write!(f, "Bool({})", b),
            Value::Str(s) => write!(f, "Str({:?})", s.as_str()),
            other => write!(f, "<{}>", other.static_type_name()),
        }
    }
}
