//! Operators: arithmetic, comparison, membership, subscripting, hashing. Fast paths for
//! builtin types first, user dunder methods last.

use crate::lang::bytecode::{BinKind, CmpKind, UnaryKind};
use super::exceptions::{type_error, value_error, zero_division, PyResult};
use super::limits::{Nested, Nesting};
use super::state::Vm;
use super::types::{big_binop, dict_binop, list_binop, set_binop, str_binop, tuple_binop, big_to_f64, dict_delitem, dict_getitem, dict_setitem, float_binop, float_binop_fast, index_of, int_binop_fast, int_float_cmp, list_delitem, list_getitem, list_setitem, range_contains, range_getitem, str_contains, str_getitem, tuple_getitem, view_contains, Dict, HashKey, Instance, Set, SetMap};
use super::types::{base_value, has_base};
use super::value::Value;
use num_bigint::BigInt;
use num_traits::{Signed, Zero};
use std::cmp::Ordering;
use std::sync::Arc;

/// A number seen through Python's numeric tower (borrowed: a big int is cloned only when the
/// arithmetic needs an owned one).
enum Num<'a> {
    Int(i64),
    Big(&'a BigInt),
    Float(f64),
}

fn as_num(v: &Value) -> Option<Num<'_>> {
    match v {
        Value::Int(i) => Some(Num::Int(*i)),
        Value::Bool(b) => Some(Num::Int(*b as i64)),
        Value::BigInt(b) => Some(Num::Big(b)),
        Value::Float(f) => Some(Num::Float(*f)),
        _ => None,
    }
}

fn num_f64(n: &Num) -> PyResult<f64> {
    match n {
        Num::Int(i) => Ok(*i as f64),
        Num::Big(b) => big_to_f64(b),
        Num::Float(f) => Ok(*f),
    }
}

/// An int operand as an owned BigInt (floats never get here).
fn num_big(n: Num) -> BigInt {
    match n {
        Num::Int(i) => BigInt::from(i),
        Num::Big(b) => b.clone(),
        Num::Float(_) => unreachable!("a float in big-int arithmetic"),
    }
}

/// Ints below 2**53 convert to float exactly, so comparing them as floats is exact.
const EXACT_IN_F64: u64 = 1 << 53;

/// Float arithmetic the dispatch loop does inline, after its small-int path: floats, and ints
/// mixed with floats (the int converted as CPython's float ops do), for the operations that
/// cannot raise. None: take `binary_op` / `inplace_op`, which also raise the errors.
#[inline(always)]
pub fn float_binop_inline(kind: BinKind, a: &Value, b: &Value) -> Option<f64> {
    let (x, y) = match (a, b) {
        (Value::Float(x), Value::Float(y)) => (*x, *y),
        (Value::Float(x), Value::Int(y)) => (*x, *y as f64),
        (Value::Int(x), Value::Float(y)) => (*x as f64, *y),
        // int / int is a float too; exact below 2**53 (as in `numeric_binop`).
        (Value::Int(x), Value::Int(y)) if kind == BinKind::Div && x.unsigned_abs() < EXACT_IN_F64 && y.unsigned_abs() < EXACT_IN_F64 => {
            (*x as f64, *y as f64)
        }
        _ => return None,
    };
    float_binop_fast(kind, x, y)
}

/// Float comparisons the dispatch loop does inline, after its small-int path (ints below 2**53
/// compare exactly as floats); None: take `compare`.
#[inline(always)]
pub fn float_compare_inline(kind: CmpKind, a: &Value, b: &Value) -> Option<bool> {
    let (x, y) = match (a, b) {
        (Value::Float(x), Value::Float(y)) => (*x, *y),
        (Value::Int(x), Value::Float(y)) if x.unsigned_abs() < EXACT_IN_F64 => (*x as f64, *y),
        (Value::Float(x), Value::Int(y)) if y.unsigned_abs() < EXACT_IN_F64 => (*x, *y as f64),
        _ => return None,
    };
    Some(match x.partial_cmp(&y) {
        Some(o) => cmp_ord(kind, o),
        // NaN: only `!=` holds.
        None => kind == CmpKind::Ne,
    })
}

fn numeric_binop(kind: BinKind, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if let (Value::Bool(p), Value::Bool(q)) = (a, b) {
        match kind {
            BinKind::And => return Ok(Some(Value::Bool(*p & *q))),
            BinKind::Or => return Ok(Some(Value::Bool(*p | *q))),
            BinKind::Xor => return Ok(Some(Value::Bool(*p ^ *q))),
            _ => {}
        }
    }
    let (x, y) = match (as_num(a), as_num(b)) {
        (Some(x), Some(y)) => (x, y),
        _ => return Ok(None),
    };
    if matches!(x, Num::Float(_)) || matches!(y, Num::Float(_)) {
        let (fx, fy) = (num_f64(&x)?, num_f64(&y)?);
        return float_binop(kind, fx, fy);
    }
    if let (Num::Int(i), Num::Int(j)) = (&x, &y) {
        if let Some(r) = int_binop_fast(kind, *i, *j) {
            return Ok(Some(Value::Int(r)));
        }
        match kind {
            BinKind::Div => {
                if *j == 0 {
                    return Err(zero_division("division by zero"));
                }
                if i.unsigned_abs() < (1 << 53) && j.unsigned_abs() < (1 << 53) {
                    return Ok(Some(Value::Float(*i as f64 / *j as f64)));
                }
            }
            BinKind::FloorDiv if *j == 0 => return Err(zero_division("integer division or modulo by zero")),
            BinKind::Mod if *j == 0 => return Err(zero_division("integer modulo by zero")),
            BinKind::Pow if *j < 0 => {
                if *i == 0 {
                    return Err(zero_division("0.0 cannot be raised to a negative power"));
                }
                return float_binop(kind, *i as f64, *j as f64);
            }
            BinKind::LShift | BinKind::RShift if *j < 0 => return Err(value_error("negative shift count")),
            _ => {}
        }
    }
    let (bx, by) = (num_big(x), num_big(y));
    if kind == BinKind::Pow && by.is_negative() && bx.is_zero() {
        return Err(zero_division("0.0 cannot be raised to a negative power"));
    }
    big_binop(kind, bx, by)
}

/// The count of a sequence repetition (`seq * n`): an int or bool; None for other types.
pub fn repeat_count(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        Value::BigInt(b) => Some(if b.is_negative() { 0 } else { i64::MAX }),
        _ => None,
    }
}

/// `items * n`, or MemoryError past the heap cap.
pub fn repeat<T: Clone>(items: &[T], n: i64) -> PyResult<Vec<T>> {
    if n <= 0 || items.is_empty() {
        return Ok(Vec::new());
    }
    let total = (items.len() as u128) * (n as u128);
    super::limits::check_alloc_u128(total, std::mem::size_of::<T>())?;
    let mut out = Vec::with_capacity(total as usize);
    for _ in 0..n {
        out.extend_from_slice(items);
    }
    Ok(out)
}

/// Builtin-type binary operations (no user methods); Ok(None) if unsupported. Numbers first,
/// then the left operand's type (the sequence's, for `n * seq`).
pub(crate) fn builtin_binop(vm: &mut Vm, a: &Value, b: &Value, kind: BinKind) -> PyResult<Option<Value>> {
    if let Some(r) = numeric_binop(kind, a, b)? {
        return Ok(Some(r));
    }
    let (x, y) = if kind == BinKind::Mul && repeat_count(a).is_some() { (b, a) } else { (a, b) };
    match x {
        Value::Str(s) => str_binop(vm, kind, s, y),
        Value::List(l) => list_binop(kind, l, y),
        Value::Tuple(t) => tuple_binop(kind, t, y),
        Value::Set(s) => set_binop(kind, s, y),
        Value::Dict(d) => dict_binop(kind, d, y),
        Value::Bytes(_) | Value::ByteArray(_) => super::types::bytes_binop(vm, kind, x, y),
        _ => Ok(None),
    }
}

fn unsupported(a: &Value, b: &Value, kind: BinKind) -> super::exceptions::Unwind {
    match (kind, a) {
        (BinKind::Add, Value::Str(_)) => type_error(format!("can only concatenate str (not \"{}\") to str", b.type_name())),
        (BinKind::Add, Value::List(_)) => type_error(format!("can only concatenate list (not \"{}\") to list", b.type_name())),
        (BinKind::Add, Value::Tuple(_)) => type_error(format!("can only concatenate tuple (not \"{}\") to tuple", b.type_name())),
        (BinKind::Mul, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_) | Value::ByteArray(_)) if !matches!(b, Value::Int(_) | Value::Bool(_)) => {
            type_error(format!("can't multiply sequence by non-int of type '{}'", b.type_name()))
        }
        (BinKind::Mul, _) if matches!(b, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_) | Value::ByteArray(_)) => {
            type_error(format!("can't multiply sequence by non-int of type '{}'", a.type_name()))
        }
        _ => type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            kind.symbol(),
            a.type_name(),
            b.type_name()
        )),
    }
}

/// Tries `a.__op__(b)` then `b.__rop__(a)` for user classes.
fn user_binop(vm: &mut Vm, a: &Value, b: &Value, kind: BinKind) -> PyResult<Option<Value>> {
    let (name, rname) = kind.dunder();
    if let Value::Instance(i) = a {
        if let Some(m) = i.class.lookup(name) {
            let r = vm.call(&m, &[a.clone(), b.clone()])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(Some(r));
            }
        }
    }
    if let Value::Instance(i) = b {
        if let Some(m) = i.class.lookup(rname) {
            let r = vm.call(&m, &[b.clone(), a.clone()])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(Some(r));
            }
        }
    }
    Ok(None)
}

pub fn binary_op(vm: &mut Vm, a: &Value, b: &Value, kind: BinKind) -> PyResult<Value> {
    if !matches!(a, Value::Instance(_)) && !matches!(b, Value::Instance(_)) {
        if let Some(r) = builtin_binop(vm, a, b, kind)? {
            return Ok(r);
        }
    } else if let Some(r) = user_binop(vm, a, b, kind)? {
        return Ok(r);
    } else if let Some(r) = base_binop(vm, a, b, kind)? {
        return Ok(r);
    }
    Err(unsupported(a, b, kind))
}

/// `'x' + Name('y')`: an instance of a builtin type's subclass operates as its base value;
/// `'%s' % obj` formats any object.
fn base_binop(vm: &mut Vm, a: &Value, b: &Value, kind: BinKind) -> PyResult<Option<Value>> {
    if kind == BinKind::Mod && matches!(a, Value::Str(_)) {
        return builtin_binop(vm, a, base_value(b), kind);
    }
    if !has_base(a) && !has_base(b) {
        return Ok(None);
    }
    builtin_binop(vm, base_value(a), base_value(b), kind)
}

pub fn inplace_op(vm: &mut Vm, a: &Value, b: &Value, kind: BinKind) -> PyResult<Value> {
    match (kind, a) {
        (BinKind::Add, Value::List(l)) => {
            let items = vm.collect(b)?;
            l.lock().extend(items);
            return Ok(a.clone());
        }
        (BinKind::Mul, Value::List(l)) if repeat_count(b).is_some() => {
            let items = repeat(&l.snapshot(), repeat_count(b).unwrap())?;
            *l.lock() = items;
            return Ok(a.clone());
        }
        (BinKind::Or | BinKind::And | BinKind::Sub | BinKind::Xor, Value::Set(s)) if matches!(b, Value::Set(_)) && !s.frozen => {
            let other = match b {
                Value::Set(o) => {
                    if Arc::ptr_eq(o, s) {
                        s.lock().clone()
                    } else {
                        o.lock().clone()
                    }
                }
                _ => unreachable!(),
            };
            let mut me = s.lock();
            match kind {
                BinKind::Or => me.merge(&other),
                BinKind::And => *me = SetMap::intersection(&me, &other),
                BinKind::Sub => {
                    for k in other.keys_hashed() {
                        me.remove(&k);
                    }
                }
                _ => {
                    for k in other.keys_hashed() {
                        if !me.remove(&k) {
                            me.insert(k);
                        }
                    }
                }
            }
            return Ok(a.clone());
        }
        (BinKind::Add | BinKind::Mul, Value::ByteArray(ba)) => {
            if super::types::bytearray_inplace(vm, ba, kind, b)? {
                return Ok(a.clone());
            }
        }
        (BinKind::Or, Value::Dict(d)) if matches!(b, Value::Dict(_)) => {
            super::types::dict_update_from(vm, d, b)?;
            return Ok(a.clone());
        }
        (_, Value::Instance(i)) => {
            let iname = format!("__i{}", &kind.dunder().0[2..]);
            if let Some(m) = i.class.lookup(&iname) {
                let r = vm.call(&m, &[a.clone(), b.clone()])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
            // A list/set/dict subclass without its own method: in place on its base.
            if let Some(base @ (Value::List(_) | Value::Set(_) | Value::Dict(_))) = i.base() {
                if !matches!(i.class.lookup(kind.dunder().0), Some(Value::Function(_))) {
                    let r = inplace_op(vm, base, b, kind)?;
                    return Ok(if r.is(base) { a.clone() } else { r });
                }
            }
        }
        _ => {}
    }
    binary_op(vm, a, b, kind).map_err(|e| {
        // CPython names the augmented operator (`+=`) in the message.
        match &e {
            super::exceptions::Unwind::Exception(_)
                if super::exceptions::exc_args(e.exception().unwrap())
                    .first()
                    .and_then(|m| m.as_str().map(|s| s.starts_with("unsupported operand")))
                    .unwrap_or(false) =>
            {
                type_error(format!(
                    "unsupported operand type(s) for {}=: '{}' and '{}'",
                    kind.symbol().split(' ').next().unwrap(),
                    a.type_name(),
                    b.type_name()
                ))
            }
            _ => e,
        }
    })
}

pub fn unary_op(vm: &mut Vm, v: &Value, kind: UnaryKind) -> PyResult<Value> {
    match kind {
        UnaryKind::Not => return Ok(Value::Bool(!vm.truthy(v)?)),
        UnaryKind::Neg => match v {
            Value::Int(i) => return Ok(i.checked_neg().map(Value::Int).unwrap_or_else(|| Value::bigint(-BigInt::from(*i)))),
            Value::Bool(b) => return Ok(Value::Int(-(*b as i64))),
            Value::BigInt(b) => return Ok(Value::bigint(-(**b).clone())),
            Value::Float(f) => return Ok(Value::Float(-f)),
            _ => {}
        },
        UnaryKind::Pos => match v {
            Value::Int(_) | Value::BigInt(_) | Value::Float(_) => return Ok(v.clone()),
            Value::Bool(b) => return Ok(Value::Int(*b as i64)),
            _ => {}
        },
        UnaryKind::Invert => match v {
            Value::Int(i) => return Ok(Value::Int(!i)),
            Value::Bool(b) => return Ok(Value::Int(!(*b as i64))),
            Value::BigInt(b) => return Ok(Value::bigint(-(**b).clone() - 1)),
            _ => {}
        },
    }
    let (dunder, sym) = match kind {
        UnaryKind::Neg => ("__neg__", "-"),
        UnaryKind::Pos => ("__pos__", "+"),
        _ => ("__invert__", "~"),
    };
    if let Value::Instance(i) = v {
        if let Some(m) = i.class.lookup(dunder) {
            return vm.call(&m, &[v.clone()]);
        }
    }
    Err(type_error(format!("bad operand type for unary {}: '{}'", sym, v.type_name())))
}

#[inline(always)]
pub fn cmp_ord(kind: CmpKind, o: Ordering) -> bool {
    match kind {
        CmpKind::Lt => o == Ordering::Less,
        CmpKind::Le => o != Ordering::Greater,
        CmpKind::Eq => o == Ordering::Equal,
        CmpKind::Ne => o != Ordering::Equal,
        CmpKind::Gt => o == Ordering::Greater,
        CmpKind::Ge => o != Ordering::Less,
    }
}

/// Orders two numbers (None for NaN or non-numbers).
fn num_cmp(a: &Value, b: &Value) -> Option<Option<Ordering>> {
    let (x, y) = (as_num(a)?, as_num(b)?);
    Some(match (x, y) {
        (Num::Int(i), Num::Int(j)) => Some(i.cmp(&j)),
        (Num::Float(f), Num::Float(g)) => f.partial_cmp(&g),
        (Num::Int(i), Num::Float(g)) => int_float_cmp(&BigInt::from(i), g),
        (Num::Float(f), Num::Int(j)) => int_float_cmp(&BigInt::from(j), f).map(|o| o.reverse()),
        (Num::Big(x), Num::Float(g)) => int_float_cmp(x, g),
        (Num::Float(f), Num::Big(y)) => int_float_cmp(y, f).map(|o| o.reverse()),
        (Num::Big(x), Num::Big(y)) => Some(x.cmp(y)),
        (x, y) => Some(num_big(x).cmp(&num_big(y))),
    })
}

/// Python `==` as a bool.
pub fn eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x == y),
        (Value::Str(x), Value::Str(y)) => Ok(Arc::ptr_eq(x, y) || x.as_str() == y.as_str()),
        (Value::None, Value::None) => Ok(true),
        _ => {
            let r = compare(vm, a, b, CmpKind::Eq)?;
            vm.truthy(&r)
        }
    }
}

fn seq_items(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::List(l) => Some(l.snapshot()),
        Value::Tuple(t) => Some(t.items.to_vec()),
        _ => None,
    }
}

/// Rich comparison; returns the result object (a bool for builtin types).
pub fn compare(vm: &mut Vm, a: &Value, b: &Value, kind: CmpKind) -> PyResult<Value> {
    if let Some(o) = num_cmp(a, b) {
        return Ok(Value::Bool(match o {
            Some(o) => cmp_ord(kind, o),
            None => kind == CmpKind::Ne,
        }));
    }
    if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) {
        return user_compare(vm, a, b, kind);
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => return Ok(Value::Bool(cmp_ord(kind, x.as_str().cmp(y.as_str())))),
        (Value::Bytes(_) | Value::ByteArray(_), Value::Bytes(_) | Value::ByteArray(_)) => {
            return Ok(super::types::bytes_compare(a, b, kind).unwrap());
        }
        (Value::List(_), Value::List(_)) | (Value::Tuple(_), Value::Tuple(_)) => {
            let _nested = Nested::enter(vm, Nesting::Compare)?;
            let (xs, ys) = (seq_items(a).unwrap(), seq_items(b).unwrap());
            if matches!(kind, CmpKind::Eq | CmpKind::Ne) && xs.len() != ys.len() {
                return Ok(Value::Bool(kind == CmpKind::Ne));
            }
            for (x, y) in xs.iter().zip(ys.iter()) {
                if x.is(y) {
                    continue;
                }
                if !eq(vm, x, y)? {
                    if kind == CmpKind::Eq {
                        return Ok(Value::Bool(false));
                    }
                    if kind == CmpKind::Ne {
                        return Ok(Value::Bool(true));
                    }
                    return compare(vm, x, y, kind);
                }
            }
            return Ok(Value::Bool(cmp_ord(kind, xs.len().cmp(&ys.len()))));
        }
        (Value::Dict(x), Value::Dict(y)) if matches!(kind, CmpKind::Eq | CmpKind::Ne) => {
            let _nested = Nested::enter(vm, Nesting::Compare)?;
            let (xm, ym) = (x.lock().clone(), y.lock().clone());
            let mut same = xm.len() == ym.len();
            if same {
                for (k, v) in xm.items_hashed() {
                    match ym.get(&k) {
                        Some(w) => {
                            let w = w.clone();
                            if !eq(vm, &v, &w)? {
                                same = false;
                                break;
                            }
                        }
                        None => {
                            same = false;
                            break;
                        }
                    }
                }
            }
            return Ok(Value::Bool(same == (kind == CmpKind::Eq)));
        }
        (Value::Set(x), Value::Set(y)) => {
            let (sub, sup) = super::types::set_with_both(x, y, |xs, ys| (xs.is_subset(ys), ys.is_subset(xs)));
            return Ok(Value::Bool(match kind {
                CmpKind::Eq => sub && sup,
                CmpKind::Ne => !(sub && sup),
                CmpKind::Le => sub,
                CmpKind::Lt => sub && !sup,
                CmpKind::Ge => sup,
                CmpKind::Gt => sup && !sub,
            }));
        }
        (Value::Range(x), Value::Range(y)) if matches!(kind, CmpKind::Eq | CmpKind::Ne) => {
            let same = x.len() == y.len() && (x.len() == 0 || (x.start == y.start && (x.len() == 1 || x.step == y.step)));
            return Ok(Value::Bool(same == (kind == CmpKind::Eq)));
        }
        _ => {}
    }
    match kind {
        CmpKind::Eq => Ok(Value::Bool(a.is(b) || super::types::dict_key_eq(a, b))),
        CmpKind::Ne => Ok(Value::Bool(!(a.is(b) || super::types::dict_key_eq(a, b)))),
        _ => Err(type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            kind.symbol(),
            a.type_name(),
            b.type_name()
        ))),
    }
}

fn user_compare(vm: &mut Vm, a: &Value, b: &Value, kind: CmpKind) -> PyResult<Value> {
    if let Value::Instance(i) = a {
        if let Some(m) = i.class.lookup(kind.dunder()) {
            if compares_itself(i, &m) {
                let r = vm.call(&m, &[a.clone(), b.clone()])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
    }
    if let Value::Instance(i) = b {
        if let Some(m) = i.class.lookup(kind.swapped().dunder()) {
            if compares_itself(i, &m) {
                let r = vm.call(&m, &[b.clone(), a.clone()])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
    }
    if has_base(a) || has_base(b) {
        // Subclasses of builtin types without their own method compare as their base values.
        return compare(vm, base_value(a), base_value(b), kind);
    }
    match kind {
        CmpKind::Eq => Ok(Value::Bool(a.is(b))),
        CmpKind::Ne => {
            // Default __ne__ inverts __eq__.
            if let Value::Instance(i) = a {
                if let Some(m) = i.class.lookup("__eq__") {
                    if !is_object_default(&m) {
                        let r = vm.call(&m, &[a.clone(), b.clone()])?;
                        if !matches!(r, Value::NotImplemented) {
                            return Ok(Value::Bool(!vm.truthy(&r)?));
                        }
                    }
                }
            }
            Ok(Value::Bool(!a.is(b)))
        }
        _ => Err(type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            kind.symbol(),
            a.type_name(),
            b.type_name()
        ))),
    }
}

/// Builtin methods inherited from `object` carry no user behavior.
fn is_object_default(m: &Value) -> bool {
    matches!(m, Value::Builtin(_))
}

/// Whether comparison method `m`, found on instance `i`'s class, is to be called: a Python
/// method, or a builtin of a class written in Rust (array.array's `__lt__`). Builtins found on
/// other classes are object's or a value type's slots, which the fallbacks stand for.
fn compares_itself(i: &Instance, m: &Value) -> bool {
    !is_object_default(m) || i.class.kind == crate::vm::types::TypeKind::Native
}

/// Orders two values for sorting (`<` must be supported).
pub fn less_than(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x < y),
        (Value::Float(x), Value::Float(y)) => Ok(x < y),
        (Value::Str(x), Value::Str(y)) => Ok(x.as_str() < y.as_str()),
        _ => {
            let r = compare(vm, a, b, CmpKind::Lt)?;
            vm.truthy(&r)
        }
    }
}

/// A dict/set key of a value whose hash needs no Python code (builtin types; instances by
/// identity). Prefer `dict_key`/`set_key`, which honor user `__hash__`/`__eq__`.
pub fn hash_key(v: &Value) -> PyResult<HashKey> {
    check_hashable(v)?;
    Ok(HashKey::of(v.clone()))
}

/// A key for a container: calls a user `__hash__`, and resolves a user `__eq__` against the
/// container's keys of the same hash (`candidates`, taken under the container's lock, compared
/// outside it), so the container itself can compare keys by identity.
pub fn key_in(vm: &mut Vm, v: &Value, candidates: impl FnOnce(i64) -> Vec<Value>) -> PyResult<HashKey> {
    let inst = match v {
        Value::Instance(i) => i,
        _ => return hash_key(v),
    };
    check_hashable(v)?;
    let hash = match inst.class.lookup("__hash__") {
        Some(h @ Value::Function(_)) => match vm.call(&h, &[v.clone()])? {
            Value::Int(i) => super::types::hash_i64(i),
            Value::Bool(b) => b as i64,
            Value::BigInt(b) => super::types::py_hash(&Value::BigInt(b)),
            _ => return Err(type_error("__hash__ method should return an integer")),
        },
        _ => super::types::py_hash(v),
    };
    if matches!(inst.class.lookup("__eq__"), Some(Value::Function(_))) {
        for c in candidates(hash) {
            if c.is(v) || eq(vm, &c, v)? {
                return Ok(HashKey { hash, value: c });
            }
        }
    }
    Ok(HashKey { hash, value: v.clone() })
}

pub fn dict_key(vm: &mut Vm, d: &Dict, v: &Value) -> PyResult<HashKey> {
    key_in(vm, v, |h| d.lock().keys_with_hash(h))
}

pub fn set_key(vm: &mut Vm, s: &Set, v: &Value) -> PyResult<HashKey> {
    key_in(vm, v, |h| s.lock().keys_with_hash(h))
}

pub fn check_hashable(v: &Value) -> PyResult<()> {
    match v {
        Value::List(_) | Value::Dict(_) | Value::ByteArray(_) => Err(type_error(format!("unhashable type: '{}'", v.type_name()))),
        Value::Set(s) if !s.frozen => Err(type_error("unhashable type: 'set'")),
        Value::Tuple(t) => {
            let _nested = Nested::enter_stack(Nesting::Hash)?;
            for i in t.items.iter() {
                check_hashable(i)?;
            }
            Ok(())
        }
        Value::Instance(i) if i.base().is_some() && !matches!(i.class.lookup("__hash__"), Some(Value::Function(_))) => {
            match i.class.lookup("__hash__") {
                Some(Value::None) => Err(type_error(format!("unhashable type: '{}'", v.type_name()))),
                _ => check_hashable(i.base().unwrap()).map_err(|_| type_error(format!("unhashable type: '{}'", v.type_name()))),
            }
        }
        Value::Instance(i) => {
            // A class defining __eq__ without __hash__ is unhashable, as in Python.
            if i.class.lookup("__eq__").map_or(false, |m| !is_object_default(&m)) && i.class.lookup("__hash__").map_or(true, |h| h.is_none()) {
                return Err(type_error(format!("unhashable type: '{}'", v.type_name())));
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// `item in container`.
pub fn contains(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    match container {
        Value::Str(s) => str_contains(s, item),
        Value::Bytes(b) => super::types::bytes_contains(&b.data, item),
        Value::ByteArray(b) => super::types::bytes_contains(&b.snapshot(), item),
        Value::List(_) | Value::Tuple(_) => {
            let items = seq_items(container).unwrap();
            for x in &items {
                if x.is(item) || eq(vm, x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Dict(d) => {
            let k = dict_key(vm, d, item)?;
            Ok(d.lock().contains(&k))
        }
        Value::Set(s) => {
            let k = set_key(vm, s, item)?;
            Ok(s.lock().contains(&k))
        }
        Value::View(view) => view_contains(vm, view, item),
        Value::Class(c) if c.meta_method("__contains__").is_some() => {
            let m = c.meta_method("__contains__").unwrap();
            let r = vm.call(&m, &[container.clone(), item.clone()])?;
            vm.truthy(&r)
        }
        Value::Range(r) => match item {
            Value::Int(i) => Ok(range_contains(r, *i)),
            Value::Bool(b) => Ok(range_contains(r, *b as i64)),
            _ => Ok(false),
        },
        Value::Instance(i) => {
            if let Some(m) = i.class.lookup("__contains__") {
                let r = vm.call(&m, &[container.clone(), item.clone()])?;
                return vm.truthy(&r);
            }
            if i.class.lookup("__iter__").is_some() || i.class.lookup("__getitem__").is_some() {
                for x in vm.collect(container)? {
                    if eq(vm, &x, item)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            Err(type_error(format!("argument of type '{}' is not iterable", container.type_name())))
        }
        Value::Iter(_) | Value::Generator(_) => {
            loop {
                match vm.next(container)? {
                    Some(x) => {
                        if eq(vm, &x, item)? {
                            return Ok(true);
                        }
                    }
                    None => return Ok(false),
                }
            }
        }
        _ => Err(type_error(format!("argument of type '{}' is not iterable", container.type_name()))),
    }
}

/// `obj[idx]`.
pub fn getitem(vm: &mut Vm, obj: &Value, idx: &Value) -> PyResult<Value> {
    match obj {
        Value::List(l) => list_getitem(l, idx),
        Value::Tuple(t) => tuple_getitem(t, idx),
        Value::Str(s) => str_getitem(s, idx),
        Value::Bytes(b) => super::types::bytes_getitem(&b.data, false, idx),
        Value::ByteArray(b) => super::types::bytes_getitem(&b.lock(), true, idx),
        Value::Dict(d) => dict_getitem(vm, d, idx),
        Value::Range(r) => range_getitem(r, idx),
        Value::Instance(_) => match item_method(obj, "__getitem__") {
            Some(m) => vm.call(&m, &[obj.clone(), idx.clone()]),
            None => Err(type_error(format!("'{}' object is not subscriptable", obj.type_name()))),
        },
        Value::Class(c) if c.module.as_str() == "builtins" => {
            // `list[int]` in annotations evaluated at run time: return the class itself.
            Ok(obj.clone())
        }
        Value::Class(c) if c.meta_method("__getitem__").is_some() => {
            let m = c.meta_method("__getitem__").unwrap();
            vm.call(&m, &[obj.clone(), idx.clone()])
        }
        Value::Class(c) => match c.lookup("__class_getitem__") {
            Some(Value::Wrapper(w)) if matches!(&*w, super::types::Wrapper::ClassMethod(_)) => {
                let f = match &*w {
                    super::types::Wrapper::ClassMethod(f) => f.clone(),
                    _ => unreachable!(),
                };
                vm.call(&f, &[obj.clone(), idx.clone()])
            }
            _ => Err(type_error(format!("type '{}' is not subscriptable", c.name.as_str()))),
        },
        _ => Err(type_error(format!("'{}' object is not subscriptable", obj.type_name()))),
    }
}

/// `obj[idx] = v`.
pub fn setitem(vm: &mut Vm, obj: &Value, idx: &Value, v: Value) -> PyResult<()> {
    match obj {
        Value::List(l) => list_setitem(vm, l, idx, v),
        Value::Dict(d) => dict_setitem(vm, d, idx, v),
        Value::ByteArray(b) => super::types::bytearray_setitem(vm, b, idx, v),
        _ => match item_method(obj, "__setitem__") {
            Some(m) => vm.call(&m, &[obj.clone(), idx.clone(), v]).map(drop),
            None => Err(type_error(format!("'{}' object does not support item assignment", obj.type_name()))),
        },
    }
}

/// `del obj[idx]`.
pub fn delitem(vm: &mut Vm, obj: &Value, idx: &Value) -> PyResult<()> {
    match obj {
        Value::List(l) => list_delitem(l, idx),
        Value::Dict(d) => dict_delitem(vm, d, idx),
        Value::ByteArray(b) => super::types::bytearray_delitem(b, idx),
        _ => match item_method(obj, "__delitem__") {
            Some(m) => vm.call(&m, &[obj.clone(), idx.clone()]).map(drop),
            // Two wordings, as before the types/ split (CPython's choice depends on the type's
            // sequence slots: PySequence_DelItem vs PyObject_DelItem).
            None if matches!(obj, Value::Instance(_)) => {
                Err(type_error(format!("'{}' object does not support item deletion", obj.type_name())))
            }
            None => Err(type_error(format!("'{}' object doesn't support item deletion", obj.type_name()))),
        },
    }
}

/// An instance's `__getitem__` / `__setitem__` / `__delitem__`; None for other values.
fn item_method(obj: &Value, name: &str) -> Option<Value> {
    match obj {
        Value::Instance(i) => i.class.lookup(name),
        _ => None,
    }
}

impl Vm {
    /// Python truthiness (`__bool__`, then `__len__`).
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::Bool(b) => *b,
            Value::None | Value::Null => false,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::BigInt(_) => true,
            Value::Str(s) => !s.as_str().is_empty(),
            Value::Bytes(b) => !b.data.is_empty(),
            Value::ByteArray(b) => b.len() > 0,
            Value::List(l) => l.len() > 0,
            Value::Tuple(t) => !t.items.is_empty(),
            Value::Dict(d) => d.lock().len() > 0,
            Value::Set(s) => s.lock().len() > 0,
            Value::Range(r) => r.len() > 0,
            Value::View(view) => view.dict.lock().len() > 0,
            Value::Instance(i) => return self.instance_truthy(v, i),
            _ => true,
        })
    }

    fn instance_truthy(&mut self, v: &Value, i: &Instance) -> PyResult<bool> {
        if let Some(m) = i.class.lookup("__bool__") {
            if !is_object_default(&m) {
                let r = self.call(&m, &[v.clone()])?;
                return match r {
                    Value::Bool(b) => Ok(b),
                    _ => Err(type_error(format!("__bool__ should return bool, returned {}", r.type_name()))),
                };
            }
        }
        if let Some(b) = i.base() {
            if !matches!(i.class.lookup("__len__"), Some(Value::Function(_))) {
                return self.truthy(b);
            }
        }
        if let Some(m) = i.class.lookup("__len__") {
            let r = self.call(&m, &[v.clone()])?;
            return Ok(index_of(&r).unwrap_or(0) != 0);
        }
        Ok(true)
    }
}
