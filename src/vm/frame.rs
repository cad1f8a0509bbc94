//! A Python call frame: locals in a slot array, an operand stack, closure cells.
//! Frames live boxed on the thread's frame stack (`Vm::frames`), not on the Rust stack, so
//! Python-to-Python calls do not recurse in Rust.

use super::types::{AttrMap, Cell, Function};
use super::value::Value;
use std::sync::Arc;

/// What the caller gets when the frame returns.
pub(crate) enum OnReturn {
    /// The return value.
    Value,
    /// An `__init__` frame: the caller gets the new instance (and `__init__` must return None).
    Instance(Value),
}

pub(crate) struct Frame {
    pub func: Arc<Function>,
    /// Index of the next instruction.
    pub pc: usize,
    pub locals: Vec<Value>,
    pub stack: Vec<Value>,
    /// Cellvars, then freevars.
    pub cells: Vec<Arc<Cell>>,
    /// A class body's namespace.
    pub namespace: Option<AttrMap>,
    pub on_return: OnReturn,
}

impl Frame {
    pub fn new(func: Arc<Function>) -> Frame {
        Frame {
            func,
            pc: 0,
            locals: Vec::new(),
            stack: Vec::new(),
            cells: Vec::new(),
            namespace: None,
            on_return: OnReturn::Value,
        }
    }
}
