//! set and frozenset, with CPython's hash table layout (`Objects/setobject.c`): same probing,
//! same resizing, so iterating a set of ints (or tuples of ints) yields CPython's order.

use crate::builtins_table;
use crate::vm::ops;
use crate::vm::args::Args;
use crate::vm::exceptions::{key_error, type_error, PyResult};
use crate::vm::state::Vm;
use crate::vm::sync::lock;
use crate::vm::types::Builtin;
use crate::vm::types::dict::{key_eq, HashKey};
use crate::vm::value::Value;
use std::sync::{Arc, Mutex, MutexGuard};
use crate::lang::bytecode::BinKind;

const MINSIZE: usize = 8;

const LINEAR_PROBES: usize = 9;

const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
enum Slot {
    Empty,
    Dummy,
    Full(i64, Value),
}

#[derive(Clone)]
pub struct SetMap {
    table: Vec<Slot>,
    /// Active + dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where `pop` resumes.
    finger: usize,
}

impl Default for SetMap {
    fn default() -> Self {
        SetMap { table: vec![Slot::Empty; MINSIZE], fill: 0, used: 0, finger: 0 }
    }
}

impl SetMap {
    pub fn len(&self) -> usize {
        self.used
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    fn find(&self, key: &Value, hash: i64) -> Option<usize> {
        let mask = self.mask();
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in 0..=probes {
                match &self.table[i + j] {
                    Slot::Empty => return None,
                    Slot::Full(h, k) if *h == hash && key_eq(k, key) => return Some(i + j),
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    pub fn contains(&self, k: &HashKey) -> bool {
        self.find(&k.value, k.hash).is_some()
    }

    /// Every member of `self` is in `other` (no copy, no allocation).
    pub fn is_subset(&self, other: &SetMap) -> bool {
        self.used <= other.used && self.table.iter().all(|s| match s {
            Slot::Full(h, k) => other.find(k, *h).is_some(),
            _ => true,
        })
    }

    /// No member of `self` is in `other`.
    pub fn is_disjoint(&self, other: &SetMap) -> bool {
        self.table.iter().all(|s| match s {
            Slot::Full(h, k) => other.find(k, *h).is_none(),
            _ => true,
        })
    }

    /// Returns false if it was already there.
    pub fn insert(&mut self, k: HashKey) -> bool {
        self.insert_hashed(k.value, k.hash)
    }

    /// Members with hash `h` (to resolve a user `__eq__` outside the lock).
    pub fn keys_with_hash(&self, h: i64) -> Vec<Value> {
        self.table
            .iter()
            .filter_map(|s| match s {
                Slot::Full(x, k) if *x == h => Some(k.clone()),
                _ => None,
            })
            .collect()
    }

    fn insert_hashed(&mut self, key: Value, hash: i64) -> bool {
        let mask = self.mask();
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        let mut freeslot: Option<usize> = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in 0..=probes {
                let at = i + j;
                match &self.table[at] {
                    Slot::Empty => {
                        if let Some(f) = freeslot {
                            self.used += 1;
                            self.table[f] = Slot::Full(hash, key);
                            return true;
                        }
                        self.fill += 1;
                        self.used += 1;
                        self.table[at] = Slot::Full(hash, key);
                        if self.fill * 5 >= mask * 3 {
                            self.resize(if self.used > 50000 { self.used * 2 } else { self.used * 4 });
                        }
                        return true;
                    }
                    Slot::Full(h, k) => {
                        if *h == hash && key_eq(k, &key) {
                            return false;
                        }
                    }
                    Slot::Dummy => {
                        if freeslot.is_none() {
                            freeslot = Some(at);
                        }
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    fn insert_clean(table: &mut [Slot], key: Value, hash: i64) {
        let mask = table.len() - 1;
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            if matches!(table[i], Slot::Empty) {
                table[i] = Slot::Full(hash, key);
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if matches!(table[i + j], Slot::Empty) {
                        table[i + j] = Slot::Full(hash, key);
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::Empty; newsize]);
        self.fill = self.used;
        for s in old {
            if let Slot::Full(h, k) = s {
                Self::insert_clean(&mut self.table, k, h);
            }
        }
    }

    /// Makes room before adding `n` more items, as CPython does for updates from a dict or set.
    pub fn reserve_for(&mut self, n: usize) {
        if (self.fill + n) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2);
        }
    }

    /// `so |= other` with CPython's `set_merge` layout rules.
    pub fn merge(&mut self, other: &SetMap) {
        if other.used == 0 {
            return;
        }
        self.reserve_for(other.used);
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.table = other.table.clone();
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for s in &other.table {
                if let Slot::Full(h, k) = s {
                    Self::insert_clean(&mut self.table, k.clone(), *h);
                }
            }
            return;
        }
        for s in &other.table {
            if let Slot::Full(h, k) = s {
                self.insert_hashed(k.clone(), *h);
            }
        }
    }

    pub fn remove(&mut self, k: &HashKey) -> bool {
        match self.find(&k.value, k.hash) {
            Some(i) => {
                self.table[i] = Slot::Dummy;
                self.used -= 1;
                true
            }
            None => false,
        }
    }

    pub fn pop_first(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !matches!(self.table[i], Slot::Full(..)) {
            i = (i + 1) & mask;
        }
        let v = match std::mem::replace(&mut self.table[i], Slot::Dummy) {
            Slot::Full(_, k) => k,
            _ => unreachable!(),
        };
        self.used -= 1;
        self.finger = i + 1;
        Some(v)
    }

    /// Members with their hashes, in table order.
    pub fn keys_hashed(&self) -> Vec<HashKey> {
        self.table
            .iter()
            .filter_map(|s| match s {
                Slot::Full(h, k) => Some(HashKey { hash: *h, value: k.clone() }),
                _ => None,
            })
            .collect()
    }

    /// Items in table order (CPython's iteration order).
    pub fn values(&self) -> Vec<Value> {
        self.table
            .iter()
            .filter_map(|s| match s {
                Slot::Full(_, k) => Some(k.clone()),
                _ => None,
            })
            .collect()
    }

    pub fn clear(&mut self) {
        *self = SetMap::default();
    }
}

pub struct Set {
    map: Mutex<SetMap>,
    pub frozen: bool,
}

impl Drop for Set {
    fn drop(&mut self) {
        crate::vm::trashcan::release(std::mem::take(&mut self.map.get_mut().unwrap_or_else(|e| e.into_inner()).table));
    }
}

impl Set {
    pub fn new(map: SetMap, frozen: bool) -> Set {
        Set { map: Mutex::new(map), frozen }
    }
    #[inline]
    pub fn lock(&self) -> MutexGuard<'_, SetMap> {
        lock(&self.map)
    }
}

/// Set algebra with CPython's algorithms (the order of the result depends on them).
impl SetMap {
    pub fn copy_of(other: &SetMap) -> SetMap {
        let mut s = SetMap::default();
        s.merge(other);
        s
    }

    pub fn union(a: &SetMap, b: &SetMap) -> SetMap {
        let mut s = SetMap::copy_of(a);
        s.merge(b);
        s
    }

    pub fn intersection(a: &SetMap, b: &SetMap) -> SetMap {
        let (small, big) = if b.len() > a.len() { (a, b) } else { (b, a) };
        let mut out = SetMap::default();
        for s in &small.table {
            if let Slot::Full(h, k) = s {
                if big.find(k, *h).is_some() {
                    out.insert_hashed(k.clone(), *h);
                }
            }
        }
        out
    }

    pub fn difference(a: &SetMap, b: &SetMap) -> SetMap {
        if (a.len() >> 2) > b.len() {
            let mut out = SetMap::copy_of(a);
            for s in &b.table {
                if let Slot::Full(h, k) = s {
                    if let Some(i) = out.find(k, *h) {
                        out.table[i] = Slot::Dummy;
                        out.used -= 1;
                    }
                }
            }
            return out;
        }
        let mut out = SetMap::default();
        for s in &a.table {
            if let Slot::Full(h, k) = s {
                if b.find(k, *h).is_none() {
                    out.insert_hashed(k.clone(), *h);
                }
            }
        }
        out
    }

    pub fn symmetric_difference(a: &SetMap, b: &SetMap) -> SetMap {
        let mut out = SetMap::copy_of(b);
        for s in &a.table {
            if let Slot::Full(h, k) = s {
                match out.find(k, *h) {
                    Some(i) => {
                        out.table[i] = Slot::Dummy;
                        out.used -= 1;
                    }
                    None => {
                        out.insert_hashed(k.clone(), *h);
                    }
                }
            }
        }
        out
    }
}

pub fn set_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.only_kwargs("set", &[])?;
    let pos = args.range("set", 0, 1)?;
    match pos.first() {
        Some(x) => set_from_iterable(vm, x, false),
        None => set_from_values(vm, Vec::new(), false),
    }
}

pub fn frozenset_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.only_kwargs("frozenset", &[])?;
    let pos = args.range("frozenset", 0, 1)?;
    match pos.first() {
        Some(x) => set_from_iterable(vm, x, true),
        None => set_from_values(vm, Vec::new(), true),
    }
}

pub static SET_METHODS: &[Builtin] = builtins_table![
    "add" => set_add,
    "remove" => set_remove,
    "discard" => set_discard,
    "pop" => set_pop,
    "clear" => set_clear,
    "copy" => set_copy,
    "update" => set_update,
    "union" => set_union,
    "intersection" => set_intersection,
    "difference" => set_difference,
    "symmetric_difference" => set_symmetric_difference,
    "issubset" => set_issubset,
    "issuperset" => set_issuperset,
    "isdisjoint" => set_isdisjoint,
];

pub static FROZENSET_METHODS: &[Builtin] = builtins_table![
    "copy" => set_copy,
    "union" => set_union,
    "intersection" => set_intersection,
    "difference" => set_difference,
    "symmetric_difference" => set_symmetric_difference,
    "issubset" => set_issubset,
    "issuperset" => set_issuperset,
    "isdisjoint" => set_isdisjoint,
];

pub fn set_from_values(vm: &mut Vm, items: Vec<Value>, frozen: bool) -> PyResult<Value> {
    let s = Arc::new(Set::new(SetMap::default(), frozen));
    for v in items {
        let k = ops::set_key(vm, &s, &v)?;
        s.lock().insert(k);
    }
    Ok(Value::Set(s))
}

fn set_self<'a>(a: &Args<'a>) -> PyResult<(&'a Arc<Set>, Args<'a>)> {
    let (s, rest) = a.split_self();
    match s {
        Value::Set(x) => Ok((x, rest)),
        other => Err(type_error(format!("descriptor requires a 'set' object but received a '{}'", other.type_name()))),
    }
}

pub fn set_add(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, rest) = set_self(&a)?;
    let p = rest.exact("add", 1)?;
    let k = ops::set_key(vm, s, &p[0])?;
    s.lock().insert(k);
    Ok(Value::None)
}

pub fn set_remove(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, rest) = set_self(&a)?;
    let p = rest.exact("remove", 1)?;
    let k = ops::set_key(vm, s, &p[0])?;
    if s.lock().remove(&k) {
        Ok(Value::None)
    } else {
        Err(key_error(p[0].clone()))
    }
}

pub fn set_discard(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, rest) = set_self(&a)?;
    let p = rest.exact("discard", 1)?;
    let k = ops::set_key(vm, s, &p[0])?;
    s.lock().remove(&k);
    Ok(Value::None)
}

pub fn set_pop(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, _) = set_self(&a)?;
    let v = s.lock().pop_first();
    v.ok_or_else(|| key_error(Value::str("pop from an empty set")))
}

pub fn set_clear(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, _) = set_self(&a)?;
    s.lock().clear();
    Ok(Value::None)
}

pub fn set_copy(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, _) = set_self(&a)?;
    let m = SetMap::copy_of(&s.lock());
    Ok(Value::Set(Arc::new(Set::new(m, s.frozen))))
}

pub fn set_update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, rest) = set_self(&a)?;
    for it in rest.pos() {
        if let Value::Set(o) = it {
            let o = o.lock().clone();
            s.lock().merge(&o);
            continue;
        }
        if let Value::Dict(d) = it {
            let n = d.lock().len();
            s.lock().reserve_for(n);
        }
        let items = vm.collect(it)?;
        let mut keys = Vec::with_capacity(items.len());
        for v in items {
            keys.push(ops::set_key(vm, s, &v)?);
        }
        let mut m = s.lock();
        for k in keys {
            m.insert(k);
        }
    }
    Ok(Value::None)
}

fn set_of(vm: &mut Vm, v: &Value) -> PyResult<SetMap> {
    match v {
        Value::Set(s) => Ok(s.lock().clone()),
        other => {
            let mut m = SetMap::default();
            if let Value::Dict(d) = other {
                m.reserve_for(d.lock().len());
            }
            let tmp = Arc::new(Set::new(m, false));
            for x in vm.collect(other)? {
                let k = ops::set_key(vm, &tmp, &x)?;
                tmp.lock().insert(k);
            }
            let m = tmp.lock().clone();
            Ok(m)
        }
    }
}

/// `set(iterable)` / `frozenset(iterable)` with CPython's table layout.
pub fn set_from_iterable(vm: &mut Vm, v: &Value, frozen: bool) -> PyResult<Value> {
    let m = match v {
        Value::Set(s) => SetMap::copy_of(&s.lock()),
        other => set_of(vm, other)?,
    };
    Ok(Value::Set(Arc::new(Set::new(m, frozen))))
}

fn set_algebra(vm: &mut Vm, a: Args, op: &str) -> PyResult<Value> {
    let (s, rest) = set_self(&a)?;
    let mut acc = s.lock().clone();
    if rest.pos().is_empty() {
        acc = SetMap::copy_of(&acc);
    }
    for other in rest.pos() {
        let o = set_of(vm, other)?;
        acc = match op {
            "union" => SetMap::union(&acc, &o),
            "intersection" => SetMap::intersection(&acc, &o),
            "difference" => SetMap::difference(&acc, &o),
            _ => SetMap::symmetric_difference(&acc, &o),
        };
    }
    Ok(Value::Set(Arc::new(Set::new(acc, s.frozen))))
}

pub fn set_union(vm: &mut Vm, a: Args) -> PyResult<Value> {
    set_algebra(vm, a, "union")
}

pub fn set_intersection(vm: &mut Vm, a: Args) -> PyResult<Value> {
    set_algebra(vm, a, "intersection")
}

pub fn set_difference(vm: &mut Vm, a: Args) -> PyResult<Value> {
    set_algebra(vm, a, "difference")
}

pub fn set_symmetric_difference(vm: &mut Vm, a: Args) -> PyResult<Value> {
    set_algebra(vm, a, "symmetric_difference")
}

fn set_relation(vm: &mut Vm, a: Args, op: &str) -> PyResult<Value> {
    let (s, rest) = set_self(&a)?;
    let p = rest.exact(op, 1)?;
    let o = set_of(vm, &p[0])?;
    let me = s.lock();
    Ok(Value::Bool(match op {
        "issubset" => me.is_subset(&o),
        "issuperset" => o.is_subset(&me),
        _ => me.is_disjoint(&o),
    }))
}

pub fn set_issubset(vm: &mut Vm, a: Args) -> PyResult<Value> {
    set_relation(vm, a, "issubset")
}

pub fn set_issuperset(vm: &mut Vm, a: Args) -> PyResult<Value> {
    set_relation(vm, a, "issuperset")
}

pub fn set_isdisjoint(vm: &mut Vm, a: Args) -> PyResult<Value> {
    set_relation(vm, a, "isdisjoint")
}

/// Runs `f` on the contents of two sets. One lock at a time, as everywhere in the VM (two
/// held at once could deadlock against `y op x`): the smaller set is copied, the larger one
/// read in place under its lock. `f` runs no Python code (set algebra compares keys in Rust).
pub fn with_both<R>(x: &Arc<Set>, y: &Arc<Set>, f: impl FnOnce(&SetMap, &SetMap) -> R) -> R {
    if Arc::ptr_eq(x, y) {
        let g = x.lock();
        return f(&g, &g);
    }
    let x_smaller = x.lock().len() <= y.lock().len();
    if x_smaller {
        let xs = x.lock().clone();
        let ys = y.lock();
        f(&xs, &ys)
    } else {
        let ys = y.lock().clone();
        let xs = x.lock();
        f(&xs, &ys)
    }
}

/// `x | y`, `x & y`, `x - y`, `x ^ y` of two sets; None if unsupported. The result has the
/// left operand's kind (set or frozenset).
pub fn set_binop(kind: BinKind, x: &Arc<Set>, other: &Value) -> PyResult<Option<Value>> {
    let y = match (kind, other) {
        (BinKind::Or | BinKind::And | BinKind::Sub | BinKind::Xor, Value::Set(y)) => y,
        _ => return Ok(None),
    };
    let out = with_both(x, y, |xs, ys| match kind {
        BinKind::Or => SetMap::union(xs, ys),
        BinKind::And => SetMap::intersection(xs, ys),
        BinKind::Sub => SetMap::difference(xs, ys),
        _ => SetMap::symmetric_difference(xs, ys),
    });
    Ok(Some(Value::Set(Arc::new(Set::new(out, x.frozen)))))
}
