//! Tokens produced by the lexer and consumed by the parser.

use num_bigint::BigInt;

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// An identifier (including soft keywords such as `match`).
    Name(String),
    /// One of Python's reserved keywords (`if`, `None`, `lambda`, ...).
    Kw(&'static str),
    Number(Number),
    Str(Box<StrLit>),
    /// Operators and delimiters, spelled as in the source (`"+="`, `"("`, `"..."`).
    Op(&'static str),
    Newline,
    Indent,
    Dedent,
    EndMarker,
    /// Where the lexer stopped with an error; the parser reports `Lexed::fail` on reaching it.
    Error,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Number {
    Int(i64),
    BigInt(BigInt),
    Float(f64),
    /// `1j`: outside the subset, rejected by the parser when it is used.
    Imaginary,
}

/// A string literal as written: prefix flags plus the raw text between the quotes.
/// Escapes are decoded by the parser so that f-strings can see the raw text.
#[derive(Clone, Debug, PartialEq)]
pub struct StrLit {
    pub raw: bool,
    pub fstring: bool,
    pub bytes: bool,
    pub triple: bool,
    pub quote: char,
    pub body: String,
    /// Position of the body's first character (for f-string field positions).
    pub body_line: u32,
    pub body_col: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    /// 1-based line and column (in characters) of the token's first character.
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    /// 1-based column just past the token's last character.
    pub end_col: u32,
    /// Bracket nesting depth after this token (CPython's `tok->level`).
    pub level: u32,
    /// The 1-based offset CPython reports when this token is the last one read.
    /// Equals `col` except for INDENT/DEDENT/ENDMARKER, whose offset is the tokenizer's position.
    pub err_col: u32,
}

/// Python's reserved words, sorted (the lexer binary-searches them).
pub const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

impl Tok {
    pub fn is_op(&self, s: &str) -> bool {
        matches!(self, Tok::Op(o) if *o == s)
    }
    pub fn is_kw(&self, s: &str) -> bool {
        matches!(self, Tok::Kw(k) if *k == s)
    }
}
