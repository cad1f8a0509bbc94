//! Shared helpers for the parser tests: an `ast.dump`-style printer for threadlab's AST and
//! a bridge to the machine's python3 (CPython 3.11), which serves as the oracle.

#![allow(dead_code)]

use std::fmt::Write;
use std::io::Write as _;
use std::process::{Command, Stdio};
use threadlab::lang::ast::*;

/// Run python3 with `script`, feeding `input` on stdin; returns stdout.
pub fn python(script: &str, input: &str) -> String {
    let mut child = Command::new("python3")
        .arg("-c")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 must be on PATH for the parser oracle tests");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "python3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Sources are passed to python as JSON lines; this encodes a Rust string as a JSON string.
pub fn json_str(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            '\t' => o.push_str("\\t"),
            c if (c as u32) < 0x20 => write!(o, "\\u{:04x}", c as u32).unwrap(),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// Python's `repr` of a str.
pub fn py_repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut o = String::new();
    o.push(quote);
    for c in s.chars() {
        match c {
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            '\t' => o.push_str("\\t"),
            c if c == quote => {
                o.push('\\');
                o.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => write!(o, "\\x{:02x}", c as u32).unwrap(),
            c if (0x80..0xa0).contains(&(c as u32)) || c == '\u{ad}' => {
                write!(o, "\\x{:02x}", c as u32).unwrap()
            }
            c => o.push(c),
        }
    }
    o.push(quote);
    o
}

/// Python's `repr` of a float.
pub fn py_repr_float(f: f64) -> String {
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f.is_nan() {
        return "nan".into();
    }
    // Shortest round-trip digits, then Python's layout rules.
    let sci = format!("{:e}", f); // e.g. "1.2345e-5"
    let (mant, exp) = sci.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap();
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if neg { "-" } else { "" };
    if (-4..16).contains(&exp) {
        let n = digits.len() as i32;
        let s = if exp >= 0 {
            let int_len = exp + 1;
            if n <= int_len {
                format!("{}{}.0", digits, "0".repeat((int_len - n) as usize))
            } else {
                format!(
                    "{}.{}",
                    &digits[..int_len as usize],
                    &digits[int_len as usize..]
                )
            }
        } else {
            format!("0.{}{}", "0".repeat((-exp - 1) as usize), digits)
        };
        format!("{}{}", sign, s)
    } else {
        let m = if digits.len() > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits.clone()
        };
        format!(
            "{}{}e{}{:02}",
            sign,
            m,
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        )
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Ctx {
    Load,
    Store,
    Del,
}

pub struct Dumper {
    out: String,
    /// Append `@line:col` to every statement and expression (compared against CPython's
    /// lineno and col_offset + 1).
    positions: bool,
}

pub fn dump(m: &Module, positions: bool) -> String {
    let mut d = Dumper {
        out: String::new(),
        positions,
    };
    d.s("Module(body=");
    d.stmts(&m.body);
    d.s(", type_ignores=[])");
    d.out
}

impl Dumper {
    fn s(&mut self, t: &str) {
        self.out.push_str(t);
    }
    fn at(&mut self, p: Pos) {
        if self.positions {
            write!(self.out, "@{}:{}", p.line, p.col).unwrap();
        }
    }
    fn list<T>(&mut self, items: &[T], mut f: impl FnMut(&mut Self, &T)) {
        self.s("[");
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.s(", ");
            }
            f(self, x);
        }
        self.s("]");
    }
    fn stmts(&mut self, b: &[Stmt]) {
        self.list(b, |d, s| d.stmt(s));
    }
    fn keywords(&mut self, keywords: &[Keyword]) {
        self.list(keywords, |d, k| {
            d.s("keyword(");
            if let Some(n) = &k.name {
                write!(d.out, "arg={}, ", py_repr_str(n)).unwrap();
            }
            d.s("value=");
            d.expr(&k.value, Ctx::Load);
            d.s(")");
        });
    }

    fn exprs(&mut self, b: &[Expr], ctx: Ctx) {
        self.list(b, |d, e| d.expr(e, ctx));
    }
    fn opt(&mut self, name: &str, e: &Option<Expr>, ctx: Ctx) {
        if let Some(e) = e {
            write!(self.out, ", {}=", name).unwrap();
            self.expr(e, ctx);
        }
    }

    fn stmt(&mut self, st: &Stmt) {
        use StmtKind::*;
        match &st.kind {
            Expr(e) => {
                self.s("Expr");
                self.at(st.pos);
                self.s("(value=");
                self.expr(e, Ctx::Load);
                self.s(")");
            }
            Assign { targets, value } => {
                self.s("Assign");
                self.at(st.pos);
                self.s("(targets=");
                self.exprs(targets, Ctx::Store);
                self.s(", value=");
                self.expr(value, Ctx::Load);
                self.s(")");
            }
            AugAssign { target, op, value } => {
                self.s("AugAssign");
                self.at(st.pos);
                self.s("(target=");
                self.expr(target, Ctx::Store);
                write!(self.out, ", op={}(), value=", binop(*op)).unwrap();
                self.expr(value, Ctx::Load);
                self.s(")");
            }
            AnnAssign { target, value, .. } => {
                self.s("AnnAssign");
                self.at(st.pos);
                self.s("(target=");
                self.expr(target, Ctx::Store);
                self.s(", annotation=Constant(value=Ellipsis)");
                self.opt("value", value, Ctx::Load);
                let simple = matches!(target.kind, ExprKind::Name(_)) as u8;
                write!(self.out, ", simple={})", simple).unwrap();
            }
            If { test, body, orelse } | While { test, body, orelse } => {
                self.s(if matches!(st.kind, If { .. }) {
                    "If"
                } else {
                    "While"
                });
                self.at(st.pos);
                self.s("(test=");
                self.expr(test, Ctx::Load);
                self.s(", body=");
                self.stmts(body);
                self.s(", orelse=");
                self.stmts(orelse);
                self.s(")");
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
                self.s(if matches!(st.kind, AsyncFor { .. }) { "AsyncFor" } else { "For" });
                self.at(st.pos);
                self.s("(target=");
                self.expr(target, Ctx::Store);
                self.s(", iter=");
                self.expr(iter, Ctx::Load);
                self.s(", body=");
                self.stmts(body);
                self.s(", orelse=");
                self.stmts(orelse);
                self.s(")");
            }
            Break => self.simple("Break", st.pos),
            Continue => self.simple("Continue", st.pos),
            Pass => self.simple("Pass", st.pos),
            Return(v) => {
                self.s("Return");
                self.at(st.pos);
                self.s("(");
                if let Some(v) = v {
                    self.s("value=");
                    self.expr(v, Ctx::Load);
                }
                self.s(")");
            }
            FunctionDef(f) => {
                self.s(if f.is_async { "AsyncFunctionDef" } else { "FunctionDef" });
                self.at(st.pos);
                write!(self.out, "(name={}, args=", py_repr_str(&f.name)).unwrap();
                self.params(&f.params);
                self.s(", body=");
                self.stmts(&f.body);
                self.s(", decorator_list=");
                self.exprs(&f.decorators, Ctx::Load);
                self.s(")");
            }
            ClassDef(c) => {
                self.s("ClassDef");
                self.at(st.pos);
                write!(self.out, "(name={}, bases=", py_repr_str(&c.name)).unwrap();
                self.exprs(&c.bases, Ctx::Load);
                self.s(", keywords=");
                self.keywords(&c.keywords);
                self.s(", body=");
                self.stmts(&c.body);
                self.s(", decorator_list=");
                self.exprs(&c.decorators, Ctx::Load);
                self.s(")");
            }
            Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.s("Try");
                self.at(st.pos);
                self.s("(body=");
                self.stmts(body);
                self.s(", handlers=");
                self.list(handlers, |d, h| {
                    d.s("ExceptHandler");
                    d.at(h.pos);
                    d.s("(");
                    let mut sep = "";
                    if let Some(t) = &h.typ {
                        d.s("type=");
                        d.expr(t, Ctx::Load);
                        sep = ", ";
                    }
                    if let Some(n) = &h.name {
                        write!(d.out, "{}name={}", sep, py_repr_str(n)).unwrap();
                        sep = ", ";
                    }
                    write!(d.out, "{}body=", sep).unwrap();
                    d.stmts(&h.body);
                    d.s(")");
                });
                self.s(", orelse=");
                self.stmts(orelse);
                self.s(", finalbody=");
                self.stmts(finalbody);
                self.s(")");
            }
            Raise { exc, cause } => {
                self.s("Raise");
                self.at(st.pos);
                self.s("(");
                if let Some(e) = exc {
                    self.s("exc=");
                    self.expr(e, Ctx::Load);
                }
                self.opt("cause", cause, Ctx::Load);
                self.s(")");
            }
            Assert { test, msg } => {
                self.s("Assert");
                self.at(st.pos);
                self.s("(test=");
                self.expr(test, Ctx::Load);
                self.opt("msg", msg, Ctx::Load);
                self.s(")");
            }
            Import(names) => {
                self.s("Import");
                self.at(st.pos);
                self.s("(names=");
                self.aliases(names);
                self.s(")");
            }
            ImportFrom { module, names } => {
                self.s("ImportFrom");
                self.at(st.pos);
                write!(self.out, "(module={}, names=", py_repr_str(module)).unwrap();
                self.aliases(names);
                self.s(", level=0)");
            }
            Global(names) | Nonlocal(names) => {
                self.s(if matches!(st.kind, Global(_)) {
                    "Global"
                } else {
                    "Nonlocal"
                });
                self.at(st.pos);
                self.s("(names=");
                self.list(names, |d, n| d.s(&py_repr_str(n)));
                self.s(")");
            }
            Del(targets) => {
                self.s("Delete");
                self.at(st.pos);
                self.s("(targets=");
                self.exprs(targets, Ctx::Del);
                self.s(")");
            }
            With { items, body } | AsyncWith { items, body } => {
                self.s(if matches!(st.kind, AsyncWith { .. }) { "AsyncWith" } else { "With" });
                self.at(st.pos);
                self.s("(items=");
                self.list(items, |d, it| {
                    d.s("withitem(context_expr=");
                    d.expr(&it.context, Ctx::Load);
                    d.opt("optional_vars", &it.target, Ctx::Store);
                    d.s(")");
                });
                self.s(", body=");
                self.stmts(body);
                self.s(")");
            }
        }
    }

    fn simple(&mut self, name: &str, p: Pos) {
        self.s(name);
        self.at(p);
        self.s("()");
    }

    fn aliases(&mut self, names: &[Alias]) {
        self.list(names, |d, a| {
            write!(d.out, "alias(name={}", py_repr_str(&a.name)).unwrap();
            if let Some(n) = &a.asname {
                write!(d.out, ", asname={}", py_repr_str(n)).unwrap();
            }
            d.s(")");
        });
    }

    fn params(&mut self, p: &Params) {
        self.s("arguments(posonlyargs=[], args=");
        self.list(&p.args, |d, a| {
            write!(d.out, "arg(arg={})", py_repr_str(&a.name)).unwrap()
        });
        if let Some(v) = &p.vararg {
            write!(self.out, ", vararg=arg(arg={})", py_repr_str(v)).unwrap();
        }
        self.s(", kwonlyargs=");
        self.list(&p.kwonly, |d, a| {
            write!(d.out, "arg(arg={})", py_repr_str(&a.name)).unwrap()
        });
        self.s(", kw_defaults=");
        self.list(&p.kwonly, |d, a| match &a.default {
            Some(e) => d.expr(e, Ctx::Load),
            None => d.s("None"),
        });
        if let Some(k) = &p.kwarg {
            write!(self.out, ", kwarg=arg(arg={})", py_repr_str(k)).unwrap();
        }
        self.s(", defaults=");
        let defaults: Vec<&Expr> = p.args.iter().filter_map(|a| a.default.as_ref()).collect();
        self.list(&defaults, |d, e| d.expr(e, Ctx::Load));
        self.s(")");
    }

    fn ctx(&mut self, c: Ctx) {
        self.s(match c {
            Ctx::Load => ", ctx=Load())",
            Ctx::Store => ", ctx=Store())",
            Ctx::Del => ", ctx=Del())",
        });
    }

    fn comps(&mut self, gens: &[Comprehension]) {
        self.list(gens, |d, g| {
            d.s("comprehension(target=");
            d.expr(&g.target, Ctx::Store);
            d.s(", iter=");
            d.expr(&g.iter, Ctx::Load);
            d.s(", ifs=");
            d.exprs(&g.ifs, Ctx::Load);
            d.s(if g.is_async { ", is_async=1)" } else { ", is_async=0)" });
        });
    }

    fn constant(&mut self, c: &Constant) {
        self.s("(value=");
        match c {
            Constant::None => self.s("None"),
            Constant::Bool(b) => self.s(if *b { "True" } else { "False" }),
            Constant::Int(i) => write!(self.out, "{}", i).unwrap(),
            Constant::BigInt(i) => write!(self.out, "{}", i).unwrap(),
            Constant::Float(f) => self.s(&py_repr_float(*f)),
            Constant::Str(s) => self.s(&py_repr_str(s)),
            Constant::Bytes(b) => self.s(&threadlab::vm::types::bytes_repr(b)),
            Constant::Ellipsis => self.s("Ellipsis"),
        }
        self.s(")");
    }

    /// f-string parts as CPython 3.11's JoinedStr values: debug text becomes literal text.
    fn fstring_values(&mut self, parts: &[FStringPart]) {
        enum V<'a> {
            Lit(String),
            Field(&'a FStringField),
        }
        let mut vals: Vec<V> = Vec::new();
        let push_lit = |vals: &mut Vec<V>, s: &str| {
            if let Some(V::Lit(prev)) = vals.last_mut() {
                prev.push_str(s);
            } else if !s.is_empty() {
                vals.push(V::Lit(s.to_string()));
            }
        };
        for p in parts {
            match p {
                FStringPart::Literal(s) => push_lit(&mut vals, s),
                FStringPart::Field(f) => {
                    if let Some(t) = &f.debug_text {
                        push_lit(&mut vals, t);
                    }
                    vals.push(V::Field(f));
                }
            }
        }
        self.list(&vals, |d, v| match v {
            V::Lit(s) => {
                d.s("Constant");
                d.s("(value=");
                d.s(&py_repr_str(s));
                d.s(")");
            }
            V::Field(f) => {
                d.s("FormattedValue(value=");
                d.expr(&f.expr, Ctx::Load);
                let conv = f.conversion.map_or(-1, |c| c as i32);
                write!(d.out, ", conversion={}", conv).unwrap();
                if !f.format_spec.is_empty() {
                    d.s(", format_spec=JoinedStr(values=");
                    d.fstring_values(&f.format_spec);
                    d.s(")");
                }
                d.s(")");
            }
        });
    }

    fn expr(&mut self, e: &Expr, ctx: Ctx) {
        use ExprKind::*;
        match &e.kind {
            Name(n) => {
                self.s("Name");
                self.at(e.pos);
                write!(self.out, "(id={}", py_repr_str(n)).unwrap();
                self.ctx(ctx);
            }
            Constant(c) => {
                self.s("Constant");
                self.at(e.pos);
                self.constant(c);
            }
            FString(parts) => {
                self.s("JoinedStr");
                self.at(e.pos);
                self.s("(values=");
                // Positions inside 3.11 f-strings are unreliable; compare structure only.
                let saved = self.positions;
                self.positions = false;
                self.fstring_values(parts);
                self.positions = saved;
                self.s(")");
            }
            BinOp { left, op, right } => {
                self.s("BinOp");
                self.at(e.pos);
                self.s("(left=");
                self.expr(left, Ctx::Load);
                write!(self.out, ", op={}(), right=", binop(*op)).unwrap();
                self.expr(right, Ctx::Load);
                self.s(")");
            }
            UnaryOp { op, operand } => {
                self.s("UnaryOp");
                self.at(e.pos);
                let name = match op {
                    threadlab::lang::ast::UnaryOp::Not => "Not",
                    threadlab::lang::ast::UnaryOp::Neg => "USub",
                    threadlab::lang::ast::UnaryOp::Pos => "UAdd",
                    threadlab::lang::ast::UnaryOp::Invert => "Invert",
                };
                write!(self.out, "(op={}(), operand=", name).unwrap();
                self.expr(operand, Ctx::Load);
                self.s(")");
            }
            BoolOp { op, values } => {
                self.s("BoolOp");
                self.at(e.pos);
                let name = if *op == threadlab::lang::ast::BoolOp::And {
                    "And"
                } else {
                    "Or"
                };
                write!(self.out, "(op={}(), values=", name).unwrap();
                self.exprs(values, Ctx::Load);
                self.s(")");
            }
            Compare {
                left,
                ops,
                comparators,
            } => {
                self.s("Compare");
                self.at(e.pos);
                self.s("(left=");
                self.expr(left, Ctx::Load);
                self.s(", ops=");
                self.list(ops, |d, op| {
                    let n = match op {
                        CmpOp::Eq => "Eq",
                        CmpOp::NotEq => "NotEq",
                        CmpOp::Lt => "Lt",
                        CmpOp::LtE => "LtE",
                        CmpOp::Gt => "Gt",
                        CmpOp::GtE => "GtE",
                        CmpOp::Is => "Is",
                        CmpOp::IsNot => "IsNot",
                        CmpOp::In => "In",
                        CmpOp::NotIn => "NotIn",
                    };
                    write!(d.out, "{}()", n).unwrap();
                });
                self.s(", comparators=");
                self.exprs(comparators, Ctx::Load);
                self.s(")");
            }
            Call {
                func,
                args,
                keywords,
            } => {
                self.s("Call");
                self.at(e.pos);
                self.s("(func=");
                self.expr(func, Ctx::Load);
                self.s(", args=");
                self.exprs(args, Ctx::Load);
                self.s(", keywords=");
                self.keywords(keywords);
                self.s(")");
            }
            Attribute { value, attr } => {
                self.s("Attribute");
                self.at(e.pos);
                self.s("(value=");
                self.expr(value, Ctx::Load);
                write!(self.out, ", attr={}", py_repr_str(attr)).unwrap();
                self.ctx(ctx);
            }
            Subscript { value, index } => {
                self.s("Subscript");
                self.at(e.pos);
                self.s("(value=");
                self.expr(value, Ctx::Load);
                self.s(", slice=");
                self.expr(index, Ctx::Load);
                self.ctx(ctx);
            }
            Slice { lower, upper, step } => {
                self.s("Slice");
                self.at(e.pos);
                self.s("(");
                let mut sep = "";
                for (name, v) in [("lower", lower), ("upper", upper), ("step", step)] {
                    if let Some(v) = v {
                        write!(self.out, "{}{}=", sep, name).unwrap();
                        self.expr(v, Ctx::Load);
                        sep = ", ";
                    }
                }
                self.s(")");
            }
            List(elts) | Tuple(elts) => {
                self.s(if matches!(e.kind, List(_)) {
                    "List"
                } else {
                    "Tuple"
                });
                self.at(e.pos);
                self.s("(elts=");
                self.exprs(elts, ctx);
                self.ctx(ctx);
            }
            Dict(items) => {
                self.s("Dict");
                self.at(e.pos);
                self.s("(keys=");
                self.list(items, |d, (k, _)| match k {
                    Some(k) => d.expr(k, Ctx::Load),
                    None => d.s("None"),
                });
                self.s(", values=");
                self.list(items, |d, (_, v)| d.expr(v, Ctx::Load));
                self.s(")");
            }
            Set(elts) => {
                self.s("Set");
                self.at(e.pos);
                self.s("(elts=");
                self.exprs(elts, Ctx::Load);
                self.s(")");
            }
            ListComp { elt, generators }
            | SetComp { elt, generators }
            | GeneratorExp { elt, generators } => {
                self.s(match e.kind {
                    ListComp { .. } => "ListComp",
                    SetComp { .. } => "SetComp",
                    _ => "GeneratorExp",
                });
                self.at(e.pos);
                self.s("(elt=");
                self.expr(elt, Ctx::Load);
                self.s(", generators=");
                self.comps(generators);
                self.s(")");
            }
            DictComp {
                key,
                value,
                generators,
            } => {
                self.s("DictComp");
                self.at(e.pos);
                self.s("(key=");
                self.expr(key, Ctx::Load);
                self.s(", value=");
                self.expr(value, Ctx::Load);
                self.s(", generators=");
                self.comps(generators);
                self.s(")");
            }
            Lambda { params, body } => {
                self.s("Lambda");
                self.at(e.pos);
                self.s("(args=");
                self.params(params);
                self.s(", body=");
                self.expr(body, Ctx::Load);
                self.s(")");
            }
            IfExp { test, body, orelse } => {
                self.s("IfExp");
                self.at(e.pos);
                self.s("(test=");
                self.expr(test, Ctx::Load);
                self.s(", body=");
                self.expr(body, Ctx::Load);
                self.s(", orelse=");
                self.expr(orelse, Ctx::Load);
                self.s(")");
            }
            Starred(v) => {
                self.s("Starred");
                self.at(e.pos);
                self.s("(value=");
                self.expr(v, ctx);
                self.ctx(ctx);
            }
            NamedExpr { target, value } => {
                self.s("NamedExpr");
                self.at(e.pos);
                self.s("(target=Name");
                self.at(e.pos);
                write!(self.out, "(id={}", py_repr_str(target)).unwrap();
                self.ctx(Ctx::Store);
                self.s(", value=");
                self.expr(value, Ctx::Load);
                self.s(")");
            }
            Yield(v) => {
                self.s("Yield");
                self.at(e.pos);
                self.s("(");
                if let Some(v) = v {
                    self.s("value=");
                    self.expr(v, Ctx::Load);
                }
                self.s(")");
            }
            YieldFrom(v) | Await(v) => {
                self.s(if matches!(e.kind, Await(_)) { "Await" } else { "YieldFrom" });
                self.at(e.pos);
                self.s("(value=");
                self.expr(v, Ctx::Load);
                self.s(")");
            }
        }
    }
}

fn binop(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "Add",
        BinOp::Sub => "Sub",
        BinOp::Mul => "Mult",
        BinOp::Div => "Div",
        BinOp::FloorDiv => "FloorDiv",
        BinOp::Mod => "Mod",
        BinOp::Pow => "Pow",
        BinOp::LShift => "LShift",
        BinOp::RShift => "RShift",
        BinOp::BitOr => "BitOr",
        BinOp::BitXor => "BitXor",
        BinOp::BitAnd => "BitAnd",
        BinOp::MatMul => "MatMult",
    }
}

/// CPython's side of the comparison: for each JSON-encoded source line on stdin, print
/// `ast.dump` of the parse tree normalized to what threadlab keeps (annotations replaced,
/// positions appended as `@line:col`), or `ERR` if CPython rejects it.
pub const PY_DUMP: &str = r#"
import ast, sys, json

def norm(node):
    for n in ast.walk(node):
        if isinstance(n, ast.AnnAssign):
            n.annotation = ast.Constant(value=...)
        if isinstance(n, ast.arg):
            n.annotation = None
        if isinstance(n, ast.FunctionDef):
            n.returns = None
        if isinstance(n, ast.arguments):
            n.args = n.posonlyargs + n.args
            n.posonlyargs = []
    return node

def dump(node, positions, in_fstring=False):
    if isinstance(node, ast.AST):
        name = type(node).__name__
        if positions and not in_fstring and isinstance(node, (ast.stmt, ast.expr, ast.excepthandler)) \
                and hasattr(node, 'lineno'):
            name += '@%d:%d' % (node.lineno, node.col_offset + 1)
        inner = in_fstring or isinstance(node, ast.JoinedStr)
        args = []
        for f in node._fields:
            try:
                v = getattr(node, f)
            except AttributeError:
                continue
            if v is None and getattr(type(node), f, ...) is None:
                continue
            args.append('%s=%s' % (f, dump(v, positions, inner)))
        return '%s(%s)' % (name, ', '.join(args))
    if isinstance(node, list):
        return '[%s]' % ', '.join(dump(x, positions, in_fstring) for x in node)
    return repr(node)

positions = sys.argv[1] == '1' if len(sys.argv) > 1 else False
for line in sys.stdin:
    src = json.loads(line)
    try:
        tree = ast.parse(src)
    except SyntaxError:
        print('ERR')
        continue
    print(dump(norm(tree), positions))
"#;

/// CPython's side of the error comparison: for each JSON-encoded source line, print
/// `type|msg|lineno|offset` of the SyntaxError `compile` raises, or `OK`. Errors CPython finds
/// only after parsing (symtable, compiler: "'break' outside loop") are prefixed `LATE:`;
/// threadlab's parser may accept those programs (its compiler reports them).
pub const PY_ERRORS: &str = r#"
import sys, json, warnings
warnings.simplefilter('ignore')
import ast
for line in sys.stdin:
    src = json.loads(line)
    late = ''
    try:
        ast.parse(src)
        # The parser accepts it: any error now comes from CPython's symtable or compiler.
        late = 'LATE:'
        compile(src, '<x>', 'exec')
        print('OK')
    except SyntaxError as e:
        print('%s%s|%s|%s|%s' % (late, type(e).__name__, json.dumps(e.msg, ensure_ascii=False), e.lineno, e.offset))
"#;

/// Run a python oracle script over many sources at once (one python process).
pub fn python_lines(script: &str, args: &[&str], sources: &[&str]) -> Vec<String> {
    let input: String = sources.iter().map(|s| json_str(s) + "\n").collect();
    let mut cmd = Command::new("python3");
    cmd.arg("-c").arg(script).args(args);
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3");
    // Feed stdin from another thread: python's output pipe must be drained meanwhile.
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || stdin.write_all(input.as_bytes()).unwrap());
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    assert!(
        out.status.success(),
        "python3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// Compare one result: `got` from threadlab, `want` from `PY_ERRORS`. Returns
/// `Ok(true)` on an exact match, `Ok(false)` when only the caret column differs.
pub fn compare(got: &str, want: &str) -> Result<bool, ()> {
    if let Some(late) = want.strip_prefix("LATE:") {
        if got == "OK" {
            return Ok(true);
        }
        return compare(got, late);
    }
    if got == want {
        return Ok(true);
    }
    let strip = |s: &str| s.rsplitn(2, '|').last().unwrap_or("").to_string();
    if got != "OK" && want != "OK" && strip(got) == strip(want) {
        return Ok(false);
    }
    Err(())
}
