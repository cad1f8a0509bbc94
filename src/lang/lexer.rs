//! The tokenizer: source text to tokens, with INDENT/DEDENT/NEWLINE like CPython's.
//!
//! It follows CPython 3.11's `Parser/tokenizer.c` closely, because the *order* and *position* of
//! tokenizer errors decide which message a learner sees. The whole source is tokenized up front;
//! on an error the lexer stops, appends a `Tok::Error` token and records the failure in
//! `Lexed::fail`. The parser reports it when it reaches that token, or, if the parser fails first,
//! `LexFail::overrides` decides which error CPython would show.

use super::error::CompileError;
use super::token::{Number, StrLit, Tok, Token, KEYWORDS};
use num_bigint::BigInt;

/// CPython's MAXLEVEL: brackets nested deeper than this are a SyntaxError.
const MAX_PAREN_LEVEL: usize = 200;
/// CPython's MAXINDENT.
const MAX_INDENT: usize = 100;
const TAB_SIZE: u32 = 8;

pub struct Lexed {
    pub tokens: Vec<Token>,
    pub fail: Option<LexFail>,
}

#[derive(Debug)]
pub struct LexFail {
    pub err: CompileError,
    /// CPython raises these at once from the tokenizer (unterminated string, invalid character, ...);
    /// they win over a parser error found earlier in the file. Indentation errors and EOF errors don't.
    pub hard: bool,
    /// Innermost bracket still open when the lexer stopped: (char, line, 1-based col).
    pub open: Option<(char, u32, u32)>,
}

impl LexFail {
    /// CPython re-tokenizes the rest of the file after a parser error; this returns the error
    /// that replaces the parser's (which was found at `parser_line`), if any.
    pub fn overrides(&self, parser_line: u32) -> Option<CompileError> {
        if self.hard {
            return Some(self.err.clone());
        }
        match self.open {
            Some((ch, line, col)) if parser_line > line => Some(never_closed(ch, line, col)),
            _ => None,
        }
    }
}

pub fn never_closed(ch: char, line: u32, col: u32) -> CompileError {
    CompileError::syntax(format!("'{}' was never closed", ch), line, col)
}

pub fn tokenize(source: &str) -> Lexed {
    let mut lx = Lexer::new(source);
    let fail = lx.run().err();
    if fail.is_some() {
        let (line, col) = (lx.line, lx.col_of(lx.i.min(lx.c.len())));
        lx.push_at(Tok::Error, line, col, line, col, col);
    }
    Lexed {
        tokens: lx.toks,
        fail,
    }
}

fn is_ident_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || c as u32 >= 128
}
fn is_ident_char(c: char) -> bool {
    is_ident_start(c) || c.is_ascii_digit()
}

/// Approximates `Py_UNICODE_ISPRINTABLE` without Unicode tables.
fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    !(c.is_control()
        || c.is_whitespace()
        || matches!(c as u32, 0xAD | 0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x2064 | 0xFEFF))
}

struct Lexer {
    c: Vec<char>,
    i: usize,
    line: u32,
    line_start: usize,
    indents: Vec<(u32, u32)>,
    parens: Vec<(char, u32, u32)>,
    toks: Vec<Token>,
    atbol: bool,
    /// Start of CPython's line buffer: the first line of the current logical line, which
    /// backslash continuations and multi-line strings extend (used for one caret column).
    buf_start: usize,
    /// Line count and the start of the last line: CPython's position at end of input.
    last_line: u32,
    last_line_start: usize,
}

type LexResult<T> = Result<T, LexFail>;

impl Lexer {
    fn new(source: &str) -> Lexer {
        let src = source.strip_prefix('\u{feff}').unwrap_or(source);
        // CPython translates newlines and appends a final one to exec input.
        let mut c: Vec<char> = Vec::with_capacity(src.len() + 1);
        let mut it = src.chars().peekable();
        while let Some(ch) = it.next() {
            if ch == '\r' {
                if it.peek() == Some(&'\n') {
                    it.next();
                }
                c.push('\n');
            } else {
                c.push(ch);
            }
        }
        if !c.is_empty() && c.last() != Some(&'\n') {
            c.push('\n');
        }
        let last_line = c.iter().filter(|&&ch| ch == '\n').count().max(1) as u32;
        let last_line_start = if c.is_empty() {
            0
        } else {
            c[..c.len() - 1]
                .iter()
                .rposition(|&ch| ch == '\n')
                .map_or(0, |p| p + 1)
        };
        Lexer {
            c,
            i: 0,
            line: 1,
            line_start: 0,
            indents: vec![(0, 0)],
            parens: Vec::new(),
            toks: Vec::new(),
            atbol: true,
            buf_start: 0,
            last_line,
            last_line_start,
        }
    }

    fn ch(&self, i: usize) -> Option<char> {
        self.c.get(i).copied()
    }
    fn peek(&self) -> Option<char> {
        self.ch(self.i)
    }
    /// Consume one character, keeping line bookkeeping.
    fn bump(&mut self) -> Option<char> {
        let ch = self.ch(self.i)?;
        self.i += 1;
        if ch == '\n' {
            self.line += 1;
            self.line_start = self.i;
        }
        Some(ch)
    }
    /// 1-based column of the character at index `i` on the current line.
    fn col_of(&self, i: usize) -> u32 {
        (i - self.line_start) as u32 + 1
    }
    fn eof_err_col(&self) -> u32 {
        (self.c.len() - self.last_line_start) as u32
    }

    fn push_at(
        &mut self,
        tok: Tok,
        line: u32,
        col: u32,
        end_line: u32,
        end_col: u32,
        err_col: u32,
    ) {
        let level = self.parens.len() as u32;
        self.toks.push(Token {
            tok,
            line,
            col,
            end_line,
            end_col,
            level,
            err_col,
        });
    }
    /// Push a token that started at index `start` on line `line` (start may lie on an earlier line
    /// for triple-quoted strings, so the caller passes the column).
    fn push(&mut self, tok: Tok, line: u32, col: u32) {
        let end_col = self.col_of(self.i);
        self.push_at(tok, line, col, self.line, end_col, col);
    }

    fn open_paren(&self) -> Option<(char, u32, u32)> {
        self.parens.last().copied()
    }
    fn fail(&self, hard: bool, msg: impl Into<String>, line: u32, col: u32) -> LexFail {
        LexFail {
            err: CompileError::syntax(msg, line, col),
            hard,
            open: self.open_paren(),
        }
    }
    fn fail_kind(&self, kind: &'static str, msg: &str, line: u32, col: u32) -> LexFail {
        LexFail {
            err: CompileError::new(kind, msg, line, col),
            hard: false,
            open: self.open_paren(),
        }
    }
    /// A SyntaxError at CPython's "current position": `cur` is the index just past the last
    /// character read, so the reported offset is the column of that character.
    fn hard_at_cur(&self, cur: usize, msg: impl Into<String>) -> LexFail {
        self.fail(true, msg, self.line, (cur - self.line_start) as u32)
    }

    /// EOF reached: inside brackets that is "'(' was never closed"; otherwise unexpected EOF.
    fn eof_fail(&self) -> LexFail {
        match self.open_paren() {
            Some((ch, line, col)) => LexFail {
                err: never_closed(ch, line, col),
                hard: false,
                open: Some((ch, line, col)),
            },
            None => self.fail(
                false,
                "unexpected EOF while parsing",
                self.last_line,
                self.eof_err_col(),
            ),
        }
    }

    /// After a backslash: it must end the line, and input must follow.
    fn continuation(&mut self) -> LexResult<()> {
        self.bump(); // the backslash
        match self.peek() {
            Some('\n') => {
                self.bump();
                if self.peek().is_none() {
                    return Err(self.eof_fail());
                }
                Ok(())
            }
            _ => {
                // CPython reads the offending character and measures from its buffer start.
                let col = (self.i + 1 - self.buf_start) as u32;
                Err(self.fail(
                    false,
                    "unexpected character after line continuation character",
                    self.line,
                    col,
                ))
            }
        }
    }

    fn run(&mut self) -> LexResult<()> {
        loop {
            let mut blank = false;
            if self.atbol {
                self.atbol = false;
                blank = self.indentation()?;
            }
            // Skip spaces.
            while matches!(self.peek(), Some(' ' | '\t' | '\x0c')) {
                self.bump();
            }
            // A NEWLINE after a comment starts where the comment does (CPython's token start).
            let comment_col = (self.peek() == Some('#')).then(|| self.col_of(self.i));
            if comment_col.is_some() {
                while !matches!(self.peek(), None | Some('\n')) {
                    self.bump();
                }
            }
            let start = self.i;
            let (line, col) = (self.line, comment_col.unwrap_or(self.col_of(start)));
            let Some(c) = self.peek() else {
                if !self.parens.is_empty() {
                    return Err(self.eof_fail());
                }
                let (l, ec) = (self.last_line, self.eof_err_col());
                self.push_at(Tok::EndMarker, l, ec, l, ec, ec);
                return Ok(());
            };
            if is_ident_start(c) {
                self.name_or_string(line, col)?;
                continue;
            }
            match c {
                '\n' => {
                    self.bump();
                    self.buf_start = self.i;
                    self.atbol = true;
                    if blank || !self.parens.is_empty() {
                        continue;
                    }
                    self.push_at(Tok::Newline, line, col, line, col + 1, col);
                }
                '.' if self.ch(start + 1).is_some_and(|d| d.is_ascii_digit()) => {
                    self.number(line, col)?
                }
                '0'..='9' => self.number(line, col)?,
                '\'' | '"' => self.string(line, col, "")?,
                '\\' => self.continuation()?,
                '\0' => {
                    return Err(self.fail(true, "source code cannot contain null bytes", line, col))
                }
                _ => self.operator(c, line, col)?,
            }
        }
    }

    /// Measure the indentation of a new line and queue INDENT/DEDENT tokens.
    /// Returns whether the line is blank (only whitespace and/or a comment).
    fn indentation(&mut self) -> LexResult<bool> {
        let (mut col, mut alt) = (0u32, 0u32);
        let mut cont_col: Option<(u32, u32)> = None;
        loop {
            match self.peek() {
                Some(' ') => {
                    col += 1;
                    alt += 1;
                }
                Some('\t') => {
                    col = (col / TAB_SIZE + 1) * TAB_SIZE;
                    alt += 1;
                }
                Some('\x0c') => {
                    col = 0;
                    alt = 0;
                }
                Some('\\') => {
                    // Indentation can't be split with backslashes: the first line decides.
                    cont_col.get_or_insert((col, alt));
                    self.continuation()?;
                    continue;
                }
                _ => break,
            }
            self.bump();
        }
        let blank = matches!(self.peek(), Some('#' | '\n'));
        if blank || !self.parens.is_empty() {
            return Ok(blank);
        }
        if let Some((c, a)) = cont_col {
            col = c;
            alt = a;
        }
        let ws = (self.i - self.line_start) as u32;
        let at_eof = self.peek().is_none();
        let (line, err_col) = if at_eof {
            (self.last_line, self.eof_err_col())
        } else {
            (self.line, ws)
        };
        let (cur, cur_alt) = *self.indents.last().unwrap();
        let tab_error = || LexFail {
            err: CompileError::new(
                "TabError",
                "inconsistent use of tabs and spaces in indentation",
                line,
                1,
            ),
            hard: false,
            open: None,
        };
        if col == cur {
            if alt != cur_alt {
                return Err(tab_error());
            }
        } else if col > cur {
            if self.indents.len() >= MAX_INDENT {
                return Err(self.fail_kind(
                    "IndentationError",
                    "too many levels of indentation",
                    line,
                    err_col,
                ));
            }
            if alt <= cur_alt {
                return Err(tab_error());
            }
            self.indents.push((col, alt));
            let c1 = ws + 1;
            self.push_at(Tok::Indent, line, c1, line, c1, err_col);
        } else {
            // Check the new level before emitting any DEDENT: CPython reports the error first.
            let mut dedents = 0;
            while self.indents.len() > 1 && col < self.indents.last().unwrap().0 {
                self.indents.pop();
                dedents += 1;
            }
            let (now, now_alt) = *self.indents.last().unwrap();
            if col != now {
                // CPython points past the end of the offending line.
                let end = self.c[self.i..]
                    .iter()
                    .position(|&ch| ch == '\n')
                    .map_or(self.c.len(), |p| self.i + p + 1);
                let ec = (end - self.line_start) as u32;
                return Err(self.fail_kind(
                    "IndentationError",
                    "unindent does not match any outer indentation level",
                    line,
                    ec,
                ));
            }
            if alt != now_alt {
                return Err(tab_error());
            }
            for _ in 0..dedents {
                self.push_at(Tok::Dedent, line, ws + 1, line, ws + 1, err_col);
            }
        }
        Ok(false)
    }

    fn name_or_string(&mut self, line: u32, col: u32) -> LexResult<()> {
        let start = self.i;
        // String prefixes: the legal combinations of b, r, u and f, as CPython checks them.
        let (mut b, mut r, mut u, mut f) = (false, false, false, false);
        let mut j = start;
        while let Some(c) = self.ch(j) {
            match c.to_ascii_lowercase() {
                'b' if !(b || u || f) => b = true,
                'u' if !(b || u || r || f) => u = true,
                'r' if !(r || u) => r = true,
                'f' if !(f || b || u) => f = true,
                _ => break,
            }
            j += 1;
            if matches!(self.ch(j), Some('\'' | '"')) {
                let prefix: String = self.c[start..j].iter().collect();
                self.i = j;
                return self.string(line, col, &prefix);
            }
        }
        let mut j = start;
        let mut nonascii = false;
        while let Some(c) = self.ch(j).filter(|&c| is_ident_char(c)) {
            nonascii |= c as u32 >= 128;
            j += 1;
        }
        if nonascii {
            for (k, &c) in self.c[start..j].iter().enumerate() {
                let ok = c.is_ascii_alphanumeric()
                    || c == '_'
                    || if k == 0 {
                        c.is_alphabetic()
                    } else {
                        c.is_alphanumeric()
                    };
                if !ok {
                    let msg = if is_printable(c) {
                        format!("invalid character '{}' (U+{:04X})", c, c as u32)
                    } else {
                        format!("invalid non-printable character U+{:04X}", c as u32)
                    };
                    return Err(self.fail(true, msg, line, col + k as u32));
                }
            }
        }
        let text: String = self.c[start..j].iter().collect();
        self.i = j;
        let tok = match KEYWORDS.binary_search(&text.as_str()) {
            Ok(k) => Tok::Kw(KEYWORDS[k]),
            Err(_) => Tok::Name(text),
        };
        self.push(tok, line, col);
        Ok(())
    }

    /// A string literal; `self.i` is at the opening quote, `start` at the prefix.
    fn string(&mut self, line: u32, col: u32, prefix: &str) -> LexResult<()> {
        let quote = self.bump().unwrap();
        let triple = self.peek() == Some(quote) && self.ch(self.i + 1) == Some(quote);
        if triple {
            self.bump();
            self.bump();
        }
        let qlen = if triple { 3 } else { 1 };
        let (body_line, body_col) = (self.line, self.col_of(self.i));
        let body_start = self.i;
        let mut run = 0; // consecutive closing quotes seen
        let body_end;
        loop {
            match self.peek() {
                None => return Err(self.unterminated(triple, line, col, self.last_line)),
                Some('\n') if !triple => {
                    return Err(self.unterminated(triple, line, col, self.line))
                }
                Some(c) => {
                    self.bump();
                    if c == quote {
                        run += 1;
                        if run == qlen {
                            body_end = self.i - qlen;
                            break;
                        }
                    } else {
                        run = 0;
                        if c == '\\' && self.peek().is_some() {
                            self.bump();
                        }
                    }
                }
            }
        }
        let lower = prefix.to_ascii_lowercase();
        let lit = StrLit {
            raw: lower.contains('r'),
            fstring: lower.contains('f'),
            bytes: lower.contains('b'),
            triple,
            quote,
            body: self.c[body_start..body_end].iter().collect(),
            body_line,
            body_col,
        };
        self.push(Tok::Str(Box::new(lit)), line, col);
        Ok(())
    }

    fn unterminated(&self, triple: bool, line: u32, col: u32, detected: u32) -> LexFail {
        let what = if triple {
            "unterminated triple-quoted string literal"
        } else {
            "unterminated string literal"
        };
        self.fail(
            true,
            format!("{} (detected at line {})", what, detected),
            line,
            col,
        )
    }

    fn operator(&mut self, c: char, line: u32, col: u32) -> LexResult<()> {
        const THREE: &[&str] = &["**=", "...", "//=", "<<=", ">>="];
        const TWO: &[&str] = &[
            "!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=", ":=", "<<", "<=", "<>",
            "==", ">=", ">>", "@=", "^=", "|=",
        ];
        const ONE: &[&str] = &[
            "%", "&", "(", ")", "*", "+", ",", "-", ".", "/", ":", ";", "<", "=", ">", "@", "[",
            "]", "^", "{", "|", "}", "~", "!", "$", "?", "`",
        ];
        // The next three characters as ASCII bytes (operators are ASCII).
        let mut window = [0u8; 3];
        for (k, b) in window.iter_mut().enumerate() {
            *b = self
                .ch(self.i + k)
                .filter(char::is_ascii)
                .map_or(0, |c| c as u8);
        }
        for table in [THREE, TWO] {
            if let Some(op) = table.iter().find(|op| window.starts_with(op.as_bytes())) {
                for _ in 0..op.len() {
                    self.bump();
                }
                self.push(Tok::Op(op), line, col);
                return Ok(());
            }
        }
        self.bump();
        match c {
            '(' | '[' | '{' => {
                if self.parens.len() >= MAX_PAREN_LEVEL {
                    return Err(self.hard_at_cur(self.i, "too many nested parentheses"));
                }
                self.parens.push((c, line, col));
            }
            ')' | ']' | '}' => {
                let Some((open, oline, _)) = self.parens.pop() else {
                    return Err(self.hard_at_cur(self.i, format!("unmatched '{}'", c)));
                };
                let expected = match open {
                    '(' => ')',
                    '[' => ']',
                    _ => '}',
                };
                if c != expected {
                    let msg = if oline != line {
                        format!("closing parenthesis '{}' does not match opening parenthesis '{}' on line {}", c, open, oline)
                    } else {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c, open
                        )
                    };
                    return Err(self.hard_at_cur(self.i, msg));
                }
            }
            _ => {}
        }
        if !is_printable(c) {
            return Err(self.hard_at_cur(
                self.i,
                format!("invalid non-printable character U+{:04X}", c as u32),
            ));
        }
        match ONE.iter().find(|&&op| op.starts_with(c)) {
            Some(op) => self.push(Tok::Op(op), line, col),
            None => self.push(Tok::Op("?"), line, col),
        }
        Ok(())
    }

    /// A number literal, following tokenizer.c's state machine (and its error positions).
    fn number(&mut self, line: u32, col: u32) -> LexResult<()> {
        let start = self.i;
        let ls = self.line_start;
        let d = |p: usize| self.ch(p).unwrap_or('\0');
        let isdig = |p: usize| d(p).is_ascii_digit();
        // Error with the tokenizer's cursor at index `cur` (offset = chars before it).
        let err = |cur: usize, msg: String| self.fail(true, msg, line, (cur - ls) as u32);
        // `p` is the index of the current (already read) character; "backing up" means the
        // error cursor stays at `p` instead of `p + 1`.
        let decimal_tail = |mut p: usize| -> LexResult<usize> {
            loop {
                p += 1;
                while isdig(p) {
                    p += 1;
                }
                if d(p) != '_' {
                    return Ok(p);
                }
                p += 1;
                if !isdig(p) {
                    return Err(err(p, "invalid decimal literal".into()));
                }
            }
        };
        let lookahead = |p: usize, rest: &str| -> bool {
            let mut q = p + 1;
            for ch in rest.chars() {
                if d(q) != ch {
                    return false;
                }
                q += 1;
            }
            !is_ident_char(d(q))
        };
        // Checks what follows a number: a keyword like `1if` is allowed, a name is not.
        let verify_end = |p: usize, kind: &str| -> LexResult<()> {
            let c = d(p);
            let ok_keyword = match c {
                'a' => lookahead(p, "nd"),
                'e' => lookahead(p, "lse"),
                'f' => lookahead(p, "or"),
                'i' => matches!(d(p + 1), 'f' | 'n' | 's'),
                'o' => lookahead(p, "r"),
                'n' => lookahead(p, "ot"),
                _ => false,
            };
            if !ok_keyword && is_ident_char(c) && c != '\0' {
                return Err(err(p, format!("invalid {} literal", kind)));
            }
            Ok(())
        };
        enum Kind {
            Int(u32),
            Float,
            Imag,
        }
        let mut p = start;
        let kind;
        let c0 = d(p);
        'num: {
            let mut c;
            if c0 == '0' && matches!(d(p + 1), 'x' | 'X' | 'o' | 'O' | 'b' | 'B') {
                p += 1;
                let (radix, name) = match d(p).to_ascii_lowercase() {
                    'x' => (16, "hexadecimal"),
                    'o' => (8, "octal"),
                    _ => (2, "binary"),
                };
                let in_radix = |ch: char| ch.is_digit(radix);
                p += 1;
                loop {
                    if d(p) == '_' {
                        p += 1;
                    }
                    if !in_radix(d(p)) {
                        if radix != 16 && d(p).is_ascii_digit() {
                            return Err(err(
                                p + 1,
                                format!("invalid digit '{}' in {} literal", d(p), name),
                            ));
                        }
                        return Err(err(p, format!("invalid {} literal", name)));
                    }
                    while in_radix(d(p)) {
                        p += 1;
                    }
                    if d(p) != '_' {
                        break;
                    }
                }
                if radix != 16 && d(p).is_ascii_digit() {
                    return Err(err(
                        p + 1,
                        format!("invalid digit '{}' in {} literal", d(p), name),
                    ));
                }
                verify_end(p, name)?;
                kind = Kind::Int(radix);
                break 'num;
            }
            let mut is_float = false;
            if c0 == '0' {
                // Zeros, then maybe a float; "0777" is an error.
                let mut nonzero = false;
                p += 1;
                loop {
                    if d(p) == '_' {
                        p += 1;
                        if !isdig(p) {
                            return Err(err(p, "invalid decimal literal".into()));
                        }
                    }
                    if d(p) != '0' {
                        break;
                    }
                    p += 1;
                }
                if isdig(p) {
                    nonzero = true;
                    p = decimal_tail(p)?;
                }
                c = d(p);
                if !(c == '.' || c == 'e' || c == 'E' || c == 'j' || c == 'J') {
                    if nonzero {
                        return Err(self.fail(
                            true,
                            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                            line,
                            col,
                        ));
                    }
                    verify_end(p, "decimal")?;
                    kind = Kind::Int(10);
                    break 'num;
                }
            } else if c0 == '.' {
                // ".5": straight to the fraction.
                p += 1;
                p = decimal_tail(p)?;
                is_float = true;
                c = d(p);
            } else {
                p = decimal_tail(p)?;
                c = d(p);
            }
            if c == '.' && !is_float {
                is_float = true;
                p += 1;
                if isdig(p) {
                    p = decimal_tail(p)?;
                }
                c = d(p);
            }
            if c == 'e' || c == 'E' {
                let e = p;
                p += 1;
                if d(p) == '+' || d(p) == '-' {
                    p += 1;
                    if !isdig(p) {
                        return Err(err(p, "invalid decimal literal".into()));
                    }
                } else if !isdig(p) {
                    // "1else" is `1 else`; "1e" alone is an error.
                    verify_end(e, "decimal")?;
                    p = e;
                    kind = if is_float { Kind::Float } else { Kind::Int(10) };
                    break 'num;
                }
                p = decimal_tail(p)?;
                is_float = true;
                c = d(p);
            }
            if c == 'j' || c == 'J' {
                p += 1;
                verify_end(p, "imaginary")?;
                kind = Kind::Imag;
                break 'num;
            }
            verify_end(p, "decimal")?;
            kind = if is_float { Kind::Float } else { Kind::Int(10) };
        }
        let text: String = self.c[start..p].iter().filter(|&&ch| ch != '_').collect();
        let num = match kind {
            Kind::Imag => Number::Imaginary,
            Kind::Float => Number::Float(text.parse::<f64>().unwrap_or(f64::INFINITY)),
            Kind::Int(radix) => {
                let digits = if radix == 10 { &text[..] } else { &text[2..] };
                match i64::from_str_radix(digits, radix) {
                    Ok(v) => Number::Int(v),
                    Err(_) => Number::BigInt(
                        BigInt::parse_bytes(digits.as_bytes(), radix).unwrap_or_default(),
                    ),
                }
            }
        };
        self.i = p;
        self.push(Tok::Number(num), line, col);
        Ok(())
    }
}
