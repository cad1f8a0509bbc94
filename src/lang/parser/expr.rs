//! Expressions, from `lambda` down to atoms, with CPython's precedence.

use super::{mk, PResult, Parser};
use crate::lang::ast::{
    BinOp, BoolOp, CmpOp, Comprehension, Constant, Expr, ExprKind, Keyword, Param, Params, Pos, UnaryOp,
};
use crate::lang::token::{Number, Tok};

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

fn wrap_unary(ops: Vec<(UnaryOp, Pos)>, mut e: Expr) -> Expr {
    for (op, pos) in ops.into_iter().rev() {
        e = mk(ExprKind::UnaryOp { op, operand: Box::new(e) }, pos);
    }
    e
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
        ExprKind::Slice { .. } => "slice",
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
            elts.push(self.star_expression()?);
        }
        Ok(mk(ExprKind::Tuple(elts), pos))
    }

    fn starts_star_expr(&mut self) -> bool {
        let t = self.tok();
        starts_expr(t) || t.is_op("*")
    }

    fn star_expression(&mut self) -> PResult<Expr> {
        if self.at_op("*") {
            let pos = self.pos_here();
            self.advance();
            let value = self.bitwise_or()?;
            return Ok(mk(ExprKind::Starred(Box::new(value)), pos));
        }
        self.expression()
    }

    /// `star_named_expression`: an element of a list, set or tuple display.
    fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at_op("*") {
            let pos = self.pos_here();
            self.advance();
            let value = self.bitwise_or()?;
            return Ok(mk(ExprKind::Starred(Box::new(value)), pos));
        }
        self.named_expression()
    }

    // ---- expression levels ----

    /// `named_expression`: an expression, or `name := value` (outside the subset).
    pub(super) fn named_expression(&mut self) -> PResult<Expr> {
        self.named_expression_checked(true)
    }

    /// `check_eq`: diagnose `x = 1` where a condition was expected (not wanted in call
    /// arguments, where CPython reports `f(a.b=1)` differently).
    fn named_expression_checked(&mut self, check_eq: bool) -> PResult<Expr> {
        if matches!(self.tok(), Tok::Name(_)) && self.peek_nth(1).tok.is_op(":=") {
            let pos = self.pos_here();
            self.advance();
            self.advance();
            self.unsupported("the walrus operator ':='", pos);
            return self.expression();
        }
        let start = self.pos;
        let e = self.expression()?;
        if self.at_op(":=") && self.speculate(|p| {
            p.advance();
            p.expression().is_ok()
        }) {
            return Err(self.error_at(e.pos, format!("cannot use assignment expressions with {}", expr_name(&e))));
        }
        if check_eq && self.at_op("=") && !self.lenient {
            // CPython's `invalid_named_expression`: `if x = 1:` and friends.
            let eq = self.pos;
            self.check_here_assign(&e, start, eq)?;
        }
        Ok(e)
    }

    /// Does a `bitwise_or` parse exactly tokens `start..end`? (Tells `a + b` from `a < b` or `not a`.)
    pub(super) fn is_bitwise_or_span(&mut self, start: usize, end: usize) -> bool {
        self.speculate(|p| {
            p.pos = start;
            p.bitwise_or().is_ok() && p.pos == end
        })
    }

    /// CPython's `!(list|tuple|genexp|'True'|'None'|'False')` before `invalid_named_expression`.
    pub(super) fn is_excluded_assign_target(&mut self, start: usize, e: &Expr) -> bool {
        let first = &self.toks[start].tok;
        if first.is_kw("True") || first.is_kw("None") || first.is_kw("False") {
            return true;
        }
        if first.is_op("[") && matches!(e.kind, ExprKind::List(_)) {
            return self.closes_at_span_end(start);
        }
        if first.is_op("(") && matches!(e.kind, ExprKind::Tuple(_) | ExprKind::GeneratorExp { .. }) {
            return self.closes_at_span_end(start);
        }
        false
    }

    /// Whether the bracket opened at token `open` is closed by the last token consumed.
    fn closes_at_span_end(&self, open: usize) -> bool {
        let level = self.toks[open].level;
        let close = (open + 1..self.toks.len()).find(|&j| self.toks[j].level < level);
        close == Some(self.pos - 1)
    }

    /// `expression`: conditional expressions and lambdas, plus CPython's "forgot a comma?",
    /// "expected 'else'" and Python 2 `print x` diagnostics.
    pub(super) fn expression(&mut self) -> PResult<Expr> {
        self.nested(|p| p.expression_inner())
    }

    fn expression_inner(&mut self) -> PResult<Expr> {
        // `a if b else c if d else e` is folded from a list, so long chains don't recurse.
        let mut links: Vec<(Expr, Expr)> = Vec::new();
        let last = loop {
            if self.at_kw("lambda") {
                break self.lambda()?;
            }
            let start = self.pos;
            let body = self.disjunction()?;
            if !self.at_kw("if") {
                if starts_expr(self.tok()) && !self.lenient {
                    self.check_juxtaposed(start, &body)?;
                }
                break body;
            }
            let if_tok = self.pos;
            self.advance();
            let test = self.disjunction()?;
            if !self.at_kw("else") {
                if !self.at_op(":") {
                    return Err(self.error_at(body.pos, "expected 'else' after 'if' expression"));
                }
                self.pos = if_tok;
                return self.invalid();
            }
            self.advance();
            self.check_chain(links.len() + 1, body.pos)?;
            links.push((body, test));
        };
        let mut e = last;
        while let Some((body, test)) = links.pop() {
            let pos = body.pos;
            e = mk(ExprKind::IfExp { test: Box::new(test), body: Box::new(body), orelse: Box::new(e) }, pos);
        }
        Ok(e)
    }

    /// An expression directly followed by another: a missing comma in brackets
    /// (`invalid_expression`) or Python 2's `print x` (`invalid_legacy_expression`).
    fn check_juxtaposed(&mut self, start: usize, a: &Expr) -> PResult<()> {
        let first = &self.toks[start];
        // CPython 3.11 compares soft keywords with strncmp over the name's length, so any
        // prefix of one ("c", "ma", ...) counts as a soft keyword here.
        let soft_kw = matches!(&first.tok, Tok::Name(n) if ["_", "case", "match"].iter().any(|k| k.starts_with(n.as_str())));
        let name_string = matches!(first.tok, Tok::Name(_)) && matches!(self.toks[start + 1].tok, Tok::Str(_));
        let single_name = matches!(a.kind, ExprKind::Name(_)) && self.pos == start + 1;
        let legacy = single_name && matches!(&a.kind, ExprKind::Name(n) if n == "print" || n == "exec");
        // Did CPython's `invalid_expression` parse the rest (leaving memoized, error-free results)?
        let mut memo_hides_errors = false;
        if !soft_kw && !name_string {
            let backtracks = self.backtracks;
            let (ok, level) = self.speculate(|p| {
                let ok = p.expression_without_invalid().is_ok();
                (ok, p.prev().level)
            });
            if ok && level > 0 && !legacy {
                return Err(self.error_at(a.pos, "invalid syntax. Perhaps you forgot a comma?"));
            }
            memo_hides_errors = !ok || self.backtracks != backtracks;
        }
        if matches!(first.tok, Tok::Name(_)) && !self.toks[start + 1].tok.is_op("(") && self.depth < 100 {
            // CPython parses `NAME star_expressions` with its diagnostics on, so an error
            // nested in the rest (`_ n range(3)`) surfaces here.
            let b = self.speculate(|p| {
                p.pos = start + 1;
                p.star_expressions()
            });
            match b {
                Err(e) if is_specific(&e) && !memo_hides_errors => return Err(e),
                Ok(_) if legacy => {
                    let ExprKind::Name(n) = &a.kind else { unreachable!() };
                    let msg = format!("Missing parentheses in call to '{0}'. Did you mean {0}(...)?", n);
                    return Err(self.error_at(a.pos, msg));
                }
                _ => {}
            }
        }
        Ok(())
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

    /// `expression` without the diagnostics (CPython's `expression_without_invalid`).
    fn expression_without_invalid(&mut self) -> PResult<Expr> {
        let was = std::mem::replace(&mut self.lenient, true);
        let r = self.expression_without_invalid_inner();
        self.lenient = was;
        r
    }

    fn expression_without_invalid_inner(&mut self) -> PResult<Expr> {
        if self.at_kw("lambda") {
            return self.lambda();
        }
        let body = self.disjunction()?;
        let after_body = self.pos;
        if self.eat_kw("if") {
            // PEG ordered choice: without a complete `if ... else ...`, the disjunction alone.
            let full = self.disjunction().is_ok() && self.eat_kw("else") && self.expression_without_invalid().is_ok();
            if !full {
                self.pos = after_body;
            }
        }
        Ok(body)
    }

    fn disjunction(&mut self) -> PResult<Expr> {
        let first = self.conjunction()?;
        if !self.at_kw("or") {
            return Ok(first);
        }
        let pos = first.pos;
        let mut values = vec![first];
        loop {
            let before = self.pos;
            if !self.eat_kw("or") {
                break;
            }
            let v = self.conjunction();
            let Some(v) = self.or_backtrack(before, v)? else { break };
            values.push(v);
        }
        if values.len() == 1 {
            return Ok(values.pop().unwrap());
        }
        Ok(mk(ExprKind::BoolOp { op: BoolOp::Or, values }, pos))
    }

    fn conjunction(&mut self) -> PResult<Expr> {
        let first = self.inversion()?;
        if !self.at_kw("and") {
            return Ok(first);
        }
        let pos = first.pos;
        let mut values = vec![first];
        loop {
            let before = self.pos;
            if !self.eat_kw("and") {
                break;
            }
            let v = self.inversion();
            let Some(v) = self.or_backtrack(before, v)? else { break };
            values.push(v);
        }
        if values.len() == 1 {
            return Ok(values.pop().unwrap());
        }
        Ok(mk(ExprKind::BoolOp { op: BoolOp::And, values }, pos))
    }

    fn inversion(&mut self) -> PResult<Expr> {
        let mut nots = Vec::new();
        while self.at_kw("not") {
            nots.push(self.pos_here());
            self.check_chain(nots.len(), nots[0])?;
            self.advance();
        }
        let mut e = self.comparison()?;
        while let Some(pos) = nots.pop() {
            e = mk(ExprKind::UnaryOp { op: UnaryOp::Not, operand: Box::new(e) }, pos);
        }
        Ok(e)
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let left = self.bitwise_or()?;
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
            let Some(right) = self.or_backtrack(before, right)? else { break };
            ops.push(op);
            comparators.push(right);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        let pos = left.pos;
        Ok(mk(ExprKind::Compare { left: Box::new(left), ops, comparators }, pos))
    }

    /// Binary operators from `|` down to `*`: precedence climbing over CPython's levels.
    pub(super) fn bitwise_or(&mut self) -> PResult<Expr> {
        self.binary(0)
    }

    fn binary(&mut self, level: usize) -> PResult<Expr> {
        const LEVELS: &[&[(&str, BinOp)]] = &[
            &[("|", BinOp::BitOr)],
            &[("^", BinOp::BitXor)],
            &[("&", BinOp::BitAnd)],
            &[("<<", BinOp::LShift), (">>", BinOp::RShift)],
            &[("+", BinOp::Add), ("-", BinOp::Sub)],
            &[("*", BinOp::Mul), ("/", BinOp::Div), ("//", BinOp::FloorDiv), ("%", BinOp::Mod), ("@", BinOp::MatMul)],
        ];
        if level == LEVELS.len() {
            return self.factor();
        }
        let mut left = self.binary(level + 1)?;
        let mut len = 0;
        'outer: loop {
            for &(sym, op) in LEVELS[level] {
                if self.at_op(sym) {
                    len += 1;
                    self.check_chain(len, left.pos)?;
                    let before = self.pos;
                    self.advance();
                    let right = self.binary(level + 1);
                    let Some(right) = self.or_backtrack(before, right)? else { return Ok(left) };
                    let pos = left.pos;
                    left = mk(ExprKind::BinOp { left: Box::new(left), op, right: Box::new(right) }, pos);
                    continue 'outer;
                }
            }
            return Ok(left);
        }
    }

    /// Unary `- + ~` and right-associative `**`, which binds tighter on its left than unary
    /// minus (`-2**2 == -4`) but accepts one on its right (`2**-1`). A chain like
    /// `-a ** -b ** c` is collected as operands with their prefix operators, then folded from
    /// the right, so long chains don't recurse.
    fn factor(&mut self) -> PResult<Expr> {
        let mut chain: Vec<(Vec<(UnaryOp, Pos)>, Expr)> = Vec::new();
        loop {
            let before = self.pos;
            let operand = self.power_operand();
            if chain.is_empty() {
                chain.push(operand?);
            } else {
                match self.or_backtrack(before, operand)? {
                    Some(item) => chain.push(item),
                    None => {
                        self.pos -= 1; // give back the `**`
                        break;
                    }
                }
            }
            let len = chain.len() + chain.iter().map(|(ops, _)| ops.len()).sum::<usize>();
            self.check_chain(len, chain[0].1.pos)?;
            if !self.eat_op("**") {
                break;
            }
        }
        let (ops, base) = chain.pop().unwrap();
        let mut e = wrap_unary(ops, base);
        while let Some((ops, base)) = chain.pop() {
            let pos = base.pos;
            let pow = mk(ExprKind::BinOp { left: Box::new(base), op: BinOp::Pow, right: Box::new(e) }, pos);
            e = wrap_unary(ops, pow);
        }
        Ok(e)
    }

    /// Prefix unary operators, then an (`await`) primary.
    fn power_operand(&mut self) -> PResult<(Vec<(UnaryOp, Pos)>, Expr)> {
        let mut ops = Vec::new();
        loop {
            let op = match self.tok() {
                Tok::Op("-") => UnaryOp::Neg,
                Tok::Op("+") => UnaryOp::Pos,
                Tok::Op("~") => UnaryOp::Invert,
                _ => break,
            };
            ops.push((op, self.pos_here()));
            self.advance();
        }
        if self.at_kw("await") {
            let pos = self.pos_here();
            self.advance();
            self.unsupported("'await'", pos);
        }
        Ok((ops, self.primary()?))
    }

    /// An atom followed by calls, attributes and subscripts.
    pub(super) fn primary(&mut self) -> PResult<Expr> {
        let mut e = self.atom()?;
        for len in 1.. {
            let before = self.pos;
            let pos = e.pos;
            self.check_chain(len, pos)?;
            let kind = match self.tok() {
                Tok::Op(".") => {
                    self.advance();
                    let attr = self.name();
                    let Some(attr) = self.or_backtrack(before, attr)? else { return Ok(e) };
                    ExprKind::Attribute { value: Box::new(e), attr }
                }
                Tok::Op("(") => {
                    let args = self.call_arguments();
                    let Some((args, keywords)) = self.or_backtrack(before, args)? else { return Ok(e) };
                    ExprKind::Call { func: Box::new(e), args, keywords }
                }
                Tok::Op("[") => {
                    let index = self.subscript_index();
                    let Some(index) = self.or_backtrack(before, index)? else { return Ok(e) };
                    ExprKind::Subscript { value: Box::new(e), index: Box::new(index) }
                }
                _ => return Ok(e),
            };
            e = mk(kind, pos);
        }
        unreachable!()
    }

    /// `[slices]` after a primary.
    fn subscript_index(&mut self) -> PResult<Expr> {
        self.advance();
        let index = self.slices()?;
        self.expect_op("]")?;
        Ok(index)
    }

    /// A failed operator or trailer is undone and the expression so far stands, as PEG's
    /// ordered choice would leave it; the furthest-token mark keeps the generic error's place.
    /// Specific diagnostics still propagate, except in lenient mode.
    fn or_backtrack<T>(&mut self, before: usize, r: PResult<T>) -> PResult<Option<T>> {
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

    fn slices(&mut self) -> PResult<Expr> {
        let pos = self.pos_here();
        let first = self.slice()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.at_op("]") {
                break;
            }
            elts.push(self.slice()?);
        }
        Ok(mk(ExprKind::Tuple(elts), pos))
    }

    fn slice(&mut self) -> PResult<Expr> {
        let pos = self.pos_here();
        if self.at_op("*") {
            return self.star_named_expression();
        }
        let lower = if self.at_op(":") { None } else { Some(self.named_expression()?) };
        if !self.eat_op(":") {
            return lower.ok_or_else(|| self.invalid::<()>().unwrap_err());
        }
        let bound = |p: &mut Self| -> PResult<Option<Box<Expr>>> {
            if p.at_op(":") || p.at_op("]") || p.at_op(",") {
                Ok(None)
            } else {
                Ok(Some(Box::new(p.expression()?)))
            }
        };
        let upper = bound(self)?;
        let step = if self.eat_op(":") { bound(self)? } else { None };
        Ok(mk(ExprKind::Slice { lower: lower.map(Box::new), upper, step }, pos))
    }

    /// `( args )` of a call: positional, `*args`, `key=value`, `**kw`, or one bare generator.
    pub(super) fn call_arguments(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let open = self.advance();
        let open_pos = Pos { line: open.line, col: open.col };
        let mut args = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut seen_kw = false;
        let mut seen_double_star = false;
        while !self.at_op(")") {
            let pos = self.pos_here();
            if self.eat_op("*") {
                if seen_double_star {
                    return Err(self.error_at(pos, "iterable argument unpacking follows keyword argument unpacking"));
                }
                let value = self.expression()?;
                args.push(mk(ExprKind::Starred(Box::new(value)), pos));
            } else if self.eat_op("**") {
                let value = self.expression()?;
                keywords.push(Keyword { name: None, value });
                seen_double_star = true;
            } else if matches!(self.tok(), Tok::Name(_)) && self.peek_nth(1).tok.is_op("=") {
                let name = self.name()?;
                self.advance();
                let value = self.expression()?;
                if self.at_kw("for") {
                    return Err(self.error_at(pos, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
                }
                keywords.push(Keyword { name: Some(name), value });
                seen_kw = true;
            } else if matches!(self.tok(), Tok::Kw("True" | "False" | "None")) && self.peek_nth(1).tok.is_op("=") {
                let Tok::Kw(k) = self.tok() else { unreachable!() };
                return Err(self.error_at(pos, format!("cannot assign to {}", k)));
            } else {
                let value = self.named_expression_checked(false)?;
                if self.at_kw("for") {
                    let generators = self.comprehension_clauses()?;
                    let lone = args.is_empty() && keywords.is_empty() && (self.at_op(")") || self.at_op(",") && self.peek_nth(1).tok.is_op(")"));
                    if !lone {
                        return Err(self.error_at(value.pos, "Generator expression must be parenthesized"));
                    }
                    let gen = ExprKind::GeneratorExp { elt: Box::new(value), generators };
                    args.push(mk(gen, open_pos));
                    self.eat_op(",");
                    continue;
                }
                if self.at_op("=") {
                    return Err(self.error_at(value.pos, "expression cannot contain assignment, perhaps you meant \"==\"?"));
                }
                if seen_kw || seen_double_star {
                    let msg = if seen_double_star {
                        "positional argument follows keyword argument unpacking"
                    } else {
                        "positional argument follows keyword argument"
                    };
                    // CPython reports this after reading the rest of the arguments.
                    self.skip_arguments();
                    return Err(self.error_last(msg));
                }
                args.push(value);
            }
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op(")")?;
        Ok((args, keywords))
    }

    /// Read on through `, arg` items (errors ignored), to find where CPython stops reading.
    fn skip_arguments(&mut self) {
        while self.eat_op(",") {
            let ok = if self.eat_op("*") || self.eat_op("**") {
                self.expression().is_ok()
            } else if matches!(self.tok(), Tok::Name(_)) && self.peek_nth(1).tok.is_op("=") {
                self.advance();
                self.advance();
                self.expression().is_ok()
            } else {
                self.expression().is_ok()
            };
            if !ok {
                return;
            }
        }
    }

    // ---- atoms ----

    fn atom(&mut self) -> PResult<Expr> {
        let t = self.peek();
        let pos = Pos { line: t.line, col: t.col };
        let kind = match &t.tok {
            Tok::Name(n) => ExprKind::Name(n.clone()),
            Tok::Number(n) => ExprKind::Constant(match n {
                Number::Int(v) => Constant::Int(*v),
                Number::BigInt(v) => Constant::BigInt(v.clone()),
                Number::Float(v) => Constant::Float(*v),
                Number::Imaginary => {
                    self.unsupported("complex number literals", pos);
                    Constant::Int(0)
                }
            }),
            Tok::Kw("None") => ExprKind::Constant(Constant::None),
            Tok::Kw("True") => ExprKind::Constant(Constant::Bool(true)),
            Tok::Kw("False") => ExprKind::Constant(Constant::Bool(false)),
            Tok::Op("...") => ExprKind::Constant(Constant::Ellipsis),
            Tok::Str(_) => return self.strings(),
            Tok::Op("(") => return self.paren_atom(),
            Tok::Op("[") => return self.list_atom(),
            Tok::Op("{") => return self.brace_atom(),
            _ => return self.invalid(),
        };
        self.advance();
        Ok(mk(kind, pos))
    }

    /// `(...)`: a group, a tuple, a generator expression, or `(yield)`.
    fn paren_atom(&mut self) -> PResult<Expr> {
        let pos = self.pos_here();
        self.advance();
        if self.eat_op(")") {
            return Ok(mk(ExprKind::Tuple(Vec::new()), pos));
        }
        if self.at_kw("yield") {
            let e = self.yield_expr()?;
            self.expect_op(")")?;
            return Ok(e);
        }
        let first = self.star_named_expression()?;
        let result = if self.at_kw("for") {
            self.check_comprehension_elt(&first)?;
            let generators = self.comprehension_clauses()?;
            mk(ExprKind::GeneratorExp { elt: Box::new(first), generators }, pos)
        } else if self.at_op(",") {
            let mut elts = vec![first];
            while self.eat_op(",") {
                if self.at_op(")") {
                    break;
                }
                elts.push(self.star_named_expression()?);
            }
            mk(ExprKind::Tuple(elts), pos)
        } else {
            if matches!(first.kind, ExprKind::Starred(_)) && self.at_op(")") {
                // `(*a)` alone: CPython's "cannot use starred expression here".
                return Err(self.error_at(first.pos, "cannot use starred expression here"));
            }
            first
        };
        self.expect_op(")")?;
        Ok(result)
    }

    fn list_atom(&mut self) -> PResult<Expr> {
        let pos = self.pos_here();
        self.advance();
        let mut elts = Vec::new();
        if !self.at_op("]") {
            let first = self.star_named_expression()?;
            if self.at_kw("for") {
                self.check_comprehension_elt(&first)?;
                let generators = self.comprehension_clauses()?;
                self.expect_op("]")?;
                return Ok(mk(ExprKind::ListComp { elt: Box::new(first), generators }, pos));
            }
            elts.push(first);
            while self.eat_op(",") {
                if self.at_op("]") {
                    break;
                }
                if self.at_kw("for") {
                    return Err(self.error_at(elts[0].pos, "did you forget parentheses around the comprehension target?"));
                }
                elts.push(self.star_named_expression()?);
            }
            self.check_unparenthesized_comprehension_target(&elts)?;
        }
        self.expect_op("]")?;
        Ok(mk(ExprKind::List(elts), pos))
    }

    /// `{...}`: dict, set, or their comprehensions.
    fn brace_atom(&mut self) -> PResult<Expr> {
        let pos = self.pos_here();
        self.advance();
        let result = self.brace_body(pos)?;
        self.expect_op("}")?;
        Ok(result)
    }

    fn brace_body(&mut self, pos: Pos) -> PResult<Expr> {
        if self.at_op("}") {
            return Ok(mk(ExprKind::Dict(Vec::new()), pos));
        }
        // First item decides between dict and set.
        let first_key = if self.eat_op("**") {
            None
        } else {
            let e = self.star_named_expression()?;
            if !self.at_op(":") || matches!(e.kind, ExprKind::Starred(_)) {
                // A set.
                if self.at_kw("for") {
                    self.check_comprehension_elt(&e)?;
                    let generators = self.comprehension_clauses()?;
                    return Ok(mk(ExprKind::SetComp { elt: Box::new(e), generators }, pos));
                }
                let mut elts = vec![e];
                while self.eat_op(",") {
                    if self.at_op("}") {
                        break;
                    }
                    if self.at_kw("for") {
                        return Err(self.error_at(elts[0].pos, "did you forget parentheses around the comprehension target?"));
                    }
                    elts.push(self.star_named_expression()?);
                }
                self.check_unparenthesized_comprehension_target(&elts)?;
                return Ok(mk(ExprKind::Set(elts), pos));
            }
            Some(e)
        };
        let mut items = Vec::new();
        match first_key {
            None => {
                let star = self.prev();
                let v = self.bitwise_or()?;
                if self.at_kw("for") {
                    return Err(self.error("dict unpacking cannot be used in dict comprehension", star.line, star.col));
                }
                items.push((None, v))
            }
            Some(k) => {
                let v = self.dict_value()?;
                if self.at_kw("for") {
                    let generators = self.comprehension_clauses()?;
                    return Ok(mk(ExprKind::DictComp { key: Box::new(k), value: Box::new(v), generators }, pos));
                }
                items.push((Some(k), v));
            }
        }
        while self.eat_op(",") {
            if self.at_op("}") {
                break;
            }
            if self.eat_op("**") {
                items.push((None, self.bitwise_or()?));
            } else {
                let k = self.expression()?;
                if !self.at_op(":") {
                    // CPython's `invalid_kvpair`: the caret goes under the key's last character.
                    let end = self.prev();
                    return Err(self.error("':' expected after dictionary key", end.end_line, end.end_col - 1));
                }
                let v = self.dict_value()?;
                items.push((Some(k), v));
            }
        }
        Ok(mk(ExprKind::Dict(items), pos))
    }

    /// After `key`: `: value`, with CPython's messages for a missing or starred value.
    fn dict_value(&mut self) -> PResult<Expr> {
        let colon = self.advance();
        if self.at_op("}") || self.at_op(",") {
            return Err(self.error("expression expected after dictionary key and ':'", colon.line, colon.col));
        }
        if self.at_op("*") {
            let star = self.peek();
            return Err(self.error("cannot use a starred expression in a dictionary value", star.line, star.col));
        }
        self.expression()
    }

    /// `[*a for ...]`: CPython's `invalid_comprehension`.
    fn check_comprehension_elt(&self, elt: &Expr) -> PResult<()> {
        if matches!(elt.kind, ExprKind::Starred(_)) {
            return Err(self.error_at(elt.pos, "iterable unpacking cannot be used in comprehension"));
        }
        Ok(())
    }

    /// `[a, b for x in y]`: the target of a comprehension must be parenthesized.
    fn check_unparenthesized_comprehension_target(&mut self, elts: &[Expr]) -> PResult<()> {
        if elts.len() > 1 && self.at_kw("for") {
            return Err(self.error_at(elts[0].pos, "did you forget parentheses around the comprehension target?"));
        }
        Ok(())
    }

    /// `for target in iter [if cond]...` clauses, one or more.
    pub(super) fn comprehension_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut gens = Vec::new();
        while self.at_kw("for") || self.at_kw("async") && self.peek_nth(1).tok.is_kw("for") {
            if self.at_kw("async") {
                let pos = self.pos_here();
                self.unsupported("'async for'", pos);
                self.advance();
            }
            self.advance();
            let target = self.for_target()?;
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat_kw("if") {
                ifs.push(self.disjunction()?);
            }
            gens.push(Comprehension { target, iter, ifs });
        }
        Ok(gens)
    }

    pub(super) fn yield_expr(&mut self) -> PResult<Expr> {
        let pos = self.pos_here();
        self.advance();
        self.unsupported("the 'yield' expression", pos);
        if self.eat_kw("from") {
            return self.expression();
        }
        if self.starts_star_expr() {
            return self.star_expressions();
        }
        Ok(mk(ExprKind::Constant(Constant::None), pos))
    }

    /// `lambda params: body`; directly nested lambdas are collected, not recursed into.
    fn lambda(&mut self) -> PResult<Expr> {
        let mut heads = Vec::new();
        while self.at_kw("lambda") {
            let pos = self.pos_here();
            self.advance();
            let params = self.params(":", false)?;
            self.expect_op(":")?;
            heads.push((pos, params));
            self.check_chain(heads.len(), heads[0].0)?;
        }
        let mut e = self.expression()?;
        while let Some((pos, params)) = heads.pop() {
            e = mk(ExprKind::Lambda { params: Box::new(params), body: Box::new(e) }, pos);
        }
        Ok(e)
    }

    /// Remember a parameter name; a repeat is CPython's symtable error, reported only if the
    /// whole file parses.
    fn note_param(&mut self, name: &str) {
        let t = self.prev();
        let pos = Pos { line: t.line, col: t.col };
        if self.param_names.iter().any(|n| n == name) {
            if self.deferred.is_none() {
                let msg = format!("duplicate argument '{}' in function definition", name);
                self.deferred = Some(self.error_at(pos, msg));
            }
        } else {
            self.param_names.push(name.to_string());
        }
    }

    /// `def f((a, b)):` — Python 2's tuple parameters.
    fn check_parenthesized_params(&mut self, def: bool) -> PResult<()> {
        let open = self.peek();
        let matched = self.speculate(|p| {
            p.advance();
            if !matches!(p.tok(), Tok::Name(_)) {
                return false;
            }
            while matches!(p.tok(), Tok::Name(_)) {
                p.advance();
                if def && p.eat_op(":") && p.expression().is_err() {
                    return false;
                }
                if !p.eat_op(",") {
                    break;
                }
            }
            p.at_op(")")
        });
        if matched {
            let what = if def { "Function" } else { "Lambda expression" };
            return Err(self.error(format!("{} parameters cannot be parenthesized", what), open.line, open.col));
        }
        Ok(())
    }

    /// A parameter list up to (not including) `close`: `)` for def, `:` for lambda.
    pub(super) fn params(&mut self, close: &str, annotations: bool) -> PResult<Params> {
        self.param_names.clear();
        let mut params = Params::default();
        let mut seen_default = false;
        let mut star_seen = false;
        let mut star_pos: Option<Pos> = None;
        while !self.at_op(close) {
            let pos = self.pos_here();
            if self.eat_op("**") {
                let name = self.name()?;
                self.note_param(&name);
                if annotations && self.eat_op(":") {
                    self.expression()?;
                }
                if self.at_op("=") {
                    let t = self.peek();
                    return Err(self.error("var-keyword argument cannot have default value", t.line, t.col));
                }
                params.kwarg = Some(name);
                if self.eat_op(",") {
                    let t = self.peek();
                    if matches!(t.tok, Tok::Name(_) | Tok::Op("*" | "**" | "/")) {
                        return Err(self.error("arguments cannot follow var-keyword argument", t.line, t.col));
                    }
                }
                break;
            }
            if self.eat_op("*") {
                if star_seen {
                    if self.speculate(|p| matches!(p.tok(), Tok::Name(_)) || p.at_op(",")) {
                        return Err(self.error_at(pos, "* argument may appear only once"));
                    }
                    return self.invalid();
                }
                star_seen = true;
                star_pos = Some(pos);
                if self.at_op(",") || self.at_op(close) {
                    // Bare `*`: keyword-only parameters must follow.
                } else {
                    let name = self.name()?;
                    self.note_param(&name);
                    if annotations && self.eat_op(":") {
                        self.eat_op("*"); // `*args: *Ts` (PEP 646)
                        self.expression()?;
                    }
                    if self.at_op("=") {
                        let t = self.peek();
                        return Err(self.error("var-positional argument cannot have default value", t.line, t.col));
                    }
                    params.vararg = Some(name);
                    star_pos = None;
                }
            } else if self.eat_op("/") {
                // Positional-only marker: threadlab treats those parameters as ordinary ones.
                if star_seen || params.args.is_empty() {
                    return self.invalid();
                }
            } else {
                if self.at_op("(") && !seen_default && !star_seen {
                    self.check_parenthesized_params(annotations)?;
                }
                let name = self.name()?;
                self.note_param(&name);
                if annotations && self.eat_op(":") {
                    self.expression()?;
                }
                let default = if self.eat_op("=") {
                    if self.at_op(")") || self.at_op(",") {
                        let eq = self.prev();
                        return Err(self.error("expected default value expression", eq.line, eq.col));
                    }
                    Some(self.expression()?)
                } else {
                    None
                };
                if star_seen {
                    params.kwonly.push(Param { name, default, pos });
                } else {
                    if default.is_some() {
                        seen_default = true;
                    } else if seen_default {
                        return Err(self.error_at(pos, "non-default argument follows default argument"));
                    }
                    params.args.push(Param { name, default, pos });
                }
            }
            if !self.eat_op(",") {
                break;
            }
        }
        if let Some(p) = star_pos {
            if params.kwonly.is_empty() {
                return Err(self.error_at(p, "named arguments must follow bare *"));
            }
        }
        Ok(params)
    }
}
