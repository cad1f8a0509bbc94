//! Callables: Python functions (with their loaded code), builtins, bound methods, closure cells
//! and the staticmethod/classmethod/property wrappers.

use super::class::{AttrMap, Class};
use super::module::Module;
use crate::lang::bytecode::Code;
use crate::vm::args::Args;
use crate::vm::sync::SpinCell;
use crate::vm::state::Vm;
use crate::vm::value::{Str, Value};
use crate::vm::PyResult;
use std::sync::{Arc, Mutex, OnceLock, Weak};

/// A code object loaded into a module: constants converted to values once, and each name
/// mapped to the module's global slot.
pub struct CodeObj {
    pub code: Arc<Code>,
    pub consts: Box<[Value]>,
    /// Nested code objects, at the index of their constant.
    pub children: Box<[Option<Arc<CodeObj>>]>,
    pub names: Box<[Str]>,
    pub global_slots: Box<[u32]>,
    pub name: Str,
    pub qualname: Str,
    pub filename: Arc<str>,
    /// Only positional parameters and no cells: a call with exactly `argcount` positional
    /// arguments moves them straight into the frame.
    pub simple_call: bool,
}

pub struct Function {
    pub code: Arc<CodeObj>,
    pub module: Arc<Module>,
    pub defaults: Box<[Value]>,
    pub kwdefaults: Box<[(Str, Value)]>,
    pub closure: Box<[Arc<Cell>]>,
    pub name: Str,
    pub qualname: Str,
    /// The class whose body defined this function (for zero-argument `super()`).
    pub class: OnceLock<Weak<Class>>,
    /// Function attributes (`f.calls = 0`), rarely used.
    pub attrs: Mutex<AttrMap>,
}

/// A closure cell. `Null` means empty (the variable is unbound).
pub struct Cell {
    pub value: SpinCell<Value>,
}

impl Cell {
    pub fn new(v: Value) -> Cell {
        Cell { value: SpinCell::new(v) }
    }
}

pub type BuiltinFn = fn(&mut Vm, Args) -> PyResult<Value>;

/// A function implemented in Rust. Methods of builtin types take `self` as the first argument.
pub struct Builtin {
    pub name: &'static str,
    pub f: BuiltinFn,
}

pub struct Method {
    pub receiver: Value,
    pub func: Value,
}

pub enum Wrapper {
    StaticMethod(Value),
    ClassMethod(Value),
    Property { fget: Value, fset: Value, fdel: Value, doc: Value },
    /// `super()` bound to a class (search starts after it in the MRO of `obj`'s type) and object.
    Super { class: Arc<Class>, obj: Value },
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

/// A live view of a dict: `d.keys()`, `d.values()`, `d.items()`.
pub struct View {
    pub kind: ViewKind,
    pub dict: Arc<super::dict::Dict>,
}
