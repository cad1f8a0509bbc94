//! Assignment, `for`, `with` and `del` targets, and CPython's messages for invalid ones.

use super::expr::{expr_name, starts_expr};
use super::{mk, PResult, Parser};
use crate::lang::ast::{CmpOp, Expr, ExprKind};

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Targets {
    /// `=` assignments and `with ... as`.
    Star,
    /// `for` loops and comprehensions.
    For,
    Del,
}

/// CPython's `_PyPegen_get_invalid_target`: the first sub-expression that can't be assigned to.
pub(super) fn invalid_target(e: &Expr, kind: Targets) -> Option<&Expr> {
    match &e.kind {
        ExprKind::List(elts) | ExprKind::Tuple(elts) => {
            elts.iter().find_map(|x| invalid_target(x, kind))
        }
        ExprKind::Starred(inner) => {
            if kind == Targets::Del {
                Some(e)
            } else {
                invalid_target(inner, kind)
            }
        }
        ExprKind::Compare { left, ops, .. } => {
            // `for a in b` reaches here as a comparison when the target is re-parsed as an expression.
            if kind == Targets::For {
                if ops[0] == CmpOp::In {
                    return invalid_target(left, kind);
                }
                return None;
            }
            Some(e)
        }
        ExprKind::Name(_) | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

impl<'a> Parser<'a> {
    /// `a, b` rather than `(a, b)`: `e`, parsed from tokens `start..end`, is a tuple that is
    /// not one parenthesized group.
    pub(super) fn is_bare_tuple(&self, e: &Expr, start: usize, end: usize) -> bool {
        if !matches!(e.kind, ExprKind::Tuple(_)) {
            return false;
        }
        if !self.toks[start].tok.is_op("(") {
            return true;
        }
        let level = self.toks[start].level;
        let close = (start + 1..end).find(|&j| self.toks[j].level < level);
        close != Some(end - 1)
    }

    /// "cannot assign to X" / "cannot delete X" for the first invalid part of `e`.
    pub(super) fn check_target(&self, e: &Expr, kind: Targets) -> PResult<()> {
        match invalid_target(e, kind) {
            None => Ok(()),
            Some(bad) => {
                let verb = if kind == Targets::Del {
                    "delete"
                } else {
                    "assign to"
                };
                Err(self.error_at(bad.pos, format!("cannot {} {}", verb, expr_name(bad))))
            }
        }
    }

    /// `for` targets: `x`, `i, x`, `(a, b), *rest` — stops before `in`.
    pub(super) fn target_list(&mut self, kind: Targets) -> PResult<Expr> {
        let pos = self.pos_here();
        let first = self.target_item()?;
        let result = if self.at_op(",") {
            let mut elts = vec![first];
            while self.eat_op(",") {
                if !(starts_expr(self.tok()) || self.at_op("*")) {
                    break;
                }
                elts.push(self.target_item()?);
            }
            mk(ExprKind::Tuple(elts), pos)
        } else {
            first
        };
        self.check_target(&result, kind)?;
        Ok(result)
    }

    /// The target after `for` up to and including `in`. On failure, CPython re-reads the
    /// target as `star_expressions` with diagnostics on (`invalid_for_target`).
    pub(super) fn for_target(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let result = self.target_list(Targets::For).and_then(|t| {
            if self.eat_kw("in") {
                Ok(t)
            } else {
                self.invalid()
            }
        });
        match result {
            Err(e) if !super::expr::is_specific(&e) => {
                let retry = self.speculate(|p| {
                    p.pos = start;
                    p.star_expressions()
                        .and_then(|t| p.check_target(&t, Targets::For))
                });
                match retry {
                    Err(e2) if super::expr::is_specific(&e2) => Err(e2),
                    _ => Err(e),
                }
            }
            other => other,
        }
    }

    fn target_item(&mut self) -> PResult<Expr> {
        let pos = self.pos_here();
        let starred = self.eat_op("*");
        let e = self.bitwise_or()?;
        // Anything else can't begin a target: stop here, as CPython's `star_targets` does.
        if !matches!(
            e.kind,
            ExprKind::Name(_)
                | ExprKind::Attribute { .. }
                | ExprKind::Subscript { .. }
                | ExprKind::List(_)
                | ExprKind::Tuple(_)
        ) {
            return self.invalid();
        }
        if starred {
            return Ok(mk(ExprKind::Starred(Box::new(e)), pos));
        }
        Ok(e)
    }

    /// An invalid first target `t0 = ...`: CPython first parses it as list elements
    /// (`star_named_expression`), so `elem = rhs` gets a "Maybe you meant '=='" message.
    /// `start` is t0's first token, `eq` its `=`.
    pub(super) fn check_first_target(&mut self, t0: &Expr, start: usize, eq: usize) -> PResult<()> {
        let (elem, elem_start) = match &t0.kind {
            ExprKind::Tuple(elts) if elts.len() > 1 && self.is_bare_tuple(t0, start, eq) => {
                let last = elts.last().unwrap();
                let idx = (start..eq).find(|&j| {
                    let t = &self.toks[j];
                    t.line == last.pos.line && t.col == last.pos.col
                });
                (last, idx)
            }
            _ => (t0, Some(start)),
        };
        match elem_start {
            Some(es) if !matches!(elem.kind, ExprKind::Starred(_)) => {
                self.check_here_assign(elem, es, eq)
            }
            _ => Ok(()),
        }
    }

    /// `elem = rhs` where rhs is a `bitwise_or` not followed by `=`: CPython's
    /// `invalid_named_expression` messages.
    pub(super) fn check_here_assign(
        &mut self,
        elem: &Expr,
        start: usize,
        eq: usize,
    ) -> PResult<()> {
        let name = matches!(elem.kind, ExprKind::Name(_)) && eq == start + 1;
        // Alternative 3's lookaheads run before its value is read.
        if !name {
            let saved = self.pos;
            self.pos = eq;
            let excluded = self.is_excluded_assign_target(start);
            self.pos = saved;
            if excluded || !self.is_bitwise_or_span(start, eq) {
                return Ok(());
            }
        }
        let rhs = self.speculate(|p| {
            p.pos = eq + 1;
            p.bitwise_or().map(|_| !p.at_op("=") && !p.at_op(":="))
        });
        match rhs {
            // A diagnostic inside the value wins (CPython parses it with its checks on).
            Err(e) if super::expr::is_specific(&e) => Err(e),
            Ok(true) if name => Err(self.error_at(
                elem.pos,
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            )),
            Ok(true) => Err(self.error_at(
                elem.pos,
                format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    expr_name(elem)
                ),
            )),
            _ => Ok(()),
        }
    }
}
