//! The bytecode the compiler emits and the VM runs.
//!
//! One `Op` is a `Copy` enum of at most 8 bytes (a one-byte tag and u8/u16/u32 operands), so the
//! dispatch loop reads a whole instruction with one load and a `match` becomes a jump table.
//! Jump operands are absolute instruction indexes.
//!
//! The lang layer knows nothing of the VM's values: constants are `Const`s, which the VM converts
//! once per program into its own values.

use num_bigint::BigInt;
use std::sync::Arc;

/// Binary operators, shared by `BinaryOp`, `InplaceOp` and the fused `InplaceLocalConst`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinKind {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
    MatMul,
}

impl BinKind {
    /// The operator as Python spells it in error messages.
    pub fn symbol(self) -> &'static str {
        match self {
            BinKind::Add => "+",
            BinKind::Sub => "-",
            BinKind::Mul => "*",
            BinKind::Div => "/",
            BinKind::FloorDiv => "//",
            BinKind::Mod => "%",
            BinKind::Pow => "** or pow()",
            BinKind::LShift => "<<",
            BinKind::RShift => ">>",
            BinKind::And => "&",
            BinKind::Or => "|",
            BinKind::Xor => "^",
            BinKind::MatMul => "@",
        }
    }
    /// The dunder method a user class implements for this operator, e.g. `__add__`.
    pub fn dunder(self) -> (&'static str, &'static str) {
        match self {
            BinKind::Add => ("__add__", "__radd__"),
            BinKind::Sub => ("__sub__", "__rsub__"),
            BinKind::Mul => ("__mul__", "__rmul__"),
            BinKind::Div => ("__truediv__", "__rtruediv__"),
            BinKind::FloorDiv => ("__floordiv__", "__rfloordiv__"),
            BinKind::Mod => ("__mod__", "__rmod__"),
            BinKind::Pow => ("__pow__", "__rpow__"),
            BinKind::LShift => ("__lshift__", "__rlshift__"),
            BinKind::RShift => ("__rshift__", "__rrshift__"),
            BinKind::And => ("__and__", "__rand__"),
            BinKind::Or => ("__or__", "__ror__"),
            BinKind::Xor => ("__xor__", "__rxor__"),
            BinKind::MatMul => ("__matmul__", "__rmatmul__"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CmpKind {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpKind {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpKind::Lt => "<",
            CmpKind::Le => "<=",
            CmpKind::Eq => "==",
            CmpKind::Ne => "!=",
            CmpKind::Gt => ">",
            CmpKind::Ge => ">=",
        }
    }
    pub fn dunder(self) -> &'static str {
        match self {
            CmpKind::Lt => "__lt__",
            CmpKind::Le => "__le__",
            CmpKind::Eq => "__eq__",
            CmpKind::Ne => "__ne__",
            CmpKind::Gt => "__gt__",
            CmpKind::Ge => "__ge__",
        }
    }
    /// The reflected comparison tried on the right operand (`a < b` -> `b > a`).
    pub fn swapped(self) -> CmpKind {
        match self {
            CmpKind::Lt => CmpKind::Gt,
            CmpKind::Le => CmpKind::Ge,
            CmpKind::Eq => CmpKind::Eq,
            CmpKind::Ne => CmpKind::Ne,
            CmpKind::Gt => CmpKind::Lt,
            CmpKind::Ge => CmpKind::Le,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum UnaryKind {
    Not,
    Neg,
    Pos,
    Invert,
}

/// Marks "push the value on the stack" in `ForSlot::store`.
pub const STORE_TO_STACK: u16 = u16::MAX;

/// Flags of `MakeFunction`: which optional parts were pushed below the code.
pub const FN_DEFAULTS: u8 = 1;
pub const FN_KWDEFAULTS: u8 = 2;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    Nop,
    Pop,
    /// Duplicates the top of the stack.
    Dup,
    /// Duplicates the top two values, keeping their order.
    DupTwo,
    /// Swaps the top two values.
    Rot2,
    /// Moves the top value below the next two (`a b c` -> `c a b`).
    Rot3,
    /// Moves the top value below the next three.
    Rot4,

    LoadConst(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    /// Cells: indexes into the frame's cells (cellvars then freevars).
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// Module globals, falling back to builtins on load. The operand is a name index.
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Class-body namespace, then globals, then builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    /// A free variable of a function defined in a class body: the class namespace first, then the
    /// cell (operands: name index, cell index).
    LoadClassDeref(u32),

    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    /// Pushes `[method, self]` for an unbound method found on the type, or `[NULL, attr]`, so
    /// `CallMethod` can call without allocating a bound method.
    LoadMethod(u32),
    /// Calls what `LoadMethod` pushed with `argc` positional arguments.
    CallMethod(u32),
    /// Positional arguments followed by keyword values; `names` is a const tuple of keyword names.
    CallMethodKw { argc: u16, names: u32 },
    Call(u32),
    CallKw { argc: u16, names: u32 },
    /// Stack: callable, args tuple, [kwargs dict when the flag is set].
    CallEx { has_kwargs: bool },

    BinaryOp(BinKind),
    /// Augmented assignment: like `BinaryOp` but lists extend in place.
    InplaceOp(BinKind),
    /// `local op= const` fused (the `total += 1` of counting loops).
    InplaceLocalConst { op: BinKind, local: u16, konst: u16 },
    UnaryOp(UnaryKind),
    Compare(CmpKind),
    /// `is` (false) / `is not` (true).
    Is(bool),
    /// `in` (false) / `not in` (true).
    Contains(bool),

    Subscript,
    StoreSubscript,
    DeleteSubscript,
    /// 2 or 3 values to a slice object.
    BuildSlice(u32),

    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    /// `n` key/value pairs.
    BuildMap(u32),
    /// Concatenates `n` strings.
    BuildString(u32),
    /// Comprehension helpers: the target container sits `depth` below the pushed value.
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
    /// Extends the list `depth` below the top with an iterable (starred in a display).
    ListExtend(u32),
    SetUpdate(u32),
    /// `{**d}`: merges a mapping into the dict below it.
    DictUpdate(u32),
    ListToTuple,
    /// f-string field: conversion (0 none, b'r', b's', b'a'); with a spec, the spec string is on
    /// top of the value.
    FormatValue { conv: u8, has_spec: bool },

    UnpackSequence(u32),
    /// Starred unpacking: `before` targets, a list, then `after` targets.
    UnpackEx { before: u16, after: u16 },

    Jump(u32),
    /// A jump to an earlier instruction: also checks the eval breaker.
    JumpBackward(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    /// `and`/`or`: jump keeping the value, or pop it and fall through.
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),

    /// Replaces the top with an iterator over it (used for unpacking helpers and `iter`).
    GetIter,
    /// `for` loops keep their iterator state in three hidden local slots starting at `slot`,
    /// so a `range` counts unboxed. `ForPrep` pops the iterable into the slots.
    ForPrep { slot: u16 },
    /// Advances the loop: stores the next item into local `store` (or pushes it when `store` is
    /// `STORE_TO_STACK`) and skips the next instruction; when exhausted, falls through to the
    /// next instruction, which is the `Jump` out of the loop.
    ForSlot { slot: u16, store: u16 },
    /// Clears a loop's hidden slots (so a list is not kept alive by a finished loop).
    ForEnd { slot: u16 },

    Return,
    /// Stack: [defaults tuple] [kwdefaults dict] -> function. Operand: const index of the code.
    MakeFunction { code: u32, flags: u8 },
    /// Stack: the class-body function, then the bases tuple; operand: name const index.
    /// Calls the body with a fresh namespace and builds the class.
    BuildClass { name: u32 },

    /// 0: re-raise the exception being handled; 1: raise top; 2: raise top-1 from top.
    Raise(u8),
    /// Re-raises the exception on top of the stack, keeping its traceback.
    Reraise,
    /// Handler entry: stack `[exc]` -> `[previous handled exception, exc]`, and `exc` becomes the
    /// thread's handled exception (for bare `raise` and implicit chaining).
    PushExcInfo,
    /// Pops the saved previous handled exception and makes it current again.
    PopExcept,
    /// Stack `[exc, type]` -> `[exc, bool]`.
    CheckExcMatch,
    /// Pushes the `AssertionError` class (not looked up by name: a user cannot shadow it).
    LoadAssertionError,

    /// `with`: stack `[ctx]` -> `[bound __exit__, result of __enter__]`.
    BeforeWith,
    /// In a `with` handler: stack `[exit, prev, exc]` -> calls `exit(type, exc, tb)` and pushes
    /// its result on top.
    WithExceptStart,

    /// `import name`: pushes the module. Operand: name index of the (dotted) module name.
    ImportName(u32),
    /// `from m import x`: the module is on top; pushes its attribute (operand: name index).
    ImportFrom(u32),
    /// `from m import *`: pops the module and copies its public names into the namespace.
    ImportStar,

    /// Suspends the generator, handing the top value to whoever resumed it; on resume the value
    /// sent in is pushed.
    Yield,
    /// `yield from` / `await`: stack `[sub, value]`. Sends the value into the sub-iterator;
    /// while it yields, this generator yields the same (and resumes at this instruction with
    /// `[sub, sent]`); when it returns, `[sub, value]` -> `[its return value]`.
    YieldFrom,
    /// `yield from x`: `x` -> `iter(x)` (generators and coroutines stay as they are).
    GetYieldFromIter,
    /// `await x`: `x` -> the iterator its `__await__` gives (a coroutine is its own).
    GetAwaitable,
    /// `async for`: `x` -> `x.__aiter__()`.
    GetAIter,
    /// `async for`: stack `[aiter]` -> `[aiter, awaitable of aiter.__anext__()]`.
    GetANext,
    /// The handler of an `async for` step: stack `[aiter, exc]`. StopAsyncIteration pops both
    /// and jumps to `target`; anything else is re-raised.
    EndAsyncFor(u32),
    /// `async with`: stack `[ctx]` -> `[bound __aexit__, awaitable of __aenter__()]`.
    BeforeAsyncWith,
    /// In an `async with` handler: like `WithExceptStart` but pushes `__aexit__`'s awaitable.
    AsyncWithExceptStart,
}

/// A constant in a code object's pool.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    None,
    Bool(bool),
    Int(i64),
    BigInt(BigInt),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    Ellipsis,
    /// Keyword-name lists of calls and the like.
    Tuple(Vec<Const>),
    Code(Arc<Code>),
}

/// What kind of scope a code object is; decides how names are looked up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    Module,
    Function,
    /// A class body: names live in a namespace dict.
    Class,
    /// A lambda (named `<lambda>`) or a comprehension (`<listcomp>`, ...): a function.
    Lambda,
}

/// An exception-table entry: an exception raised at a pc in `start..end` jumps to `handler` with
/// the operand stack cut to `depth` values and the exception pushed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handler {
    pub start: u32,
    pub end: u32,
    pub handler: u32,
    pub depth: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Code {
    pub kind: CodeKind,
    /// Function name as tracebacks show it (`<module>` for the module).
    pub name: String,
    /// `Outer.method` style, for reprs like `<function Outer.method at 0x...>`.
    pub qualname: String,
    pub filename: String,
    pub first_line: u32,
    pub ops: Vec<Op>,
    /// The source line of each op (same length as `ops`).
    pub lines: Vec<u32>,
    pub consts: Vec<Const>,
    /// Names for globals, attributes, imports and class-body names.
    pub names: Vec<String>,
    /// Fast-local names (parameters first), then unnamed hidden slots up to `nlocals`.
    pub varnames: Vec<String>,
    pub nlocals: u32,
    /// Locals that inner functions capture: they live in cells.
    pub cellvars: Vec<String>,
    /// For each cellvar that is also a parameter, the parameter's local index (copied into the
    /// cell at frame start).
    pub cell_params: Vec<(u32, u32)>,
    /// Variables captured from enclosing scopes.
    pub freevars: Vec<String>,
    /// For each freevar, the index of the enclosing code's cell (its cellvars then freevars)
    /// that the function captures when it is made.
    pub free_sources: Vec<u32>,
    /// Number of positional parameters (including positional-or-keyword).
    pub argcount: u32,
    pub kwonlycount: u32,
    pub has_varargs: bool,
    pub has_varkw: bool,
    /// Exception table, innermost ranges first.
    pub handlers: Vec<Handler>,
    /// An upper bound of the operand stack depth.
    pub max_stack: u32,
    /// Whether a function body refers to `super` (it then needs its defining class).
    pub uses_super: bool,
    /// `CO_GENERATOR` / `CO_COROUTINE` (both: an async generator).
    pub flags: u8,
}

/// Calling the function makes a generator instead of running the body.
pub const CO_GENERATOR: u8 = 1;
/// An `async def`: calling it makes a coroutine (with `CO_GENERATOR`: an async generator).
pub const CO_COROUTINE: u8 = 2;

impl Code {
    pub fn new(kind: CodeKind, name: &str, qualname: &str, filename: &str, first_line: u32) -> Code {
        Code {
            kind,
            name: name.to_string(),
            qualname: qualname.to_string(),
            filename: filename.to_string(),
            first_line,
            ops: Vec::new(),
            lines: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            varnames: Vec::new(),
            nlocals: 0,
            cellvars: Vec::new(),
            cell_params: Vec::new(),
            freevars: Vec::new(),
            free_sources: Vec::new(),
            argcount: 0,
            kwonlycount: 0,
            has_varargs: false,
            has_varkw: false,
            handlers: Vec::new(),
            max_stack: 0,
            uses_super: false,
            flags: 0,
        }
    }

    /// The source line of the instruction at `pc`.
    pub fn line_at(&self, pc: usize) -> u32 {
        self.lines.get(pc).copied().unwrap_or(self.first_line)
    }

    /// A readable listing, for debugging the compiler.
    pub fn disassemble(&self) -> String {
        let mut out = format!("code {} ({:?}) locals={:?}\n", self.qualname, self.kind, self.varnames);
        for (i, op) in self.ops.iter().enumerate() {
            out.push_str(&format!("{:4} {:4} {:?}\n", self.lines[i], i, op));
        }
        for h in &self.handlers {
            out.push_str(&format!("  handler {}..{} -> {} depth {}\n", h.start, h.end, h.handler, h.depth));
        }
        for c in &self.consts {
            if let Const::Code(c) = c {
                out.push_str(&c.disassemble());
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn op_is_at_most_8_bytes() {
        assert!(std::mem::size_of::<Op>() <= 8, "Op is {} bytes", std::mem::size_of::<Op>());
    }
}
