//! Methods of list, tuple, dict, set and range, and helpers shared with the interpreter.

use crate::vm::args::Args;
use crate::vm::exceptions::{index_error, key_error, type_error, value_error, PyResult, Unwind};
use crate::vm::types::{Dict, DictMap, HashKey, Set, SetMap, Str, View, ViewKind};
use crate::vm::ops::{self, eq, hash_key, less_than, norm_index};
use crate::vm::state::Vm;
use crate::vm::value::Value;
use std::cell::RefCell;
use std::cmp::Ordering;
use std::sync::Arc;

pub fn set_from_values(vm: &mut Vm, items: Vec<Value>, frozen: bool) -> PyResult<Value> {
    let s = Arc::new(Set::new(SetMap::default(), frozen));
    for v in items {
        let k = ops::set_key(vm, &s, &v)?;
        s.lock().insert(k);
    }
    Ok(Value::Set(s))
}

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

/// Stable sort with an optional key function; comparison errors propagate.
pub fn sort_values(vm: &mut Vm, items: Vec<Value>, key: Option<&Value>, reverse: bool) -> PyResult<Vec<Value>> {
    let keys: Vec<Value> = match key {
        Some(k) if !k.is_none() => {
            let mut ks = Vec::with_capacity(items.len());
            for x in &items {
                ks.push(vm.call(k, &[x.clone()])?);
            }
            ks
        }
        _ => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    if reverse {
        idx.reverse();
    }
    let all_int = keys.iter().all(|k| matches!(k, Value::Int(_)));
    let all_str = keys.iter().all(|k| matches!(k, Value::Str(_)));
    let all_float = keys.iter().all(|k| matches!(k, Value::Float(_)));
    if all_int {
        idx.sort_by_key(|&i| match &keys[i] {
            Value::Int(n) => *n,
            _ => 0,
        });
    } else if all_str {
        idx.sort_by(|&a, &b| keys[a].as_str().unwrap().cmp(keys[b].as_str().unwrap()));
    } else if all_float {
        idx.sort_by(|&a, &b| match (&keys[a], &keys[b]) {
            (Value::Float(x), Value::Float(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
            _ => Ordering::Equal,
        });
    } else {
        let err: RefCell<Option<Unwind>> = RefCell::new(None);
        let vm_cell = RefCell::new(vm);
        idx.sort_by(|&a, &b| {
            if err.borrow().is_some() {
                return Ordering::Equal;
            }
            let mut vm = vm_cell.borrow_mut();
            match less_than(&mut vm, &keys[a], &keys[b]) {
                Ok(true) => Ordering::Less,
                Ok(false) => match less_than(&mut vm, &keys[b], &keys[a]) {
                    Ok(true) => Ordering::Greater,
                    Ok(false) => Ordering::Equal,
                    Err(e) => {
                        *err.borrow_mut() = Some(e);
                        Ordering::Equal
                    }
                },
                Err(e) => {
                    *err.borrow_mut() = Some(e);
                    Ordering::Equal
                }
            }
        });
        if let Some(e) = err.into_inner() {
            return Err(e);
        }
    }
    if reverse {
        idx.reverse();
    }
    Ok(idx.into_iter().map(|i| items[i].clone()).collect())
}

fn list_self<'a>(a: &Args<'a>) -> PyResult<(&'a Arc<crate::vm::types::List>, Args<'a>)> {
    let (s, rest) = a.split_self();
    match s {
        Value::List(l) => Ok((l, rest)),
        other => Err(type_error(format!("descriptor requires a 'list' object but received a '{}'", other.type_name()))),
    }
}

pub fn list_append(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (l, rest) = list_self(&a)?;
    let p = rest.exact("append", 1)?;
    l.push(p[0].clone());
    Ok(Value::None)
}

pub fn list_extend(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (l, rest) = list_self(&a)?;
    let p = rest.exact("extend", 1)?;
    let items = vm.collect(&p[0])?;
    l.lock().extend(items);
    Ok(Value::None)
}

pub fn list_pop(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (l, rest) = list_self(&a)?;
    let p = rest.range("pop", 0, 1)?;
    let mut items = l.lock();
    if items.is_empty() {
        return Err(index_error("pop from empty list"));
    }
    let i = match p.first() {
        Some(v) => super::arg_int(v)?,
        None => -1,
    };
    match norm_index(i, items.len()) {
        Some(j) => Ok(items.remove(j)),
        None => Err(index_error("pop index out of range")),
    }
}

pub fn list_insert(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (l, rest) = list_self(&a)?;
    let p = rest.exact("insert", 2)?;
    let i = super::arg_int(&p[0])?;
    let mut items = l.lock();
    let n = items.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(j as usize, p[1].clone());
    Ok(Value::None)
}

pub fn list_remove(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (l, rest) = list_self(&a)?;
    let p = rest.exact("remove", 1)?;
    let snapshot = l.snapshot();
    for (i, x) in snapshot.iter().enumerate() {
        if x.is(&p[0]) || eq(vm, x, &p[0])? {
            let mut items = l.lock();
            // Remove the same object if the list moved meanwhile.
            let pos = if i < items.len() && items[i].is(x) { Some(i) } else { items.iter().position(|y| y.is(x)) };
            if let Some(pos) = pos {
                items.remove(pos);
            }
            return Ok(Value::None);
        }
    }
    Err(value_error("list.remove(x): x not in list"))
}

fn seq_index(vm: &mut Vm, items: &[Value], rest: Args, what: &str) -> PyResult<Value> {
    let p = rest.range("index", 1, 3)?;
    let n = items.len() as i64;
    let norm = |v: Option<&Value>, d: i64| -> PyResult<i64> {
        Ok(match v {
            Some(v) => {
                let i = super::arg_int(v)?;
                if i < 0 {
                    (i + n).max(0)
                } else {
                    i.min(n)
                }
            }
            None => d,
        })
    };
    let (lo, hi) = (norm(p.get(1), 0)?, norm(p.get(2), n)?);
    for i in lo..hi {
        let x = &items[i as usize];
        if x.is(&p[0]) || eq(vm, x, &p[0])? {
            return Ok(Value::Int(i));
        }
    }
    let _ = what;
    if what == "list" {
        let r = vm.repr(&p[0])?;
        return Err(value_error(format!("{} is not in list", r)));
    }
    Err(value_error(format!("{}.index(x): x not in {}", what, what)))
}

pub fn list_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (l, rest) = list_self(&a)?;
    let items = l.snapshot();
    seq_index(vm, &items, rest, "list")
}

fn seq_count(vm: &mut Vm, items: &[Value], rest: Args) -> PyResult<Value> {
    let p = rest.exact("count", 1)?;
    let mut n = 0;
    for x in items {
        if x.is(&p[0]) || eq(vm, x, &p[0])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

pub fn list_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (l, rest) = list_self(&a)?;
    let items = l.snapshot();
    seq_count(vm, &items, rest)
}

pub fn list_sort(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (l, rest) = list_self(&a)?;
    rest.only_kwargs("sort", &["key", "reverse"])?;
    if rest.n() > 0 {
        return Err(type_error("sort() takes no positional arguments"));
    }
    let key = rest.kw("key").cloned();
    let reverse = match rest.kw("reverse") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    let items = l.snapshot();
    let sorted = sort_values(vm, items, key.as_ref(), reverse)?;
    *l.lock() = sorted;
    Ok(Value::None)
}

pub fn list_reverse(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (l, _) = list_self(&a)?;
    l.lock().reverse();
    Ok(Value::None)
}

pub fn list_clear(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (l, _) = list_self(&a)?;
    let old = std::mem::take(&mut *l.lock());
    drop(old);
    Ok(Value::None)
}

pub fn list_copy(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (l, _) = list_self(&a)?;
    Ok(Value::list(l.snapshot()))
}

pub fn tuple_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (t, rest) = a.split_self();
    match t {
        Value::Tuple(t) => seq_index(vm, &t.items, rest, "tuple"),
        _ => Err(type_error("descriptor 'index' requires a 'tuple' object")),
    }
}

pub fn tuple_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (t, rest) = a.split_self();
    match t {
        Value::Tuple(t) => seq_count(vm, &t.items, rest),
        _ => Err(type_error("descriptor 'count' requires a 'tuple' object")),
    }
}

pub fn range_index(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (r, rest) = a.split_self();
    let p = rest.exact("index", 1)?;
    if let (Value::Range(r), Value::Int(x)) = (r, &p[0]) {
        for i in 0..r.len() {
            if r.get(i) == *x {
                return Ok(Value::Int(i));
            }
        }
    }
    Err(value_error(format!("{} is not in range", match &p[0] {
        Value::Int(x) => x.to_string(),
        _ => "value".into(),
    })))
}

pub fn range_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (r, rest) = a.split_self();
    let p = rest.exact("count", 1)?;
    Ok(Value::Int(ops::contains(vm, r, &p[0])? as i64))
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
    let me = s.lock().clone();
    Ok(Value::Bool(match op {
        "issubset" => me.keys_hashed().iter().all(|k| o.contains(k)),
        "issuperset" => o.keys_hashed().iter().all(|k| me.contains(k)),
        _ => me.keys_hashed().iter().all(|k| !o.contains(k)),
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
