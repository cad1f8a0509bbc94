//! Private name mangling, as CPython's `_Py_Mangle`: inside a class body, and in every function
//! nested in it, an identifier `__x` (two leading underscores, not two trailing ones, no dot)
//! becomes `_Class__x`, where `Class` is the innermost class's name without its leading
//! underscores. A class named only with underscores mangles nothing.
//!
//! It is done once on the AST before scopes are built, so the symbol table, the compiler and
//! `__dict__` all see the mangled name. CPython mangles names, attribute names, parameters,
//! `global`/`nonlocal` names, `except ... as` names, import bindings and the names a `def` or
//! `class` binds (but not its `__name__`, kept in `name` while `bound_as` holds the binding).
//! Keyword argument names in calls are not mangled, as in CPython.

use crate::lang::ast::*;

/// The module with private names mangled, or `None` when it defines no class (nothing to do).
pub fn mangled(module: &Module) -> Option<Module> {
    if !defines_class(&module.body) {
        return None;
    }
    let mut m = module.clone();
    stmts(&mut m.body, None);
    Some(m)
}

fn defines_class(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::ClassDef(_) => true,
        StmtKind::FunctionDef(f) => defines_class(&f.body),
        StmtKind::If { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::For { body, orelse, .. }
        | StmtKind::AsyncFor { body, orelse, .. } => defines_class(body) || defines_class(orelse),
        StmtKind::Try { body, handlers, orelse, finalbody } => {
            defines_class(body) || handlers.iter().any(|h| defines_class(&h.body)) || defines_class(orelse) || defines_class(finalbody)
        }
        StmtKind::With { body, .. } | StmtKind::AsyncWith { body, .. } => defines_class(body),
        _ => false,
    })
}

/// `name` as CPython's `_Py_Mangle` spells it inside the class whose stripped name is `private`.
fn mangle(private: Option<&str>, name: &str) -> Option<String> {
    let p = private?;
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return None;
    }
    Some(format!("_{p}{name}"))
}

fn rename(private: Option<&str>, name: &mut String) {
    if let Some(m) = mangle(private, name) {
        *name = m;
    }
}

fn stmts(body: &mut [Stmt], private: Option<&str>) {
    for s in body {
        stmt(s, private);
    }
}

fn stmt(s: &mut Stmt, p: Option<&str>) {
    match &mut s.kind {
        StmtKind::Expr(e) | StmtKind::Return(Some(e)) => expr(e, p),
        StmtKind::Return(None) | StmtKind::Break | StmtKind::Continue | StmtKind::Pass => {}
        StmtKind::Assign { targets, value } => {
            exprs(targets, p);
            expr(value, p);
        }
        StmtKind::AugAssign { target, value, .. } => {
            expr(target, p);
            expr(value, p);
        }
        StmtKind::AnnAssign { target, annotation, value } => {
            expr(target, p);
            expr(annotation, p);
            if let Some(v) = value {
                expr(v, p);
            }
        }
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            expr(test, p);
            stmts(body, p);
            stmts(orelse, p);
        }
        StmtKind::For { target, iter, body, orelse } | StmtKind::AsyncFor { target, iter, body, orelse } => {
            expr(target, p);
            expr(iter, p);
            stmts(body, p);
            stmts(orelse, p);
        }
        StmtKind::FunctionDef(f) => {
            exprs(&mut f.decorators, p);
            if let Some(r) = &mut f.returns {
                expr(r, p);
            }
            params(&mut f.params, p);
            f.bound_as = mangle(p, &f.name);
            stmts(&mut f.body, p);
        }
        StmtKind::ClassDef(c) => {
            exprs(&mut c.decorators, p);
            exprs(&mut c.bases, p);
            for k in &mut c.keywords {
                expr(&mut k.value, p);
            }
            c.bound_as = mangle(p, &c.name);
            let own = c.name.trim_start_matches('_').to_string();
            stmts(&mut c.body, if own.is_empty() { None } else { Some(&own) });
        }
        StmtKind::Try { body, handlers, orelse, finalbody } => {
            stmts(body, p);
            for h in handlers {
                if let Some(t) = &mut h.typ {
                    expr(t, p);
                }
                if let Some(n) = &mut h.name {
                    rename(p, n);
                }
                stmts(&mut h.body, p);
            }
            stmts(orelse, p);
            stmts(finalbody, p);
        }
        StmtKind::Raise { exc, cause } => {
            for e in [exc, cause].into_iter().flatten() {
                expr(e, p);
            }
        }
        StmtKind::Assert { test, msg } => {
            expr(test, p);
            if let Some(m) = msg {
                expr(m, p);
            }
        }
        StmtKind::Import(aliases) | StmtKind::ImportFrom { names: aliases, .. } => {
            for a in aliases {
                match &mut a.asname {
                    Some(n) => rename(p, n),
                    // `import __m` binds `_A__m` to the module `__m`.
                    None => a.asname = mangle(p, &a.name),
                }
            }
        }
        StmtKind::Global(names) | StmtKind::Nonlocal(names) => {
            for n in names {
                rename(p, n);
            }
        }
        StmtKind::Del(targets) => exprs(targets, p),
        StmtKind::With { items, body } | StmtKind::AsyncWith { items, body } => {
            for i in items {
                expr(&mut i.context, p);
                if let Some(t) = &mut i.target {
                    expr(t, p);
                }
            }
            stmts(body, p);
        }
    }
}

fn params(ps: &mut Params, p: Option<&str>) {
    for a in ps.args.iter_mut().chain(ps.kwonly.iter_mut()) {
        rename(p, &mut a.name);
        if let Some(d) = &mut a.default {
            expr(d, p);
        }
    }
    for n in ps.vararg.iter_mut().chain(ps.kwarg.iter_mut()) {
        rename(p, n);
    }
    for (n, e) in &mut ps.annotations {
        rename(p, n);
        expr(e, p);
    }
}

fn exprs(es: &mut [Expr], p: Option<&str>) {
    for e in es {
        expr(e, p);
    }
}

fn comprehension(generators: &mut [Comprehension], p: Option<&str>) {
    for g in generators {
        expr(&mut g.target, p);
        expr(&mut g.iter, p);
        exprs(&mut g.ifs, p);
    }
}

fn fstring(parts: &mut [FStringPart], p: Option<&str>) {
    for part in parts {
        if let FStringPart::Field(f) = part {
            expr(&mut f.expr, p);
            fstring(&mut f.format_spec, p);
        }
    }
}

fn expr(e: &mut Expr, p: Option<&str>) {
    match &mut e.kind {
        ExprKind::Name(n) => rename(p, n),
        ExprKind::Constant(_) => {}
        ExprKind::FString(parts) => fstring(parts, p),
        ExprKind::BinOp { left, right, .. } => {
            expr(left, p);
            expr(right, p);
        }
        ExprKind::UnaryOp { operand, .. } => expr(operand, p),
        ExprKind::BoolOp { values, .. } => exprs(values, p),
        ExprKind::Compare { left, comparators, .. } => {
            expr(left, p);
            exprs(comparators, p);
        }
        ExprKind::Call { func, args, keywords } => {
            expr(func, p);
            exprs(args, p);
            for k in keywords {
                expr(&mut k.value, p);
            }
        }
        ExprKind::Attribute { value, attr } => {
            expr(value, p);
            rename(p, attr);
        }
        ExprKind::Subscript { value, index } => {
            expr(value, p);
            expr(index, p);
        }
        ExprKind::Slice { lower, upper, step } => {
            for part in [lower, upper, step].into_iter().flatten() {
                expr(part, p);
            }
        }
        ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => exprs(items, p),
        ExprKind::Dict(pairs) => {
            for (k, v) in pairs {
                if let Some(k) = k {
                    expr(k, p);
                }
                expr(v, p);
            }
        }
        ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } | ExprKind::GeneratorExp { elt, generators } => {
            expr(elt, p);
            comprehension(generators, p);
        }
        ExprKind::DictComp { key, value, generators } => {
            expr(key, p);
            expr(value, p);
            comprehension(generators, p);
        }
        ExprKind::Lambda { params: ps, body } => {
            params(ps, p);
            expr(body, p);
        }
        ExprKind::IfExp { test, body, orelse } => {
            expr(test, p);
            expr(body, p);
            expr(orelse, p);
        }
        ExprKind::Yield(v) => {
            if let Some(v) = v {
                expr(v, p);
            }
        }
        ExprKind::YieldFrom(v) | ExprKind::Await(v) | ExprKind::Starred(v) => expr(v, p),
        ExprKind::NamedExpr { target, value } => {
            rename(p, target);
            expr(value, p);
        }
    }
}
