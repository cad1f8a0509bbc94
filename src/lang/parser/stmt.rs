//! Statements: simple statements, compound statements and blocks.

use super::expr::{expr_name, is_specific, starts_expr};
use super::target::{invalid_target, Targets};
use super::{mk, PResult, Parser, Scope};
use crate::lang::ast::{
    Alias, BinOp, ClassDef, ExceptHandler, Expr, ExprKind, FunctionDef, Module, Pos, Stmt,
    StmtKind, WithItem,
};
use crate::lang::token::Tok;

fn stmt(kind: StmtKind, pos: Pos) -> Stmt {
    Stmt { kind, pos }
}

fn aug_op(t: &Tok) -> Option<BinOp> {
    let Tok::Op(o) = t else { return None };
    Some(match *o {
        "+=" => BinOp::Add,
        "-=" => BinOp::Sub,
        "*=" => BinOp::Mul,
        "/=" => BinOp::Div,
        "//=" => BinOp::FloorDiv,
        "%=" => BinOp::Mod,
        "**=" => BinOp::Pow,
        "<<=" => BinOp::LShift,
        ">>=" => BinOp::RShift,
        "|=" => BinOp::BitOr,
        "^=" => BinOp::BitXor,
        "&=" => BinOp::BitAnd,
        "@=" => BinOp::MatMul,
        _ => return None,
    })
}

impl<'a> Parser<'a> {
    pub(super) fn module(&mut self) -> PResult<Module> {
        let mut body = Vec::new();
        loop {
            match self.tok() {
                Tok::EndMarker => break,
                Tok::Newline => {
                    self.advance();
                }
                _ => self.statement(&mut body)?,
            }
        }
        Ok(Module { body })
    }

    /// One compound statement, or a line of `;`-separated simple statements.
    fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let s = match self.tok() {
            Tok::Kw("if") => self.if_stmt()?,
            Tok::Kw("while") => self.while_stmt()?,
            Tok::Kw("for") => self.for_stmt()?,
            Tok::Kw("try") => self.try_stmt()?,
            Tok::Kw("with") => self.with_stmt()?,
            Tok::Kw("def") => self.funcdef(Vec::new())?,
            Tok::Kw("class") => self.classdef(Vec::new())?,
            Tok::Op("@") => self.decorated()?,
            Tok::Kw("async") if matches!(self.peek_nth(1).tok, Tok::Kw("def" | "for" | "with")) => self.async_stmt(Vec::new())?,
            Tok::Name(n) if n == "match" && self.looks_like_match() => {
                let pos = self.pos_here();
                self.unsupported("the 'match' statement", pos);
                self.skip_block_statement();
                return Ok(());
            }
            _ => return self.simple_stmts(out),
        };
        out.push(s);
        Ok(())
    }

    /// `match subject:` NEWLINE — a match statement rather than a name `match`.
    fn looks_like_match(&mut self) -> bool {
        self.speculate(|p| {
            p.advance();
            starts_expr(p.tok())
                && p.star_expressions().is_ok()
                && p.eat_op(":")
                && matches!(p.tok(), Tok::Newline)
        })
    }

    /// Pass over a statement whose header line ends in `:` and its indented block, unparsed
    /// (a `match` statement: reported as unsupported, but later syntax errors still win).
    fn skip_block_statement(&mut self) {
        while !matches!(self.tok(), Tok::Newline | Tok::EndMarker | Tok::Error) {
            self.advance();
        }
        self.advance();
        if !matches!(self.tok(), Tok::Indent) {
            return;
        }
        let mut depth = 0;
        loop {
            match self.tok() {
                Tok::Indent => depth += 1,
                Tok::Dedent => depth -= 1,
                Tok::EndMarker | Tok::Error => return,
                _ => {}
            }
            self.advance();
            if depth == 0 {
                return;
            }
        }
    }

    /// The body after a compound statement's colon: an indented block or simple statements.
    /// `what` names the statement for CPython's "expected an indented block after ..." message.
    fn block(&mut self, what: &str, line: u32) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        if !matches!(self.tok(), Tok::Newline) {
            self.simple_stmts(&mut body)?;
            return Ok(body);
        }
        self.advance();
        if !matches!(self.tok(), Tok::Indent) {
            return Err(self.indentation_error_last(format!(
                "expected an indented block after {} on line {}",
                what, line
            )));
        }
        self.advance();
        while !matches!(self.tok(), Tok::Dedent | Tok::EndMarker) {
            self.statement(&mut body)?;
        }
        if matches!(self.tok(), Tok::Dedent) {
            self.advance();
        }
        Ok(body)
    }

    /// After a compound statement's header: `:` (or CPython's "expected ':'" when the line ends).
    fn header_colon(&mut self) -> PResult<()> {
        if self.eat_op(":") {
            return Ok(());
        }
        if matches!(self.tok(), Tok::Newline) {
            return Err(self.error_last("expected ':'"));
        }
        self.invalid()
    }

    fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            let s = self.simple_stmt()?;
            out.push(s);
            if !self.eat_op(";") || matches!(self.tok(), Tok::Newline) {
                break;
            }
        }
        if !matches!(self.tok(), Tok::Newline) {
            return self.invalid();
        }
        self.advance();
        Ok(())
    }

    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let pos = self.pos_here();
        let kind = match self.tok() {
            Tok::Kw("pass") => {
                self.advance();
                StmtKind::Pass
            }
            Tok::Kw("break") => {
                self.advance();
                StmtKind::Break
            }
            Tok::Kw("continue") => {
                self.advance();
                StmtKind::Continue
            }
            Tok::Kw("return") => {
                self.advance();
                let value = if self.starts_value() {
                    Some(self.star_expressions()?)
                } else {
                    None
                };
                StmtKind::Return(value)
            }
            Tok::Kw("raise") => {
                self.advance();
                let mut exc = None;
                let mut cause = None;
                if starts_expr(self.tok()) {
                    exc = Some(self.expression()?);
                    if self.eat_kw("from") {
                        cause = Some(self.expression()?);
                    }
                }
                StmtKind::Raise { exc, cause }
            }
            Tok::Kw(kw @ ("global" | "nonlocal")) => {
                self.advance();
                if *kw == "global" && self.scopes.last() == Some(&Scope::Class) {
                    self.unsupported("'global' inside a class body", pos);
                }
                let mut names = vec![self.name()?];
                while self.eat_op(",") {
                    names.push(self.name()?);
                }
                if *kw == "global" {
                    StmtKind::Global(names)
                } else {
                    StmtKind::Nonlocal(names)
                }
            }
            Tok::Kw("del") => {
                self.advance();
                let mut targets = vec![self.del_target()?];
                while self.eat_op(",") {
                    if !starts_expr(self.tok()) {
                        break;
                    }
                    targets.push(self.del_target()?);
                }
                if !(self.at_op(";") || matches!(self.tok(), Tok::Newline)) {
                    return self.invalid();
                }
                StmtKind::Del(targets)
            }
            Tok::Kw("assert") => {
                self.advance();
                let test = self.expression()?;
                let msg = if self.eat_op(",") {
                    Some(self.expression()?)
                } else {
                    None
                };
                StmtKind::Assert { test, msg }
            }
            Tok::Kw("import") => self.import()?,
            Tok::Kw("from") => self.from_import()?,
            _ => self.expr_or_assign()?,
        };
        Ok(stmt(kind, pos))
    }

    fn starts_value(&mut self) -> bool {
        starts_expr(self.tok()) || self.at_op("*")
    }

    fn del_target(&mut self) -> PResult<Expr> {
        let e = self.bitwise_or()?;
        self.check_target(&e, Targets::Del)?;
        Ok(e)
    }

    /// The right-hand side of an assignment: `yield ...` or `star_expressions`.
    fn assign_value(&mut self) -> PResult<Expr> {
        if self.at_kw("yield") {
            return self.yield_expr();
        }
        self.star_expressions()
    }

    fn expr_or_assign(&mut self) -> PResult<StmtKind> {
        let start = self.pos;
        let first = self.assign_value()?;
        if self.at_op(":") {
            return self.ann_assign(first);
        }
        if self.at_op(":=") {
            self.check_statement_walrus(&first, start)?;
        }
        if let Some(op) = aug_op(self.tok()) {
            if !matches!(
                first.kind,
                ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
            ) {
                // CPython's `invalid_assignment` names the target only if a value follows.
                let valued = self.speculate(|p| {
                    p.advance();
                    p.assign_value().is_ok()
                });
                if !valued {
                    self.advance();
                    self.assign_value()?;
                    return self.invalid();
                }
                let msg = format!(
                    "'{}' is an illegal expression for augmented assignment",
                    expr_name(&first)
                );
                return Err(self.error_at(first.pos, msg));
            }
            self.advance();
            let value = self.assign_value()?;
            return Ok(StmtKind::AugAssign {
                target: first,
                op,
                value,
            });
        }
        if !self.at_op("=") {
            if self.is_bare_tuple(&first, start, self.pos) && starts_expr(self.tok()) {
                self.check_juxtaposed_elements()?;
            }
            return Ok(StmtKind::Expr(first));
        }
        let mut targets = vec![first];
        let (first_start, first_eq) = (start, self.pos);
        let value = loop {
            // Each target is checked at its `=`, before the value is read, as CPython does;
            // its diagnostics first look at the leading `t0 = value` (see check_first_target).
            let target = targets.last().unwrap();
            if invalid_target(target, Targets::Star).is_some() {
                self.check_first_target(&targets[0], first_start, first_eq)?;
                self.check_target(target, Targets::Star)?;
            }
            self.advance(); // '='
            let v = match self.assign_value() {
                Ok(v) => v,
                Err(e) if !is_specific(&e) => {
                    // No assignment parses: CPython's `invalid_assignment` looks at `t0 = ...`.
                    self.check_first_target(&targets[0], first_start, first_eq)?;
                    return Err(e);
                }
                Err(e) => return Err(e),
            };
            if !self.at_op("=") {
                break v;
            }
            targets.push(v);
        };
        Ok(StmtKind::Assign { targets, value })
    }

    /// `a, b c = 1`: CPython's `invalid_assignment` reads `a, b` as list elements and then,
    /// for lack of a comma, starts another list at `c`, whose `c = 1` it diagnoses.
    fn check_juxtaposed_elements(&mut self) -> PResult<()> {
        let r = self.speculate(|p| loop {
            p.star_named_expression()?;
            if !p.eat_op(",") {
                return Ok(());
            }
        });
        match r {
            Err(e) if is_specific(&e) => Err(e),
            _ => Ok(()),
        }
    }

    /// `t := value` as a statement. CPython reads the statement's start as list elements
    /// (`star_named_expression`), so it judges `t`, or the last element of a bare tuple:
    /// a name there is a valid `:=` (and the statement just invalid syntax).
    fn check_statement_walrus(&mut self, first: &Expr, start: usize) -> PResult<()> {
        let target = match &first.kind {
            ExprKind::Tuple(elts) if self.is_bare_tuple(first, start, self.pos) => {
                elts.last().unwrap()
            }
            _ => first,
        };
        if matches!(target.kind, ExprKind::Name(_) | ExprKind::Starred(_)) {
            return Ok(());
        }
        let valued = self.speculate(|p| {
            p.advance();
            p.expression().is_ok()
        });
        if valued {
            let msg = format!(
                "cannot use assignment expressions with {}",
                expr_name(target)
            );
            return Err(self.error_at(target.pos, msg));
        }
        Ok(())
    }

    fn ann_assign(&mut self, target: Expr) -> PResult<StmtKind> {
        if matches!(target.kind, ExprKind::Starred(_)) {
            // Not an `expression`: none of CPython's annotation diagnostics apply.
            return self.invalid();
        }
        if !matches!(
            target.kind,
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
        ) {
            // CPython names the problem only when an annotation follows the colon.
            let annotated = self.speculate(|p| {
                p.advance();
                p.expression().is_ok()
            });
            if !annotated {
                return self.invalid();
            }
            let msg = match &target.kind {
                ExprKind::Tuple(_) | ExprKind::List(_) => {
                    format!(
                        "only single target (not {}) can be annotated",
                        expr_name(&target)
                    )
                }
                _ => "illegal target for annotation".to_string(),
            };
            return Err(self.error_at(target.pos, msg));
        }
        self.advance(); // ':'
        let annotation = Box::new(self.expression()?);
        let value = if self.eat_op("=") {
            Some(self.assign_value()?)
        } else {
            None
        };
        Ok(StmtKind::AnnAssign { target, annotation, value })
    }

    fn dotted_name(&mut self) -> PResult<String> {
        let mut name = self.name()?;
        while self.eat_op(".") {
            name.push('.');
            name.push_str(&self.name()?);
        }
        Ok(name)
    }

    /// The `as NAME` of an import alias, if any.
    fn as_name(&mut self) -> PResult<Option<String>> {
        if self.eat_kw("as") {
            Ok(Some(self.name()?))
        } else {
            Ok(None)
        }
    }

    fn import(&mut self) -> PResult<StmtKind> {
        self.advance();
        let mut names = Vec::new();
        loop {
            let name = self.dotted_name()?;
            let asname = self.as_name()?;
            names.push(Alias { name, asname });
            if !self.eat_op(",") {
                break;
            }
        }
        Ok(StmtKind::Import(names))
    }

    fn from_import(&mut self) -> PResult<StmtKind> {
        self.advance();
        let mut dots = 0;
        while self.at_op(".") || self.at_op("...") {
            dots += if self.at_op("...") { 3 } else { 1 };
            self.advance();
        }
        let module = if dots > 0 && self.at_kw("import") {
            String::new()
        } else {
            self.dotted_name()?
        };
        // A relative import keeps its dots in the name (`..mod`); import.rs resolves them
        // against the importing module's `__package__`.
        let module = format!("{}{}", ".".repeat(dots), module);
        if !self.eat_kw("import") {
            return self.invalid();
        }
        if self.eat_op("*") {
            return Ok(StmtKind::ImportFrom {
                module,
                names: vec![Alias {
                    name: "*".into(),
                    asname: None,
                }],
            });
        }
        let parens = self.eat_op("(");
        let mut names = Vec::new();
        loop {
            let name = self.name()?;
            let asname = self.as_name()?;
            names.push(Alias { name, asname });
            if !self.eat_op(",") {
                break;
            }
            if parens && self.at_op(")") {
                break;
            }
            if !parens && !matches!(self.tok(), Tok::Name(_)) {
                // `from x import a,` — CPython: "trailing comma not allowed without surrounding parentheses"
                if matches!(self.tok(), Tok::Newline) {
                    return Err(self
                        .error_last("trailing comma not allowed without surrounding parentheses"));
                }
                return self.invalid();
            }
        }
        if parens {
            self.expect_op(")")?;
        }
        Ok(StmtKind::ImportFrom { module, names })
    }

    // ---- compound statements ----

    fn if_stmt(&mut self) -> PResult<Stmt> {
        let t = self.advance();
        let (pos, kw) = (
            Pos {
                line: t.line,
                col: t.col,
            },
            if t.tok.is_kw("if") { "if" } else { "elif" },
        );
        let test = self.named_expression()?;
        self.header_colon()?;
        let body = self.block(&format!("'{}' statement", kw), pos.line)?;
        let orelse = if self.at_kw("elif") {
            vec![self.if_stmt()?]
        } else {
            self.else_block()?
        };
        Ok(stmt(StmtKind::If { test, body, orelse }, pos))
    }

    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        if !self.at_kw("else") {
            return Ok(Vec::new());
        }
        let line = self.advance().line;
        self.expect_forced(":")?;
        self.block("'else' statement", line)
    }

    fn while_stmt(&mut self) -> PResult<Stmt> {
        let pos = self.pos_here();
        self.advance();
        let test = self.named_expression()?;
        self.header_colon()?;
        let body = self.block("'while' statement", pos.line)?;
        let orelse = self.else_block()?;
        Ok(stmt(StmtKind::While { test, body, orelse }, pos))
    }

    fn for_stmt(&mut self) -> PResult<Stmt> {
        let pos = self.pos_here();
        self.advance();
        let target = self.for_target()?;
        let iter = self.star_expressions()?;
        self.header_colon()?;
        let body = self.block("'for' statement", pos.line)?;
        let orelse = self.else_block()?;
        Ok(stmt(
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            },
            pos,
        ))
    }

    fn try_stmt(&mut self) -> PResult<Stmt> {
        let pos = self.pos_here();
        self.advance();
        self.expect_forced(":")?;
        let body = self.block("'try' statement", pos.line)?;
        let mut handlers = Vec::new();
        while self.at_kw("except") {
            handlers.push(self.except_block()?);
        }
        let orelse = if handlers.is_empty() {
            Vec::new()
        } else {
            self.else_block()?
        };
        let finalbody = if self.at_kw("finally") {
            let line = self.advance().line;
            self.expect_forced(":")?;
            self.block("'finally' statement", line)?
        } else {
            Vec::new()
        };
        if handlers.is_empty() && finalbody.is_empty() {
            return Err(self.error_last("expected 'except' or 'finally' block"));
        }
        Ok(stmt(
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            },
            pos,
        ))
    }

    fn except_block(&mut self) -> PResult<ExceptHandler> {
        let pos = self.pos_here();
        self.advance();
        if self.at_op("*") {
            self.unsupported("'except*'", pos);
            self.advance();
        }
        let mut typ = None;
        let mut name = None;
        if !self.at_op(":") && !matches!(self.tok(), Tok::Newline) {
            let e = self.expression()?;
            if self.at_op(",") && self.unparenthesized_except_types() {
                return Err(self.error_at(e.pos, "multiple exception types must be parenthesized"));
            }
            typ = Some(e);
            if self.eat_kw("as") {
                name = Some(self.name()?);
            }
        }
        self.header_colon()?;
        let body = self.block("'except' statement", pos.line)?;
        Ok(ExceptHandler {
            typ,
            name,
            body,
            pos,
        })
    }

    /// `except A, B [as e]:` — CPython names the problem only for this complete shape.
    fn unparenthesized_except_types(&mut self) -> bool {
        self.speculate(|p| {
            while p.eat_op(",") {
                if p.expression().is_err() {
                    return false;
                }
            }
            if p.eat_kw("as") && p.name().is_err() {
                return false;
            }
            p.at_op(":")
        })
    }

    fn with_stmt(&mut self) -> PResult<Stmt> {
        let pos = self.pos_here();
        self.advance();
        // `with (a as b, c):` — try the parenthesized form first, as CPython does.
        if self.at_op("(") {
            let (save, save_d) = (self.pos, self.deferred.clone());
            self.advance();
            if let Ok(items) = self.with_items(")") {
                if self.eat_op(")") && self.at_op(":") {
                    self.advance();
                    let body = self.block("'with' statement", pos.line)?;
                    return Ok(stmt(StmtKind::With { items, body }, pos));
                }
            }
            // CPython's first alternative read this far: the generic error's place stays.
            self.pos = save;
            self.deferred = save_d;
        }
        let items = self.with_items(":")?;
        self.header_colon()?;
        let body = self.block("'with' statement", pos.line)?;
        Ok(stmt(StmtKind::With { items, body }, pos))
    }

    fn with_items(&mut self, close: &str) -> PResult<Vec<WithItem>> {
        let mut items = Vec::new();
        loop {
            let context = self.expression()?;
            let target = if self.eat_kw("as") {
                let t = self.target_item_star()?;
                if self.at_op(",") || self.at_op(")") || self.at_op(":") {
                    self.check_target(&t, Targets::Star)?;
                }
                Some(t)
            } else {
                None
            };
            items.push(WithItem { context, target });
            if !self.eat_op(",") {
                break;
            }
            if close == ")" && self.at_op(")") {
                break;
            }
        }
        Ok(items)
    }

    /// A single `star_target` (for `with ... as target`).
    fn target_item_star(&mut self) -> PResult<Expr> {
        if self.at_op("*") {
            let pos = self.pos_here();
            self.advance();
            let inner = self.bitwise_or()?;
            return Ok(mk(ExprKind::Starred(Box::new(inner)), pos));
        }
        self.bitwise_or()
    }

    fn decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.eat_op("@") {
            decorators.push(self.named_expression()?);
            if !matches!(self.tok(), Tok::Newline) {
                return self.invalid();
            }
            self.advance();
        }
        if self.at_kw("async") && self.peek_nth(1).tok.is_kw("def") {
            return self.async_stmt(decorators);
        }
        match self.tok() {
            Tok::Kw("def") => self.funcdef(decorators),
            Tok::Kw("class") => self.classdef(decorators),
            _ => self.invalid(),
        }
    }

    /// `async def`, `async for`, `async with`: the statement after `async`, marked async and
    /// placed at the `async` keyword, as CPython places it.
    fn async_stmt(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let pos = self.pos_here();
        self.advance();
        let mut s = match self.tok() {
            Tok::Kw("def") => self.funcdef(decorators)?,
            Tok::Kw("for") => self.for_stmt()?,
            _ => self.with_stmt()?,
        };
        s.pos = pos;
        s.kind = match s.kind {
            StmtKind::FunctionDef(mut f) => {
                f.is_async = true;
                StmtKind::FunctionDef(f)
            }
            StmtKind::For { target, iter, body, orelse } => StmtKind::AsyncFor { target, iter, body, orelse },
            StmtKind::With { items, body } => StmtKind::AsyncWith { items, body },
            other => other,
        };
        Ok(s)
    }

    fn funcdef(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let pos = self.pos_here();
        self.advance();
        let name = self.name()?;
        self.expect_forced("(")?;
        let params = self.params(")", true)?;
        self.expect_op(")")?;
        let mut returns = None;
        if self.at_op("->") {
            // An unparsable return annotation is dropped by PEG: then "expected ':'" at `->`.
            let arrow = self.pos;
            self.advance();
            match self.expression() {
                Ok(e) => returns = Some(Box::new(e)),
                Err(e) if super::expr::is_specific(&e) => return Err(e),
                Err(_) => self.pos = arrow,
            }
        }
        self.expect_forced(":")?;
        self.scopes.push(Scope::Function);
        let body = self.block("function definition", pos.line);
        self.scopes.pop();
        Ok(stmt(
            StmtKind::FunctionDef(FunctionDef {
                name,
                params,
                body: body?,
                decorators,
                is_async: false,
                returns,
                bound_as: None,
            }),
            pos,
        ))
    }

    fn classdef(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let pos = self.pos_here();
        self.advance();
        let name = self.name()?;
        let mut bases = Vec::new();
        let mut keywords = Vec::new();
        if self.at_op("(") {
            let call_pos = self.pos_here();
            let (args, kws) = self.arguments(false)?;
            if kws.iter().any(|k| k.name.is_none()) {
                self.unsupported("'**' in a class definition", call_pos);
            }
            bases = args;
            keywords = kws;
        }
        self.header_colon()?;
        self.scopes.push(Scope::Class);
        let body = self.block("class definition", pos.line);
        self.scopes.pop();
        Ok(stmt(
            StmtKind::ClassDef(ClassDef {
                name,
                bases,
                keywords,
                body: body?,
                decorators,
                bound_as: None,
            }),
            pos,
        ))
    }
}
