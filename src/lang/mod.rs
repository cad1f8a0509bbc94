//! The language front end: source text to bytecode.
//! lexer -> tokens -> parser -> ast -> compiler -> bytecode.

pub mod ast;
pub mod bytecode;
pub mod compiler;
pub mod error;
pub mod lexer;
pub mod parser;
pub mod token;

pub use error::CompileError;
pub use parser::parse;
