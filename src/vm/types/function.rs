//! Callables: Python functions (with their loaded code), builtins (and the macro that
//! declares their tables), bound methods, closure cells.

use crate::lang::bytecode::Code;
use crate::vm::PyResult;
use crate::vm::args::Args;
use crate::vm::state::Vm;
use crate::vm::sync::SpinCell;
use crate::vm::types::class::{AttrMap, Class};
use crate::vm::types::module::Module;
use crate::vm::value::{Str, Value};
use std::sync::atomic::AtomicU32;
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
    /// Per name: the instance-dict index where an attribute of that name was last found
    /// (`AttrMap::get_hinted`).
    pub attr_hints: Box<[AtomicU32]>,
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

/// Declares a static table of builtins: `builtins![("name", func), ...]`.
#[macro_export]
macro_rules! builtins_table {
    ($($name:literal => $f:path),* $(,)?) => {
        &[$($crate::vm::types::Builtin { name: $name, f: $f }),*]
    };
}
