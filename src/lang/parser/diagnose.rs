//! Diagnostics that CPython's second, error-reporting parser pass finds with its
//! `invalid_*` rules: a missing comma, `print x`, and the speculative parses they need.

use super::expr::is_specific;
use super::{PResult, Parser};
use crate::lang::ast::{Expr, ExprKind};
use crate::lang::token::Tok;

impl<'a> Parser<'a> {
    /// Does a `bitwise_or` parse exactly tokens `start..end`? (Tells `a + b` from `a < b` or `not a`.)
    pub(super) fn is_bitwise_or_span(&mut self, start: usize, end: usize) -> bool {
        self.speculate(|p| {
            p.pos = start;
            p.bitwise_or().is_ok() && p.pos == end
        })
    }

    /// CPython's `!(list|tuple|genexp|'True'|'None'|'False')` lookahead before
    /// `invalid_named_expression`: does the expression at `start` begin with one of those?
    pub(super) fn is_excluded_assign_target(&mut self, start: usize) -> bool {
        let first = &self.toks[start].tok;
        if first.is_kw("True") || first.is_kw("None") || first.is_kw("False") {
            return true;
        }
        if !(first.is_op("[") || first.is_op("(")) {
            return false;
        }
        self.speculate(|p| {
            p.pos = start;
            matches!(
                p.atom().map(|a| a.kind),
                Ok(ExprKind::List(_) | ExprKind::Tuple(_) | ExprKind::GeneratorExp { .. })
            )
        })
    }

    /// An expression directly followed by another: a missing comma in brackets
    /// (`invalid_expression`) or Python 2's `print x` (`invalid_legacy_expression`).
    pub(super) fn check_juxtaposed(&mut self, start: usize, a: &Expr) -> PResult<()> {
        let first = &self.toks[start];
        // CPython 3.11 compares soft keywords with strncmp over the name's length, so any
        // prefix of one ("c", "ma", ...) counts as a soft keyword here.
        let soft_kw = matches!(&first.tok, Tok::Name(n) if ["_", "case", "match"].iter().any(|k| k.starts_with(n.as_str())));
        let name_string =
            matches!(first.tok, Tok::Name(_)) && matches!(self.toks[start + 1].tok, Tok::Str(_));
        let single_name = matches!(a.kind, ExprKind::Name(_)) && self.pos == start + 1;
        let legacy =
            single_name && matches!(&a.kind, ExprKind::Name(n) if n == "print" || n == "exec");
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
        if matches!(first.tok, Tok::Name(_))
            && !self.toks[start + 1].tok.is_op("(")
            && self.depth < 100
        {
            // CPython parses `NAME star_expressions` with its diagnostics on, so an error
            // nested in the rest (`_ n range(3)`) surfaces here.
            let b = self.speculate(|p| {
                p.pos = start + 1;
                p.star_expressions()
            });
            match b {
                Err(e) if is_specific(&e) && !memo_hides_errors => return Err(e),
                Ok(_) if legacy => {
                    let ExprKind::Name(n) = &a.kind else {
                        unreachable!()
                    };
                    let msg = format!(
                        "Missing parentheses in call to '{0}'. Did you mean {0}(...)?",
                        n
                    );
                    return Err(self.error_at(a.pos, msg));
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// `expression` without the diagnostics (CPython's `expression_without_invalid`).
    pub(super) fn expression_without_invalid(&mut self) -> PResult<Expr> {
        let was = std::mem::replace(&mut self.lenient, true);
        let r = self.expression_without_invalid_inner();
        self.lenient = was;
        r
    }

    pub(super) fn expression_without_invalid_inner(&mut self) -> PResult<Expr> {
        if self.at_kw("lambda") {
            return self.lambda();
        }
        let body = self.disjunction()?;
        let after_body = self.pos;
        if self.eat_kw("if") {
            // PEG ordered choice: without a complete `if ... else ...`, the disjunction alone.
            let full = self.disjunction().is_ok()
                && self.eat_kw("else")
                && self.expression_without_invalid().is_ok();
            if !full {
                self.pos = after_body;
            }
        }
        Ok(body)
    }
}
