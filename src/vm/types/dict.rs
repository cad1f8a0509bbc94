//! `dict` and its views: hashing (CPython's algorithms, so iteration order and `hash()`
//! match), the insertion-ordered table, the methods and method table, the constructor.

use crate::builtins_table;
use crate::vm::{ops, PyResult};
use crate::vm::args::Args;
use crate::vm::exceptions::{key_error, type_error, value_error};
use crate::vm::ops::{dict_key, eq, hash_key};
use crate::vm::state::Vm;
use crate::vm::sync::lock;
use crate::vm::types::Builtin;
use crate::vm::value::{Str, Value};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::sync::{Arc, Mutex, MutexGuard};
use crate::lang::bytecode::BinKind;

/// A value known to be hashable, with its hash, compared with Python's `==` for builtin types
/// (so `1`, `1.0` and `True` are one key) and by identity for other objects. Keys of classes
/// with a user `__eq__` are resolved to the equal key already in the container before they get
/// here (see `ops::dict_key`), so identity is enough.
#[derive(Clone)]
pub struct HashKey {
    pub hash: i64,
    pub value: Value,
}

impl HashKey {
    /// The key of a value whose hash needs no Python call.
    pub fn of(v: Value) -> HashKey {
        HashKey { hash: py_hash(&v), value: v }
    }
}

const MODULUS: u64 = (1u64 << 61) - 1;

/// CPython's `hash()` of an int.
pub fn hash_i64(i: i64) -> i64 {
    let m = (i.unsigned_abs() % MODULUS) as i64;
    let h = if i < 0 { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_bigint(b: &num_bigint::BigInt) -> i64 {
    use num_traits::ToPrimitive;
    let m = num_bigint::BigInt::from(MODULUS);
    let r: num_bigint::BigInt = b.magnitude().clone().into();
    let h = (r % m).to_i64().unwrap();
    let h = if b.sign() == num_bigint::Sign::Minus { -h } else { h };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's `hash()` of a float.
pub fn hash_f64(x: f64) -> i64 {
    if x.is_nan() {
        return 0;
    }
    if x.is_infinite() {
        return if x > 0.0 { 314159 } else { -314159 };
    }
    if x.fract() == 0.0 && x.abs() < 9.2e18 {
        return hash_i64(x as i64);
    }
    // Python's algorithm: hash of the exact rational value modulo 2**61 - 1.
    let (mut m, mut e) = frexp(x.abs());
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & MODULUS) | (h >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= MODULUS {
            h -= MODULUS;
        }
    }
    let e = if e >= 0 { e % 61 } else { 61 - 1 - ((-1 - e) % 61) };
    h = ((h << e) & MODULUS) | (h >> (61 - e));
    let mut r = h as i64;
    if x < 0.0 {
        r = -r;
    }
    if r == -1 {
        -2
    } else {
        r
    }
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (0.0, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// FNV-1a: strings only need a stable, fast hash (CPython's is randomized anyway).
pub fn hash_str(s: &str) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    let h = (h >> 1) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's tuple hash (xxHash-based, 3.8+).
pub fn hash_tuple(items: &[Value]) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc: u64 = P5;
    for it in items {
        let lane = py_hash(it) as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

/// Python's hash of a hashable value (objects hash by identity). Callers check nesting first
/// (`ops::check_hashable`); past the stack's end a nested tuple hashes by identity, not overflow.
pub fn py_hash(v: &Value) -> i64 {
    match v {
        Value::Tuple(_) | Value::Set(_) if crate::runtime::stack::stack_exhausted() => (v.identity().unwrap_or(0) >> 4) as i64,
        Value::Int(i) => hash_i64(*i),
        Value::Bool(b) => *b as i64,
        Value::Float(f) => hash_f64(*f),
        Value::BigInt(b) => hash_bigint(b),
        Value::Str(s) => hash_str(s.as_str()),
        Value::Bytes(b) => super::hash_bytes(&b.data),
        Value::Tuple(t) => hash_tuple(&t.items),
        Value::None => 0x5f3759df,
        Value::Set(s) => {
            // frozenset: order-independent.
            let mut h: i64 = 0;
            for x in s.lock().values() {
                h ^= py_hash(&x).wrapping_mul(0x9e3779b97f4a7c15u64 as i64);
            }
            h
        }
        Value::Instance(i) if i.base().is_some() => py_hash(i.base().unwrap()),
        other => (other.identity().unwrap_or(0) >> 4) as i64,
    }
}

/// Python `==` between hashable builtin values (no user `__eq__`).
pub fn key_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => std::sync::Arc::ptr_eq(x, y) || x.as_str() == y.as_str(),
        (Value::Int(x), Value::Float(y)) | (Value::Float(y), Value::Int(x)) => (*x as f64) == *y && (*y as i64) == *x,
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Bool(x), Value::Int(y)) | (Value::Int(y), Value::Bool(x)) => (*x as i64) == *y,
        (Value::Bool(x), Value::Float(y)) | (Value::Float(y), Value::Bool(x)) => (*x as i64 as f64) == *y,
        (Value::BigInt(x), Value::BigInt(y)) => x == y,
        (Value::None, Value::None) => true,
        (Value::Bytes(x), Value::Bytes(y)) => x.data == y.data,
        (Value::Tuple(x), Value::Tuple(y)) if crate::runtime::stack::stack_exhausted() => Arc::ptr_eq(x, y),
        (Value::Tuple(x), Value::Tuple(y)) => {
            x.items.len() == y.items.len() && x.items.iter().zip(y.items.iter()).all(|(p, q)| key_eq(p, q))
        }
        (Value::Set(x), Value::Set(y)) => {
            if std::sync::Arc::ptr_eq(x, y) {
                return true;
            }
            let (xa, ya) = (x.lock().clone(), y.lock().clone());
            xa.len() == ya.len() && xa.values().iter().all(|v| ya.contains(&HashKey::of(v.clone())))
        }
        (Value::Instance(_), _) | (_, Value::Instance(_)) if super::has_base(a) || super::has_base(b) => {
            a.is(b) || key_eq(super::base_value(a), super::base_value(b))
        }
        _ => a.is(b),
    }
}

impl PartialEq for HashKey {
    fn eq(&self, other: &HashKey) -> bool {
        self.hash == other.hash && key_eq(&self.value, &other.value)
    }
}

impl Eq for HashKey {}

impl Hash for HashKey {
    fn hash<H: Hasher>(&self, h: &mut H) {
        h.write_i64(self.hash);
    }
}

/// Mixes the Python hash (already well spread for strings; ints hash to themselves).
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(5) ^ *b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_i64(&mut self, i: i64) {
        self.0 = (i as u64).wrapping_mul(0x9e3779b97f4a7c15);
    }
}

pub type KeyMap<V> = HashMap<HashKey, V, BuildHasherDefault<KeyHasher>>;

#[derive(Clone, Default)]
pub struct DictMap {
    entries: Vec<Option<(HashKey, Value)>>,
    index: KeyMap<usize>,
    live: usize,
}

impl DictMap {
    pub fn len(&self) -> usize {
        self.live
    }
    pub fn get(&self, k: &HashKey) -> Option<&Value> {
        self.index.get(k).map(|&i| &self.entries[i].as_ref().unwrap().1)
    }
    pub fn contains(&self, k: &HashKey) -> bool {
        self.index.contains_key(k)
    }
    /// Inserts or replaces (keeping the original position and key object, as Python does).
    pub fn insert(&mut self, k: HashKey, v: Value) -> Option<Value> {
        if let Some(&i) = self.index.get(&k) {
            let slot = self.entries[i].as_mut().unwrap();
            return Some(std::mem::replace(&mut slot.1, v));
        }
        self.entries.push(Some((k.clone(), v)));
        self.index.insert(k, self.entries.len() - 1);
        self.live += 1;
        None
    }
    pub fn remove(&mut self, k: &HashKey) -> Option<Value> {
        let i = self.index.remove(k)?;
        let (_, v) = self.entries[i].take().unwrap();
        self.live -= 1;
        if self.entries.len() > 32 && self.live * 2 < self.entries.len() {
            self.compact();
        }
        Some(v)
    }
    fn compact(&mut self) {
        let items: Vec<(HashKey, Value)> = self.entries.drain(..).flatten().collect();
        self.index.clear();
        for (k, v) in items {
            self.entries.push(Some((k.clone(), v)));
            self.index.insert(k, self.entries.len() - 1);
        }
    }
    pub fn keys(&self) -> Vec<Value> {
        self.entries.iter().flatten().map(|(k, _)| k.value.clone()).collect()
    }
    pub fn values(&self) -> Vec<Value> {
        self.entries.iter().flatten().map(|(_, v)| v.clone()).collect()
    }
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.entries.iter().flatten().map(|(k, v)| (k.value.clone(), v.clone())).collect()
    }
    /// Entries with their keys' hashes.
    pub fn items_hashed(&self) -> Vec<(HashKey, Value)> {
        self.entries.iter().flatten().cloned().collect()
    }
    /// Keys with hash `h` (to resolve a user `__eq__` outside the lock).
    pub fn keys_with_hash(&self, h: i64) -> Vec<Value> {
        self.entries.iter().flatten().filter(|(k, _)| k.hash == h).map(|(k, _)| k.value.clone()).collect()
    }
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        while let Some(e) = self.entries.pop() {
            if let Some((k, v)) = e {
                self.index.remove(&k);
                self.live -= 1;
                return Some((k.value, v));
            }
        }
        None
    }
}

pub struct Dict {
    map: Mutex<DictMap>,
}

impl Drop for Dict {
    fn drop(&mut self) {
        crate::vm::trashcan::release(std::mem::take(self.map.get_mut().unwrap_or_else(|e| e.into_inner())));
    }
}

impl Dict {
    pub fn new(map: DictMap) -> Dict {
        Dict { map: Mutex::new(map) }
    }
    #[inline]
    pub fn lock(&self) -> MutexGuard<'_, DictMap> {
        lock(&self.map)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

/// A live view of a dict: `d.keys()`, `d.values()`, `d.items()`.
pub struct View {
    pub kind: ViewKind,
    pub dict: Arc<super::dict::Dict>,
}

pub fn dict_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.range("dict", 0, 1)?;
    let d = Arc::new(Dict::new(DictMap::default()));
    if let Some(src) = pos.first() {
        dict_update_from(vm, &d, src)?;
    }
    for (k, v) in args.kwargs() {
        d.lock().insert(hash_key(&Value::str(k))?, v.clone());
    }
    Ok(Value::Dict(d))
}

pub static DICT_METHODS: &[Builtin] = builtins_table![
    "get" => dict_get,
    "keys" => dict_keys,
    "values" => dict_values,
    "items" => dict_items,
    "pop" => dict_pop,
    "popitem" => dict_popitem,
    "setdefault" => dict_setdefault,
    "update" => dict_update,
    "copy" => dict_copy,
    "clear" => dict_clear,
];

/// `dict.fromkeys(iterable, value=None)`, a classmethod.
pub static DICT_FROMKEYS: Builtin = Builtin { name: "fromkeys", f: dict_fromkeys };

pub fn dict_from_attrs(items: Vec<(Str, Value)>) -> Value {
    let mut m = DictMap::default();
    for (k, v) in items {
        m.insert(HashKey::of(Value::Str(k)), v);
    }
    Value::Dict(Arc::new(Dict::new(m)))
}

/// `d.update(src)`: a dict, an object with `keys()`, or an iterable of pairs.
pub fn dict_update_from(vm: &mut Vm, d: &Arc<Dict>, src: &Value) -> PyResult<()> {
    match src {
        Value::Dict(s) => {
            let items = s.lock().items_hashed();
            let mut m = d.lock();
            for (k, v) in items {
                m.insert(k, v);
            }
            Ok(())
        }
        Value::Instance(_) if vm.get_attr_opt(src, "keys")?.is_some() => {
            let keys_fn = vm.get_attr_opt(src, "keys")?.unwrap();
            let keys = vm.call(&keys_fn, &[])?;
            for k in vm.collect(&keys)? {
                let v = ops::getitem(vm, src, &k)?;
                let key = ops::dict_key(vm, d, &k)?;
                d.lock().insert(key, v);
            }
            Ok(())
        }
        _ => {
            let items = vm.collect(src)?;
            for (i, item) in items.iter().enumerate() {
                let pair = match vm.collect(item) {
                    Ok(p) => p,
                    Err(_) => {
                        return Err(type_error(format!(
                            "cannot convert dictionary update sequence element #{} to a sequence",
                            i
                        )))
                    }
                };
                if pair.len() != 2 {
                    return Err(value_error(format!(
                        "dictionary update sequence element #{} has length {}; 2 is required",
                        i,
                        pair.len()
                    )));
                }
                let key = ops::dict_key(vm, d, &pair[0])?;
                d.lock().insert(key, pair[1].clone());
            }
            Ok(())
        }
    }
}

pub fn view_items(view: &View) -> Vec<Value> {
    let m = view.dict.lock();
    match view.kind {
        ViewKind::Keys => m.keys(),
        ViewKind::Values => m.values(),
        ViewKind::Items => m.items().into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect(),
    }
}

fn dict_self<'a>(a: &Args<'a>) -> PyResult<(&'a Arc<Dict>, Args<'a>)> {
    let (s, rest) = a.split_self();
    match s {
        Value::Dict(d) => Ok((d, rest)),
        other => Err(type_error(format!("descriptor requires a 'dict' object but received a '{}'", other.type_name()))),
    }
}

pub fn dict_get(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (d, rest) = dict_self(&a)?;
    let p = rest.range("get", 1, 2)?;
    let k = ops::dict_key(vm, d, &p[0])?;
    let v = d.lock().get(&k).cloned();
    Ok(v.unwrap_or_else(|| p.get(1).cloned().unwrap_or(Value::None)))
}

fn view(a: &Args, kind: ViewKind) -> PyResult<Value> {
    let (d, _) = dict_self(a)?;
    Ok(Value::View(Arc::new(View { kind, dict: d.clone() })))
}

pub fn dict_keys(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    view(&a, ViewKind::Keys)
}

pub fn dict_values(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    view(&a, ViewKind::Values)
}

pub fn dict_items(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    view(&a, ViewKind::Items)
}

pub fn dict_pop(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (d, rest) = dict_self(&a)?;
    let p = rest.range("pop", 1, 2)?;
    let k = ops::dict_key(vm, d, &p[0])?;
    let v = d.lock().remove(&k);
    match v {
        Some(v) => Ok(v),
        None => match p.get(1) {
            Some(def) => Ok(def.clone()),
            None => Err(key_error(p[0].clone())),
        },
    }
}

pub fn dict_popitem(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (d, _) = dict_self(&a)?;
    let r = d.lock().pop_last();
    match r {
        Some((k, v)) => Ok(Value::tuple(vec![k, v])),
        None => Err(key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

pub fn dict_setdefault(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (d, rest) = dict_self(&a)?;
    let p = rest.range("setdefault", 1, 2)?;
    let k = ops::dict_key(vm, d, &p[0])?;
    let mut m = d.lock();
    if let Some(v) = m.get(&k) {
        return Ok(v.clone());
    }
    let v = p.get(1).cloned().unwrap_or(Value::None);
    m.insert(k, v.clone());
    Ok(v)
}

pub fn dict_update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (d, rest) = dict_self(&a)?;
    let p = rest.range("update", 0, 1)?;
    if let Some(src) = p.first() {
        dict_update_from(vm, d, src)?;
    }
    for (k, v) in rest.kwargs() {
        d.lock().insert(hash_key(&Value::str(k))?, v.clone());
    }
    Ok(Value::None)
}

pub fn dict_fromkeys(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = a.range("fromkeys", 2, 3)?;
    let value = p.get(2).cloned().unwrap_or(Value::None);
    let d = Arc::new(Dict::new(DictMap::default()));
    for k in vm.collect(&p[1])? {
        let key = ops::dict_key(vm, &d, &k)?;
        d.lock().insert(key, value.clone());
    }
    Ok(Value::Dict(d))
}

pub fn dict_copy(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (d, _) = dict_self(&a)?;
    let m = d.lock().clone();
    Ok(Value::Dict(Arc::new(Dict::new(m))))
}

pub fn dict_clear(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (d, _) = dict_self(&a)?;
    let old = std::mem::take(&mut *d.lock());
    drop(old);
    Ok(Value::None)
}

/// `d[idx]`.
pub fn dict_getitem(vm: &mut Vm, d: &Dict, idx: &Value) -> PyResult<Value> {
    let k = dict_key(vm, d, idx)?;
    let v = d.lock().get(&k).cloned();
    v.ok_or_else(|| key_error(idx.clone()))
}

/// `d[idx] = v`.
pub fn dict_setitem(vm: &mut Vm, d: &Dict, idx: &Value, v: Value) -> PyResult<()> {
    let k = dict_key(vm, d, idx)?;
    let old = d.lock().insert(k, v);
    // Dropped after the lock is released.
    drop(old);
    Ok(())
}

/// `del d[idx]`.
pub fn dict_delitem(vm: &mut Vm, d: &Dict, idx: &Value) -> PyResult<()> {
    let k = dict_key(vm, d, idx)?;
    let old = d.lock().remove(&k);
    old.map(drop).ok_or_else(|| key_error(idx.clone()))
}

/// `item in view`: keys by hash, values and items by equality.
pub fn view_contains(vm: &mut Vm, view: &View, item: &Value) -> PyResult<bool> {
    if view.kind == ViewKind::Keys {
        let k = hash_key(item)?;
        return Ok(view.dict.lock().contains(&k));
    }
    for x in view_items(view) {
        if eq(vm, &x, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `x | y` of two dicts (a new dict, `y`'s values winning); None if unsupported.
pub fn dict_binop(kind: BinKind, x: &Dict, other: &Value) -> PyResult<Option<Value>> {
    let y = match (kind, other) {
        (BinKind::Or, Value::Dict(y)) => y,
        _ => return Ok(None),
    };
    let mut m = x.lock().clone();
    for (k, v) in y.lock().items_hashed() {
        m.insert(k, v);
    }
    Ok(Some(Value::Dict(Arc::new(Dict::new(m)))))
}
