//! The dunder methods of the builtin value types (`list.__getitem__`, `int.__add__`,
//! `dict.__init__`, `str.__new__`, ...), CPython's "slot wrappers".
//!
//! The VM runs operations on builtin values directly (ops.rs); these methods exist for Python
//! code that names them: `super().__setitem__(k, v)` and `dict.__getitem__(self, k)` in a
//! subclass, `super().__new__(cls, x)`. They are also what an instance of a Python subclass of a
//! builtin type (`class L(list)`, whose instances carry the builtin value as their base, see
//! `Instance::base`) finds on its class when an operation looks its dunder up: each one acts on
//! `base_value(self)`.

use crate::builtins_table;
use crate::lang::bytecode::{BinKind, CmpKind, UnaryKind};
use crate::vm::args::Args;
use crate::vm::exceptions::{is_exc, type_error, PyResult};
use crate::vm::ops;
use crate::vm::state::Vm;
use crate::vm::types::{base_value, construct_builtin, is_value_kind, py_hash, types, Builtin, Class, Instance, TypeKind, Wrapper};
use crate::vm::value::Value;
use std::sync::Arc;

fn this<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    match args.all.first() {
        Some(v) => Ok(base_value(v)),
        None => Err(type_error(format!("descriptor '{}' needs an argument", name))),
    }
}

fn arg<'a>(args: &Args<'a>, i: usize, name: &str) -> PyResult<&'a Value> {
    args.pos().get(i).ok_or_else(|| {
        let got = args.n().saturating_sub(1);
        type_error(format!("{} expected {} argument{}, got {}", name, i, if i == 1 { "" } else { "s" }, got))
    })
}

fn slot_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = this(&args, "__repr__")?.clone();
    let r = vm.repr(&v)?;
    // A set subclass shows its class, as CPython's set repr does (`Q({1, 2})`).
    if let (Value::Set(s), Value::Instance(i)) = (&v, &args.all[0]) {
        let name = i.class.name.as_str();
        let inner = if s.lock().len() == 0 { String::new() } else if s.frozen { r["frozenset(".len()..r.len() - 1].to_string() } else { r };
        return Ok(Value::string(format!("{}({})", name, inner)));
    }
    Ok(Value::string(r))
}

fn slot_str(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(this(&args, "__str__")?.clone())
}

fn slot_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = this(&args, "__format__")?.clone();
    let spec = match arg(&args, 1, "__format__")? {
        Value::Str(s) => s.as_str().to_string(),
        other => return Err(type_error(format!("format() argument 2 must be str, not {}", other.type_name()))),
    };
    Ok(Value::string(vm.format(&v, &spec)?))
}

fn slot_hash(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = this(&args, "__hash__")?;
    ops::check_hashable(v)?;
    Ok(Value::Int(py_hash(v)))
}

fn slot_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = this(&args, "__len__")?;
    Ok(Value::Int(match v {
        Value::Str(s) => s.char_len(),
        Value::List(l) => l.len(),
        Value::Tuple(t) => t.items.len(),
        Value::Dict(d) => d.lock().len(),
        Value::Set(s) => s.lock().len(),
        other => {
            let other = other.clone();
            return Err(type_error(format!("object of type '{}' has no len()", vm.repr(&Value::Class(types().class_of(&other)))?)));
        }
    } as i64))
}

fn slot_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = this(&args, "__iter__")?.clone();
    vm.get_iter(&v)
}

fn slot_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = this(&args, "__contains__")?.clone();
    Ok(Value::Bool(ops::contains(vm, &v, arg(&args, 1, "__contains__")?)?))
}

/// `dict.__getitem__` honours a subclass's `__missing__`, as CPython's does.
fn slot_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = this(&args, "__getitem__")?.clone();
    let key = arg(&args, 1, "__getitem__")?;
    match ops::getitem(vm, &v, key) {
        Err(e) if matches!(v, Value::Dict(_)) && is_exc(&e, "KeyError") => match &args.all[0] {
            Value::Instance(i) => match i.class.lookup("__missing__") {
                Some(m) => vm.call(&m, &[args.all[0].clone(), key.clone()]),
                None => Err(e),
            },
            _ => Err(e),
        },
        r => r,
    }
}

fn slot_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = this(&args, "__setitem__")?.clone();
    ops::setitem(vm, &v, arg(&args, 1, "__setitem__")?, arg(&args, 2, "__setitem__")?.clone())?;
    Ok(Value::None)
}

fn slot_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = this(&args, "__delitem__")?.clone();
    ops::delitem(vm, &v, arg(&args, 1, "__delitem__")?)?;
    Ok(Value::None)
}

fn compare_slot(vm: &mut Vm, args: Args, kind: CmpKind) -> PyResult<Value> {
    let a = this(&args, kind.dunder())?.clone();
    let b = base_value(arg(&args, 1, kind.dunder())?).clone();
    // Unlike types compare as NotImplemented, so the other operand gets its turn.
    if matches!(kind, CmpKind::Eq | CmpKind::Ne) && !same_family(&a, &b) {
        return Ok(Value::NotImplemented);
    }
    ops::compare(vm, &a, &b, kind)
}

/// Whether two builtin values compare by value rather than by identity.
fn same_family(a: &Value, b: &Value) -> bool {
    let num = |v: &Value| matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_));
    (num(a) && num(b)) || std::mem::discriminant(a) == std::mem::discriminant(b)
}

fn binop_slot(vm: &mut Vm, args: Args, kind: BinKind, reflected: bool) -> PyResult<Value> {
    let a = this(&args, kind.dunder().0)?.clone();
    let b = base_value(arg(&args, 1, kind.dunder().0)?).clone();
    let (x, y) = if reflected { (b, a) } else { (a, b) };
    Ok(ops::builtin_binop(vm, &x, &y, kind)?.unwrap_or(Value::NotImplemented))
}

fn unary_slot(vm: &mut Vm, args: Args, kind: UnaryKind) -> PyResult<Value> {
    let v = this(&args, "__neg__")?.clone();
    ops::unary_op(vm, &v, kind)
}

macro_rules! slot_fns {
    ($($cmp:ident = $ck:ident;)* | $($bin:ident, $rbin:ident = $bk:ident;)* | $($un:ident = $uk:ident;)*) => {
        $(fn $cmp(vm: &mut Vm, args: Args) -> PyResult<Value> { compare_slot(vm, args, CmpKind::$ck) })*
        $(
            fn $bin(vm: &mut Vm, args: Args) -> PyResult<Value> { binop_slot(vm, args, BinKind::$bk, false) }
            fn $rbin(vm: &mut Vm, args: Args) -> PyResult<Value> { binop_slot(vm, args, BinKind::$bk, true) }
        )*
        $(fn $un(vm: &mut Vm, args: Args) -> PyResult<Value> { unary_slot(vm, args, UnaryKind::$uk) })*
    };
}

slot_fns! {
    slot_lt = Lt; slot_le = Le; slot_eq = Eq; slot_ne = Ne; slot_gt = Gt; slot_ge = Ge;
    |
    slot_add, slot_radd = Add; slot_sub, slot_rsub = Sub; slot_mul, slot_rmul = Mul;
    slot_truediv, slot_rtruediv = Div; slot_floordiv, slot_rfloordiv = FloorDiv;
    slot_mod, slot_rmod = Mod; slot_pow, slot_rpow = Pow; slot_lshift, slot_rlshift = LShift;
    slot_rshift, slot_rrshift = RShift; slot_and, slot_rand = And; slot_or, slot_ror = Or;
    slot_xor, slot_rxor = Xor;
    |
    slot_neg = Neg; slot_pos = Pos; slot_invert = Invert;
}

fn slot_abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(match this(&args, "__abs__")? {
        Value::Float(f) => Value::Float(f.abs()),
        v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) => {
            let v = v.clone();
            let negative = ops::compare(vm, &v, &Value::Int(0), CmpKind::Lt)?;
            if vm.truthy(&negative)? {
                ops::unary_op(vm, &v, UnaryKind::Neg)?
            } else {
                ops::unary_op(vm, &v, UnaryKind::Pos)?
            }
        }
        other => return Err(type_error(format!("bad operand type for abs(): '{}'", other.type_name()))),
    })
}

fn slot_bool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = this(&args, "__bool__")?.clone();
    Ok(Value::Bool(vm.truthy(&v)?))
}

fn slot_int(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = this(&args, "__int__")?.clone();
    vm.call(&Value::Class(types().int.clone()), &[v])
}

fn slot_float(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = this(&args, "__float__")?.clone();
    vm.call(&Value::Class(types().float.clone()), &[v])
}

fn slot_index(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(this(&args, "__index__")?.clone())
}

/// `list.__init__`, `dict.__init__`, `set.__init__`: (re)fill the mutable base in place.
fn slot_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = this(&args, "__init__")?.clone();
    let rest = Args::new(&args.all[1..], args.kwnames);
    match &v {
        Value::List(l) => {
            rest.only_kwargs("list", &[])?;
            let p = rest.range("list", 0, 1)?;
            let items = match p.first() {
                Some(x) => vm.collect(x)?,
                None => Vec::new(),
            };
            *l.lock() = items;
        }
        Value::Set(s) => {
            rest.only_kwargs("set", &[])?;
            let p = rest.range("set", 0, 1)?;
            let fresh = match p.first() {
                Some(x) => vm.call(&Value::Class(types().set.clone()), &[x.clone()])?,
                None => Value::Set(Arc::new(crate::vm::types::Set::new(Default::default(), false))),
            };
            if let Value::Set(f) = fresh {
                let m = f.lock().clone();
                *s.lock() = m;
            }
        }
        Value::Dict(_) => {
            let update = types().dict.lookup("update").expect("dict.update");
            let mut all = vec![v.clone()];
            all.extend_from_slice(rest.all);
            vm.call_args(&update, Args::new(&all, rest.kwnames))?;
        }
        _ => {}
    }
    Ok(Value::None)
}

/// The builtin value type an instance of `cls` is laid out as: `cls` itself or the builtin
/// class on its MRO.
pub fn solid_base(cls: &Arc<Class>) -> Option<&Arc<Class>> {
    std::iter::once(cls).chain(cls.mro.iter()).find(|c| c.module.as_str() == "builtins" && is_value_kind(c.kind))
}

/// Whether instances of `kind` are mutated in place (their `__init__` fills them).
fn mutable(kind: TypeKind) -> bool {
    matches!(kind, TypeKind::List | TypeKind::Dict | TypeKind::Set)
}

/// A new instance of `cls`, a Python subclass of a builtin value type (or the builtin value,
/// when `cls` is the builtin type): immutable bases are made from `args` (`int.__new__(cls, x)`),
/// mutable ones start empty and `__init__` fills them.
pub fn new_value_instance(vm: &mut Vm, cls: &Arc<Class>, args: Args) -> PyResult<Value> {
    let solid = solid_base(cls).ok_or_else(|| type_error(format!("{}.__new__ needs a builtin base", cls.name.as_str())))?.clone();
    let base = if mutable(solid.kind) { construct_builtin(vm, &solid, Args::positional(&[]))? } else { construct_builtin(vm, &solid, args)? };
    if Arc::ptr_eq(cls, &solid) {
        return Ok(base);
    }
    Ok(Value::Instance(Arc::new(Instance::with_payload(cls.clone(), Box::new(base)))))
}

/// `int.__new__(cls, ...)`, `list.__new__(cls)`, ...
fn slot_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.all.first() {
        Some(Value::Class(c)) => c.clone(),
        Some(other) => return Err(type_error(format!("__new__(X): X is not a type object ({})", other.type_name()))),
        None => return Err(type_error("__new__(): not enough arguments")),
    };
    new_value_instance(vm, &cls, Args::new(&args.all[1..], args.kwnames))
}

static SLOT_NEW: Builtin = Builtin { name: "__new__", f: slot_new };

static COMMON: &[Builtin] = builtins_table![
    "__repr__" => slot_repr,
    "__eq__" => slot_eq,
    "__ne__" => slot_ne,
    "__lt__" => slot_lt,
    "__le__" => slot_le,
    "__gt__" => slot_gt,
    "__ge__" => slot_ge,
];

static HASHABLE: &[Builtin] = builtins_table!["__hash__" => slot_hash];

static CONTAINER: &[Builtin] = builtins_table![
    "__len__" => slot_len,
    "__iter__" => slot_iter,
    "__contains__" => slot_contains,
];

static SUBSCRIPT: &[Builtin] = builtins_table!["__getitem__" => slot_getitem];

static MUTABLE: &[Builtin] = builtins_table![
    "__setitem__" => slot_setitem,
    "__delitem__" => slot_delitem,
];

static INIT: &[Builtin] = builtins_table!["__init__" => slot_init];

static SEQUENCE_OPS: &[Builtin] = builtins_table![
    "__add__" => slot_add,
    "__mul__" => slot_mul,
    "__rmul__" => slot_rmul,
];

static SET_OPS: &[Builtin] = builtins_table![
    "__or__" => slot_or,
    "__and__" => slot_and,
    "__sub__" => slot_sub,
    "__xor__" => slot_xor,
    "__ror__" => slot_ror,
    "__rand__" => slot_rand,
    "__rsub__" => slot_rsub,
    "__rxor__" => slot_rxor,
];

static NUMBER: &[Builtin] = builtins_table![
    "__format__" => slot_format,
    "__add__" => slot_add,
    "__radd__" => slot_radd,
    "__sub__" => slot_sub,
    "__rsub__" => slot_rsub,
    "__mul__" => slot_mul,
    "__rmul__" => slot_rmul,
    "__truediv__" => slot_truediv,
    "__rtruediv__" => slot_rtruediv,
    "__floordiv__" => slot_floordiv,
    "__rfloordiv__" => slot_rfloordiv,
    "__mod__" => slot_mod,
    "__rmod__" => slot_rmod,
    "__pow__" => slot_pow,
    "__rpow__" => slot_rpow,
    "__neg__" => slot_neg,
    "__pos__" => slot_pos,
    "__abs__" => slot_abs,
    "__bool__" => slot_bool,
    "__int__" => slot_int,
    "__float__" => slot_float,
];

static INT_ONLY: &[Builtin] = builtins_table![
    "__index__" => slot_index,
    "__invert__" => slot_invert,
    "__lshift__" => slot_lshift,
    "__rlshift__" => slot_rlshift,
    "__rshift__" => slot_rshift,
    "__rrshift__" => slot_rrshift,
    "__and__" => slot_and,
    "__rand__" => slot_rand,
    "__or__" => slot_or,
    "__ror__" => slot_ror,
    "__xor__" => slot_xor,
    "__rxor__" => slot_rxor,
];

static STR_ONLY: &[Builtin] = builtins_table![
    "__str__" => slot_str,
    "__format__" => slot_format,
    "__mod__" => slot_mod,
];

/// The dunder methods of builtin type `kind`, for its class's namespace.
pub fn slots_for(kind: TypeKind) -> Vec<(&'static str, Value)> {
    let groups: &[&'static [Builtin]] = match kind {
        TypeKind::Int => &[COMMON, HASHABLE, NUMBER, INT_ONLY],
        TypeKind::Float => &[COMMON, HASHABLE, NUMBER],
        TypeKind::Str => &[COMMON, HASHABLE, CONTAINER, SUBSCRIPT, SEQUENCE_OPS, STR_ONLY],
        TypeKind::Tuple => &[COMMON, HASHABLE, CONTAINER, SUBSCRIPT, SEQUENCE_OPS],
        TypeKind::List => &[COMMON, CONTAINER, SUBSCRIPT, MUTABLE, SEQUENCE_OPS, INIT],
        TypeKind::Dict => &[COMMON, CONTAINER, SUBSCRIPT, MUTABLE, INIT],
        TypeKind::Set => &[COMMON, CONTAINER, SET_OPS, INIT],
        TypeKind::FrozenSet => &[COMMON, HASHABLE, CONTAINER, SET_OPS],
        _ => &[],
    };
    let mut out: Vec<(&'static str, Value)> = Vec::new();
    for g in groups {
        for b in g.iter() {
            if !out.iter().any(|(n, _)| *n == b.name) {
                out.push((b.name, Value::Builtin(b)));
            }
        }
    }
    if !groups.is_empty() {
        out.push(("__new__", Value::Wrapper(Arc::new(Wrapper::StaticMethod(Value::Builtin(&SLOT_NEW))))));
    }
    if matches!(kind, TypeKind::List | TypeKind::Dict | TypeKind::Set) {
        // Mutable containers are unhashable.
        out.push(("__hash__", Value::None));
    }
    out
}
