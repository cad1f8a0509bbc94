//! Statements to bytecode.

use super::symtable::ScopeKind;
use super::{Block, Compiler};
use crate::lang::ast::*;
use crate::lang::bytecode::{BinKind, CodeKind, Const, Op, STORE_TO_STACK};
use crate::lang::error::CompileError;

pub(super) fn binkind(op: BinOp) -> BinKind {
    match op {
        BinOp::Add => BinKind::Add,
        BinOp::Sub => BinKind::Sub,
        BinOp::Mul => BinKind::Mul,
        BinOp::Div => BinKind::Div,
        BinOp::FloorDiv => BinKind::FloorDiv,
        BinOp::Mod => BinKind::Mod,
        BinOp::Pow => BinKind::Pow,
        BinOp::LShift => BinKind::LShift,
        BinOp::RShift => BinKind::RShift,
        BinOp::BitOr => BinKind::Or,
        BinOp::BitXor => BinKind::Xor,
        BinOp::BitAnd => BinKind::And,
        BinOp::MatMul => BinKind::MatMul,
    }
}

impl<'a> Compiler<'a> {
    pub(super) fn stmts(&mut self, body: &'a [Stmt]) -> Result<(), CompileError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &'a Stmt) -> Result<(), CompileError> {
        self.unit().line = s.pos.line;
        match &s.kind {
            StmtKind::Expr(e) => {
                self.expr(e)?;
                self.emit(Op::Pop);
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Op::Dup);
                    }
                    self.store_target(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign { target, annotation, value } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.store_target(target)?;
                }
                self.record_annotation(target, annotation)?;
            }
            StmtKind::If { test, body, orelse } => {
                let jf = self.jump_if(test, false)?;
                self.stmts(body)?;
                if orelse.is_empty() {
                    self.patch_here(jf);
                } else {
                    let jend = self.emit(Op::Jump(0));
                    self.patch_here(jf);
                    self.stmts(orelse)?;
                    self.patch_here(jend);
                }
            }
            StmtKind::While { test, body, orelse } => self.while_stmt(test, body, orelse)?,
            StmtKind::For { target, iter, body, orelse } => self.for_stmt(target, iter, body, orelse)?,
            StmtKind::Break => {
                let li = self.innermost_loop().ok_or_else(|| CompileError::syntax("'break' outside loop", s.pos.line, s.pos.col))?;
                let suspended = self.unwind_blocks(li + 1)?;
                let j = self.emit(Op::Jump(0));
                if let Block::Loop { breaks, .. } = &mut self.unit().blocks[li] {
                    breaks.push(j);
                }
                self.rewind_blocks(li + 1, suspended);
            }
            StmtKind::Continue => {
                let li = self
                    .innermost_loop()
                    .ok_or_else(|| CompileError::syntax("'continue' not properly in loop", s.pos.line, s.pos.col))?;
                let suspended = self.unwind_blocks(li + 1)?;
                let target = match &self.unit().blocks[li] {
                    Block::Loop { continue_to, .. } => *continue_to,
                    _ => unreachable!(),
                };
                self.jump_to(target);
                self.rewind_blocks(li + 1, suspended);
            }
            StmtKind::Pass => {}
            StmtKind::Return(value) => {
                if !matches!(self.scope_kind(), ScopeKind::Function | ScopeKind::Lambda) {
                    return Err(CompileError::syntax("'return' outside function", s.pos.line, s.pos.col));
                }
                match value {
                    Some(v) => self.expr(v)?,
                    None => {
                        self.emit(Op::LoadConst(0));
                    }
                }
                let needs_cleanup = self.unit().blocks.iter().any(|b| !matches!(b, Block::Loop { .. }));
                if needs_cleanup {
                    let tmp = self.alloc_hidden(1);
                    self.emit(Op::StoreFast(tmp));
                    let suspended = self.unwind_blocks(0)?;
                    self.emit(Op::LoadFast(tmp));
                    self.emit(Op::Return);
                    self.rewind_blocks(0, suspended);
                    self.free_hidden(1);
                } else {
                    self.emit(Op::Return);
                }
            }
            StmtKind::FunctionDef(f) => self.function_def(f, s.pos.line)?,
            StmtKind::ClassDef(c) => self.class_def(c, s.pos.line)?,
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse)?;
                } else {
                    self.try_finally(body, handlers, orelse, finalbody)?;
                }
            }
            StmtKind::Raise { exc, cause } => match (exc, cause) {
                (None, _) => {
                    self.emit(Op::Raise(0));
                }
                (Some(e), None) => {
                    self.expr(e)?;
                    self.emit(Op::Raise(1));
                }
                (Some(e), Some(c)) => {
                    self.expr(e)?;
                    self.expr(c)?;
                    self.emit(Op::Raise(2));
                }
            },
            StmtKind::Assert { test, msg } => {
                let jt = self.jump_if(test, true)?;
                self.emit(Op::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Op::Call(1));
                }
                self.emit(Op::Raise(1));
                self.patch_here(jt);
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let full = self.name_index(&a.name);
                    match &a.asname {
                        Some(asname) => {
                            self.emit(Op::ImportName(full));
                            self.store_name(asname);
                        }
                        None => {
                            let top = a.name.split('.').next().unwrap().to_string();
                            if top != a.name {
                                // Importing `a.b` also imports `a`, which is what gets bound.
                                self.emit(Op::ImportName(full));
                                self.emit(Op::Pop);
                            }
                            let t = self.name_index(&top);
                            self.emit(Op::ImportName(t));
                            self.store_name(&top);
                        }
                    }
                }
            }
            StmtKind::ImportFrom { module, names } => {
                let m = self.name_index(module);
                self.emit(Op::ImportName(m));
                if names.len() == 1 && names[0].name == "*" {
                    self.emit(Op::ImportStar);
                } else {
                    for a in names {
                        let n = self.name_index(&a.name);
                        self.emit(Op::ImportFrom(n));
                        self.store_name(a.asname.as_ref().unwrap_or(&a.name));
                    }
                    self.emit(Op::Pop);
                }
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Del(targets) => {
                for t in targets {
                    self.delete_target(t)?;
                }
            }
            StmtKind::With { items, body } => self.with_stmt(items, body, 0, false)?,
            StmtKind::AsyncWith { items, body } => self.with_stmt(items, body, 0, true)?,
            StmtKind::AsyncFor { target, iter, body, orelse } => self.async_for_stmt(target, iter, body, orelse)?,
        }
        Ok(())
    }

    fn innermost_loop(&mut self) -> Option<usize> {
        self.unit().blocks.iter().rposition(|b| matches!(b, Block::Loop { .. }))
    }

    /// Compiles a condition and a jump taken when it is `when`; returns the jump to patch.
    pub(super) fn jump_if(&mut self, test: &'a Expr, when: bool) -> Result<usize, CompileError> {
        if let ExprKind::UnaryOp { op: UnaryOp::Not, operand } = &test.kind {
            return self.jump_if(operand, !when);
        }
        self.expr(test)?;
        Ok(self.emit(if when { Op::PopJumpIfTrue(0) } else { Op::PopJumpIfFalse(0) }))
    }

    pub(super) fn store_target(&mut self, t: &'a Expr) -> Result<(), CompileError> {
        let line = self.unit().line;
        self.unit().line = t.pos.line;
        match &t.kind {
            ExprKind::Name(n) => self.store_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.name_index(attr);
                self.emit(Op::StoreAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.subscript_index(index)?;
                self.emit(Op::StoreSubscript);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let starred: Vec<usize> =
                    items.iter().enumerate().filter(|(_, e)| matches!(e.kind, ExprKind::Starred(_))).map(|(i, _)| i).collect();
                match starred.len() {
                    0 => {
                        self.emit(Op::UnpackSequence(items.len() as u32));
                    }
                    1 => {
                        let before = starred[0];
                        let after = items.len() - before - 1;
                        self.emit(Op::UnpackEx { before: before as u16, after: after as u16 });
                    }
                    _ => {
                        return Err(CompileError::syntax("multiple starred expressions in assignment", t.pos.line, t.pos.col))
                    }
                }
                for item in items {
                    match &item.kind {
                        ExprKind::Starred(inner) => self.store_target(inner)?,
                        _ => self.store_target(item)?,
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(CompileError::syntax("starred assignment target must be in a list or tuple", t.pos.line, t.pos.col))
            }
            _ => return Err(CompileError::syntax(format!("cannot assign to {}", describe(t)), t.pos.line, t.pos.col)),
        }
        self.unit().line = line;
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> Result<(), CompileError> {
        match &t.kind {
            ExprKind::Name(n) => self.delete_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.name_index(attr);
                self.emit(Op::DeleteAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.subscript_index(index)?;
                self.emit(Op::DeleteSubscript);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete_target(i)?;
                }
            }
            _ => return Err(CompileError::syntax(format!("cannot delete {}", describe(t)), t.pos.line, t.pos.col)),
        }
        Ok(())
    }

    fn aug_assign(&mut self, target: &'a Expr, op: BinOp, value: &'a Expr) -> Result<(), CompileError> {
        let kind = binkind(op);
        match &target.kind {
            ExprKind::Name(n) => {
                if let (Some(local), ExprKind::Constant(c)) = (self.fast_slot(n), &value.kind) {
                    if !matches!(c, Const_::Str(_)) {
                        let k = self.add_const(const_of(c));
                        if local <= u16::MAX as u32 && k <= u16::MAX as u32 {
                            self.emit(Op::InplaceLocalConst { op: kind, local: local as u16, konst: k as u16 });
                            return Ok(());
                        }
                    }
                }
                self.load_name(n);
                self.expr(value)?;
                self.emit(Op::InplaceOp(kind));
                self.store_name(n);
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.emit(Op::Dup);
                let i = self.name_index(attr);
                self.emit(Op::LoadAttr(i));
                self.expr(value)?;
                self.emit(Op::InplaceOp(kind));
                self.emit(Op::Rot2);
                self.emit(Op::StoreAttr(i));
            }
            ExprKind::Subscript { value: obj, index } => {
                self.expr(obj)?;
                self.subscript_index(index)?;
                self.emit(Op::DupTwo);
                self.emit(Op::Subscript);
                self.expr(value)?;
                self.emit(Op::InplaceOp(kind));
                self.emit(Op::Rot3);
                self.emit(Op::StoreSubscript);
            }
            _ => {
                return Err(CompileError::syntax(
                    format!("'{}' is an illegal expression for augmented assignment", describe(target)),
                    target.pos.line,
                    target.pos.col,
                ))
            }
        }
        Ok(())
    }

    fn while_stmt(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> Result<(), CompileError> {
        let top = self.here();
        let always = matches!(test.kind, ExprKind::Constant(Const_::Bool(true)))
            || matches!(test.kind, ExprKind::Constant(Const_::Int(n)) if n != 0);
        let exit = if always { None } else { Some(self.jump_if(test, false)?) };
        self.unit().blocks.push(Block::Loop { continue_to: top, breaks: Vec::new() });
        self.stmts(body)?;
        self.unit().line = test.pos.line;
        self.emit(Op::JumpBackward(top));
        let breaks = match self.unit().blocks.pop() {
            Some(Block::Loop { breaks, .. }) => breaks,
            _ => unreachable!(),
        };
        if let Some(e) = exit {
            self.patch_here(e);
        }
        self.stmts(orelse)?;
        for b in breaks {
            self.patch_here(b);
        }
        Ok(())
    }

    fn for_stmt(&mut self, target: &'a Expr, iter: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> Result<(), CompileError> {
        self.expr(iter)?;
        let slot = self.alloc_hidden(3) as u16;
        self.emit(Op::ForPrep { slot });
        let top = self.here();
        let store = match &target.kind {
            ExprKind::Name(n) => self.fast_slot(n).filter(|&l| l < STORE_TO_STACK as u32).map(|l| l as u16),
            _ => None,
        };
        self.emit(Op::ForSlot { slot, store: store.unwrap_or(STORE_TO_STACK) });
        let exhausted = self.emit(Op::Jump(0));
        if store.is_none() {
            self.store_target(target)?;
        }
        self.unit().blocks.push(Block::Loop { continue_to: top, breaks: Vec::new() });
        self.stmts(body)?;
        self.unit().line = target.pos.line;
        self.emit(Op::JumpBackward(top));
        let breaks = match self.unit().blocks.pop() {
            Some(Block::Loop { breaks, .. }) => breaks,
            _ => unreachable!(),
        };
        self.patch_here(exhausted);
        self.emit(Op::ForEnd { slot });
        self.stmts(orelse)?;
        if !breaks.is_empty() {
            let end = self.emit(Op::Jump(0));
            for b in breaks {
                self.patch_here(b);
            }
            self.emit(Op::ForEnd { slot });
            self.patch_here(end);
        }
        self.free_hidden(3);
        Ok(())
    }

    /// `async for`: the async iterator stays on the stack; each step awaits `__anext__()`,
    /// and its StopAsyncIteration (caught by `EndAsyncFor`) ends the loop.
    fn async_for_stmt(&mut self, target: &'a Expr, iter: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> Result<(), CompileError> {
        self.expr(iter)?;
        self.emit(Op::GetAIter);
        self.unit().depth += 1;
        let top = self.here();
        let r = self.open_range();
        self.emit(Op::GetANext);
        self.emit(Op::LoadConst(0));
        self.emit(Op::YieldFrom);
        self.suspend_range(r);
        self.store_target(target)?;
        self.unit().blocks.push(Block::Loop { continue_to: top, breaks: Vec::new() });
        self.stmts(body)?;
        self.unit().line = target.pos.line;
        self.emit(Op::JumpBackward(top));
        let breaks = match self.unit().blocks.pop() {
            Some(Block::Loop { breaks, .. }) => breaks,
            _ => unreachable!(),
        };
        let h = self.here();
        self.close_range(r, h);
        let done = self.emit(Op::EndAsyncFor(0));
        self.unit().depth -= 1;
        let mut end = Vec::new();
        if !breaks.is_empty() {
            for b in breaks {
                self.patch_here(b);
            }
            self.emit(Op::Pop);
            end.push(self.emit(Op::Jump(0)));
        }
        self.patch_here(done);
        self.stmts(orelse)?;
        for e in end {
            self.patch_here(e);
        }
        Ok(())
    }

    fn function_def(&mut self, f: &'a FunctionDef, line: u32) -> Result<(), CompileError> {
        for d in &f.decorators {
            self.expr(d)?;
        }
        let scope = self.table.scope_of(f);
        self.make_function(scope, CodeKind::Function, &f.name, &f.params, line, |c| {
            c.stmts(&f.body)?;
            c.emit(Op::LoadConst(0));
            c.emit(Op::Return);
            Ok(())
        })?;
        self.unit().line = line;
        self.set_function_doc(&f.body);
        self.set_function_annotations(&f.params, f.returns.as_deref())?;
        for _ in &f.decorators {
            self.emit(Op::Call(1));
        }
        self.store_name(f.bound_name());
        Ok(())
    }

    fn class_def(&mut self, c: &'a ClassDef, line: u32) -> Result<(), CompileError> {
        for d in &c.decorators {
            self.expr(d)?;
        }
        let scope = self.table.scope_of(c);
        static NO_PARAMS: std::sync::OnceLock<Params> = std::sync::OnceLock::new();
        let no_params: &'static Params = NO_PARAMS.get_or_init(Params::default);
        if !c.keywords.is_empty() {
            // `class A(B, metaclass=M)`: `__build_class__(body, 'A', B, metaclass=M)`, as CPython.
            self.load_name("__build_class__");
        }
        self.make_function(scope, CodeKind::Class, &c.name, no_params, line, |cc| {
            cc.body_prologue(&c.body);
            cc.stmts(&c.body)?;
            cc.emit(Op::LoadConst(0));
            cc.emit(Op::Return);
            Ok(())
        })?;
        self.unit().line = line;
        let name = self.add_const(Const::Str(c.name.clone()));
        if !c.keywords.is_empty() {
            self.emit(Op::LoadConst(name));
        }
        for b in &c.bases {
            if matches!(b.kind, ExprKind::Starred(_)) {
                return Err(CompileError::not_implemented("starred base classes", b.pos.line, b.pos.col));
            }
            self.expr(b)?;
        }
        if c.keywords.is_empty() {
            self.emit(Op::BuildTuple(c.bases.len() as u32));
            self.emit(Op::BuildClass { name });
        } else {
            for k in &c.keywords {
                self.expr(&k.value)?;
            }
            let names = Const::Tuple(c.keywords.iter().map(|k| Const::Str(k.name.clone().unwrap_or_default())).collect());
            let names = self.add_const(names);
            let argc = (2 + c.bases.len() + c.keywords.len()) as u16;
            self.emit(Op::CallKw { argc, names });
        }
        for _ in &c.decorators {
            self.emit(Op::Call(1));
        }
        self.store_name(c.bound_name());
        Ok(())
    }

    fn try_except(&mut self, body: &'a [Stmt], handlers: &'a [ExceptHandler], orelse: &'a [Stmt]) -> Result<(), CompileError> {
        let tr = self.open_range();
        self.unit().blocks.push(Block::Protected { handler_slot: tr });
        self.stmts(body)?;
        self.unit().blocks.pop();
        self.suspend_range(tr);
        self.stmts(orelse)?;
        let mut ends = vec![self.emit(Op::Jump(0))];
        let h = self.here();
        self.close_range(tr, h);
        if let Some(first) = handlers.first() {
            self.unit().line = first.pos.line;
        }
        // Stack: [exc] -> [prev, exc]
        self.emit(Op::PushExcInfo);
        self.unit().depth += 1;
        let cr = self.open_range();
        for handler in handlers {
            self.unit().line = handler.pos.line;
            let next = match &handler.typ {
                Some(t) => {
                    self.expr(t)?;
                    self.emit(Op::CheckExcMatch);
                    Some(self.emit(Op::PopJumpIfFalse(0)))
                }
                None => None,
            };
            match &handler.name {
                Some(n) => self.store_name(n),
                None => {
                    self.emit(Op::Pop);
                }
            }
            self.unit().blocks.push(Block::HandlerBody { extra: 0, name: handler.name.clone() });
            self.stmts(&handler.body)?;
            self.unit().blocks.pop();
            self.emit(Op::PopExcept);
            if let Some(n) = &handler.name {
                self.emit(Op::LoadConst(0));
                self.store_name(n);
                self.delete_name(n);
            }
            ends.push(self.emit(Op::Jump(0)));
            if let Some(j) = next {
                self.patch_here(j);
            }
        }
        // No clause matched ([prev, exc]), or the handler raised ([prev, exc2]): restore the
        // previously handled exception and let this one propagate.
        let cleanup = self.here();
        self.close_range(cr, cleanup);
        self.emit(Op::Rot2);
        self.emit(Op::PopExcept);
        self.emit(Op::Reraise);
        self.unit().depth -= 1;
        for j in ends {
            self.patch_here(j);
        }
        Ok(())
    }

    fn try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> Result<(), CompileError> {
        let fr = self.open_range();
        self.unit().blocks.push(Block::Protected { handler_slot: fr });
        self.unit().blocks.push(Block::Finally { body: finalbody });
        if handlers.is_empty() {
            self.stmts(body)?;
            self.stmts(orelse)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.unit().blocks.pop();
        self.unit().blocks.pop();
        self.suspend_range(fr);
        // Normal path.
        self.stmts(finalbody)?;
        let end = self.emit(Op::Jump(0));
        // Exception path: [exc] -> [prev, exc], run the final body, re-raise.
        let h = self.here();
        self.close_range(fr, h);
        self.emit(Op::PushExcInfo);
        self.unit().depth += 1;
        let cr = self.open_range();
        self.unit().depth += 1;
        self.unit().blocks.push(Block::HandlerBody { extra: 1, name: None });
        self.stmts(finalbody)?;
        self.unit().blocks.pop();
        self.unit().depth -= 2;
        let cleanup = self.here();
        self.close_range(cr, cleanup);
        self.emit(Op::Rot2);
        self.emit(Op::PopExcept);
        self.emit(Op::Reraise);
        self.patch_here(end);
        Ok(())
    }

    fn with_stmt(&mut self, items: &'a [WithItem], body: &'a [Stmt], idx: usize, is_async: bool) -> Result<(), CompileError> {
        let item = &items[idx];
        let line = self.unit().line;
        self.expr(&item.context)?;
        if is_async {
            self.emit(Op::BeforeAsyncWith);
            self.emit_await();
        } else {
            self.emit(Op::BeforeWith);
        }
        self.unit().depth += 1;
        match &item.target {
            Some(t) => self.store_target(t)?,
            None => {
                self.emit(Op::Pop);
            }
        }
        let wr = self.open_range();
        self.unit().blocks.push(Block::Protected { handler_slot: wr });
        self.unit().blocks.push(if is_async { Block::AsyncWith } else { Block::With });
        if idx + 1 < items.len() {
            self.with_stmt(items, body, idx + 1, is_async)?;
        } else {
            self.stmts(body)?;
        }
        self.unit().blocks.pop();
        self.unit().blocks.pop();
        self.suspend_range(wr);
        self.unit().line = line;
        self.emit(Op::LoadConst(0));
        self.emit(Op::LoadConst(0));
        self.emit(Op::LoadConst(0));
        self.emit(Op::Call(3));
        if is_async {
            self.emit_await();
        }
        self.emit(Op::Pop);
        let end = self.emit(Op::Jump(0));
        // Exception: [exit, exc] -> [exit, prev, exc]; call exit(type, exc, tb).
        let h = self.here();
        self.close_range(wr, h);
        self.emit(Op::PushExcInfo);
        self.unit().depth += 1;
        let cr = self.open_range();
        if is_async {
            self.emit(Op::AsyncWithExceptStart);
            self.emit_await();
        } else {
            self.emit(Op::WithExceptStart);
        }
        let suppress = self.emit(Op::PopJumpIfTrue(0));
        self.emit(Op::Reraise);
        let cleanup = self.here();
        self.close_range(cr, cleanup);
        self.emit(Op::Rot2);
        self.emit(Op::PopExcept);
        self.emit(Op::Reraise);
        self.patch_here(suppress);
        self.emit(Op::Pop);
        self.emit(Op::PopExcept);
        self.emit(Op::Pop);
        self.unit().depth -= 2;
        self.patch_here(end);
        Ok(())
    }
}

use crate::lang::ast::Constant as Const_;

pub(super) fn const_of(c: &Constant) -> Const {
    match c {
        Constant::None => Const::None,
        Constant::Bool(b) => Const::Bool(*b),
        Constant::Int(i) => Const::Int(*i),
        Constant::BigInt(b) => Const::BigInt(b.clone()),
        Constant::Float(f) => Const::Float(*f),
        Constant::Str(s) => Const::Str(s.clone()),
        Constant::Bytes(b) => Const::Bytes(b.clone()),
        Constant::Ellipsis => Const::Ellipsis,
    }
}

/// How CPython names an expression in "cannot assign to ..." messages.
pub(super) fn describe(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Call { .. } => "function call",
        ExprKind::Constant(Constant::None) | ExprKind::Constant(Constant::Bool(_)) | ExprKind::Constant(Constant::Ellipsis) => {
            match &e.kind {
                ExprKind::Constant(Constant::None) => "None",
                ExprKind::Constant(Constant::Bool(true)) => "True",
                ExprKind::Constant(Constant::Bool(false)) => "False",
                _ => "ellipsis",
            }
        }
        ExprKind::Constant(_) => "literal",
        ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::BoolOp { .. } => "expression",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        _ => "expression",
    }
}
