//! Expressions, from `lambda` down to atoms, with CPython's precedence.

use super::{mk, PResult, Parser};
use crate::lang::ast::{BinOp, BoolOp, CmpOp, Constant, Expr, ExprKind, Pos, UnaryOp};
use crate::lang::token::Tok;

/// Can this token begin an expression? (Used to tell a trailing comma from a continued tuple.)
pub(super) fn starts_expr(t: &Tok) -> bool {
    match t {
        Tok::Name(_) | Tok::Number(_) | Tok::Str(_) => true,
        Tok::Kw(k) => matches!(*k, "None" | "True" | "False" | "lambda" | "not" | "await"),
        Tok::Op(o) => matches!(*o, "(" | "[" | "{" | "-" | "+" | "~" | "..."),
        _ => false,
    }
}

/// An error from one of CPython's `invalid_*` rules (not the generic "invalid syntax"), which
/// propagates even out of speculative parsing.
pub(super) fn is_specific(e: &crate::lang::error::CompileError) -> bool {
    !(e.msg == "invalid syntax" || e.msg == "unexpected indent" || e.msg == "unexpected unindent")
}

/// An operand of a `**` chain: prefix unary operators, the operand, and where the operand
/// (after the prefixes) starts.
pub(super) struct PowerOperand {
    unary: Vec<(UnaryOp, Pos)>,
    base: Expr,
    start: Pos,
}

fn wrap_unary(ops: Vec<(UnaryOp, Pos)>, mut e: Expr) -> Expr {
    for (op, pos) in ops.into_iter().rev() {
        e = mk(
            ExprKind::UnaryOp {
                op,
                operand: Box::new(e),
            },
            pos,
        );
    }
    e
}

/// Binary operator and its precedence (higher binds tighter), from `|` to `*`.
fn binop(t: &Tok) -> Option<(BinOp, u8)> {
    let Tok::Op(o) = t else { return None };
    Some(match *o {
        "|" => (BinOp::BitOr, 0),
        "^" => (BinOp::BitXor, 1),
        "&" => (BinOp::BitAnd, 2),
        "<<" => (BinOp::LShift, 3),
        ">>" => (BinOp::RShift, 3),
        "+" => (BinOp::Add, 4),
        "-" => (BinOp::Sub, 4),
        "*" => (BinOp::Mul, 5),
        "/" => (BinOp::Div, 5),
        "//" => (BinOp::FloorDiv, 5),
        "%" => (BinOp::Mod, 5),
        "@" => (BinOp::MatMul, 5),
        _ => return None,
    })
}

/// CPython's `_PyPegen_get_expr_name`, used in "cannot assign to ..." messages.
pub(super) fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::Bool(true)) => "True",
        ExprKind::Constant(Constant::Bool(false)) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
    }
}

impl<'a> Parser<'a> {
    // ---- lists of expressions ----

    /// `star_expressions`: `a`, `a, *b,` (a tuple) — expression statements, `return`, assignment values.
    pub(super) fn star_expressions(&mut self) -> PResult<Expr> {
        let pos = self.pos_here();
        let first = self.star_expression()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if !self.starts_star_expr() {
                break;
            }
            // An element that fails to parse leaves a trailing comma (PEG backtracking).
            let before = self.pos;
            let item = self.star_expression();
            let Some(item) = self.or_backtrack(before, item)? else {
                break;
            };
            elts.push(item);
        }
        Ok(mk(ExprKind::Tuple(elts), pos))
    }

    pub(super) fn starts_star_expr(&mut self) -> bool {
        let t = self.tok();
        starts_expr(t) || t.is_op("*")
    }

    pub(super) fn star_expression(&mut self) -> PResult<Expr> {
        if self.at_op("*") {
            let pos = self.pos_here();
            self.advance();
            let value = self.bitwise_or()?;
            return Ok(mk(ExprKind::Starred(Box::new(value)), pos));
        }
        self.expression()
    }

    /// `star_named_expression`: an element of a list, set or tuple display.
    pub(super) fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at_op("*") {
            let pos = self.pos_here();
            self.advance();
            let value = self.bitwise_or()?;
            return Ok(mk(ExprKind::Starred(Box::new(value)), pos));
        }
        self.named_expression()
    }

    // ---- expression levels ----
    //
    // Each level has a lean common path (no operator at this level: hand the operand up) and
    // a separate, non-inlined function for the rest, so that the stack frames on the
    // recursion path through nested brackets stay small.

    /// `named_expression`: an expression, or `name := value` (outside the subset).
    pub(super) fn named_expression(&mut self) -> PResult<Expr> {
        self.named_expression_checked(true)
    }

    /// `check_eq`: diagnose `x = 1` where a condition was expected (not wanted in call
    /// arguments, where CPython reports `f(a.b=1)` differently).
    pub(super) fn named_expression_checked(&mut self, check_eq: bool) -> PResult<Expr> {
        if matches!(self.tok(), Tok::Name(_)) && self.peek_nth(1).tok.is_op(":=") {
            return self.walrus();
        }
        let start = self.pos;
        let e = self.expression()?;
        if self.at_op(":=") || check_eq && self.at_op("=") {
            self.check_named_expression(start, &e, check_eq)?;
        }
        Ok(e)
    }

    #[inline(never)]
    pub(super) fn walrus(&mut self) -> PResult<Expr> {
        let pos = self.pos_here();
        let target = match self.tok() {
            Tok::Name(n) => n.to_string(),
            _ => unreachable!("walrus() is called at a name"),
        };
        self.advance();
        self.advance();
        let value = self.expression()?;
        Ok(mk(ExprKind::NamedExpr { target, value: Box::new(value) }, pos))
    }

    /// CPython's `invalid_named_expression`: `f() := 1`, `if x = 1:` and friends.
    #[inline(never)]
    pub(super) fn check_named_expression(
        &mut self,
        start: usize,
        e: &Expr,
        check_eq: bool,
    ) -> PResult<()> {
        if self.at_op(":=") {
            if self.speculate(|p| {
                p.advance();
                p.expression().is_ok()
            }) {
                return Err(self.error_at(
                    e.pos,
                    format!("cannot use assignment expressions with {}", expr_name(e)),
                ));
            }
            return Ok(());
        }
        if check_eq && !self.lenient {
            let eq = self.pos;
            self.check_here_assign(e, start, eq)?;
        }
        Ok(())
    }

    /// `expression`: conditional expressions and lambdas, plus CPython's "forgot a comma?",
    /// "expected 'else'" and Python 2 `print x` diagnostics.
    pub(super) fn expression(&mut self) -> PResult<Expr> {
        self.nested(|p| p.expression_inner())
    }

    pub(super) fn expression_inner(&mut self) -> PResult<Expr> {
        if self.at_kw("lambda") {
            return self.lambda();
        }
        let start = self.pos;
        let body = self.disjunction()?;
        let t = self.tok();
        if t.is_kw("if") || starts_expr(t) {
            return self.expression_tail(start, body);
        }
        Ok(body)
    }

    /// After `body`: a conditional expression chain `body if a else b if c else d`, folded
    /// from a list so long chains don't recurse, or a juxtaposed expression to diagnose.
    #[inline(never)]
    pub(super) fn expression_tail(&mut self, start: usize, first: Expr) -> PResult<Expr> {
        // (body, test, where the body's tokens start)
        let mut links: Vec<(Expr, Expr, Pos)> = Vec::new();
        let (mut start, mut body) = (start, first);
        // No diagnostics in lenient mode or where a dict key silences them.
        let quiet = self.lenient || self.quiet_depth == Some(self.depth);
        let last = loop {
            if !self.at_kw("if") {
                if starts_expr(self.tok()) && !quiet {
                    self.check_juxtaposed(start, &body)?;
                }
                break body;
            }
            // A broken `if ... else ...` leaves `body` alone standing (PEG's ordered choice).
            let if_tok = self.pos;
            self.advance();
            let test = self.disjunction();
            let Some(test) = self.or_backtrack(if_tok, test)? else {
                break body;
            };
            if !self.at_kw("else") {
                if !self.at_op(":") && !quiet {
                    return Err(self.error_at(body.pos, "expected 'else' after 'if' expression"));
                }
                self.pos = if_tok;
                break body;
            }
            self.advance();
            self.check_chain(links.len() + 1, body.pos)?;
            if self.at_kw("lambda") {
                let orelse = self.lambda();
                let Some(orelse) = self.or_backtrack(if_tok, orelse)? else {
                    break body;
                };
                links.push((body, test, self.token_pos(start)));
                break orelse;
            }
            let next_start = self.pos;
            let orelse = self.disjunction();
            let Some(orelse) = self.or_backtrack(if_tok, orelse)? else {
                break body;
            };
            links.push((body, test, self.token_pos(start)));
            start = next_start;
            body = orelse;
        };
        let mut e = last;
        while let Some((body, test, pos)) = links.pop() {
            e = mk(
                ExprKind::IfExp {
                    test: Box::new(test),
                    body: Box::new(body),
                    orelse: Box::new(e),
                },
                pos,
            );
        }
        Ok(e)
    }

    /// Run `f` and rewind: the cursor, the furthest-token mark and deferred errors.
    pub(super) fn speculate<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        let (save, save_f, save_d) = (self.pos, self.furthest, self.deferred.clone());
        let r = f(self);
        self.pos = save;
        self.furthest = save_f;
        self.deferred = save_d;
        r
    }

    // A node made from a left operand starts where that operand's tokens start, which is
    // before its own position when it is parenthesized: `(a) + b` starts at `(`.

    pub(super) fn disjunction(&mut self) -> PResult<Expr> {
        let start = self.pos_here();
        let first = self.conjunction()?;
        if self.at_kw("or") {
            return self.bool_chain(first, BoolOp::Or, start);
        }
        Ok(first)
    }

    pub(super) fn conjunction(&mut self) -> PResult<Expr> {
        let start = self.pos_here();
        let first = self.inversion()?;
        if self.at_kw("and") {
            return self.bool_chain(first, BoolOp::And, start);
        }
        Ok(first)
    }

    /// `first or b or c` / `first and b and c`.
    #[inline(never)]
    pub(super) fn bool_chain(&mut self, first: Expr, op: BoolOp, pos: Pos) -> PResult<Expr> {
        let kw = if op == BoolOp::Or { "or" } else { "and" };
        let mut values = vec![first];
        loop {
            let before = self.pos;
            if !self.eat_kw(kw) {
                break;
            }
            let v = if op == BoolOp::Or {
                self.conjunction()
            } else {
                self.inversion()
            };
            let Some(v) = self.or_backtrack(before, v)? else {
                break;
            };
            values.push(v);
        }
        if values.len() == 1 {
            return Ok(values.pop().unwrap());
        }
        Ok(mk(ExprKind::BoolOp { op, values }, pos))
    }

    pub(super) fn inversion(&mut self) -> PResult<Expr> {
        if self.at_kw("not") {
            return self.not_chain();
        }
        self.comparison()
    }

    #[inline(never)]
    pub(super) fn not_chain(&mut self) -> PResult<Expr> {
        let mut nots = Vec::new();
        while self.at_kw("not") {
            nots.push(self.pos_here());
            self.check_chain(nots.len(), nots[0])?;
            self.advance();
        }
        let mut e = self.comparison()?;
        while let Some(pos) = nots.pop() {
            e = mk(
                ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    operand: Box::new(e),
                },
                pos,
            );
        }
        Ok(e)
    }

    pub(super) fn comparison(&mut self) -> PResult<Expr> {
        let start = self.pos_here();
        let left = self.bitwise_or()?;
        if matches!(
            self.tok(),
            Tok::Op("==" | "!=" | "<" | "<=" | ">" | ">=") | Tok::Kw("in" | "is" | "not")
        ) {
            return self.comparison_chain(left, start);
        }
        Ok(left)
    }

    /// `left < b <= c ...`: one Compare node.
    #[inline(never)]
    pub(super) fn comparison_chain(&mut self, left: Expr, pos: Pos) -> PResult<Expr> {
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        loop {
            let before = self.pos;
            let op = match self.tok() {
                Tok::Op("==") => CmpOp::Eq,
                Tok::Op("!=") => CmpOp::NotEq,
                Tok::Op("<") => CmpOp::Lt,
                Tok::Op("<=") => CmpOp::LtE,
                Tok::Op(">") => CmpOp::Gt,
                Tok::Op(">=") => CmpOp::GtE,
                Tok::Kw("in") => CmpOp::In,
                Tok::Kw("is") => {
                    if self.peek_nth(1).tok.is_kw("not") {
                        self.advance();
                        CmpOp::IsNot
                    } else {
                        CmpOp::Is
                    }
                }
                Tok::Kw("not") if self.peek_nth(1).tok.is_kw("in") => {
                    self.advance();
                    CmpOp::NotIn
                }
                _ => break,
            };
            self.advance();
            let right = self.bitwise_or();
            let Some(right) = self.or_backtrack(before, right)? else {
                break;
            };
            ops.push(op);
            comparators.push(right);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        Ok(mk(
            ExprKind::Compare {
                left: Box::new(left),
                ops,
                comparators,
            },
            pos,
        ))
    }

    /// Binary operators from `|` (loosest) to `* / // % @` (tightest), by precedence climbing.
    pub(super) fn bitwise_or(&mut self) -> PResult<Expr> {
        let start = self.pos_here();
        let left = self.factor()?;
        if binop(self.tok()).is_some() {
            return self.binary_climb(left, 0, start);
        }
        Ok(left)
    }

    /// Extend `left` with operators binding at least as tightly as `min_prec`.
    #[inline(never)]
    pub(super) fn binary_climb(
        &mut self,
        mut left: Expr,
        min_prec: u8,
        start: Pos,
    ) -> PResult<Expr> {
        let mut len = 0;
        while let Some((op, prec)) = binop(self.tok()).filter(|&(_, p)| p >= min_prec) {
            len += 1;
            self.check_chain(len, left.pos)?;
            let before = self.pos;
            self.advance();
            let right_start = self.pos_here();
            let right = self.factor();
            let Some(mut right) = self.or_backtrack(before, right)? else {
                return Ok(left);
            };
            // Tighter operators to the right take `right` as their left operand (unless
            // their operand failed and was backtracked: then nothing moved, and we stop).
            while binop(self.tok()).is_some_and(|(_, p)| p > prec) {
                let at = self.pos;
                right = self.binary_climb(right, prec + 1, right_start)?;
                if self.pos == at {
                    break;
                }
            }
            left = mk(
                ExprKind::BinOp {
                    left: Box::new(left),
                    op,
                    right: Box::new(right),
                },
                start,
            );
        }
        Ok(left)
    }

    /// Unary `- + ~` and right-associative `**`, which binds tighter on its left than unary
    /// minus (`-2**2 == -4`) but accepts one on its right (`2**-1`).
    pub(super) fn factor(&mut self) -> PResult<Expr> {
        if matches!(self.tok(), Tok::Op("-" | "+" | "~") | Tok::Kw("await")) {
            return self.power_chain();
        }
        let start = self.pos_here();
        let e = self.primary()?;
        if self.at_op("**") {
            return self.power_chain_from(e, start);
        }
        Ok(e)
    }

    #[inline(never)]
    pub(super) fn power_chain(&mut self) -> PResult<Expr> {
        let first = self.power_operand()?;
        self.power_chain_items(vec![first])
    }

    #[inline(never)]
    pub(super) fn power_chain_from(&mut self, base: Expr, start: Pos) -> PResult<Expr> {
        self.power_chain_items(vec![PowerOperand {
            unary: Vec::new(),
            base,
            start,
        }])
    }

    /// A chain like `-a ** -b ** c`, collected as operands with their prefix operators, then
    /// folded from the right, so long chains don't recurse. `chain` holds the first operand.
    pub(super) fn power_chain_items(&mut self, mut chain: Vec<PowerOperand>) -> PResult<Expr> {
        loop {
            // Operators so far: the `**`s and the unary prefixes.
            let unary: usize = chain.iter().map(|o| o.unary.len()).sum();
            self.check_chain(chain.len() - 1 + unary, chain[0].start)?;
            let before = self.pos;
            if !self.eat_op("**") {
                break;
            }
            let operand = self.power_operand();
            match self.or_backtrack(before, operand)? {
                Some(item) => chain.push(item),
                None => break,
            }
        }
        let last = chain.pop().unwrap();
        let mut e = wrap_unary(last.unary, last.base);
        while let Some(PowerOperand { unary, base, start }) = chain.pop() {
            let pow = ExprKind::BinOp {
                left: Box::new(base),
                op: BinOp::Pow,
                right: Box::new(e),
            };
            e = wrap_unary(unary, mk(pow, start));
        }
        Ok(e)
    }

    /// Prefix unary operators, then an (`await`) primary.
    pub(super) fn power_operand(&mut self) -> PResult<PowerOperand> {
        let mut unary = Vec::new();
        loop {
            let op = match self.tok() {
                Tok::Op("-") => UnaryOp::Neg,
                Tok::Op("+") => UnaryOp::Pos,
                Tok::Op("~") => UnaryOp::Invert,
                _ => break,
            };
            unary.push((op, self.pos_here()));
            self.check_chain(unary.len(), unary[0].1)?;
            self.advance();
        }
        let start = self.pos_here();
        if self.at_kw("await") {
            self.advance();
            let value = self.primary()?;
            let base = mk(ExprKind::Await(Box::new(value)), start);
            return Ok(PowerOperand { unary, base, start });
        }
        let base = self.primary()?;
        Ok(PowerOperand { unary, base, start })
    }

    /// An atom followed by calls, attributes and subscripts.
    pub(super) fn primary(&mut self) -> PResult<Expr> {
        let start = self.pos_here();
        let e = self.atom()?;
        if matches!(self.tok(), Tok::Op("." | "(" | "[")) {
            return self.trailers(e, start);
        }
        Ok(e)
    }

    #[inline(never)]
    pub(super) fn trailers(&mut self, e: Expr, start: Pos) -> PResult<Expr> {
        // Inside a later dict key, CPython reports nothing from within calls and subscripts.
        if self.quiet_depth.is_some_and(|d| self.depth >= d) && !self.lenient {
            self.lenient = true;
            let r = self.trailer_chain(e, start);
            self.lenient = false;
            return r;
        }
        self.trailer_chain(e, start)
    }

    pub(super) fn trailer_chain(&mut self, mut e: Expr, pos: Pos) -> PResult<Expr> {
        for len in 1.. {
            let before = self.pos;
            self.check_chain(len, pos)?;
            let kind = match self.tok() {
                Tok::Op(".") => {
                    self.advance();
                    let attr = self.name();
                    let Some(attr) = self.or_backtrack(before, attr)? else {
                        return Ok(e);
                    };
                    ExprKind::Attribute {
                        value: Box::new(e),
                        attr,
                    }
                }
                Tok::Op("(") => {
                    let args = self.call_arguments();
                    let Some((args, keywords)) = self.or_backtrack(before, args)? else {
                        return Ok(e);
                    };
                    ExprKind::Call {
                        func: Box::new(e),
                        args,
                        keywords,
                    }
                }
                Tok::Op("[") => {
                    let index = self.subscript_index();
                    let Some(index) = self.or_backtrack(before, index)? else {
                        return Ok(e);
                    };
                    ExprKind::Subscript {
                        value: Box::new(e),
                        index: Box::new(index),
                    }
                }
                _ => return Ok(e),
            };
            e = mk(kind, pos);
        }
        unreachable!()
    }

    /// `[slices]` after a primary.
    pub(super) fn subscript_index(&mut self) -> PResult<Expr> {
        self.advance();
        let index = self.slices()?;
        self.expect_op("]")?;
        Ok(index)
    }

    /// A failed operator or trailer is undone and the expression so far stands, as PEG's
    /// ordered choice would leave it; the furthest-token mark keeps the generic error's place.
    /// Specific diagnostics still propagate, except in lenient mode.
    pub(super) fn or_backtrack<T>(&mut self, before: usize, r: PResult<T>) -> PResult<Option<T>> {
        match r {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.lenient || !is_specific(&e) => {
                self.pos = before;
                self.backtracks += self.lenient as u32;
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }
}
