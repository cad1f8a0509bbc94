//! Atoms and displays: names, literals, `(...)`, `[...]`, `{...}`, comprehensions,
//! subscripts and call arguments.

use super::expr::{is_specific, starts_expr};
use super::{mk, PResult, Parser};
use crate::lang::ast::{Comprehension, Constant, Expr, ExprKind, Keyword, Pos};
use crate::lang::token::{Number, Tok};

impl<'a> Parser<'a> {
    pub(super) fn slices(&mut self) -> PResult<Expr> {
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

    pub(super) fn slice(&mut self) -> PResult<Expr> {
        let pos = self.pos_here();
        if self.at_op("*") {
            return self.star_named_expression();
        }
        let lower = if self.at_op(":") {
            None
        } else {
            Some(self.named_expression()?)
        };
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
        Ok(mk(
            ExprKind::Slice {
                lower: lower.map(Box::new),
                upper,
                step,
            },
            pos,
        ))
    }

    /// `( args )` of a call: positional, `*args`, `key=value`, `**kw`, or one bare generator.
    pub(super) fn call_arguments(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        self.arguments(true)
    }

    /// `( args )`; a class's bases (`genexp == false`) can't be a bare generator expression.
    pub(super) fn arguments(&mut self, genexp: bool) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let open = self.advance();
        let open_pos = Pos {
            line: open.line,
            col: open.col,
        };
        let mut args = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut seen_kw = false;
        let mut seen_double_star = false;
        // Only `*a` / `k=v` / `**m` so far: CPython's `kwargs` form of the argument list.
        let mut only_kwargs_form = true;
        while !self.at_op(")") {
            let pos = self.pos_here();
            if self.eat_op("*") {
                let unpacking_msg =
                    "iterable argument unpacking follows keyword argument unpacking";
                if seen_double_star {
                    return Err(self.error_at(pos, unpacking_msg));
                }
                let value = match self.expression() {
                    // CPython's `invalid_arguments: args ',' '*'`, reached for a broken
                    // `*` after arguments in the kwargs form (its message fits only one case).
                    Err(e)
                        if !is_specific(&e)
                            && only_kwargs_form
                            && (!args.is_empty() || seen_kw) =>
                    {
                        return Err(self.error_at(pos, unpacking_msg))
                    }
                    value => value?,
                };
                if genexp && self.at_comp_for() {
                    // `f(*a for a in b)`, or a second positional argument before `for`.
                    if args.is_empty() && keywords.is_empty() {
                        let msg = "iterable unpacking cannot be used in comprehension";
                        return Err(self.error_at(pos, msg));
                    }
                    if !args.is_empty() {
                        return Err(
                            self.error_at(pos, "Generator expression must be parenthesized")
                        );
                    }
                }
                args.push(mk(ExprKind::Starred(Box::new(value)), pos));
            } else if self.eat_op("**") {
                let value = self.expression()?;
                keywords.push(Keyword { name: None, value });
                seen_double_star = true;
            } else if matches!(self.tok(), Tok::Name(_)) && self.peek_nth(1).tok.is_op("=") {
                let name = self.name()?;
                self.advance();
                let value = self.expression()?;
                if self.at_comp_for() {
                    return Err(self.error_at(
                        pos,
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    ));
                }
                keywords.push(Keyword {
                    name: Some(name),
                    value,
                });
                seen_kw = true;
            } else if matches!(self.tok(), Tok::Kw("True" | "False" | "None"))
                && self.peek_nth(1).tok.is_op("=")
            {
                let Tok::Kw(k) = self.tok() else {
                    unreachable!()
                };
                return Err(self.error_at(pos, format!("cannot assign to {}", k)));
            } else {
                let value = self.named_expression_checked(false)?;
                if genexp && self.at_comp_for() {
                    let generators = self.comprehension_clauses()?;
                    let others = !args.is_empty() || !keywords.is_empty();
                    if others || self.at_op(",") {
                        return Err(
                            self.error_at(value.pos, "Generator expression must be parenthesized")
                        );
                    }
                    if !self.at_op(")") {
                        return self.invalid();
                    }
                    let gen = ExprKind::GeneratorExp {
                        elt: Box::new(value),
                        generators,
                    };
                    args.push(mk(gen, open_pos));
                    continue;
                }
                if self.at_op("=") {
                    return Err(self.error_at(
                        value.pos,
                        "expression cannot contain assignment, perhaps you meant \"==\"?",
                    ));
                }
                only_kwargs_form = false;
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
    pub(super) fn skip_arguments(&mut self) {
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

    pub(super) fn atom(&mut self) -> PResult<Expr> {
        let t = self.peek();
        let pos = Pos {
            line: t.line,
            col: t.col,
        };
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
    /// The first element of `(...)`, `[...]` or `{...}`. After `*x` CPython's second pass
    /// re-reads it as `*expression` (`invalid_comprehension`), whose diagnostics see `*a b`.
    pub(super) fn first_display_element(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let e = self.star_named_expression()?;
        if let ExprKind::Starred(inner) = &e.kind {
            if starts_expr(self.tok()) && !self.lenient {
                self.check_juxtaposed(start + 1, inner)?;
            }
        }
        Ok(e)
    }

    #[inline(never)]
    pub(super) fn paren_atom(&mut self) -> PResult<Expr> {
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
        if self.at_op("**") || self.at_op("*") {
            // CPython's `invalid_group`: `(*x)`, `(**x)`.
            let star = self.peek();
            let grouped = self.speculate(|p| {
                p.advance();
                p.expression().is_ok() && p.at_op(")")
            });
            if grouped {
                let msg = if star.tok.is_op("*") {
                    "cannot use starred expression here"
                } else {
                    "cannot use double starred expression here"
                };
                return Err(self.error(msg, star.line, star.col));
            }
        }
        let first = self.first_display_element()?;
        let result = if self.at_comp_for() {
            self.check_comprehension_elt(&first)?;
            let generators = self.comprehension_clauses()?;
            mk(
                ExprKind::GeneratorExp {
                    elt: Box::new(first),
                    generators,
                },
                pos,
            )
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
            first
        };
        self.expect_op(")")?;
        Ok(result)
    }

    #[inline(never)]
    pub(super) fn list_atom(&mut self) -> PResult<Expr> {
        let pos = self.pos_here();
        self.advance();
        let mut elts = Vec::new();
        if !self.at_op("]") {
            let first = self.first_display_element()?;
            if self.at_comp_for() {
                self.check_comprehension_elt(&first)?;
                let generators = self.comprehension_clauses()?;
                self.expect_op("]")?;
                return Ok(mk(
                    ExprKind::ListComp {
                        elt: Box::new(first),
                        generators,
                    },
                    pos,
                ));
            }
            elts.push(first);
            while self.eat_op(",") {
                if self.at_op("]") {
                    break;
                }
                if self.at_comp_for() {
                    return Err(self.error_at(
                        elts[0].pos,
                        "did you forget parentheses around the comprehension target?",
                    ));
                }
                elts.push(self.star_named_expression()?);
            }
            self.check_unparenthesized_comprehension_target(&elts)?;
        }
        self.expect_op("]")?;
        Ok(mk(ExprKind::List(elts), pos))
    }

    /// `{...}`: dict, set, or their comprehensions.
    #[inline(never)]
    pub(super) fn brace_atom(&mut self) -> PResult<Expr> {
        let pos = self.pos_here();
        self.advance();
        let result = self.brace_body(pos)?;
        self.expect_op("}")?;
        Ok(result)
    }

    pub(super) fn brace_body(&mut self, pos: Pos) -> PResult<Expr> {
        if self.at_op("}") {
            return Ok(mk(ExprKind::Dict(Vec::new()), pos));
        }
        // First item decides between dict and set.
        let first_key = if self.eat_op("**") {
            None
        } else {
            let e = self.first_display_element()?;
            if !self.at_op(":") || matches!(e.kind, ExprKind::Starred(_)) {
                // A set.
                if self.at_comp_for() {
                    self.check_comprehension_elt(&e)?;
                    let generators = self.comprehension_clauses()?;
                    return Ok(mk(
                        ExprKind::SetComp {
                            elt: Box::new(e),
                            generators,
                        },
                        pos,
                    ));
                }
                let mut elts = vec![e];
                while self.eat_op(",") {
                    if self.at_op("}") {
                        break;
                    }
                    if self.at_comp_for() {
                        return Err(self.error_at(
                            elts[0].pos,
                            "did you forget parentheses around the comprehension target?",
                        ));
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
                if self.at_comp_for() {
                    return Err(self.error(
                        "dict unpacking cannot be used in dict comprehension",
                        star.line,
                        star.col,
                    ));
                }
                items.push((None, v))
            }
            Some(k) => {
                let v = self.dict_value()?;
                if self.at_comp_for() {
                    let generators = self.comprehension_clauses()?;
                    return Ok(mk(
                        ExprKind::DictComp {
                            key: Box::new(k),
                            value: Box::new(v),
                            generators,
                        },
                        pos,
                    ));
                }
                items.push((Some(k), v));
            }
        }
        while self.eat_op(",") {
            if self.at_op("}") {
                break;
            }
            // CPython diagnoses `a b:` in a key after the first item as a missing ':' (its
            // `invalid_kvpair`), not as a missing comma: that one check is silenced.
            if self.eat_op("**") {
                items.push((None, self.bitwise_or()?));
            } else {
                let key_start = self.pos;
                let outer = self.quiet_depth.replace(self.depth + 1);
                let k = self.expression();
                self.quiet_depth = outer;
                let k = k?;
                if !self.at_op(":") {
                    // CPython's `invalid_kvpair`: the caret goes under the key's last character.
                    let end = &self.toks[self.node_end(&k, key_start, self.pos)];
                    return Err(self.error(
                        "':' expected after dictionary key",
                        end.end_line,
                        end.end_col - 1,
                    ));
                }
                let v = self.dict_value()?;
                items.push((Some(k), v));
            }
        }
        Ok(mk(ExprKind::Dict(items), pos))
    }

    /// The last token of node `e`, parsed from tokens `start..end`: grouping parentheses
    /// around it are not part of it (a tuple's or generator's own parentheses are).
    fn node_end(&self, e: &Expr, start: usize, end: usize) -> usize {
        // Does the `(` at `open` close exactly at `close`?
        let wraps = |open: usize, close: usize| {
            open < close && self.toks[open].tok.is_op("(") && {
                let level = self.toks[open].level;
                (open + 1..=close).find(|&j| self.toks[j].level < level) == Some(close)
            }
        };
        let own_parens = matches!(e.kind, ExprKind::Tuple(_) | ExprKind::GeneratorExp { .. });
        let (mut s, mut last) = (start, end - 1);
        while wraps(s, last) && !(own_parens && !wraps(s + 1, last - 1)) {
            s += 1;
            last -= 1;
        }
        last
    }

    /// After `key`: `: value`, with CPython's messages for a missing or starred value.
    pub(super) fn dict_value(&mut self) -> PResult<Expr> {
        let colon = self.advance();
        if self.at_op("}") || self.at_op(",") {
            return Err(self.error(
                "expression expected after dictionary key and ':'",
                colon.line,
                colon.col,
            ));
        }
        if self.at_op("*") {
            let star = self.peek();
            return Err(self.error(
                "cannot use a starred expression in a dictionary value",
                star.line,
                star.col,
            ));
        }
        self.expression()
    }

    /// `[*a for ...]`: CPython's `invalid_comprehension`.
    pub(super) fn check_comprehension_elt(&self, elt: &Expr) -> PResult<()> {
        if matches!(elt.kind, ExprKind::Starred(_)) {
            return Err(self.error_at(
                elt.pos,
                "iterable unpacking cannot be used in comprehension",
            ));
        }
        Ok(())
    }

    /// `[a, b for x in y]`: the target of a comprehension must be parenthesized.
    pub(super) fn check_unparenthesized_comprehension_target(
        &mut self,
        elts: &[Expr],
    ) -> PResult<()> {
        if elts.len() > 1 && self.at_comp_for() {
            return Err(self.error_at(
                elts[0].pos,
                "did you forget parentheses around the comprehension target?",
            ));
        }
        Ok(())
    }

    /// At `for` or `async for`: a comprehension clause starts here.
    pub(super) fn at_comp_for(&mut self) -> bool {
        self.at_kw("for") || self.at_kw("async") && self.peek_nth(1).tok.is_kw("for")
    }

    /// `for target in iter [if cond]...` clauses, one or more.
    pub(super) fn comprehension_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut gens = Vec::new();
        while self.at_comp_for() {
            let is_async = self.eat_kw("async");
            self.advance();
            let target = self.for_target()?;
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat_kw("if") {
                ifs.push(self.disjunction()?);
            }
            gens.push(Comprehension { target, iter, ifs, is_async });
        }
        Ok(gens)
    }

    pub(super) fn yield_expr(&mut self) -> PResult<Expr> {
        let pos = self.pos_here();
        self.advance();
        if self.eat_kw("from") {
            let e = self.expression()?;
            return Ok(mk(ExprKind::YieldFrom(Box::new(e)), pos));
        }
        if self.starts_star_expr() {
            let e = self.star_expressions()?;
            return Ok(mk(ExprKind::Yield(Some(Box::new(e))), pos));
        }
        Ok(mk(ExprKind::Yield(None), pos))
    }
}
