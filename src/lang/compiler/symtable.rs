//! Scope analysis: which names are fast locals, cells, free variables, globals or class-namespace
//! names, following CPython's `symtable.c`. Runs before code generation so the compiler knows,
//! for every scope, where each name lives.

use crate::lang::ast::*;
use crate::lang::error::CompileError;
use std::collections::{HashMap, HashSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Function,
    Class,
    /// Lambdas and comprehensions: functions without a `def`.
    Lambda,
}

/// Where a name lives in one scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sym {
    Local,
    /// A local captured by an inner scope.
    Cell,
    /// Captured from an enclosing function.
    Free,
    Global,
    /// A class-body name (namespace dict, then globals).
    Name,
    /// Used in a class body, bound in an enclosing function.
    ClassFree,
}

pub struct Scope {
    pub kind: ScopeKind,
    pub params: Vec<String>,
    /// Names bound in the scope, in order of first binding.
    bound: Vec<String>,
    bound_set: HashSet<String>,
    used: HashSet<String>,
    globals: HashSet<String>,
    nonlocals: HashSet<String>,
    /// Where each `nonlocal` was declared, for the "no binding" error.
    nonlocal_pos: HashMap<String, (u32, u32)>,
    pub children: Vec<usize>,
    pub uses_super: bool,
    /// Contains `yield`: calling it makes a generator (an async generator when also async).
    pub is_generator: bool,
    /// `async def`, or a comprehension that awaits inside one.
    pub is_coroutine: bool,
    /// A comprehension scope: what CPython calls it in messages ("list comprehension").
    pub comp: Option<&'static str>,
    /// Results of the analysis.
    pub syms: HashMap<String, Sym>,
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
}

impl Scope {
    fn new(kind: ScopeKind) -> Scope {
        Scope {
            kind,
            params: Vec::new(),
            bound: Vec::new(),
            bound_set: HashSet::new(),
            used: HashSet::new(),
            globals: HashSet::new(),
            nonlocals: HashSet::new(),
            nonlocal_pos: HashMap::new(),
            children: Vec::new(),
            uses_super: false,
            is_generator: false,
            is_coroutine: false,
            comp: None,
            syms: HashMap::new(),
            varnames: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
        }
    }
    fn bind(&mut self, name: &str) {
        if self.bound_set.insert(name.to_string()) {
            self.bound.push(name.to_string());
        }
    }
    pub fn lookup(&self, name: &str) -> Sym {
        if let Some(s) = self.syms.get(name) {
            return *s;
        }
        match self.kind {
            ScopeKind::Class => Sym::Name,
            _ => Sym::Global,
        }
    }
}

/// The scopes of a module, indexed by the address of the AST node that opens each one.
pub struct SymTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
}

impl SymTable {
    pub fn scope_of<T>(&self, node: &T) -> usize {
        self.by_node[&(node as *const T as usize)]
    }
}

pub fn build(module: &Module) -> Result<SymTable, CompileError> {
    let mut b = Builder { scopes: vec![Scope::new(ScopeKind::Module)], by_node: HashMap::new(), cur: 0 };
    for s in &module.body {
        b.stmt(s)?;
    }
    let mut table = SymTable { scopes: b.scopes, by_node: b.by_node };
    analyze(&mut table, 0, &HashSet::new())?;
    Ok(table)
}

struct Builder {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
    cur: usize,
}

impl Builder {
    fn scope(&mut self) -> &mut Scope {
        &mut self.scopes[self.cur]
    }

    fn enter<T>(&mut self, node: &T, kind: ScopeKind) -> usize {
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind));
        self.scopes[self.cur].children.push(id);
        self.by_node.insert(node as *const T as usize, id);
        let prev = self.cur;
        self.cur = id;
        prev
    }

    fn use_name(&mut self, name: &str) {
        if name == "super" {
            self.scope().uses_super = true;
        }
        self.scope().used.insert(name.to_string());
    }

    fn params(&mut self, p: &Params) {
        let mut names: Vec<&String> = p.args.iter().map(|a| &a.name).collect();
        names.extend(p.kwonly.iter().map(|a| &a.name));
        names.extend(p.vararg.iter());
        names.extend(p.kwarg.iter());
        for n in names {
            self.scope().params.push(n.clone());
            self.scope().bind(n);
        }
    }

    fn param_defaults(&mut self, p: &Params) -> Result<(), CompileError> {
        for a in p.args.iter().chain(p.kwonly.iter()) {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        // Annotations are evaluated where the function is defined, as its defaults are.
        for (_, a) in &p.annotations {
            self.expr(a)?;
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), CompileError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), CompileError> {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e)?,
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.use_name(n);
                }
                self.target(target)?;
            }
            StmtKind::AnnAssign { target, annotation, value } => {
                // Module and class bodies evaluate the annotation of a plain name.
                if matches!(target.kind, ExprKind::Name(_)) && matches!(self.scopes[self.cur].kind, ScopeKind::Module | ScopeKind::Class) {
                    self.expr(annotation)?;
                }
                if let Some(v) = value {
                    self.expr(v)?;
                    self.target(target)?;
                } else if let ExprKind::Name(n) = &target.kind {
                    // A bare annotation makes the name local without assigning it.
                    if self.scopes[self.cur].kind != ScopeKind::Module {
                        self.scope().bind(n);
                    }
                } else {
                    self.target(target)?;
                }
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::AsyncFor { target, iter, body, orelse } => {
                self.require_async("'async for' outside async function", s.pos)?;
                self.expr(iter)?;
                self.target(target)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::For { target, iter, body, orelse } => {
                self.expr(iter)?;
                self.target(target)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::Break | StmtKind::Continue | StmtKind::Pass => {}
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            StmtKind::FunctionDef(f) => {
                for d in &f.decorators {
                    self.expr(d)?;
                }
                self.param_defaults(&f.params)?;
                if let Some(r) = &f.returns {
                    self.expr(r)?;
                }
                self.scope().bind(f.bound_name());
                let prev = self.enter(f, ScopeKind::Function);
                self.scope().is_coroutine = f.is_async;
                self.params(&f.params);
                self.stmts(&f.body)?;
                self.cur = prev;
            }
            StmtKind::ClassDef(c) => {
                for d in &c.decorators {
                    self.expr(d)?;
                }
                for b in &c.bases {
                    self.expr(b)?;
                }
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                self.scope().bind(c.bound_name());
                let prev = self.enter(c, ScopeKind::Class);
                self.stmts(&c.body)?;
                self.cur = prev;
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.scope().bind(n);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let bound = a.asname.clone().unwrap_or_else(|| a.name.split('.').next().unwrap().to_string());
                    self.scope().bind(&bound);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        if self.scopes[self.cur].kind != ScopeKind::Module {
                            return Err(CompileError::syntax("import * only allowed at module level", s.pos.line, s.pos.col));
                        }
                        continue;
                    }
                    let bound = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.scope().bind(&bound);
                }
            }
            StmtKind::Global(names) => {
                for n in names {
                    let sc = &self.scopes[self.cur];
                    if sc.params.contains(n) {
                        return Err(CompileError::syntax(format!("name '{}' is parameter and global", n), s.pos.line, s.pos.col));
                    }
                    if sc.nonlocals.contains(n) {
                        return Err(CompileError::syntax(format!("name '{}' is nonlocal and global", n), s.pos.line, s.pos.col));
                    }
                    if sc.bound_set.contains(n) {
                        return Err(CompileError::syntax(format!("name '{}' is assigned to before global declaration", n), s.pos.line, s.pos.col));
                    }
                    if sc.used.contains(n) {
                        return Err(CompileError::syntax(format!("name '{}' is used prior to global declaration", n), s.pos.line, s.pos.col));
                    }
                    self.scope().globals.insert(n.clone());
                }
            }
            StmtKind::Nonlocal(names) => {
                for n in names {
                    let sc = &self.scopes[self.cur];
                    if sc.kind == ScopeKind::Module {
                        return Err(CompileError::syntax("nonlocal declaration not allowed at module level", s.pos.line, s.pos.col));
                    }
                    if sc.params.contains(n) {
                        return Err(CompileError::syntax(format!("name '{}' is parameter and nonlocal", n), s.pos.line, s.pos.col));
                    }
                    if sc.globals.contains(n) {
                        return Err(CompileError::syntax(format!("name '{}' is nonlocal and global", n), s.pos.line, s.pos.col));
                    }
                    if sc.bound_set.contains(n) {
                        return Err(CompileError::syntax(format!("name '{}' is assigned to before nonlocal declaration", n), s.pos.line, s.pos.col));
                    }
                    if sc.used.contains(n) {
                        return Err(CompileError::syntax(format!("name '{}' is used prior to nonlocal declaration", n), s.pos.line, s.pos.col));
                    }
                    self.scope().nonlocals.insert(n.clone());
                    self.scope().nonlocal_pos.insert(n.clone(), (s.pos.line, s.pos.col));
                }
            }
            StmtKind::Del(targets) => {
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::With { items, body } | StmtKind::AsyncWith { items, body } => {
                if matches!(s.kind, StmtKind::AsyncWith { .. }) {
                    self.require_async("'async with' outside async function", s.pos)?;
                }
                for it in items {
                    self.expr(&it.context)?;
                    if let Some(t) = &it.target {
                        self.target(t)?;
                    }
                }
                self.stmts(body)?;
            }
        }
        Ok(())
    }

    /// An assignment (or `del`) target.
    fn target(&mut self, e: &Expr) -> Result<(), CompileError> {
        match &e.kind {
            ExprKind::Name(n) => self.scope().bind(n),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.target(i)?;
                }
            }
            ExprKind::Starred(inner) => self.target(inner)?,
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
            }
            _ => self.expr(e)?,
        }
        Ok(())
    }

    /// `async for` / `async with` / `await` need an enclosing `async def` (`what` is the
    /// error otherwise).
    fn require_async(&mut self, what: &str, pos: Pos) -> Result<(), CompileError> {
        let sc = &self.scopes[self.cur];
        if sc.is_coroutine {
            return Ok(());
        }
        Err(CompileError::syntax(what, pos.line, pos.col))
    }

    /// Marks the current scope a generator; `yield` outside a function is an error.
    fn found_yield(&mut self, e: &Expr) -> Result<(), CompileError> {
        let sc = &self.scopes[self.cur];
        let err = |m: String| Err(CompileError::syntax(m, e.pos.line, e.pos.col));
        if let Some(comp) = sc.comp {
            return err(format!("'yield' inside {}", comp));
        }
        if matches!(sc.kind, ScopeKind::Module | ScopeKind::Class) {
            return err("'yield' outside function".into());
        }
        if sc.is_coroutine && matches!(e.kind, ExprKind::YieldFrom(_)) {
            return err("'yield from' inside async function".into());
        }
        self.scope().is_generator = true;
        Ok(())
    }

    /// `await` (or an async comprehension): allowed in an `async def`, and in a comprehension
    /// inside one (which then becomes a coroutine itself, or an async generator).
    fn found_await(&mut self, pos: Pos, what: &str) -> Result<(), CompileError> {
        let mut id = self.cur;
        let mut comps = Vec::new();
        while self.scopes[id].comp.is_some() && !self.scopes[id].is_coroutine {
            comps.push(id);
            id = self.parent_of(id);
        }
        let sc = &self.scopes[id];
        if !sc.is_coroutine {
            let msg = if what == "await" {
                if sc.kind == ScopeKind::Module { "'await' outside function" } else { "'await' outside async function" }
            } else {
                "asynchronous comprehension outside of an asynchronous function"
            };
            return Err(CompileError::syntax(msg, pos.line, pos.col));
        }
        for c in comps {
            self.scopes[c].is_coroutine = true;
        }
        Ok(())
    }

    fn parent_of(&self, id: usize) -> usize {
        self.scopes.iter().position(|s| s.children.contains(&id)).unwrap_or(0)
    }

    fn comprehension(&mut self, node: &Expr, generators: &[Comprehension], elts: &[&Expr]) -> Result<(), CompileError> {
        // The first iterable is evaluated in the enclosing scope and passed in as `.0`.
        self.expr(&generators[0].iter)?;
        let prev = self.enter(node, ScopeKind::Lambda);
        self.scope().comp = Some(match &node.kind {
            ExprKind::ListComp { .. } => "list comprehension",
            ExprKind::SetComp { .. } => "set comprehension",
            ExprKind::DictComp { .. } => "dict comprehension",
            _ => "generator expression",
        });
        self.scope().is_generator = matches!(node.kind, ExprKind::GeneratorExp { .. });
        if generators.iter().any(|g| g.is_async) {
            self.found_await(node.pos, "async for")?;
        }
        self.scope().params.push(".0".into());
        self.scope().bind(".0");
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            for cond in &g.ifs {
                self.expr(cond)?;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        self.cur = prev;
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), CompileError> {
        match &e.kind {
            ExprKind::Name(n) => self.use_name(n),
            ExprKind::Constant(_) => {}
            ExprKind::FString(parts) => self.fstring(parts)?,
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(v)?;
                }
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left)?;
                for c in comparators {
                    self.expr(c)?;
                }
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func)?;
                for a in args {
                    self.expr(a)?;
                }
                for k in keywords {
                    self.expr(&k.value)?;
                }
            }
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
            }
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
                for i in items {
                    self.expr(i)?;
                }
            }
            ExprKind::Dict(pairs) => {
                for (k, v) in pairs {
                    if let Some(k) = k {
                        self.expr(k)?;
                    }
                    self.expr(v)?;
                }
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => self.comprehension(e, generators, &[elt])?,
            ExprKind::DictComp { key, value, generators } => self.comprehension(e, generators, &[key, value])?,
            ExprKind::Lambda { params, body } => {
                self.param_defaults(params)?;
                let prev = self.enter(e, ScopeKind::Lambda);
                self.params(params);
                self.expr(body)?;
                self.cur = prev;
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Starred(inner) => self.expr(inner)?,
            ExprKind::Yield(v) => {
                self.found_yield(e)?;
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            ExprKind::YieldFrom(v) => {
                self.found_yield(e)?;
                self.expr(v)?;
            }
            ExprKind::Await(v) => {
                self.found_await(e.pos, "await")?;
                self.expr(v)?;
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.named_target(target, e.pos)?;
            }
        }
        Ok(())
    }

    /// The target of `name := value`: bound in the current scope, or, inside comprehensions, in
    /// the nearest enclosing scope that is not a comprehension (PEP 572), which the
    /// comprehensions then reach as a nonlocal (or global) name.
    fn named_target(&mut self, name: &str, pos: Pos) -> Result<(), CompileError> {
        if self.scopes[self.cur].comp.is_none() {
            self.scope().bind(name);
            return Ok(());
        }
        let mut t = self.cur;
        let mut comps = Vec::new();
        while self.scopes[t].comp.is_some() {
            comps.push(t);
            t = self.parent_of(t);
        }
        if self.scopes[t].kind == ScopeKind::Class {
            return Err(CompileError::syntax("assignment expression within a comprehension cannot be used in a class body", pos.line, pos.col));
        }
        let global = self.scopes[t].kind == ScopeKind::Module || self.scopes[t].globals.contains(name);
        if !global {
            self.scopes[t].bind(name);
        }
        for c in comps {
            if global {
                self.scopes[c].globals.insert(name.to_string());
            } else {
                self.scopes[c].nonlocals.insert(name.to_string());
            }
        }
        Ok(())
    }

    fn fstring(&mut self, parts: &[FStringPart]) -> Result<(), CompileError> {
        for p in parts {
            if let FStringPart::Field(f) = p {
                self.expr(&f.expr)?;
                self.fstring(&f.format_spec)?;
            }
        }
        Ok(())
    }
}

/// Resolves the names of scope `id`, given the names bound by enclosing function scopes.
/// Returns the scope's free variables (what it needs from outside).
fn analyze(t: &mut SymTable, id: usize, enclosing: &HashSet<String>) -> Result<Vec<String>, CompileError> {
    let kind = t.scopes[id].kind;
    let children = t.scopes[id].children.clone();
    match kind {
        ScopeKind::Module => {
            for c in children {
                analyze(t, c, &HashSet::new())?;
            }
            Ok(Vec::new())
        }
        ScopeKind::Class => {
            let sc = &t.scopes[id];
            let mut syms = HashMap::new();
            let mut free: Vec<String> = Vec::new();
            for n in &sc.globals {
                syms.insert(n.clone(), Sym::Global);
            }
            for n in &sc.bound {
                if !sc.globals.contains(n) {
                    syms.insert(n.clone(), Sym::Name);
                }
            }
            for n in &sc.nonlocals {
                if !enclosing.contains(n) {
                    let (line, col) = sc.nonlocal_pos[n];
                    return Err(CompileError::syntax(format!("no binding for nonlocal '{}' found", n), line, col));
                }
            }
            let mut used: Vec<&String> = sc.used.iter().collect();
            used.sort();
            for n in used {
                if !syms.contains_key(n) && enclosing.contains(n) {
                    syms.insert(n.clone(), Sym::ClassFree);
                    free.push(n.clone());
                }
            }
            // Class-body names are not visible to methods: children see only the enclosing functions.
            let inner: HashSet<String> = enclosing.iter().filter(|n| !t.scopes[id].globals.contains(*n)).cloned().collect();
            for c in children {
                for n in analyze(t, c, &inner)? {
                    if !free.contains(&n) {
                        free.push(n.clone());
                    }
                    syms.entry(n).or_insert(Sym::ClassFree);
                }
            }
            let sc = &mut t.scopes[id];
            sc.syms = syms;
            sc.freevars = free.clone();
            Ok(free)
        }
        ScopeKind::Function | ScopeKind::Lambda => {
            let sc = &t.scopes[id];
            let mut syms: HashMap<String, Sym> = HashMap::new();
            let mut varnames: Vec<String> = sc.params.clone();
            for n in &sc.globals {
                syms.insert(n.clone(), Sym::Global);
            }
            let mut free: Vec<String> = Vec::new();
            let mut nl: Vec<&String> = sc.nonlocals.iter().collect();
            nl.sort();
            for n in nl {
                if !enclosing.contains(n) {
                    let (line, col) = sc.nonlocal_pos[n];
                    return Err(CompileError::syntax(format!("no binding for nonlocal '{}' found", n), line, col));
                }
                syms.insert(n.clone(), Sym::Free);
                free.push(n.clone());
            }
            for n in &sc.bound {
                if !syms.contains_key(n) {
                    syms.insert(n.clone(), Sym::Local);
                    if !varnames.contains(n) {
                        varnames.push(n.clone());
                    }
                }
            }
            let mut used: Vec<&String> = sc.used.iter().collect();
            used.sort();
            for n in used {
                if !syms.contains_key(n) && enclosing.contains(n) {
                    syms.insert(n.clone(), Sym::Free);
                    free.push(n.clone());
                }
            }
            let mut inner: HashSet<String> = enclosing.iter().filter(|n| !sc.globals.contains(*n)).cloned().collect();
            for (n, s) in &syms {
                if *s == Sym::Local {
                    inner.insert(n.clone());
                }
            }
            let mut cells: Vec<String> = Vec::new();
            for c in children {
                for n in analyze(t, c, &inner)? {
                    match syms.get(&n) {
                        Some(Sym::Local) => {
                            syms.insert(n.clone(), Sym::Cell);
                            cells.push(n);
                        }
                        Some(Sym::Cell) | Some(Sym::Free) => {}
                        _ => {
                            syms.insert(n.clone(), Sym::Free);
                            free.push(n);
                        }
                    }
                }
            }
            // A cell that is not a parameter needs no fast-local slot.
            let params = t.scopes[id].params.clone();
            varnames.retain(|n| params.contains(n) || syms.get(n) != Some(&Sym::Cell));
            let sc = &mut t.scopes[id];
            sc.syms = syms;
            sc.varnames = varnames;
            sc.cellvars = cells;
            sc.freevars = free.clone();
            Ok(free)
        }
    }
}
