//! `array`: typed arrays of numbers as CPython's arraymodule, in Rust. The items live in a typed
//! Vec under a lock (items.rs), so `a[i]` and `a[i] = x` in a numeric loop are a builtin call
//! on a plain f64/i32, not a Python method over a list. The lock is held only for Rust-level
//! work: every argument is converted (which may run Python code) before it is taken, and the
//! other array of `a += b`, `a[:] = b`, `a == b` is copied first, so `a += a` does not deadlock
//! and threads sharing an array never race in Rust.

mod items;

use self::items::{both, convert, each, item_size, map_same, Items, Scalar, TYPECODES};
use crate::builtins_table;
use crate::lang::bytecode::CmpKind;
use crate::vm::args::{arg_int, Args};
use crate::vm::exceptions::{index_error, type_error, value_error, PyResult};
use crate::vm::ops::{compare, eq, repeat, repeat_count};
use crate::vm::state::Vm;
use crate::vm::sync::lock;
use crate::vm::types::{assign_slice, delete_slice, index_of, intern, make_class_in, norm_index, slice_positions, types, Builtin, Class, Instance, TypeKind};
use crate::vm::value::Value;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

pub struct Array {
    code: u8,
    items: Mutex<Items>,
}

impl Array {
    fn lock(&self) -> MutexGuard<'_, Items> {
        lock(&self.items)
    }
    fn snapshot(&self) -> Items {
        self.lock().clone()
    }
}

static METHODS: &[Builtin] = builtins_table![
    "__getitem__" => getitem,
    "__setitem__" => setitem,
    "__delitem__" => delitem,
    "__len__" => len,
    "__iter__" => iter,
    "__contains__" => contains,
    "__repr__" => repr,
    "__eq__" => cmp_eq,
    "__ne__" => cmp_ne,
    "__lt__" => cmp_lt,
    "__le__" => cmp_le,
    "__gt__" => cmp_gt,
    "__ge__" => cmp_ge,
    "__add__" => add,
    "__mul__" => mul,
    "__rmul__" => mul,
    "__iadd__" => iadd,
    "__imul__" => imul,
    "__copy__" => copy,
    "__deepcopy__" => deepcopy,
    "append" => append,
    "extend" => extend,
    "insert" => insert,
    "pop" => pop,
    "remove" => remove,
    "index" => index,
    "count" => count,
    "reverse" => reverse,
    "tolist" => tolist,
    "fromlist" => fromlist,
    "tobytes" => tobytes,
    "frombytes" => frombytes,
    "tounicode" => tounicode,
    "fromunicode" => fromunicode,
    "buffer_info" => buffer_info,
    "byteswap" => byteswap,
];

static TYPECODE_GET: Builtin = Builtin { name: "typecode", f: typecode_get };
static ITEMSIZE_GET: Builtin = Builtin { name: "itemsize", f: itemsize_get };

pub fn array_class() -> &'static Arc<Class> {
    static CLS: OnceLock<Arc<Class>> = OnceLock::new();
    CLS.get_or_init(|| {
        let c = make_class_in("array", "array", &[types().object.clone()], TypeKind::Native, METHODS, Some(new));
        c.set_attr(intern("__hash__"), Value::None);
        super::threading::property(&c, "typecode", &TYPECODE_GET, None);
        super::threading::property(&c, "itemsize", &ITEMSIZE_GET, None);
        c
    })
}

pub fn create(_vm: &mut Vm) -> PyResult<Value> {
    let cls = Value::Class(array_class().clone());
    Ok(super::native_module("array", vec![("array", cls.clone()), ("ArrayType", cls), ("typecodes", Value::str(TYPECODES))]))
}

fn make(cls: &Arc<Class>, code: u8, items: Items) -> Value {
    Value::Instance(Arc::new(Instance::with_payload(cls.clone(), Box::new(Array { code, items: Mutex::new(items) }))))
}

/// A new array with `a`'s typecode: of class array.array even when `a` is of a subclass, as
/// CPython's slices, `+`, `*` and copies are.
fn like(a: &Array, items: Items) -> Value {
    make(array_class(), a.code, items)
}

pub fn array_of(v: &Value) -> Option<&Array> {
    match v {
        Value::Instance(i) => i.payload::<Array>(),
        _ => None,
    }
}

fn this<'a>(a: &Args<'a>) -> PyResult<(&'a Value, &'a Array, Args<'a>)> {
    let (s, rest) = a.split_self();
    match array_of(s) {
        Some(arr) => Ok((s, arr, rest)),
        None => Err(type_error(format!("descriptor requires a 'array.array' object but received a '{}'", s.type_name()))),
    }
}

fn new(vm: &mut Vm, cls: &Arc<Class>, args: Args) -> PyResult<Value> {
    if args.kwargs().next().is_some() {
        return Err(type_error("array.array() takes no keyword arguments"));
    }
    let p = args.pos();
    if p.is_empty() {
        return Err(type_error("array() takes at least 1 argument (0 given)"));
    }
    if p.len() > 2 {
        return Err(type_error(format!("array() takes at most 2 arguments ({} given)", p.len())));
    }
    let code = match &p[0] {
        Value::Str(s) if s.as_str().chars().count() == 1 => s.as_str().chars().next().unwrap(),
        other => return Err(type_error(format!("array() argument 1 must be a unicode character, not {}", other.type_name()))),
    };
    if !TYPECODES.contains(code) {
        return Err(value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)"));
    }
    let code = code as u8;
    let mut items = Items::empty(code);
    match p.get(1) {
        None => {}
        Some(Value::Str(s)) => {
            if code != b'u' {
                return Err(type_error(format!("cannot use a str to initialize an array with typecode '{}'", code as char)));
            }
            for c in s.as_str().chars() {
                items.push(Scalar::Char(c));
            }
        }
        Some(b @ (Value::Bytes(_) | Value::ByteArray(_))) => {
            let raw = crate::vm::types::bytes_like(b).unwrap();
            extend_bytes(&mut items, code, &raw)?;
        }
        Some(init) => {
            if let Some(other) = array_of(init) {
                if other.code == b'u' && code != b'u' {
                    return Err(type_error(format!("cannot use a unicode array to initialize an array with typecode '{}'", code as char)));
                }
                extend_values(&mut items, code, &other.snapshot().values())?;
            } else {
                let values = vm.collect(init)?;
                extend_values(&mut items, code, &values)?;
            }
        }
    }
    Ok(make(cls, code, items))
}

fn extend_values(items: &mut Items, code: u8, values: &[Value]) -> PyResult<()> {
    let scalars = values.iter().map(|v| convert(code, v)).collect::<PyResult<Vec<_>>>()?;
    for s in scalars {
        items.push(s);
    }
    Ok(())
}

fn extend_bytes(items: &mut Items, code: u8, raw: &[u8]) -> PyResult<()> {
    if raw.len() % item_size(code) != 0 {
        return Err(value_error("bytes length not a multiple of item size"));
    }
    items.extend_bytes(raw);
    Ok(())
}

fn typecode_get(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, arr, _) = this(&a)?;
    Ok(Value::string((arr.code as char).to_string()))
}

fn itemsize_get(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, arr, _) = this(&a)?;
    Ok(Value::Int(item_size(arr.code) as i64))
}

fn getitem(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, arr, rest) = this(&a)?;
    let idx = &rest.exact("__getitem__", 1)?[0];
    let items = arr.lock();
    if let Some(i) = index_of(idx) {
        return match norm_index(i, items.len()) {
            Some(j) => Ok(items.get(j)),
            None => Err(index_error("array index out of range")),
        };
    }
    match idx {
        Value::Slice(sl) => {
            let picked = items.pick(&slice_positions(sl, items.len())?);
            drop(items);
            Ok(like(arr, picked))
        }
        _ => Err(type_error("array indices must be integers")),
    }
}

fn setitem(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, arr, rest) = this(&a)?;
    let p = rest.exact("__setitem__", 2)?;
    if let Value::Slice(sl) = &p[0] {
        let Some(other) = array_of(&p[1]) else {
            return Err(type_error(format!("can only assign array (not \"{}\") to array slice", p[1].type_name())));
        };
        if other.code != arr.code {
            return Err(type_error("bad argument type for built-in operation"));
        }
        let new = other.snapshot();
        let mut items = arr.lock();
        both!(&mut *items, new, v, n => assign_slice(v, sl, n, "array")?, unreachable!("same typecode"));
        return Ok(Value::None);
    }
    let Some(i) = index_of(&p[0]) else {
        return Err(type_error("array indices must be integers"));
    };
    let x = convert(arr.code, &p[1])?;
    let mut items = arr.lock();
    match norm_index(i, items.len()) {
        Some(j) => items.set(j, x),
        None => return Err(index_error("array assignment index out of range")),
    }
    Ok(Value::None)
}

fn delitem(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, arr, rest) = this(&a)?;
    let idx = &rest.exact("__delitem__", 1)?[0];
    let mut items = arr.lock();
    if let Value::Slice(sl) = idx {
        each!(&mut *items, v => delete_slice(v, sl)?);
        return Ok(Value::None);
    }
    let Some(i) = index_of(idx) else {
        return Err(type_error("array indices must be integers"));
    };
    match norm_index(i, items.len()) {
        Some(j) => each!(&mut *items, v => { v.remove(j); }),
        None => return Err(index_error("array assignment index out of range")),
    }
    Ok(Value::None)
}

fn len(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, arr, _) = this(&a)?;
    Ok(Value::Int(arr.lock().len() as i64))
}

fn iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, arr, _) = this(&a)?;
    let values = arr.lock().values();
    vm.get_iter(&Value::list(values))
}

fn tolist(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, arr, _) = this(&a)?;
    Ok(Value::list(arr.lock().values()))
}

/// The position of the first item equal to `x` in `lo..hi`, compared as Python values.
fn find(vm: &mut Vm, arr: &Array, x: &Value, lo: usize, hi: usize) -> PyResult<Option<usize>> {
    let values = arr.lock().values();
    for (i, v) in values.iter().enumerate().take(hi.min(values.len())).skip(lo) {
        if eq(vm, v, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn contains(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, arr, rest) = this(&a)?;
    let x = &rest.exact("__contains__", 1)?[0];
    Ok(Value::Bool(find(vm, arr, x, 0, usize::MAX)?.is_some()))
}

fn count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, arr, rest) = this(&a)?;
    let x = &rest.exact("count", 1)?[0];
    let values = arr.lock().values();
    let mut n = 0;
    for v in &values {
        if eq(vm, v, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

/// A start/stop argument of `index`, clamped to the array as CPython's list.index does.
fn bound(v: Option<&Value>, default: usize, len: usize) -> PyResult<usize> {
    let Some(v) = v else { return Ok(default) };
    let i = index_of(v).ok_or_else(|| type_error("slice indices must be integers or have an __index__ method"))?;
    let i = if i < 0 { (i + len as i64).max(0) } else { i };
    Ok((i as usize).min(len))
}

fn index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, arr, rest) = this(&a)?;
    let p = rest.range("index", 1, 3)?;
    let n = arr.lock().len();
    let lo = bound(p.get(1), 0, n)?;
    let hi = bound(p.get(2), n, n)?;
    match find(vm, arr, &p[0], lo, hi)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(value_error("array.index(x): x not in array")),
    }
}

fn remove(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, arr, rest) = this(&a)?;
    let x = &rest.exact("remove", 1)?[0];
    let Some(i) = find(vm, arr, x, 0, usize::MAX)? else {
        return Err(value_error("array.remove(x): x not in array"));
    };
    let mut items = arr.lock();
    if i < items.len() {
        each!(&mut *items, v => { v.remove(i); });
    }
    Ok(Value::None)
}

fn append(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, arr, rest) = this(&a)?;
    let x = convert(arr.code, &rest.exact("append", 1)?[0])?;
    arr.lock().push(x);
    Ok(Value::None)
}

fn insert(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, arr, rest) = this(&a)?;
    let p = rest.exact("insert", 2)?;
    let i = arg_int(&p[0])?;
    let x = convert(arr.code, &p[1])?;
    let mut items = arr.lock();
    let at = crate::vm::types::clamp_index(i, items.len());
    items.insert(at, x);
    Ok(Value::None)
}

fn pop(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, arr, rest) = this(&a)?;
    let p = rest.range("pop", 0, 1)?;
    let i = match p.first() {
        Some(v) => arg_int(v)?,
        None => -1,
    };
    let mut items = arr.lock();
    if items.len() == 0 {
        return Err(index_error("pop from empty array"));
    }
    let Some(j) = norm_index(i, items.len()) else {
        return Err(index_error("pop index out of range"));
    };
    let v = items.get(j);
    each!(&mut *items, v => { v.remove(j); });
    Ok(v)
}

fn reverse(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, arr, _) = this(&a)?;
    each!(&mut *arr.lock(), v => v.reverse());
    Ok(Value::None)
}

/// `a.extend(x)` and `a += x`: another array of the same typecode, or any iterable.
fn extend_with(vm: &mut Vm, arr: &Array, x: &Value) -> PyResult<()> {
    if let Some(other) = array_of(x) {
        if other.code != arr.code {
            return Err(type_error("can only extend with array of same kind"));
        }
        let more = other.snapshot();
        arr.lock().extend_from(&more);
        return Ok(());
    }
    // Item by item, as CPython: the items before a bad one stay appended.
    for v in vm.collect(x)? {
        let s = convert(arr.code, &v)?;
        arr.lock().push(s);
    }
    Ok(())
}

fn extend(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, arr, rest) = this(&a)?;
    extend_with(vm, arr, &rest.exact("extend", 1)?[0])?;
    Ok(Value::None)
}

fn fromlist(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, arr, rest) = this(&a)?;
    let Value::List(l) = &rest.exact("fromlist", 1)?[0] else {
        return Err(type_error("arg must be list"));
    };
    let values = l.snapshot();
    let scalars = values.iter().map(|v| convert(arr.code, v)).collect::<PyResult<Vec<_>>>()?;
    let mut items = arr.lock();
    for s in scalars {
        items.push(s);
    }
    Ok(Value::None)
}

fn tobytes(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, arr, _) = this(&a)?;
    Ok(Value::bytes(arr.lock().to_bytes()))
}

fn frombytes(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, arr, rest) = this(&a)?;
    let b = &rest.exact("frombytes", 1)?[0];
    let raw = crate::vm::types::bytes_like(b)
        .ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", b.type_name())))?
        .into_owned();
    extend_bytes(&mut arr.lock(), arr.code, &raw)?;
    Ok(Value::None)
}

fn tounicode(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, arr, _) = this(&a)?;
    match &*arr.lock() {
        Items::Char(v) => Ok(Value::string(v.iter().collect())),
        _ => Err(value_error("tounicode() may only be called on unicode type arrays")),
    }
}

fn fromunicode(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, arr, rest) = this(&a)?;
    let s = &rest.exact("fromunicode", 1)?[0];
    let Value::Str(s) = s else {
        return Err(type_error(format!("fromunicode() argument must be str, not {}", s.type_name())));
    };
    match &mut *arr.lock() {
        Items::Char(v) => v.extend(s.as_str().chars()),
        _ => return Err(value_error("fromunicode() may only be called on unicode type arrays")),
    }
    Ok(Value::None)
}

/// `(address, length)`: the address is the Vec's, which moves when the array grows (as
/// CPython's does on realloc).
fn buffer_info(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, arr, _) = this(&a)?;
    let items = arr.lock();
    let addr = each!(&*items, v => v.as_ptr() as usize);
    Ok(Value::tuple(vec![Value::Int(addr as i64), Value::Int(items.len() as i64)]))
}

fn byteswap(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, arr, _) = this(&a)?;
    arr.lock().byteswap();
    Ok(Value::None)
}

fn repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, arr, _) = this(&a)?;
    let name = match s {
        Value::Instance(i) => i.class.name.as_str().to_string(),
        _ => "array".to_string(),
    };
    let items = arr.snapshot();
    let code = arr.code as char;
    if items.len() == 0 {
        return Ok(Value::string(format!("{}('{}')", name, code)));
    }
    let body = match &items {
        Items::Char(v) => vm.repr(&Value::string(v.iter().collect()))?,
        _ => vm.repr(&Value::list(items.values()))?,
    };
    Ok(Value::string(format!("{}('{}', {})", name, code, body)))
}

/// Rich comparison as CPython's array_richcompare: arrays of different lengths are unequal;
/// otherwise the first pair of items that differ (as Python values, whatever the two
/// typecodes; a NaN differs from itself) decides, then the lengths. NotImplemented against
/// anything else.
fn rich(vm: &mut Vm, a: Args, kind: CmpKind) -> PyResult<Value> {
    let (_, arr, rest) = this(&a)?;
    let other = &rest.exact("comparison", 1)?[0];
    let Some(o) = array_of(other) else { return Ok(Value::NotImplemented) };
    let mine = arr.snapshot().values();
    let theirs = o.snapshot().values();
    if mine.len() != theirs.len() && matches!(kind, CmpKind::Eq | CmpKind::Ne) {
        return Ok(Value::Bool(kind == CmpKind::Ne));
    }
    for (x, y) in mine.iter().zip(&theirs) {
        let same = match (x, y) {
            (Value::Float(p), Value::Float(q)) => p == q,
            _ => eq(vm, x, y)?,
        };
        if !same {
            return match kind {
                CmpKind::Eq => Ok(Value::Bool(false)),
                CmpKind::Ne => Ok(Value::Bool(true)),
                _ => compare(vm, x, y, kind),
            };
        }
    }
    Ok(Value::Bool(crate::vm::ops::cmp_ord(kind, mine.len().cmp(&theirs.len()))))
}

fn cmp_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    rich(vm, a, CmpKind::Eq)
}
fn cmp_ne(vm: &mut Vm, a: Args) -> PyResult<Value> {
    rich(vm, a, CmpKind::Ne)
}
fn cmp_lt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    rich(vm, a, CmpKind::Lt)
}
fn cmp_le(vm: &mut Vm, a: Args) -> PyResult<Value> {
    rich(vm, a, CmpKind::Le)
}
fn cmp_gt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    rich(vm, a, CmpKind::Gt)
}
fn cmp_ge(vm: &mut Vm, a: Args) -> PyResult<Value> {
    rich(vm, a, CmpKind::Ge)
}

fn add(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, arr, rest) = this(&a)?;
    let other = &rest.exact("__add__", 1)?[0];
    let Some(o) = array_of(other) else {
        return Err(type_error(format!("can only append array (not \"{}\") to array", other.type_name())));
    };
    if o.code != arr.code {
        return Err(type_error("bad argument type for built-in operation"));
    }
    let more = o.snapshot();
    let mut sum = arr.snapshot();
    sum.extend_from(&more);
    Ok(like(arr, sum))
}

fn iadd(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, arr, rest) = this(&a)?;
    let other = &rest.exact("__iadd__", 1)?[0];
    if array_of(other).is_none() {
        return Err(type_error(format!("can only extend array with array (not \"{}\")", other.type_name())));
    }
    extend_with(vm, arr, other)?;
    Ok(s.clone())
}

fn non_int(by: &Value) -> crate::vm::exceptions::Unwind {
    type_error(format!("can't multiply sequence by non-int of type '{}'", by.type_name()))
}

fn repeated(items: &Items, n: i64) -> PyResult<Items> {
    Ok(map_same!(items, v => repeat(v, n)?))
}

fn mul(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, arr, rest) = this(&a)?;
    let by = &rest.exact("__mul__", 1)?[0];
    let Some(n) = repeat_count(by) else { return Err(non_int(by)) };
    let items = repeated(&arr.lock(), n)?;
    Ok(like(arr, items))
}

fn imul(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, arr, rest) = this(&a)?;
    let by = &rest.exact("__imul__", 1)?[0];
    let Some(n) = repeat_count(by) else { return Err(non_int(by)) };
    let mut items = arr.lock();
    *items = repeated(&items, n)?;
    Ok(s.clone())
}

fn copy(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, arr, _) = this(&a)?;
    Ok(like(arr, arr.snapshot()))
}

fn deepcopy(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, arr, rest) = this(&a)?;
    rest.exact("__deepcopy__", 1)?;
    Ok(like(arr, arr.snapshot()))
}
