//! AST -> bytecode. One `Unit` per code object being built (module, function, class body, lambda,
//! comprehension); statements in `stmt.rs`, expressions in `expr.rs`, scopes in `symtable.rs`.

mod annotations;
mod expr;
mod mangle;
mod stmt;
pub mod symtable;

use crate::lang::ast::{Module, Params};
use crate::lang::bytecode::{Code, CodeKind, Const, Handler, Op};
use crate::lang::error::CompileError;
use std::collections::HashMap;
use std::sync::Arc;
use symtable::{ScopeKind, Sym, SymTable};

pub use symtable::Sym as Symbol;

/// Compiles a parsed module into its code object.
pub fn compile(module: &Module, filename: &str) -> Result<Arc<Code>, CompileError> {
    let mangled = mangle::mangled(module);
    let module = mangled.as_ref().unwrap_or(module);
    let table = symtable::build(module)?;
    let future_annotations = annotations::future_annotations(&module.body);
    let mut c = Compiler { table, units: Vec::new(), filename: filename.to_string(), future_annotations, _ast: std::marker::PhantomData };
    c.push_unit(0, CodeKind::Module, "<module>", "<module>", 1);
    c.body_prologue(&module.body);
    c.stmts(&module.body)?;
    c.emit(Op::LoadConst(0));
    c.emit(Op::Return);
    Ok(Arc::new(c.pop_unit()))
}

/// A construct that `return`, `break` and `continue` must clean up when they jump out of it.
#[derive(Clone)]
enum Block<'a> {
    /// A loop: where `continue` goes, and the `break` jumps to patch.
    Loop { continue_to: u32, breaks: Vec<usize> },
    /// A protected range of a try (or with) statement, split when a jump leaves it.
    Protected { handler_slot: usize },
    /// A `with` body: the bound `__exit__` is on the stack.
    With,
    /// An `async with` body: the bound `__aexit__` is on the stack.
    AsyncWith,

    /// An except body (`extra` = 0: `[prev]` on the stack) or a finally-on-exception body
    /// (`extra` = 1: `[prev, exc]`).
    HandlerBody { extra: u32, name: Option<String> },
    /// A `try` with a `finally`: leaving the body runs the final body inline.
    Finally { body: &'a [crate::lang::ast::Stmt] },
}

/// An open protected range: an exception table entry whose end is not known yet.
struct OpenRange {
    start: Option<u32>,
    handler: u32,
    depth: u32,
}

struct Unit<'a> {
    code: Code,
    scope: usize,
    names: HashMap<String, u32>,
    locals: HashMap<String, u32>,
    cells: HashMap<String, u32>,
    line: u32,
    blocks: Vec<Block<'a>>,
    ranges: Vec<OpenRange>,
    /// Operand-stack values held by enclosing constructs at a statement boundary.
    depth: u32,
    /// Hidden local slots in use / ever used, after the named locals.
    hidden: u32,
    hidden_max: u32,
    nnamed: u32,
}

pub(crate) struct Compiler<'a> {
    table: SymTable,
    units: Vec<Unit<'a>>,
    filename: String,
    /// `from __future__ import annotations`: annotations are stored as strings.
    future_annotations: bool,
    _ast: std::marker::PhantomData<&'a Module>,
}

impl<'a> Compiler<'a> {
    fn push_unit(&mut self, scope: usize, kind: CodeKind, name: &str, qualname: &str, line: u32) {
        let sc = &self.table.scopes[scope];
        let mut code = Code::new(kind, name, qualname, &self.filename, line);
        code.varnames = sc.varnames.clone();
        code.cellvars = sc.cellvars.clone();
        code.freevars = sc.freevars.clone();
        code.uses_super = sc.uses_super;
        code.flags = (if sc.is_generator { crate::lang::bytecode::CO_GENERATOR } else { 0 })
            | (if sc.is_coroutine { crate::lang::bytecode::CO_COROUTINE } else { 0 });
        let locals: HashMap<String, u32> =
            code.varnames.iter().enumerate().map(|(i, n)| (n.clone(), i as u32)).collect();
        let mut cells = HashMap::new();
        for (i, n) in code.cellvars.iter().chain(code.freevars.iter()).enumerate() {
            cells.entry(n.clone()).or_insert(i as u32);
        }
        for (ci, n) in code.cellvars.iter().enumerate() {
            if let Some(&li) = locals.get(n) {
                code.cell_params.push((li, ci as u32));
            }
        }
        let nnamed = code.varnames.len() as u32;
        // Const 0 is always None: `return None` and friends need it.
        code.consts.push(Const::None);
        self.units.push(Unit {
            code,
            scope,
            names: HashMap::new(),
            locals,
            cells,
            line,
            blocks: Vec::new(),
            ranges: Vec::new(),
            depth: 0,
            hidden: 0,
            hidden_max: 0,
            nnamed,
        });
    }

    /// Whether the current body records annotations (a module or class body).
    fn annotates_names(&self) -> bool {
        let scope = self.units.last().expect("unit").scope;
        matches!(self.table.scopes[scope].kind, symtable::ScopeKind::Module | symtable::ScopeKind::Class)
    }

    fn pop_unit(&mut self) -> Code {
        let u = self.units.pop().expect("unit");
        let mut code = u.code;
        code.nlocals = u.nnamed + u.hidden_max;
        code.max_stack = 0;
        code
    }

    fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().unwrap()
    }

    fn scope_kind(&self) -> ScopeKind {
        self.table.scopes[self.units.last().unwrap().scope].kind
    }

    fn here(&self) -> u32 {
        self.units.last().unwrap().code.ops.len() as u32
    }

    fn emit(&mut self, op: Op) -> usize {
        let u = self.unit();
        u.code.ops.push(op);
        u.code.lines.push(u.line);
        u.code.ops.len() - 1
    }

    /// Points the jump at `at` to `target`.
    fn patch(&mut self, at: usize, target: u32) {
        let op = &mut self.unit().code.ops[at];
        *op = match *op {
            Op::Jump(_) => Op::Jump(target),
            Op::JumpBackward(_) => Op::JumpBackward(target),
            Op::PopJumpIfFalse(_) => Op::PopJumpIfFalse(target),
            Op::PopJumpIfTrue(_) => Op::PopJumpIfTrue(target),
            Op::JumpIfFalseOrPop(_) => Op::JumpIfFalseOrPop(target),
            Op::JumpIfTrueOrPop(_) => Op::JumpIfTrueOrPop(target),
            Op::EndAsyncFor(_) => Op::EndAsyncFor(target),
            other => panic!("patching a non-jump {:?}", other),
        };
    }

    /// `await` of the value on top: `GetAwaitable`, then delegate to it until it returns.
    fn emit_await(&mut self) {
        self.emit(Op::GetAwaitable);
        self.emit(Op::LoadConst(0));
        self.emit(Op::YieldFrom);
    }

    fn patch_here(&mut self, at: usize) {
        let h = self.here();
        self.patch(at, h);
    }

    /// Emits a jump to an already-emitted target: backward jumps check the eval breaker.
    fn jump_to(&mut self, target: u32) {
        if target <= self.here() {
            self.emit(Op::JumpBackward(target));
        } else {
            self.emit(Op::Jump(target));
        }
    }

    fn add_const(&mut self, c: Const) -> u32 {
        let u = self.unit();
        // Reuse simple constants; floats compare by bits so 0.0 and -0.0 stay distinct.
        let same = |a: &Const, b: &Const| match (a, b) {
            (Const::Float(x), Const::Float(y)) => x.to_bits() == y.to_bits(),
            (Const::Code(_), _) | (_, Const::Code(_)) => false,
            (Const::Int(x), Const::Int(y)) => x == y,
            (Const::Bool(x), Const::Bool(y)) => x == y,
            (Const::Str(x), Const::Str(y)) => x == y,
            (Const::None, Const::None) => true,
            _ => false,
        };
        if let Some(i) = u.code.consts.iter().position(|x| same(x, &c)) {
            return i as u32;
        }
        u.code.consts.push(c);
        (u.code.consts.len() - 1) as u32
    }

    fn name_index(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.names.get(name) {
            return i;
        }
        let i = u.code.names.len() as u32;
        u.code.names.push(name.to_string());
        u.names.insert(name.to_string(), i);
        i
    }

    fn alloc_hidden(&mut self, n: u32) -> u32 {
        let u = self.unit();
        let slot = u.nnamed + u.hidden;
        u.hidden += n;
        u.hidden_max = u.hidden_max.max(u.hidden);
        slot
    }

    fn free_hidden(&mut self, n: u32) {
        self.unit().hidden -= n;
    }

    fn sym(&self, name: &str) -> Sym {
        let u = self.units.last().unwrap();
        self.table.scopes[u.scope].lookup(name)
    }

    fn load_name(&mut self, name: &str) {
        let op = match self.sym(name) {
            Sym::Local => Op::LoadFast(self.units.last().unwrap().locals[name]),
            Sym::Cell | Sym::Free => Op::LoadDeref(self.units.last().unwrap().cells[name]),
            Sym::ClassFree => Op::LoadClassDeref(self.units.last().unwrap().cells[name]),
            Sym::Global => Op::LoadGlobal(self.name_index(name)),
            Sym::Name => Op::LoadName(self.name_index(name)),
        };
        self.emit(op);
    }

    fn store_name(&mut self, name: &str) {
        let op = match self.sym(name) {
            Sym::Local => Op::StoreFast(self.units.last().unwrap().locals[name]),
            Sym::Cell | Sym::Free => Op::StoreDeref(self.units.last().unwrap().cells[name]),
            Sym::Global => Op::StoreGlobal(self.name_index(name)),
            Sym::Name | Sym::ClassFree => Op::StoreName(self.name_index(name)),
        };
        self.emit(op);
    }

    fn delete_name(&mut self, name: &str) {
        let op = match self.sym(name) {
            Sym::Local => Op::DeleteFast(self.units.last().unwrap().locals[name]),
            Sym::Cell | Sym::Free => Op::DeleteDeref(self.units.last().unwrap().cells[name]),
            Sym::Global => Op::DeleteGlobal(self.name_index(name)),
            Sym::Name | Sym::ClassFree => Op::DeleteName(self.name_index(name)),
        };
        self.emit(op);
    }

    /// The fast-local slot of `name` when it is a plain local of the current function.
    fn fast_slot(&self, name: &str) -> Option<u32> {
        match self.sym(name) {
            Sym::Local => self.units.last().unwrap().locals.get(name).copied(),
            _ => None,
        }
    }

    // ---- protected ranges (exception table) ----

    /// Opens a protected range whose handler will be set later; returns its index.
    fn open_range(&mut self) -> usize {
        let start = self.here();
        let depth = self.unit().depth;
        let u = self.unit();
        u.ranges.push(OpenRange { start: Some(start), handler: 0, depth });
        u.ranges.len() - 1
    }

    /// Ends the current segment of range `i` at the current pc.
    fn suspend_range(&mut self, i: usize) {
        let end = self.here();
        let u = self.unit();
        if let Some(start) = u.ranges[i].start.take() {
            if end > start {
                u.code.handlers.push(Handler { start, end, handler: u32::MAX - i as u32, depth: u.ranges[i].depth });
            }
        }
    }

    fn resume_range(&mut self, i: usize) {
        let h = self.here();
        self.unit().ranges[i].start = Some(h);
    }

    /// Closes range `i` for good and points all its segments at `handler`.
    fn close_range(&mut self, i: usize, handler: u32) {
        self.suspend_range(i);
        let u = self.unit();
        u.ranges[i].handler = handler;
        let marker = u32::MAX - i as u32;
        for h in u.code.handlers.iter_mut() {
            if h.handler == marker {
                h.handler = handler;
            }
        }
    }

    /// Emits the cleanup for leaving blocks `from..` (innermost last in `blocks`) by a jump
    /// (`return`, `break`, `continue`). Protected ranges are suspended around the cleanup so an
    /// exception in inlined finally code is not caught by the try being left.
    fn unwind_blocks(&mut self, down_to: usize) -> Result<Vec<usize>, CompileError> {
        let mut suspended = Vec::new();
        let blocks: Vec<Block<'a>> = self.unit().blocks[down_to..].to_vec();
        for (k, b) in blocks.iter().enumerate().rev() {
            match b {
                Block::Loop { .. } => {}
                Block::Protected { handler_slot } => {
                    self.suspend_range(*handler_slot);
                    suspended.push(*handler_slot);
                }
                Block::With => {
                    // Stack: [..., exit]. Call exit(None, None, None) and drop the result.
                    self.emit(Op::LoadConst(0));
                    self.emit(Op::LoadConst(0));
                    self.emit(Op::LoadConst(0));
                    self.emit(Op::Call(3));
                    self.emit(Op::Pop);
                    self.unit().depth -= 1;
                }
                Block::AsyncWith => {
                    self.emit(Op::LoadConst(0));
                    self.emit(Op::LoadConst(0));
                    self.emit(Op::LoadConst(0));
                    self.emit(Op::Call(3));
                    self.emit_await();
                    self.emit(Op::Pop);
                    self.unit().depth -= 1;
                }

                Block::HandlerBody { extra, name } => {
                    for _ in 0..*extra {
                        self.emit(Op::Pop);
                    }
                    self.emit(Op::PopExcept);
                    if let Some(n) = name {
                        self.emit(Op::LoadConst(0));
                        self.store_name(n);
                        self.delete_name(n);
                    }
                    self.unit().depth -= 1 + extra;
                }
                Block::Finally { body } => {
                    // The final body runs with the blocks outside this try in force.
                    let saved: Vec<Block<'a>> = self.unit().blocks.split_off(down_to + k);
                    self.stmts(body)?;
                    let u = self.unit();
                    u.blocks.extend(saved);
                }
            }
        }
        Ok(suspended)
    }

    /// Undoes the depth bookkeeping of `unwind_blocks` and reopens the suspended ranges: the code
    /// after the jump is still inside those blocks.
    fn rewind_blocks(&mut self, down_to: usize, suspended: Vec<usize>) {
        let blocks: Vec<Block<'a>> = self.unit().blocks[down_to..].to_vec();
        for b in blocks {
            match b {
                Block::With | Block::AsyncWith => self.unit().depth += 1,
                Block::HandlerBody { extra, .. } => self.unit().depth += 1 + extra,
                _ => {}
            }
        }
        for r in suspended {
            self.resume_range(r);
        }
    }

    /// Builds a function (or lambda, or comprehension) code object for scope `scope` and emits the
    /// code that makes the function object: defaults are evaluated here, in the enclosing scope.
    fn make_function(
        &mut self,
        scope: usize,
        kind: CodeKind,
        name: &str,
        params: &'a Params,
        line: u32,
        body: impl FnOnce(&mut Compiler<'a>) -> Result<(), CompileError>,
    ) -> Result<(), CompileError> {
        // Defaults first, in the enclosing scope.
        let mut flags = 0u8;
        let positional_defaults: Vec<_> = params.args.iter().filter_map(|a| a.default.as_ref()).collect();
        if !positional_defaults.is_empty() {
            for d in &positional_defaults {
                self.expr(d)?;
            }
            self.emit(Op::BuildTuple(positional_defaults.len() as u32));
            flags |= crate::lang::bytecode::FN_DEFAULTS;
        }
        let kw_defaults: Vec<_> = params.kwonly.iter().filter(|a| a.default.is_some()).collect();
        if !kw_defaults.is_empty() {
            for a in &kw_defaults {
                let k = self.add_const(Const::Str(a.name.clone()));
                self.emit(Op::LoadConst(k));
                self.expr(a.default.as_ref().unwrap())?;
            }
            self.emit(Op::BuildMap(kw_defaults.len() as u32));
            flags |= crate::lang::bytecode::FN_KWDEFAULTS;
        }
        let qualname = self.qualname_for(name);
        self.push_unit(scope, kind, name, &qualname, line);
        {
            let u = self.unit();
            u.code.argcount = params.args.len() as u32;
            u.code.kwonlycount = params.kwonly.len() as u32;
            u.code.has_varargs = params.vararg.is_some();
            u.code.has_varkw = params.kwarg.is_some();
        }
        body(self)?;
        let code = self.finish_child();
        let k = self.add_const(Const::Code(Arc::new(code)));
        self.emit(Op::MakeFunction { code: k, flags });
        Ok(())
    }

    /// Pops the unit just compiled and records, for each of its free variables, which cell of the
    /// enclosing unit it captures.
    fn finish_child(&mut self) -> Code {
        let mut code = self.pop_unit();
        let parent = self.units.last().unwrap();
        code.free_sources = code.freevars.iter().map(|n| parent.cells.get(n).copied().unwrap_or(0)).collect();
        code
    }

    /// `Outer.inner` / `f.<locals>.g`, as CPython's `__qualname__`.
    fn qualname_for(&self, name: &str) -> String {
        let u = self.units.last().unwrap();
        match u.code.kind {
            CodeKind::Module => name.to_string(),
            CodeKind::Class => format!("{}.{}", u.code.qualname, name),
            CodeKind::Function | CodeKind::Lambda => format!("{}.<locals>.{}", u.code.qualname, name),
        }
    }
}
