//! The parser: tokens to `ast::Module`, by recursive descent.
//!
//! Error reporting imitates CPython 3.11's PEG parser: a generic "invalid syntax" points at the
//! furthest token the parser looked at, and the specific messages CPython's `invalid_*` grammar
//! rules produce are checked at the point where parsing fails. Constructs outside threadlab's
//! subset are parsed anyway and reported as NotImplementedError only if the whole file is valid
//! Python, so a learner always sees CPython's SyntaxError first.

mod atom;
mod bytes_lit;
mod depth;
mod diagnose;
mod expr;
mod fstring;
mod params;
mod stmt;
mod target;

use super::ast::{Expr, ExprKind, Module, Pos};
use super::error::CompileError;
use super::lexer::{tokenize, Lexed};
use super::token::{Tok, Token};

pub type PResult<T> = Result<T, CompileError>;

/// Nesting limit for recursive constructs, so deep input can't overflow the stack.
const MAX_DEPTH: u32 = 300;

/// Parse a whole module. Needs about 0.6 MiB of stack (optimized build; 2 MiB unoptimized)
/// for the deepest input accepted: 200 nested brackets.
pub fn parse(source: &str) -> Result<Module, CompileError> {
    let Lexed { tokens, fail } = tokenize(source);
    let mut p = Parser::new(&tokens);
    match p.module() {
        Ok(m) => {
            if let Some(e) = p.deferred {
                return Err(e);
            }
            if let Some(pos) = depth::too_deep(&m) {
                return Err(too_deep_error(pos));
            }
            Ok(m)
        }
        Err(e) => {
            let Some(fail) = fail else { return Err(e) };
            // CPython reports an unexpected indent or unindent without reading further.
            let misplaced_block = e.msg == "unexpected indent" || e.msg == "unexpected unindent";
            // The tokenizer's error surfaces as soon as any token fetch reaches it.
            if matches!(tokens[p.seen_max].tok, Tok::Error) {
                return Err(fail.err);
            }
            if misplaced_block {
                return Err(e);
            }
            Err(fail.overrides(tokens[p.seen_max].line).unwrap_or(e))
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    Module,
    Function,
    Class,
}

pub(crate) struct Parser<'a> {
    toks: &'a [Token],
    pos: usize,
    /// Furthest token index looked at: where CPython reports a generic syntax error.
    furthest: usize,
    /// Furthest token index ever looked at, speculation included (CPython's token buffer fill).
    seen_max: usize,
    depth: u32,
    /// First NotImplementedError (or other error CPython raises only after parsing succeeds).
    deferred: Option<CompileError>,
    scopes: Vec<Scope>,
    /// PEG emulation for CPython's `expression_without_invalid`: failed operators and trailers
    /// backtrack instead of erroring, and no diagnostics run.
    lenient: bool,
    /// How often lenient mode backtracked (tells whether CPython's memo holds a partial parse).
    backtracks: u32,
    /// The nesting depth whose missing-comma check is silenced (a later dict key).
    quiet_depth: Option<u32>,
    /// Parameter names of the list being parsed (duplicate detection).
    param_names: Vec<String>,
}

impl<'a> Parser<'a> {
    fn new(toks: &'a [Token]) -> Parser<'a> {
        Parser {
            toks,
            pos: 0,
            furthest: 0,
            seen_max: 0,
            depth: 0,
            deferred: None,
            scopes: vec![Scope::Module],
            lenient: false,
            backtracks: 0,
            quiet_depth: None,
            param_names: Vec::new(),
        }
    }

    // ---- token cursor ----

    fn peek(&mut self) -> &'a Token {
        if self.pos > self.furthest {
            self.furthest = self.pos;
            self.seen_max = self.seen_max.max(self.pos);
        }
        &self.toks[self.pos]
    }
    fn tok(&mut self) -> &'a Tok {
        &self.peek().tok
    }
    /// The token `k` ahead of the current one (clamped to the last token).
    fn peek_nth(&mut self, k: usize) -> &'a Token {
        let i = (self.pos + k).min(self.toks.len() - 1);
        // Stop at the end marker or error token: nothing lies past them.
        let i = (self.pos..=i)
            .find(|&j| matches!(self.toks[j].tok, Tok::EndMarker | Tok::Error))
            .unwrap_or(i);
        if i > self.furthest {
            self.furthest = i;
            self.seen_max = self.seen_max.max(i);
        }
        &self.toks[i]
    }
    fn advance(&mut self) -> &'a Token {
        let t = self.peek();
        if !matches!(t.tok, Tok::EndMarker | Tok::Error) {
            self.pos += 1;
        }
        t
    }
    fn at_op(&mut self, op: &str) -> bool {
        self.tok().is_op(op)
    }
    fn at_kw(&mut self, kw: &str) -> bool {
        self.tok().is_kw(kw)
    }
    fn eat_op(&mut self, op: &str) -> bool {
        let hit = self.at_op(op);
        if hit {
            self.pos += 1;
        }
        hit
    }
    fn eat_kw(&mut self, kw: &str) -> bool {
        let hit = self.at_kw(kw);
        if hit {
            self.pos += 1;
        }
        hit
    }
    fn expect_op(&mut self, op: &str) -> PResult<&'a Token> {
        if self.at_op(op) {
            Ok(self.advance())
        } else {
            self.invalid()
        }
    }
    /// CPython's `&&'x'` forced token: "expected 'x'" right at the current token.
    fn expect_forced(&mut self, op: &str) -> PResult<&'a Token> {
        if self.at_op(op) {
            Ok(self.advance())
        } else {
            let t = self.peek();
            Err(self.error(format!("expected '{}'", op), t.line, known_col(t)))
        }
    }
    fn name(&mut self) -> PResult<String> {
        match self.tok() {
            Tok::Name(n) => {
                self.pos += 1;
                Ok(n.clone())
            }
            _ => self.invalid(),
        }
    }
    fn pos_here(&mut self) -> Pos {
        let t = self.peek();
        Pos {
            line: t.line,
            col: t.col,
        }
    }
    fn token_pos(&self, index: usize) -> Pos {
        let t = &self.toks[index];
        Pos {
            line: t.line,
            col: t.col,
        }
    }
    /// The token just consumed.
    fn prev(&self) -> &'a Token {
        &self.toks[self.pos.saturating_sub(1)]
    }

    // ---- errors ----

    fn error(&self, msg: impl Into<String>, line: u32, col: u32) -> CompileError {
        CompileError::syntax(msg, line, col)
    }
    fn error_at(&self, pos: Pos, msg: impl Into<String>) -> CompileError {
        self.error(msg, pos.line, pos.col)
    }
    /// A SyntaxError located at the last token read, lookahead included (CPython's
    /// `RAISE_SYNTAX_ERROR`, which uses the token buffer's fill).
    fn error_last(&self, msg: impl Into<String>) -> CompileError {
        let t = &self.toks[self.seen_max];
        self.error(msg, t.line, t.err_col)
    }
    fn indentation_error_last(&self, msg: impl Into<String>) -> CompileError {
        let t = &self.toks[self.seen_max];
        CompileError::new("IndentationError", msg, t.line, t.err_col)
    }
    /// The generic error: "invalid syntax" at the furthest token, or an indentation error
    /// when that token is an unexpected INDENT/DEDENT.
    fn invalid<T>(&self) -> PResult<T> {
        let t = &self.toks[self.furthest];
        Err(match t.tok {
            Tok::Indent => {
                CompileError::new("IndentationError", "unexpected indent", t.line, t.err_col)
            }
            Tok::Dedent => {
                CompileError::new("IndentationError", "unexpected unindent", t.line, t.err_col)
            }
            _ => self.error("invalid syntax", t.line, known_col(t)),
        })
    }
    /// Record a construct outside the subset; reported only if the whole file parses.
    fn unsupported(&mut self, what: &str, pos: Pos) {
        if self.deferred.is_none() {
            self.deferred = Some(CompileError::not_implemented(what, pos.line, pos.col));
        }
    }

    /// Refuse an operator chain (`a+a+...`, `x.a.a...`) that would build a tree deeper than
    /// later passes can walk.
    fn check_chain(&self, len: usize, pos: Pos) -> PResult<()> {
        if len > depth::MAX_CHAIN {
            return Err(too_deep_error(pos));
        }
        Ok(())
    }

    /// Run a recursive construct one nesting level deeper, refusing input nested so deeply
    /// that it could overflow the stack.
    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error_last("too many nested parentheses"));
        }
        self.depth += 1;
        let r = f(self);
        self.depth -= 1;
        r
    }
}

fn too_deep_error(pos: Pos) -> CompileError {
    let what = format!(
        "nesting expressions more than {} levels deep",
        depth::MAX_CHAIN
    );
    CompileError::not_implemented(what, pos.line, pos.col)
}

/// The column CPython reports for an error "at" a token: INDENT, DEDENT and ENDMARKER have
/// no column (-1), which CPython shows as offset 0.
fn known_col(t: &Token) -> u32 {
    match t.tok {
        Tok::Indent | Tok::Dedent | Tok::EndMarker => 0,
        _ => t.col,
    }
}

fn mk(kind: ExprKind, pos: Pos) -> Expr {
    Expr { kind, pos }
}
