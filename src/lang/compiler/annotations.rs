//! Class and module annotations (`x: int = 3` records `__annotations__['x']`), docstrings,
//! and `from __future__ import annotations` (PEP 563: annotations kept as their source text,
//! which CPython makes with `ast.unparse`; `unparse` covers the forms annotations take).

use super::Compiler;
use crate::lang::ast::*;
use crate::lang::bytecode::{Const, Op};
use crate::lang::error::CompileError;

/// Whether the module starts with `from __future__ import annotations` (future imports must
/// come first, after the docstring).
pub(super) fn future_annotations(body: &[Stmt]) -> bool {
    for s in body {
        match &s.kind {
            StmtKind::ImportFrom { module, names } if module == "__future__" => {
                if names.iter().any(|a| a.name == "annotations") {
                    return true;
                }
            }
            StmtKind::Expr(Expr { kind: ExprKind::Constant(Constant::Str(_)), .. }) => {}
            _ => return false,
        }
    }
    false
}

/// The docstring of a body: its first statement, when that is a string literal.
pub(super) fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(Expr { kind: ExprKind::Constant(Constant::Str(s)), .. })) => Some(s),
        _ => None,
    }
}

/// Whether a body annotates a plain name (so it needs `__annotations__`); nested function and
/// class bodies are their own.
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { target, .. } => matches!(target.kind, ExprKind::Name(_)),
        StmtKind::If { body, orelse, .. } | StmtKind::While { body, orelse, .. } | StmtKind::For { body, orelse, .. } => {
            has_annotations(body) || has_annotations(orelse)
        }
        StmtKind::With { body, .. } => has_annotations(body),
        StmtKind::Try { body, handlers, orelse, finalbody } => {
            has_annotations(body) || has_annotations(orelse) || has_annotations(finalbody) || handlers.iter().any(|h| has_annotations(&h.body))
        }
        _ => false,
    })
}

impl<'a> Compiler<'a> {
    /// The start of a module or class body: `__doc__` from its docstring, and an empty
    /// `__annotations__` if it annotates names.
    pub(super) fn body_prologue(&mut self, body: &[Stmt]) {
        if let Some(doc) = docstring(body) {
            let k = self.add_const(Const::Str(doc.to_string()));
            self.emit(Op::LoadConst(k));
            self.store_name("__doc__");
        }
        if has_annotations(body) {
            self.emit(Op::BuildMap(0));
            self.store_name("__annotations__");
        }
    }

    /// A function's docstring, set on the function object on the stack (before decorators).
    pub(super) fn set_function_doc(&mut self, body: &[Stmt]) {
        if let Some(doc) = docstring(body) {
            let k = self.add_const(Const::Str(doc.to_string()));
            let name = self.name_index("__doc__");
            self.emit(Op::Dup);
            self.emit(Op::LoadConst(k));
            self.emit(Op::Rot2);
            self.emit(Op::StoreAttr(name));
        }
    }

    /// `f.__annotations__ = {param: annotation, ..., 'return': annotation}` on the function on
    /// the stack, when it has any (an unannotated function makes its empty dict when asked).
    pub(super) fn set_function_annotations(&mut self, params: &'a Params, returns: Option<&'a Expr>) -> Result<(), CompileError> {
        let all: Vec<(&str, &'a Expr)> =
            params.annotations.iter().map(|(n, e)| (n.as_str(), e)).chain(returns.map(|r| ("return", r))).collect();
        if all.is_empty() {
            return Ok(());
        }
        self.emit(Op::Dup);
        for (name, e) in &all {
            let k = self.add_const(Const::Str(name.to_string()));
            self.emit(Op::LoadConst(k));
            self.annotation_value(e)?;
        }
        self.emit(Op::BuildMap(all.len() as u32));
        let attr = self.name_index("__annotations__");
        self.emit(Op::Rot2);
        self.emit(Op::StoreAttr(attr));
        Ok(())
    }

    /// An annotation's value: the expression's, or its source text under PEP 563.
    fn annotation_value(&mut self, e: &'a Expr) -> Result<(), CompileError> {
        if self.future_annotations {
            let k = self.add_const(Const::Str(unparse(e)));
            self.emit(Op::LoadConst(k));
            Ok(())
        } else {
            self.expr(e)
        }
    }

    /// `__annotations__[name] = annotation` after `name: annotation [= value]` in a module or
    /// class body; nothing in a function.
    pub(super) fn record_annotation(&mut self, target: &'a Expr, annotation: &'a Expr) -> Result<(), CompileError> {
        let name = match &target.kind {
            ExprKind::Name(n) => n,
            _ => return Ok(()),
        };
        if !self.annotates_names() {
            return Ok(());
        }
        self.annotation_value(annotation)?;
        self.load_name("__annotations__");
        let k = self.add_const(Const::Str(name.clone()));
        self.emit(Op::LoadConst(k));
        self.emit(Op::StoreSubscript);
        Ok(())
    }
}

/// The source form of an annotation, as `ast.unparse` writes it.
pub fn unparse(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Name(n) => n.clone(),
        ExprKind::Constant(c) => match c {
            Constant::None => "None".into(),
            Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
            Constant::Int(i) => i.to_string(),
            Constant::BigInt(b) => b.to_string(),
            Constant::Float(f) => format!("{:?}", f),
            Constant::Str(s) => repr_str(s),
            Constant::Ellipsis => "...".into(),
            Constant::Bytes(_) => "b'...'".into(),
        },
        ExprKind::Attribute { value, attr } => format!("{}.{}", unparse(value), attr),
        ExprKind::Subscript { value, index } => {
            let inner = match &index.kind {
                ExprKind::Tuple(items) if !items.is_empty() => items.iter().map(unparse).collect::<Vec<_>>().join(", "),
                _ => unparse(index),
            };
            format!("{}[{}]", unparse(value), inner)
        }
        ExprKind::Tuple(items) => match items.len() {
            1 => format!("({},)", unparse(&items[0])),
            _ => format!("({})", items.iter().map(unparse).collect::<Vec<_>>().join(", ")),
        },
        ExprKind::List(items) => format!("[{}]", items.iter().map(unparse).collect::<Vec<_>>().join(", ")),
        ExprKind::BinOp { left, op: BinOp::BitOr, right } => format!("{} | {}", unparse(left), unparse(right)),
        ExprKind::Call { func, args, keywords } => {
            let mut parts: Vec<String> = args.iter().map(unparse).collect();
            parts.extend(keywords.iter().map(|k| match &k.name {
                Some(n) => format!("{}={}", n, unparse(&k.value)),
                None => format!("**{}", unparse(&k.value)),
            }));
            format!("{}({})", unparse(func), parts.join(", "))
        }
        ExprKind::Starred(v) => format!("*{}", unparse(v)),
        _ => "...".into(),
    }
}

/// Python's repr of a str (single quotes unless the text has one and no double quote).
fn repr_str(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::new();
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}
