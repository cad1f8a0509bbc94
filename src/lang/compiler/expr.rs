//! Expressions to bytecode.

use super::stmt::{binkind, const_of};
use super::Compiler;
use crate::lang::ast::*;
use crate::lang::bytecode::{CmpKind, CodeKind, Const, Op, UnaryKind, STORE_TO_STACK};
use crate::lang::error::CompileError;
use num_bigint::BigInt;

impl<'a> Compiler<'a> {
    pub(super) fn expr(&mut self, e: &'a Expr) -> Result<(), CompileError> {
        let saved = self.unit().line;
        self.unit().line = e.pos.line;
        self.expr_inner(e)?;
        self.unit().line = saved;
        Ok(())
    }

    fn load_const(&mut self, c: Const) {
        let k = self.add_const(c);
        self.emit(Op::LoadConst(k));
    }

    fn expr_inner(&mut self, e: &'a Expr) -> Result<(), CompileError> {
        match &e.kind {
            ExprKind::Name(n) => self.load_name(n),
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Op::Dup);
                self.store_name(target);
            }
            ExprKind::Constant(c) => self.load_const(const_of(c)),
            ExprKind::FString(parts) => self.fstring(parts)?,
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.unit().line = e.pos.line;
                self.emit(Op::BinaryOp(binkind(*op)));
            }
            ExprKind::UnaryOp { op, operand } => {
                if let (UnaryOp::Neg, ExprKind::Constant(c)) = (op, &operand.kind) {
                    match c {
                        Constant::Int(i) if *i != i64::MIN => return Ok(self.load_const(Const::Int(-i))),
                        Constant::Float(f) => return Ok(self.load_const(Const::Float(-f))),
                        Constant::BigInt(b) => {
                            let n: BigInt = -b.clone();
                            let c = match i64::try_from(&n) {
                                Ok(i) => Const::Int(i),
                                Err(_) => Const::BigInt(n),
                            };
                            return Ok(self.load_const(c));
                        }
                        _ => {}
                    }
                }
                self.expr(operand)?;
                self.emit(Op::UnaryOp(match op {
                    UnaryOp::Not => UnaryKind::Not,
                    UnaryOp::Neg => UnaryKind::Neg,
                    UnaryOp::Pos => UnaryKind::Pos,
                    UnaryOp::Invert => UnaryKind::Invert,
                }));
            }
            ExprKind::BoolOp { op, values } => {
                let mut jumps = Vec::new();
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        jumps.push(self.emit(match op {
                            BoolOp::And => Op::JumpIfFalseOrPop(0),
                            BoolOp::Or => Op::JumpIfTrueOrPop(0),
                        }));
                    }
                }
                for j in jumps {
                    self.patch_here(j);
                }
            }
            ExprKind::Compare { left, ops, comparators } => {
                self.expr(left)?;
                if ops.len() == 1 {
                    self.expr(&comparators[0])?;
                    self.unit().line = e.pos.line;
                    self.compare_op(ops[0]);
                } else {
                    let mut cleanups = Vec::new();
                    for (i, (op, c)) in ops.iter().zip(comparators.iter()).enumerate() {
                        self.expr(c)?;
                        if i + 1 < ops.len() {
                            self.emit(Op::Dup);
                            self.emit(Op::Rot3);
                            self.compare_op(*op);
                            cleanups.push(self.emit(Op::JumpIfFalseOrPop(0)));
                        } else {
                            self.compare_op(*op);
                        }
                    }
                    let end = self.emit(Op::Jump(0));
                    for j in cleanups {
                        self.patch_here(j);
                    }
                    self.emit(Op::Rot2);
                    self.emit(Op::Pop);
                    self.patch_here(end);
                }
            }
            ExprKind::Call { func, args, keywords } => self.call(e, func, args, keywords)?,
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.name_index(attr);
                self.unit().line = e.pos.line;
                self.emit(Op::LoadAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.subscript_index(index)?;
                self.unit().line = e.pos.line;
                self.emit(Op::Subscript);
            }
            ExprKind::Slice { .. } => self.subscript_index(e)?,
            ExprKind::List(items) => self.sequence(items, false)?,
            ExprKind::Tuple(items) => {
                if let Some(c) = constant_tuple(items) {
                    self.load_const(c);
                } else {
                    self.sequence(items, true)?;
                }
            }
            ExprKind::Set(items) => {
                if items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) {
                    self.emit(Op::BuildSet(0));
                    for i in items {
                        match &i.kind {
                            ExprKind::Starred(inner) => {
                                self.expr(inner)?;
                                self.emit(Op::SetUpdate(1));
                            }
                            _ => {
                                self.expr(i)?;
                                self.emit(Op::SetAdd(1));
                            }
                        }
                    }
                } else {
                    for i in items {
                        self.expr(i)?;
                    }
                    self.emit(Op::BuildSet(items.len() as u32));
                }
            }
            ExprKind::Dict(pairs) => {
                if pairs.iter().any(|(k, _)| k.is_none()) {
                    self.emit(Op::BuildMap(0));
                    for (k, v) in pairs {
                        match k {
                            Some(k) => {
                                self.expr(k)?;
                                self.expr(v)?;
                                self.emit(Op::MapAdd(1));
                            }
                            None => {
                                self.expr(v)?;
                                self.emit(Op::DictUpdate(1));
                            }
                        }
                    }
                } else {
                    for (k, v) in pairs {
                        self.expr(k.as_ref().unwrap())?;
                        self.expr(v)?;
                    }
                    self.emit(Op::BuildMap(pairs.len() as u32));
                }
            }
            ExprKind::ListComp { elt, generators } => self.comprehension(e, "<listcomp>", CompKind::List, elt, None, generators)?,
            ExprKind::SetComp { elt, generators } => self.comprehension(e, "<setcomp>", CompKind::Set, elt, None, generators)?,
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(e, "<dictcomp>", CompKind::Dict, key, Some(value), generators)?
            }
            ExprKind::GeneratorExp { elt, generators } => self.comprehension(e, "<genexpr>", CompKind::Gen, elt, None, generators)?,
            ExprKind::Yield(value) => {
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Const::None),
                }
                self.unit().line = e.pos.line;
                self.emit(Op::Yield);
            }
            ExprKind::YieldFrom(value) => {
                self.expr(value)?;
                self.unit().line = e.pos.line;
                self.emit(Op::GetYieldFromIter);
                self.emit(Op::LoadConst(0));
                self.emit(Op::YieldFrom);
            }
            ExprKind::Await(value) => {
                self.expr(value)?;
                self.unit().line = e.pos.line;
                self.emit_await();
            }
            ExprKind::Lambda { params, body } => {
                let scope = self.table.scope_of(e);
                self.make_function(scope, CodeKind::Lambda, "<lambda>", params, e.pos.line, |c| {
                    c.expr(body)?;
                    c.emit(Op::Return);
                    Ok(())
                })?;
            }
            ExprKind::IfExp { test, body, orelse } => {
                let jf = self.jump_if(test, false)?;
                self.expr(body)?;
                let end = self.emit(Op::Jump(0));
                self.patch_here(jf);
                self.expr(orelse)?;
                self.patch_here(end);
            }
            ExprKind::Starred(_) => {
                return Err(CompileError::syntax("can't use starred expression here", e.pos.line, e.pos.col));
            }
        }
        Ok(())
    }

    fn compare_op(&mut self, op: CmpOp) {
        self.emit(match op {
            CmpOp::Eq => Op::Compare(CmpKind::Eq),
            CmpOp::NotEq => Op::Compare(CmpKind::Ne),
            CmpOp::Lt => Op::Compare(CmpKind::Lt),
            CmpOp::LtE => Op::Compare(CmpKind::Le),
            CmpOp::Gt => Op::Compare(CmpKind::Gt),
            CmpOp::GtE => Op::Compare(CmpKind::Ge),
            CmpOp::Is => Op::Is(false),
            CmpOp::IsNot => Op::Is(true),
            CmpOp::In => Op::Contains(false),
            CmpOp::NotIn => Op::Contains(true),
        });
    }

    /// Compiles the index of a subscript: slices become slice objects.
    pub(super) fn subscript_index(&mut self, index: &'a Expr) -> Result<(), CompileError> {
        match &index.kind {
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(x) => self.expr(x)?,
                        None => {
                            self.emit(Op::LoadConst(0));
                        }
                    }
                }
                match step {
                    Some(s) => {
                        self.expr(s)?;
                        self.emit(Op::BuildSlice(3));
                    }
                    None => {
                        self.emit(Op::BuildSlice(2));
                    }
                }
            }
            ExprKind::Tuple(items) if items.iter().any(|i| matches!(i.kind, ExprKind::Slice { .. })) => {
                for i in items {
                    self.subscript_index(i)?;
                }
                self.emit(Op::BuildTuple(items.len() as u32));
            }
            _ => self.expr(index)?,
        }
        Ok(())
    }

    /// A list or tuple display, with `*x` items spliced in.
    fn sequence(&mut self, items: &'a [Expr], tuple: bool) -> Result<(), CompileError> {
        if items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) {
            self.emit(Op::BuildList(0));
            for i in items {
                match &i.kind {
                    ExprKind::Starred(inner) => {
                        self.expr(inner)?;
                        self.emit(Op::ListExtend(1));
                    }
                    _ => {
                        self.expr(i)?;
                        self.emit(Op::ListAppend(1));
                    }
                }
            }
            if tuple {
                self.emit(Op::ListToTuple);
            }
        } else {
            for i in items {
                self.expr(i)?;
            }
            let n = items.len() as u32;
            self.emit(if tuple { Op::BuildTuple(n) } else { Op::BuildList(n) });
        }
        Ok(())
    }

    fn call(&mut self, e: &'a Expr, func: &'a Expr, args: &'a [Expr], keywords: &'a [Keyword]) -> Result<(), CompileError> {
        let complex = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_))) || keywords.iter().any(|k| k.name.is_none());
        if complex {
            self.expr(func)?;
            self.sequence(args, true)?;
            if !keywords.is_empty() {
                self.emit(Op::BuildMap(0));
                for k in keywords {
                    match &k.name {
                        Some(n) => {
                            self.load_const(Const::Str(n.clone()));
                            self.expr(&k.value)?;
                            self.emit(Op::MapAdd(1));
                        }
                        None => {
                            self.expr(&k.value)?;
                            self.emit(Op::DictUpdate(1));
                        }
                    }
                }
            }
            self.unit().line = e.pos.line;
            self.emit(Op::CallEx { has_kwargs: !keywords.is_empty() });
            return Ok(());
        }
        let method = match &func.kind {
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.name_index(attr);
                self.unit().line = func.pos.line;
                self.emit(Op::LoadMethod(i));
                true
            }
            _ => {
                self.expr(func)?;
                false
            }
        };
        for a in args {
            self.expr(a)?;
        }
        for k in keywords {
            self.expr(&k.value)?;
        }
        let argc = (args.len() + keywords.len()) as u32;
        self.unit().line = e.pos.line;
        if keywords.is_empty() {
            self.emit(if method { Op::CallMethod(argc) } else { Op::Call(argc) });
        } else {
            let names = Const::Tuple(keywords.iter().map(|k| Const::Str(k.name.clone().unwrap())).collect());
            let names = self.add_const(names);
            let argc = argc as u16;
            self.emit(if method { Op::CallMethodKw { argc, names } } else { Op::CallKw { argc, names } });
        }
        Ok(())
    }

    fn fstring(&mut self, parts: &'a [FStringPart]) -> Result<(), CompileError> {
        let mut n = 0;
        for p in parts {
            match p {
                FStringPart::Literal(s) => {
                    if s.is_empty() {
                        continue;
                    }
                    self.load_const(Const::Str(s.clone()));
                }
                FStringPart::Field(f) => {
                    if let Some(t) = &f.debug_text {
                        self.load_const(Const::Str(t.clone()));
                        n += 1;
                    }
                    self.expr(&f.expr)?;
                    let conv = match f.conversion {
                        Some('r') => b'r',
                        Some('s') => b's',
                        Some('a') => b'a',
                        _ => 0,
                    };
                    let has_spec = !f.format_spec.is_empty();
                    if has_spec {
                        self.fstring(&f.format_spec)?;
                    }
                    self.emit(Op::FormatValue { conv, has_spec });
                }
            }
            n += 1;
        }
        if n == 0 {
            self.load_const(Const::Str(String::new()));
        } else if n > 1 {
            self.emit(Op::BuildString(n));
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &'a Expr,
        name: &str,
        kind: CompKind,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        generators: &'a [Comprehension],
    ) -> Result<(), CompileError> {
        let scope = self.table.scope_of(e);
        let is_async = self.table.scopes[scope].is_coroutine;
        static COMP_PARAMS: std::sync::OnceLock<Params> = std::sync::OnceLock::new();
        let params: &'static Params = COMP_PARAMS.get_or_init(|| Params {
            args: vec![Param { name: ".0".into(), default: None, pos: Pos::default() }],
            ..Params::default()
        });
        self.make_function(scope, CodeKind::Lambda, name, params, e.pos.line, |c| {
            match kind {
                CompKind::List => c.emit(Op::BuildList(0)),
                CompKind::Set => c.emit(Op::BuildSet(0)),
                CompKind::Dict => c.emit(Op::BuildMap(0)),
                CompKind::Gen => 0,
            };
            c.comp_loop(generators, 0, kind, elt, value)?;
            if kind == CompKind::Gen {
                c.emit(Op::LoadConst(0));
            }
            c.emit(Op::Return);
            Ok(())
        })?;
        // The first iterable is evaluated (and iterated) here, in the enclosing scope.
        self.expr(&generators[0].iter)?;
        self.unit().line = e.pos.line;
        self.emit(if generators[0].is_async { Op::GetAIter } else { Op::GetIter });
        self.emit(Op::Call(1));
        if is_async && kind != CompKind::Gen {
            self.emit_await();
        }
        Ok(())
    }

    fn comp_loop(
        &mut self,
        generators: &'a [Comprehension],
        i: usize,
        kind: CompKind,
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> Result<(), CompileError> {
        let g = &generators[i];
        if i == 0 {
            self.emit(Op::LoadFast(0));
        } else {
            self.expr(&g.iter)?;
            if g.is_async {
                self.emit(Op::GetAIter);
            }
        }
        // An async clause keeps its iterator on the stack (like `async for`); a plain one in
        // three hidden slots.
        let mut slot = 0;
        // Values held below the loop's item: the container being built, and async iterators.
        let held = (kind != CompKind::Gen) as u32 + generators[..=i].iter().filter(|g| g.is_async).count() as u32;
        let (top, exit, range) = if g.is_async {
            let top = self.here();
            let saved = self.unit().depth;
            self.unit().depth = held;
            let r = self.open_range();
            self.unit().depth = saved;
            self.emit(Op::GetANext);
            self.emit(Op::LoadConst(0));
            self.emit(Op::YieldFrom);
            self.suspend_range(r);
            self.store_target(&g.target)?;
            (top, 0, Some(r))
        } else {
            slot = self.alloc_hidden(3) as u16;
            self.emit(Op::ForPrep { slot });
            let top = self.here();
            let store = match &g.target.kind {
                ExprKind::Name(n) => self.fast_slot(n).filter(|&l| l < STORE_TO_STACK as u32).map(|l| l as u16),
                _ => None,
            };
            self.emit(Op::ForSlot { slot, store: store.unwrap_or(STORE_TO_STACK) });
            let exit = self.emit(Op::Jump(0));
            if store.is_none() {
                self.store_target(&g.target)?;
            }
            (top, exit, None)
        };
        let mut skips = Vec::new();
        for cond in &g.ifs {
            skips.push(self.jump_if(cond, false)?);
        }
        if i + 1 < generators.len() {
            self.comp_loop(generators, i + 1, kind, elt, value)?;
        } else {
            self.expr(elt)?;
            match kind {
                CompKind::List => {
                    self.emit(Op::ListAppend(held));
                }
                CompKind::Set => {
                    self.emit(Op::SetAdd(held));
                }
                CompKind::Dict => {
                    self.expr(value.unwrap())?;
                    self.emit(Op::MapAdd(held));
                }
                CompKind::Gen => {
                    self.emit(Op::Yield);
                    self.emit(Op::Pop);
                }
            }
        }
        for s in skips {
            self.patch_here(s);
        }
        self.emit(Op::JumpBackward(top));
        match range {
            Some(r) => {
                let h = self.here();
                self.close_range(r, h);
                let done = self.emit(Op::EndAsyncFor(0));
                self.patch_here(done);
            }
            None => {
                self.patch_here(exit);
                self.emit(Op::ForEnd { slot });
                self.free_hidden(3);
            }
        }
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

/// A tuple of constants becomes one constant, as in CPython.
fn constant_tuple(items: &[Expr]) -> Option<Const> {
    if items.is_empty() {
        return Some(Const::Tuple(Vec::new()));
    }
    let mut out = Vec::new();
    for i in items {
        match &i.kind {
            ExprKind::Constant(c) => out.push(const_of(c)),
            _ => return None,
        }
    }
    Some(Const::Tuple(out))
}
