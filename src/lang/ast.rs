//! The abstract syntax tree of threadlab's Python subset.
//!
//! This is the contract between the parser (which builds it) and the compiler (which turns it into
//! bytecode). It follows the shape of CPython's `ast` module so that anyone who knows Python's grammar
//! can read it, but keeps only what the subset supports. Every node carries the 1-based line and
//! 1-based column where it starts, because errors and tracebacks must name the line CPython names.

use num_bigint::BigInt;

/// 1-based source position of a node's first character.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub pos: Pos,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// An expression evaluated for its effect, e.g. a call.
    Expr(Expr),
    /// `a = b = value`: one or more targets, assigned left to right.
    Assign { targets: Vec<Expr>, value: Expr },
    /// `target op= value`, e.g. `total += 1`.
    AugAssign { target: Expr, op: BinOp, value: Expr },
    /// `target: annotation [= value]`. Module and class bodies record the annotation of a
    /// plain name in `__annotations__`.
    AnnAssign { target: Expr, annotation: Box<Expr>, value: Option<Expr> },
    If { test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    While { test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    For { target: Expr, iter: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    Break,
    Continue,
    Pass,
    Return(Option<Expr>),
    FunctionDef(FunctionDef),
    ClassDef(ClassDef),
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    /// `raise`, `raise exc`, `raise exc from cause`.
    Raise { exc: Option<Expr>, cause: Option<Expr> },
    Assert { test: Expr, msg: Option<Expr> },
    /// `import a.b as c, d`
    Import(Vec<Alias>),
    /// `from module import a as b, c` (`names` holds one alias named `*` for a star import).
    ImportFrom { module: String, names: Vec<Alias> },
    Global(Vec<String>),
    Nonlocal(Vec<String>),
    Del(Vec<Expr>),
    /// `with a as x, b:` — needed for `with lock:`.
    With { items: Vec<WithItem>, body: Vec<Stmt> },
    /// `async for` (only inside `async def`).
    AsyncFor { target: Expr, iter: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    /// `async with` (only inside `async def`).
    AsyncWith { items: Vec<WithItem>, body: Vec<Stmt> },
}

#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    pub name: String,
    pub params: Params,
    pub body: Vec<Stmt>,
    /// Decorators, outermost first, as written top to bottom.
    pub decorators: Vec<Expr>,
    /// `async def`: calling it makes a coroutine.
    pub is_async: bool,
    /// The `-> annotation`, if any.
    pub returns: Option<Box<Expr>>,
    /// The name the `def` binds when it is not `name`: a private name mangled in a class
    /// (`def __f` in class A binds `_A__f`, while `__name__` stays `__f`).
    pub bound_as: Option<String>,
}

impl FunctionDef {
    /// The name the statement assigns to.
    pub fn bound_name(&self) -> &str {
        self.bound_as.as_deref().unwrap_or(&self.name)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    pub name: String,
    pub bases: Vec<Expr>,
    /// `metaclass=M` and the other keywords of the class statement.
    pub keywords: Vec<Keyword>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    /// As `FunctionDef::bound_as`: the mangled name a private class name binds.
    pub bound_as: Option<String>,
}

impl ClassDef {
    /// The name the statement assigns to.
    pub fn bound_name(&self) -> &str {
        self.bound_as.as_deref().unwrap_or(&self.name)
    }
}

/// A parameter list: `def f(a, b=1, *args, c, d=2, **kwargs)`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Params {
    /// Positional-or-keyword parameters, in order.
    pub args: Vec<Param>,
    /// The name after `*`, if any.
    pub vararg: Option<String>,
    /// Keyword-only parameters (after `*` or `*args`).
    pub kwonly: Vec<Param>,
    /// The name after `**`, if any.
    pub kwarg: Option<String>,
    /// `name: annotation` of the annotated parameters, in `__annotations__`'s order (CPython's:
    /// positional, positional-only, `*args`, keyword-only, `**kwargs`). Lambdas have none.
    pub annotations: Vec<(String, Expr)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub name: String,
    pub default: Option<Expr>,
    pub pos: Pos,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler {
    /// `None` for a bare `except:`. A tuple expression for `except (A, B):`.
    pub typ: Option<Expr>,
    /// The name after `as`.
    pub name: Option<String>,
    pub body: Vec<Stmt>,
    pub pos: Pos,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    /// Dotted name for `import`, plain name for `from ... import`.
    pub name: String,
    pub asname: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct WithItem {
    pub context: Expr,
    pub target: Option<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub pos: Pos,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Name(String),
    Constant(Constant),
    /// An f-string, already split into literal text and replacement fields.
    /// Adjacent string literals (`"a" f"{b}"`) are joined into one FString or Constant::Str.
    FString(Vec<FStringPart>),
    BinOp { left: Box<Expr>, op: BinOp, right: Box<Expr> },
    UnaryOp { op: UnaryOp, operand: Box<Expr> },
    /// `a and b and c` / `a or b`: two or more values.
    BoolOp { op: BoolOp, values: Vec<Expr> },
    /// `a < b <= c`: chained comparison, `ops.len() == comparators.len()`.
    Compare { left: Box<Expr>, ops: Vec<CmpOp>, comparators: Vec<Expr> },
    Call { func: Box<Expr>, args: Vec<Expr>, keywords: Vec<Keyword> },
    Attribute { value: Box<Expr>, attr: String },
    /// `value[index]`; the index is an `ExprKind::Slice` for `a[1:2]`, and a Tuple for `a[1, 2]`.
    Subscript { value: Box<Expr>, index: Box<Expr> },
    /// Only appears as the index of a Subscript (or inside a Tuple there).
    Slice { lower: Option<Box<Expr>>, upper: Option<Box<Expr>>, step: Option<Box<Expr>> },
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    /// `{k: v, **other}`: a `None` key means `**value`.
    Dict(Vec<(Option<Expr>, Expr)>),
    Set(Vec<Expr>),
    ListComp { elt: Box<Expr>, generators: Vec<Comprehension> },
    SetComp { elt: Box<Expr>, generators: Vec<Comprehension> },
    DictComp { key: Box<Expr>, value: Box<Expr>, generators: Vec<Comprehension> },
    /// `(x for x in xs)`: a generator; only the first iterable is evaluated at once.
    GeneratorExp { elt: Box<Expr>, generators: Vec<Comprehension> },
    Lambda { params: Box<Params>, body: Box<Expr> },
    /// `body if test else orelse`
    IfExp { test: Box<Expr>, body: Box<Expr>, orelse: Box<Expr> },
    /// `yield` / `yield value`.
    Yield(Option<Box<Expr>>),
    /// `yield from iterable`.
    YieldFrom(Box<Expr>),
    /// `await awaitable`.
    Await(Box<Expr>),
    /// `*x` in a call's arguments, a list/tuple display, or an assignment target.
    Starred(Box<Expr>),
    /// `name := value` (an assignment expression).
    NamedExpr { target: String, value: Box<Expr> },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    /// An integer literal that fits in i64.
    Int(i64),
    /// An integer literal that does not fit in i64.
    BigInt(BigInt),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    Ellipsis,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FStringPart {
    Literal(String),
    Field(FStringField),
}

#[derive(Clone, Debug, PartialEq)]
pub struct FStringField {
    pub expr: Expr,
    /// `Some("x=")` for the `{x=}` debug form: the text to print before the value
    /// (the expression's source text, including the `=` and any surrounding spaces).
    pub debug_text: Option<String>,
    /// `!r`, `!s` or `!a`. When `debug_text` is set and neither conversion nor spec is given,
    /// Python uses `!r`; the parser records that here as `Some('r')`.
    pub conversion: Option<char>,
    /// The format spec after `:`, which may itself contain nested fields (`{x:>{width}}`).
    pub format_spec: Vec<FStringPart>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    /// `None` for `**mapping`.
    pub name: Option<String>,
    pub value: Expr,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    /// `async for` in a comprehension.
    pub is_async: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    MatMul,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Not,
    Neg,
    Pos,
    Invert,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}
