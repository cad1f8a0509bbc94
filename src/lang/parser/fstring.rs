//! String literals: escape decoding, adjacent-literal concatenation and f-strings (3.11 rules).
//!
//! As in CPython 3.11, an f-string is split into literal text and `{...}` fields by scanning
//! the raw body, and each field's expression is parsed by a fresh parser over `(expr)`.
//! Errors about the f-string itself are reported at the token after the string literals
//! (CPython's "last token"); errors inside an expression at the position within `(expr)`.

use super::{mk, PResult, Parser};
use crate::lang::ast::{Constant, Expr, ExprKind, FStringField, FStringPart, Pos};
use crate::lang::lexer::tokenize;
use crate::lang::token::{StrLit, Tok, Token};

/// Appends literal text, merging with a preceding literal part.
fn push_literal(parts: &mut Vec<FStringPart>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(FStringPart::Literal(prev)) = parts.last_mut() {
        prev.push_str(text);
    } else {
        parts.push(FStringPart::Literal(text.to_string()));
    }
}

/// Why decoding failed: CPython's message (positions already filled in).
struct DecodeError(String);

/// Offset of each char as CPython's escape decoder counts it: non-ASCII chars were
/// rewritten as 10-byte `\U........` escapes before decoding.
fn decoder_offset(chars: &[char], upto: usize) -> usize {
    chars[..upto]
        .iter()
        .map(|c| if c.is_ascii() { 1 } else { 10 })
        .sum()
}

/// Decode backslash escapes in a non-raw string body.
fn decode_escapes(body: &str) -> Result<String, DecodeError> {
    if !body.contains('\\') {
        return Ok(body.to_string());
    }
    let chars: Vec<char> = body.chars().collect();
    let mut out = String::with_capacity(body.len());
    let mut i = 0;
    let fail = |start: usize, last: usize, what: &str| {
        let (s, e) = (decoder_offset(&chars, start), decoder_offset(&chars, last));
        DecodeError(format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {}",
            s, e, what
        ))
    };
    while i < chars.len() {
        let c = chars[i];
        if c != '\\' || i + 1 >= chars.len() {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        let e = chars[i + 1];
        i += 2;
        match e {
            '\n' => {}
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap();
                let mut n = 1;
                while n < 3 && i < chars.len() && chars[i].is_digit(8) {
                    v = v * 8 + chars[i].to_digit(8).unwrap();
                    i += 1;
                    n += 1;
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let (len, what) = match e {
                    'x' => (2, "truncated \\xXX escape"),
                    'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut v: u32 = 0;
                for k in 0..len {
                    match chars.get(i + k).and_then(|d| d.to_digit(16)) {
                        Some(d) => v = v.wrapping_mul(16).wrapping_add(d),
                        None => return Err(fail(start, i + k - 1, what)),
                    }
                }
                i += len;
                match char::from_u32(v) {
                    Some(ch) => out.push(ch),
                    None if v < 0x110000 => out.push('\u{fffd}'), // a lone surrogate
                    None => return Err(fail(start, i - 1, "illegal Unicode character")),
                }
            }
            'N' => {
                // Named escapes need the Unicode name table, which threadlab doesn't ship.
                return Err(DecodeError("\\N{...} escapes".into()));
            }
            other => {
                // Unknown escapes keep their backslash (CPython only warns).
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

impl<'a> Parser<'a> {
    /// One or more adjacent string literals, joined.
    pub(super) fn strings(&mut self) -> PResult<Expr> {
        let first = self.pos;
        let pos = self.pos_here();
        while matches!(self.tok(), Tok::Str(_)) {
            self.advance();
        }
        // CPython handles the literals after reading the following token; errors point there.
        self.peek();
        let toks: &'a [Token] = &self.toks[first..self.pos];
        if let Some(Tok::Str(lit)) = toks.first().map(|t| &t.tok) {
            if lit.bytes {
                return self.bytes_literals(toks, pos);
            }
        }
        let mut parts = Vec::new();
        let mut is_f = false;
        let mut bytes_mode = false;
        // In CPython's order: decode a literal, check it doesn't mix bytes and str with the
        // first one, then parse it if it's an f-string.
        for (i, t) in toks.iter().enumerate() {
            let Tok::Str(lit) = &t.tok else {
                unreachable!()
            };
            let decoded = if lit.fstring {
                None
            } else if lit.raw {
                Some(lit.body.clone())
            } else {
                Some(self.decode(&lit.body, pos)?)
            };
            if i == 0 {
                bytes_mode = lit.bytes;
            } else if lit.bytes != bytes_mode {
                return Err(self.error_last("cannot mix bytes and nonbytes literals"));
            }
            match decoded {
                Some(text) => push_literal(&mut parts, &text),
                None => {
                    is_f = true;
                    let chars: Vec<char> = lit.body.chars().collect();
                    let mut i = 0;
                    self.fstring_parse(lit, t, &chars, &mut i, 0, &mut parts)?;
                }
            }
        }
        if !is_f {
            let text = match parts.pop() {
                Some(FStringPart::Literal(s)) => s,
                _ => String::new(),
            };
            return Ok(mk(ExprKind::Constant(Constant::Str(text)), pos));
        }
        Ok(mk(ExprKind::FString(parts), pos))
    }

    /// Adjacent literals starting with a bytes literal: all must be bytes (CPython checks each
    /// in turn after decoding it).
    fn bytes_literals(&mut self, toks: &[Token], pos: Pos) -> PResult<Expr> {
        let mut out = Vec::new();
        for t in toks {
            let Tok::Str(lit) = &t.tok else { unreachable!() };
            if !lit.bytes {
                return Err(self.error_last("cannot mix bytes and nonbytes literals"));
            }
            match super::bytes_lit::decode_bytes(&lit.body, lit.raw) {
                Ok(b) => out.extend(b),
                Err(msg) if msg.starts_with("bytes can only") => return Err(self.error(msg, t.line, t.col)),
                Err(msg) => return Err(self.error_last(msg)),
            }
        }
        Ok(mk(ExprKind::Constant(Constant::Bytes(out)), pos))
    }

    fn decode(&mut self, body: &str, pos: Pos) -> PResult<String> {
        match decode_escapes(body) {
            Ok(s) => Ok(s),
            Err(DecodeError(msg)) if msg.starts_with("\\N") => {
                self.unsupported(&msg, pos);
                Ok(String::new())
            }
            Err(DecodeError(msg)) => Err(self.error_last(msg)),
        }
    }

    /// Parse f-string text from `chars[*i..]` into `parts`. At `level` 0 this is the whole
    /// body; at level 1 and 2 it's a format spec, which ends at an unmatched `}`.
    fn fstring_parse(
        &mut self,
        lit: &StrLit,
        tok: &Token,
        chars: &[char],
        i: &mut usize,
        level: u32,
        parts: &mut Vec<FStringPart>,
    ) -> PResult<()> {
        loop {
            // Literal text up to a `{` or `}`.
            let start = *i;
            let mut lit_end = None;
            while *i < chars.len() {
                let mut ch = chars[*i];
                *i += 1;
                if !lit.raw && ch == '\\' && *i < chars.len() {
                    ch = chars[*i];
                    *i += 1;
                    if ch == 'N' {
                        if *i < chars.len() && chars[*i] == '{' {
                            while *i < chars.len() && chars[*i] != '}' {
                                *i += 1;
                            }
                            *i = (*i + 1).min(chars.len());
                        }
                        continue;
                    }
                }
                if ch == '{' || ch == '}' {
                    if level == 0 {
                        if *i < chars.len() && chars[*i] == ch {
                            // A doubled brace: literal text including one brace.
                            lit_end = Some((*i, true));
                            break;
                        }
                        if ch == '}' {
                            return Err(self.error_last("f-string: single '}' is not allowed"));
                        }
                    }
                    *i -= 1;
                    lit_end = Some((*i, false));
                    break;
                }
            }
            let (end, doubled) = lit_end.unwrap_or((chars.len(), false));
            let text: String = chars[start..end].iter().collect();
            let text = if lit.raw {
                text
            } else {
                self.decode(
                    &text,
                    Pos {
                        line: tok.line,
                        col: tok.col,
                    },
                )?
            };
            push_literal(parts, &text);
            if doubled {
                *i += 1; // skip the second brace
                continue;
            }
            if *i >= chars.len() {
                return Ok(());
            }
            if chars[*i] == '}' {
                // End of a format spec (level > 0); the caller consumes it.
                if level == 0 {
                    return Err(self.error_last("f-string: single '}' is not allowed"));
                }
                return Ok(());
            }
            let field = self.fstring_field(lit, tok, chars, i, level)?;
            parts.push(FStringPart::Field(field));
        }
    }

    /// One `{expr[=][!c][:spec]}` field; `chars[*i]` is its `{`.
    fn fstring_field(
        &mut self,
        lit: &StrLit,
        tok: &Token,
        chars: &[char],
        i: &mut usize,
        level: u32,
    ) -> PResult<FStringField> {
        if level >= 2 {
            return Err(self.error_last("f-string: expressions nested too deeply"));
        }
        *i += 1;
        let expr_start = *i;
        let mut quote: Option<(char, bool)> = None;
        let mut stack: Vec<char> = Vec::new();
        while *i < chars.len() {
            let ch = chars[*i];
            if ch == '\\' {
                return Err(self.error_last("f-string expression part cannot include a backslash"));
            }
            if let Some((q, triple)) = quote {
                if ch == q {
                    if triple {
                        if *i + 2 < chars.len() && chars[*i + 1] == q && chars[*i + 2] == q {
                            *i += 3;
                            quote = None;
                            continue;
                        }
                    } else {
                        *i += 1;
                        quote = None;
                        continue;
                    }
                }
                *i += 1;
                continue;
            }
            match ch {
                '\'' | '"' => {
                    let triple = *i + 2 < chars.len() && chars[*i + 1] == ch && chars[*i + 2] == ch;
                    if triple {
                        *i += 2;
                    }
                    quote = Some((ch, triple));
                }
                '[' | '{' | '(' => {
                    if stack.len() >= 200 {
                        return Err(self.error_last("f-string: too many nested parenthesis"));
                    }
                    stack.push(ch);
                }
                '#' => return Err(self.error_last("f-string expression part cannot include '#'")),
                '!' | ':' | '}' | '=' | '>' | '<' if stack.is_empty() => {
                    let next = chars.get(*i + 1).copied();
                    if next == Some('=') && matches!(ch, '!' | '=' | '<' | '>') {
                        *i += 2;
                        continue;
                    }
                    if ch == '>' || ch == '<' {
                        *i += 1;
                        continue;
                    }
                    break;
                }
                ']' | '}' | ')' => {
                    let Some(open) = stack.pop() else {
                        return Err(self.error_last(format!("f-string: unmatched '{}'", ch)));
                    };
                    let expected = match open {
                        '(' => ')',
                        '[' => ']',
                        _ => '}',
                    };
                    if ch != expected {
                        return Err(self.error_last(format!(
                            "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                            ch, open
                        )));
                    }
                }
                _ => {}
            }
            *i += 1;
        }
        if quote.is_some() {
            return Err(self.error_last("f-string: unterminated string"));
        }
        if let Some(open) = stack.last() {
            return Err(self.error_last(format!("f-string: unmatched '{}'", open)));
        }
        if *i >= chars.len() {
            return Err(self.error_last("f-string: expecting '}'"));
        }
        let expr_text: String = chars[expr_start..*i].iter().collect();
        if expr_text
            .chars()
            .all(|c| matches!(c, ' ' | '\t' | '\n' | '\x0c'))
        {
            let msg = match chars[*i] {
                c @ ('!' | ':' | '=') => format!("f-string: expression required before '{}'", c),
                _ => "f-string: empty expression not allowed".to_string(),
            };
            return Err(self.error_last(msg));
        }
        let expr = self.fstring_expr(lit, tok, chars, expr_start, &expr_text)?;

        let mut debug_text = None;
        if chars[*i] == '=' {
            *i += 1;
            while *i < chars.len() && chars[*i].is_ascii_whitespace() {
                *i += 1;
            }
            if *i >= chars.len() {
                return Err(self.error_last("f-string: expecting '}'"));
            }
            debug_text = Some(chars[expr_start..*i].iter().collect::<String>());
        }
        let mut conversion = None;
        if chars[*i] == '!' {
            *i += 1;
            let Some(&c) = chars.get(*i) else {
                return Err(self.error_last("f-string: expecting '}'"));
            };
            *i += 1;
            if !matches!(c, 's' | 'r' | 'a') {
                return Err(self.error_last(
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                ));
            }
            conversion = Some(c);
        }
        if *i >= chars.len() {
            return Err(self.error_last("f-string: expecting '}'"));
        }
        let mut format_spec = Vec::new();
        let mut has_spec = false;
        if chars[*i] == ':' {
            *i += 1;
            if *i >= chars.len() {
                return Err(self.error_last("f-string: expecting '}'"));
            }
            has_spec = true;
            self.fstring_parse(lit, tok, chars, i, level + 1, &mut format_spec)?;
        }
        if *i >= chars.len() || chars[*i] != '}' {
            return Err(self.error_last("f-string: expecting '}'"));
        }
        *i += 1;
        if debug_text.is_some() && !has_spec && conversion.is_none() {
            conversion = Some('r');
        }
        Ok(FStringField {
            expr,
            debug_text,
            conversion,
            format_spec,
        })
    }

    /// Parse a field's expression text as CPython does: `(text)` with a fresh parser.
    fn fstring_expr(
        &mut self,
        lit: &StrLit,
        tok: &Token,
        chars: &[char],
        start: usize,
        text: &str,
    ) -> PResult<Expr> {
        // Where the text starts in the source, for node positions.
        let before = &chars[..start];
        let newlines = before.iter().filter(|&&c| c == '\n').count() as u32;
        let line = lit.body_line + newlines;
        let col = match before.iter().rposition(|&c| c == '\n') {
            Some(p) => (start - p) as u32,
            None => lit.body_col + start as u32,
        };
        // The line CPython reports errors on: the token's line plus newlines before the field.
        let err_line = tok.line + newlines;
        let source = format!("({})", text);
        let lexed = tokenize(&source);
        let shift = |t: &mut Token| {
            if t.line == 1 {
                t.col = t.col + col - 2;
                t.err_col = t.err_col + col - 2;
            }
            t.line += line - 1;
        };
        let mut toks = lexed.tokens;
        toks.iter_mut().for_each(shift);
        let unshift = |mut e: crate::lang::error::CompileError| {
            // CPython's sub-parser prefixes every message it raises.
            if e.kind == "SyntaxError" && !e.msg.starts_with("f-string") {
                e.msg = format!("f-string: {}", e.msg);
            }
            if e.line == line {
                e.col = e.col + 2 - col.min(e.col + 2);
            }
            e.line = e.line - line + err_line;
            e
        };
        if let Some(fail) = lexed.fail {
            return Err(unshift_lex(fail.err, err_line));
        }
        let mut sub = Parser::new(&toks);
        sub.depth = self.depth;
        let result = sub.star_expressions().and_then(|e| {
            if matches!(sub.tok(), Tok::Newline) {
                Ok(e)
            } else {
                sub.invalid()
            }
        });
        if let Some(d) = sub.deferred.take() {
            if self.deferred.is_none() {
                self.deferred = Some(d);
            }
        }
        result.map_err(unshift)
    }
}

/// A tokenizer error inside an f-string field: CPython reports it relative to `(expr)`.
fn unshift_lex(
    mut e: crate::lang::error::CompileError,
    err_line: u32,
) -> crate::lang::error::CompileError {
    e.line = e.line - 1 + err_line;
    e
}
