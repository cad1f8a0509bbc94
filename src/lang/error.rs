//! Errors found before a program runs: the lexer's, the parser's and the compiler's.
//!
//! They carry CPython's exception type name and message so the page and the runner can print
//! exactly what `python3` prints (`SyntaxError: invalid syntax` on line N, caret at column C).

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    /// CPython's exception class: "SyntaxError", "IndentationError", "TabError" or
    /// "NotImplementedError" (for valid Python outside threadlab's subset).
    pub kind: &'static str,
    pub msg: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column of the caret, or 0 when CPython shows none.
    pub col: u32,
}

impl CompileError {
    pub fn new(kind: &'static str, msg: impl Into<String>, line: u32, col: u32) -> Self {
        CompileError { kind, msg: msg.into(), line, col }
    }
    pub fn syntax(msg: impl Into<String>, line: u32, col: u32) -> Self {
        Self::new("SyntaxError", msg, line, col)
    }
    pub fn not_implemented(what: impl Into<String>, line: u32, col: u32) -> Self {
        Self::new(
            "NotImplementedError",
            format!("{} is not supported by threadlab", what.into()),
            line,
            col,
        )
    }
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} (line {})", self.kind, self.msg, self.line)
    }
}

impl std::error::Error for CompileError {}
