//! Parameter lists (of `def` and `lambda`) and lambdas.

use super::{mk, PResult, Parser};
use crate::lang::ast::{Expr, ExprKind, Param, Params, Pos};
use crate::lang::token::Tok;

impl<'a> Parser<'a> {
    /// `lambda params: body`; directly nested lambdas are collected, not recursed into.
    pub(super) fn lambda(&mut self) -> PResult<Expr> {
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
            e = mk(
                ExprKind::Lambda {
                    params: Box::new(params),
                    body: Box::new(e),
                },
                pos,
            );
        }
        Ok(e)
    }

    /// Remember a parameter name; a repeat is CPython's symtable error, reported only if the
    /// whole file parses.
    pub(super) fn note_param(&mut self, name: &str) {
        let t = self.prev();
        let pos = Pos {
            line: t.line,
            col: t.col,
        };
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
    pub(super) fn check_parenthesized_params(&mut self, def: bool) -> PResult<()> {
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
            return Err(self.error(
                format!("{} parameters cannot be parenthesized", what),
                open.line,
                open.col,
            ));
        }
        Ok(())
    }

    /// A parameter list up to (not including) `close`: `)` for def, `:` for lambda.
    pub(super) fn params(&mut self, close: &str, annotations: bool) -> PResult<Params> {
        // A lambda in a default value has its own list: keep the outer one aside.
        let outer = std::mem::take(&mut self.param_names);
        let r = self.param_list(close, annotations);
        self.param_names = outer;
        r
    }

    fn param_list(&mut self, close: &str, annotations: bool) -> PResult<Params> {
        let mut params = Params::default();
        let mut seen_default = false;
        let mut star_seen = false;
        let mut star_pos: Option<Pos> = None;
        // Annotations by kind, joined at the end in CPython's order.
        let (mut positional, mut posonly, mut rest) = (Vec::new(), Vec::new(), Vec::new());
        while !self.at_op(close) {
            let pos = self.pos_here();
            if self.eat_op("**") {
                let name = self.name()?;
                self.note_param(&name);
                if annotations && self.eat_op(":") {
                    rest.push((name.clone(), self.expression()?));
                }
                if self.at_op("=") {
                    let t = self.peek();
                    return Err(self.error(
                        "var-keyword argument cannot have default value",
                        t.line,
                        t.col,
                    ));
                }
                params.kwarg = Some(name);
                if self.eat_op(",") {
                    let t = self.peek();
                    if matches!(t.tok, Tok::Name(_) | Tok::Op("*" | "**" | "/")) {
                        return Err(self.error(
                            "arguments cannot follow var-keyword argument",
                            t.line,
                            t.col,
                        ));
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
                        rest.push((name.clone(), self.expression()?));
                    }
                    if self.at_op("=") {
                        let t = self.peek();
                        return Err(self.error(
                            "var-positional argument cannot have default value",
                            t.line,
                            t.col,
                        ));
                    }
                    params.vararg = Some(name);
                    star_pos = None;
                }
            } else if self.eat_op("/") {
                // Positional-only marker: threadlab treats those parameters as ordinary ones.
                if star_seen || params.args.is_empty() {
                    return self.invalid();
                }
                posonly.append(&mut positional);
            } else {
                if self.at_op("(") && !seen_default && !star_seen {
                    self.check_parenthesized_params(annotations)?;
                }
                let name = self.name()?;
                self.note_param(&name);
                if annotations && self.eat_op(":") {
                    let a = self.expression()?;
                    if star_seen { rest.push((name.clone(), a)) } else { positional.push((name.clone(), a)) }
                }
                let default = if self.eat_op("=") {
                    if self.at_op(")") || self.at_op(",") {
                        let eq = self.prev();
                        return Err(self.error(
                            "expected default value expression",
                            eq.line,
                            eq.col,
                        ));
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
                        return Err(
                            self.error_at(pos, "non-default argument follows default argument")
                        );
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
        positional.append(&mut posonly);
        positional.append(&mut rest);
        params.annotations = positional;
        Ok(params)
    }
}
