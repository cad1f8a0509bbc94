//! The language front end: source text to bytecode.
//! lexer -> tokens -> parser -> ast -> compiler -> bytecode.

pub mod ast;
pub mod error;

pub use error::CompileError;
