//! A bound on expression nesting, checked after parsing.
//!
//! Chains like `a+a+...+a`, `x.a.a...` or `-----1` parse without recursion but build deep
//! trees, and every later pass (compiler, drop) walks them recursively. CPython itself gives
//! up around depth 3000 ("maximum recursion depth exceeded during compilation"); threadlab
//! reports deeper nesting than `MAX_EXPR_DEPTH` as unsupported instead of risking the stack.

use crate::lang::ast::{Expr, ExprKind, FStringPart, Module, Pos, Stmt, StmtKind};

/// Longest operator chain (`a+a+...`, `-----x`, `x.a.a...`) accepted; CPython's own limit is
/// near 3000.
pub(super) const MAX_CHAIN: usize = 1000;
/// Deepest expression tree accepted: a maximal chain plus some nesting around it.
pub(super) const MAX_EXPR_DEPTH: usize = MAX_CHAIN + 200;

/// The position of an expression nested deeper than `MAX_EXPR_DEPTH`, if any.
pub(super) fn too_deep(m: &Module) -> Option<Pos> {
    let mut roots = Vec::new();
    stmt_exprs(&m.body, &mut roots);
    // Depth-first with an explicit stack: the trees checked here may be too deep to recurse.
    let mut stack: Vec<(&Expr, usize)> = roots.into_iter().map(|e| (e, 1)).collect();
    while let Some((e, d)) = stack.pop() {
        if d > MAX_EXPR_DEPTH {
            return Some(e.pos);
        }
        push_children(e, d + 1, &mut stack);
    }
    None
}

fn push_children<'a>(e: &'a Expr, d: usize, stack: &mut Vec<(&'a Expr, usize)>) {
    use ExprKind::*;
    let mut push = |x: &'a Expr| stack.push((x, d));
    match &e.kind {
        Name(_) | Constant(_) => {}
        FString(parts) => {
            let mut fields = Vec::new();
            fstring_exprs(parts, &mut fields);
            fields.into_iter().for_each(push);
        }
        BinOp { left, right, .. } => {
            push(left);
            push(right);
        }
        UnaryOp { operand, .. } => push(operand),
        BoolOp { values, .. } => values.iter().for_each(push),
        Compare {
            left, comparators, ..
        } => {
            push(left);
            comparators.iter().for_each(push);
        }
        Call {
            func,
            args,
            keywords,
        } => {
            push(func);
            args.iter().for_each(&mut push);
            keywords.iter().for_each(|k| push(&k.value));
        }
        Attribute { value, .. } | Starred(value) | YieldFrom(value) | Await(value) | NamedExpr { value, .. } => push(value),
        Yield(value) => value.iter().for_each(|v| push(v)),
        Subscript { value, index } => {
            push(value);
            push(index);
        }
        Slice { lower, upper, step } => [lower, upper, step]
            .into_iter()
            .flatten()
            .for_each(|b| push(b)),
        List(v) | Tuple(v) | Set(v) => v.iter().for_each(push),
        Dict(items) => {
            for (k, v) in items {
                k.iter().for_each(&mut push);
                push(v);
            }
        }
        ListComp { elt, generators }
        | SetComp { elt, generators }
        | GeneratorExp { elt, generators } => {
            push(elt);
            for g in generators {
                push(&g.target);
                push(&g.iter);
                g.ifs.iter().for_each(&mut push);
            }
        }
        DictComp {
            key,
            value,
            generators,
        } => {
            push(key);
            push(value);
            for g in generators {
                push(&g.target);
                push(&g.iter);
                g.ifs.iter().for_each(&mut push);
            }
        }
        Lambda { params, body } => {
            push(body);
            params
                .args
                .iter()
                .chain(&params.kwonly)
                .filter_map(|p| p.default.as_ref())
                .for_each(push);
        }
        IfExp { test, body, orelse } => {
            push(test);
            push(body);
            push(orelse);
        }
    }
}

fn fstring_exprs<'a>(parts: &'a [FStringPart], out: &mut Vec<&'a Expr>) {
    for p in parts {
        if let FStringPart::Field(f) = p {
            out.push(&f.expr);
            fstring_exprs(&f.format_spec, out);
        }
    }
}

/// The expressions directly inside statements (statements nest at most 100 deep: the
/// tokenizer's indentation limit).
fn stmt_exprs<'a>(body: &'a [Stmt], out: &mut Vec<&'a Expr>) {
    use StmtKind::*;
    for s in body {
        match &s.kind {
            Expr(e) | Return(Some(e)) => out.push(e),
            Assign { targets, value } => {
                out.extend(targets);
                out.push(value);
            }
            AugAssign { target, value, .. } => out.extend([target, value]),
            AnnAssign { target, annotation, value } => {
                out.push(target);
                out.push(annotation);
                out.extend(value.iter());
            }
            If { test, body, orelse } | While { test, body, orelse } => {
                out.push(test);
                stmt_exprs(body, out);
                stmt_exprs(orelse, out);
            }
            For {
                target,
                iter,
                body,
                orelse,
            }
            | AsyncFor {
                target,
                iter,
                body,
                orelse,
            } => {
                out.extend([target, iter]);
                stmt_exprs(body, out);
                stmt_exprs(orelse, out);
            }
            FunctionDef(f) => {
                out.extend(&f.decorators);
                out.extend(
                    f.params
                        .args
                        .iter()
                        .chain(&f.params.kwonly)
                        .filter_map(|p| p.default.as_ref()),
                );
                stmt_exprs(&f.body, out);
            }
            ClassDef(c) => {
                out.extend(&c.decorators);
                out.extend(&c.bases);
                out.extend(c.keywords.iter().map(|k| &k.value));
                stmt_exprs(&c.body, out);
            }
            Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                stmt_exprs(body, out);
                for h in handlers {
                    out.extend(h.typ.iter());
                    stmt_exprs(&h.body, out);
                }
                stmt_exprs(orelse, out);
                stmt_exprs(finalbody, out);
            }
            Raise { exc, cause } => out.extend(exc.iter().chain(cause.iter())),
            Assert { test, msg } => {
                out.push(test);
                out.extend(msg.iter());
            }
            Del(targets) => out.extend(targets),
            With { items, body } | AsyncWith { items, body } => {
                for it in items {
                    out.push(&it.context);
                    out.extend(it.target.iter());
                }
                stmt_exprs(body, out);
            }
            Break
            | Continue
            | Pass
            | Return(None)
            | Import(_)
            | ImportFrom { .. }
            | Global(_)
            | Nonlocal(_) => {}
        }
    }
}
