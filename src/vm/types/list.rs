//! `list`: the payload, its methods and method table, its constructor, and the stable sort
//! that `sorted()` shares.

use crate::builtins_table;
use crate::vm::args::Args;
use crate::vm::exceptions::{index_error, type_error, value_error, PyResult, Unwind};
use crate::vm::ops::{eq, less_than};
use crate::vm::state::Vm;
use crate::vm::sync::lock;
use crate::vm::types::Builtin;
use super::slice::{assign_slice, delete_slice, norm_index, position, slice_positions};
use crate::vm::value::Value;
use std::cell::RefCell;
use std::cmp::Ordering;
use std::sync::{Arc, Mutex, MutexGuard};
use crate::lang::bytecode::BinKind;
use crate::vm::ops::{repeat, repeat_count};

/// A list. Its lock is held only for Rust-level work, never while Python code runs: code that
/// calls back into Python (comparisons with `__eq__`, sort keys) works on a snapshot.
pub struct List {
    items: Mutex<Vec<Value>>,
}

impl Drop for List {
    fn drop(&mut self) {
        crate::vm::trashcan::release(std::mem::take(self.items.get_mut().unwrap_or_else(|e| e.into_inner())));
    }
}

impl List {
    pub fn new(items: Vec<Value>) -> List {
        List { items: Mutex::new(items) }
    }
    #[inline]
    pub fn lock(&self) -> MutexGuard<'_, Vec<Value>> {
        lock(&self.items)
    }
    pub fn snapshot(&self) -> Vec<Value> {
        self.lock().clone()
    }
    pub fn len(&self) -> usize {
        self.lock().len()
    }
    pub fn push(&self, v: Value) {
        self.lock().push(v);
    }
}

pub fn list_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.only_kwargs("list", &[])?;
    let pos = args.range("list", 0, 1)?;
    match pos.first() {
        Some(x) => Ok(Value::list(vm.collect(x)?)),
        None => Ok(Value::list(Vec::new())),
    }
}

/// `list.append`, referenced by the interpreter's fast path.
pub static LIST_APPEND: Builtin = Builtin { name: "append", f: list_append };

pub static LIST_METHODS: &[Builtin] = builtins_table![
    "extend" => list_extend,
    "pop" => list_pop,
    "insert" => list_insert,
    "remove" => list_remove,
    "index" => list_index,
    "count" => list_count,
    "sort" => list_sort,
    "reverse" => list_reverse,
    "clear" => list_clear,
    "copy" => list_copy,
];

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
        Some(v) => crate::vm::args::arg_int(v)?,
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
    let i = crate::vm::args::arg_int(&p[0])?;
    let mut items = l.lock();
    let j = super::clamp_index(i, items.len());
    items.insert(j, p[1].clone());
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

pub(super) fn seq_index(vm: &mut Vm, items: &[Value], rest: Args, what: &str) -> PyResult<Value> {
    let p = rest.range("index", 1, 3)?;
    let n = items.len() as i64;
    let norm = |v: Option<&Value>, d: i64| -> PyResult<i64> {
        Ok(match v {
            Some(v) => {
                super::clamp_index(crate::vm::args::arg_int(v)?, n as usize) as i64
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

pub(super) fn seq_count(vm: &mut Vm, items: &[Value], rest: Args) -> PyResult<Value> {
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
    let int_of = |v: &Value| match v {
        Value::Int(n) => *n,
        _ => 0,
    };
    let mut by_int = |a: usize, b: usize| int_of(&keys[a]).cmp(&int_of(&keys[b]));
    let mut by_str = |a: usize, b: usize| keys[a].as_str().unwrap().cmp(keys[b].as_str().unwrap());
    let mut by_float = |a: usize, b: usize| match (&keys[a], &keys[b]) {
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
        _ => Ordering::Equal,
    };
    let err: RefCell<Option<Unwind>> = RefCell::new(None);
    let vm_cell = RefCell::new(vm);
    let mut by_lt = |a: usize, b: usize| {
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
    };
    let cmp: &mut dyn FnMut(usize, usize) -> Ordering = if all_int {
        &mut by_int
    } else if all_str {
        &mut by_str
    } else if all_float {
        &mut by_float
    } else {
        &mut by_lt
    };
    sort_indices(&mut idx, cmp);
    if let Some(e) = err.into_inner() {
        return Err(e);
    }
    if reverse {
        idx.reverse();
    }
    Ok(idx.into_iter().map(|i| items[i].clone()).collect())
}

/// The one stable sort of list.sort and sorted(): a comparator behind `dyn`, so std's sort is
/// compiled once, not once per kind of key (each copy was about 13 KB of wasm).
fn sort_indices(idx: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    idx.sort_by(|&a, &b| cmp(a, b));
}

/// `l[idx]`.
pub fn list_getitem(l: &List, idx: &Value) -> PyResult<Value> {
    let items = l.lock();
    match idx {
        Value::Slice(s) => {
            let pos = slice_positions(s, items.len())?;
            Ok(Value::list(pos.into_iter().map(|i| items[i].clone()).collect()))
        }
        _ => Ok(items[position(idx, items.len(), "list", "list index out of range")?].clone()),
    }
}

/// `l[idx] = v`.
pub fn list_setitem(vm: &mut Vm, l: &List, idx: &Value, v: Value) -> PyResult<()> {
    match idx {
        Value::Slice(s) => {
            let new = vm.collect(&v)?;
            assign_slice(&mut l.lock(), s, new, "sequence")
        }
        _ => {
            let mut items = l.lock();
            let j = position(idx, items.len(), "list", "list assignment index out of range")?;
            let old = std::mem::replace(&mut items[j], v);
            // The old value may run no Python code, but its drop need not hold the lock.
            drop(items);
            drop(old);
            Ok(())
        }
    }
}

/// `del l[idx]`.
pub fn list_delitem(l: &List, idx: &Value) -> PyResult<()> {
    let mut items = l.lock();
    match idx {
        Value::Slice(s) => delete_slice(&mut items, s),
        _ => {
            let j = position(idx, items.len(), "list", "list assignment index out of range")?;
            let old = items.remove(j);
            drop(items);
            drop(old);
            Ok(())
        }
    }
}

/// `l + other`, `l * n` (and `n * l`); None if unsupported.
pub fn list_binop(kind: BinKind, l: &List, other: &Value) -> PyResult<Option<Value>> {
    Ok(Some(match (kind, other) {
        (BinKind::Add, Value::List(y)) => {
            let mut v = l.snapshot();
            v.extend(y.snapshot());
            Value::list(v)
        }
        (BinKind::Mul, n) if repeat_count(n).is_some() => Value::list(repeat(&l.snapshot(), repeat_count(n).unwrap())?),
        _ => return Ok(None),
    }))
}
