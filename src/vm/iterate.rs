//! The iteration protocol: `iter()`, `next()`, and collecting an iterable into a Vec.

use super::exceptions::{is_exc, type_error, value_error, PyResult};
use super::types::{Iter, IterState};
use super::state::Vm;
use super::value::Value;
use std::sync::Arc;

fn new_iter(s: IterState) -> Value {
    Value::Iter(Arc::new(Iter::new(s)))
}

impl Vm {
    /// `iter(v)`.
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        Ok(match v {
            Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) | Value::ByteArray(_) => new_iter(IterState::Seq { seq: v.clone(), index: 0 }),
            Value::Dict(d) => new_iter(IterState::Vec { items: d.lock().keys(), index: 0, kind: "dict_keyiterator" }),
            Value::Set(s) => new_iter(IterState::Vec { items: s.lock().values(), index: 0, kind: "set_iterator" }),
            Value::Range(r) => new_iter(IterState::Range { cur: r.start, stop: r.stop, step: r.step }),
            Value::Iter(_) => v.clone(),
            Value::Class(c) if c.meta_method("__iter__").is_some() => {
                let m = c.meta_method("__iter__").unwrap();
                self.call(&m, &[v.clone()])?
            }
            Value::Generator(g) if g.kind == super::types::GenKind::Generator => v.clone(),
            Value::View(view) => {
                let kind = match view.kind {
                    super::types::ViewKind::Keys => "dict_keyiterator",
                    super::types::ViewKind::Values => "dict_valueiterator",
                    super::types::ViewKind::Items => "dict_itemiterator",
                };
                new_iter(IterState::Vec { items: super::types::view_items(view), index: 0, kind })
            }
            Value::Instance(i) => match i.class.lookup("__iter__") {
                Some(m) => {
                    let it = self.call(&m, &[v.clone()])?;
                    let ok = match &it {
                        Value::Iter(_) | Value::Generator(_) => true,
                        Value::Instance(j) => j.class.lookup("__next__").is_some(),
                        _ => false,
                    };
                    if !ok {
                        return Err(type_error(format!("iter() returned non-iterator of type '{}'", it.type_name())));
                    }
                    it
                }
                None => {
                    if i.class.lookup("__getitem__").is_some() {
                        // The old sequence protocol: index from 0 until IndexError.
                        let mut items = Vec::new();
                        let getitem = i.class.lookup("__getitem__").unwrap();
                        let mut k = 0;
                        loop {
                            match self.call(&getitem, &[v.clone(), Value::Int(k)]) {
                                Ok(x) => items.push(x),
                                Err(e) if is_exc(&e, "IndexError") || is_exc(&e, "StopIteration") => break,
                                Err(e) => return Err(e),
                            }
                            k += 1;
                        }
                        return Ok(new_iter(IterState::Vec { items, index: 0, kind: "iterator" }));
                    }
                    return Err(type_error(format!("'{}' object is not iterable", v.type_name())));
                }
            },
            _ => return Err(type_error(format!("'{}' object is not iterable", v.type_name()))),
        })
    }

    /// `next(it)`: Some(item), or None when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Iter(iter) => self.next_builtin(iter),
            Value::Generator(g) if g.kind != super::types::GenKind::AsyncGenerator => self.gen_next(g),
            Value::Instance(i) => match i.class.lookup("__next__") {
                Some(m) => match self.call(&m, &[it.clone()]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if is_exc(&e, "StopIteration") => Ok(None),
                    Err(e) => Err(e),
                },
                None => Err(type_error(format!("'{}' object is not an iterator", it.type_name()))),
            },
            _ => Err(type_error(format!("'{}' object is not an iterator", it.type_name()))),
        }
    }

    fn next_builtin(&mut self, iter: &Arc<Iter>) -> PyResult<Option<Value>> {
        // Simple states advance under the lock; composite ones release it before calling out.
        let composite = {
            let mut st = iter.lock();
            match &mut *st {
                IterState::Seq { seq, index } => {
                    let r = match seq {
                        Value::List(l) => l.lock().get(*index).cloned(),
                        Value::Tuple(t) => t.items.get(*index).cloned(),
                        Value::Bytes(b) => b.data.get(*index).map(|&c| Value::Int(c as i64)),
                        Value::ByteArray(b) => b.lock().get(*index).map(|&c| Value::Int(c as i64)),
                        Value::Str(s) => {
                            let text = s.as_str();
                            match text[*index..].chars().next() {
                                Some(c) => {
                                    *index += c.len_utf8() - 1;
                                    Some(Value::string(c.to_string()))
                                }
                                None => None,
                            }
                        }
                        _ => None,
                    };
                    if r.is_some() {
                        *index += 1;
                    } else {
                        *st = IterState::Exhausted;
                    }
                    return Ok(r);
                }
                IterState::Range { cur, stop, step } => {
                    if (*step > 0 && *cur < *stop) || (*step < 0 && *cur > *stop) {
                        let v = *cur;
                        *cur = cur.checked_add(*step).unwrap_or(*stop);
                        return Ok(Some(Value::Int(v)));
                    }
                    return Ok(None);
                }
                IterState::Vec { items, index, .. } => {
                    let r = items.get(*index).cloned();
                    if r.is_some() {
                        *index += 1;
                    }
                    return Ok(r);
                }
                IterState::Exhausted => return Ok(None),
                IterState::Enumerate { inner, count } => {
                    let c = *count;
                    *count += 1;
                    (1, vec![inner.clone()], Value::Int(c))
                }
                IterState::Zip { inners } => (2, inners.clone(), Value::None),
                IterState::Map { func, inners } => (3, inners.clone(), func.clone()),
                IterState::Filter { func, inner } => (4, vec![inner.clone()], func.clone()),
            }
        };
        let (kind, inners, extra) = composite;
        match kind {
            1 => Ok(self.next(&inners[0])?.map(|v| Value::tuple(vec![extra, v]))),
            2 => {
                if inners.is_empty() {
                    return Ok(None);
                }
                let mut out = Vec::with_capacity(inners.len());
                for i in &inners {
                    match self.next(i)? {
                        Some(v) => out.push(v),
                        None => return Ok(None),
                    }
                }
                Ok(Some(Value::tuple(out)))
            }
            3 => {
                let mut args = Vec::with_capacity(inners.len());
                for i in &inners {
                    match self.next(i)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                Ok(Some(self.call(&extra, &args)?))
            }
            _ => loop {
                match self.next(&inners[0])? {
                    Some(v) => {
                        let keep = if extra.is_none() {
                            self.truthy(&v)?
                        } else {
                            let r = self.call(&extra, &[v.clone()])?;
                            self.truthy(&r)?
                        };
                        if keep {
                            return Ok(Some(v));
                        }
                    }
                    None => return Ok(None),
                }
            },
        }
    }

    /// All items of an iterable.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => Ok(l.snapshot()),
            Value::Tuple(t) => Ok(t.items.to_vec()),
            Value::Bytes(b) => Ok(b.data.iter().map(|&c| Value::Int(c as i64)).collect()),
            Value::Str(s) => Ok(s.as_str().chars().map(|c| Value::string(c.to_string())).collect()),
            Value::Dict(d) => Ok(d.lock().keys()),
            Value::Set(s) => Ok(s.lock().values()),
            Value::View(view) => Ok(super::types::view_items(view)),
            Value::Range(r) => {
                let n = r.len();
                super::limits::check_alloc_u128(n as u128, std::mem::size_of::<Value>())?;
                Ok((0..n).map(|i| Value::Int(r.get(i))).collect())
            }
            _ => {
                let it = self.get_iter(v)?;
                let mut out = Vec::new();
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                }
                Ok(out)
            }
        }
    }

    /// Unpacking `a, b = seq`: exactly `n` items.
    pub(crate) fn unpack(&mut self, seq: &Value, n: usize) -> PyResult<Vec<Value>> {
        let items = match seq {
            Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Dict(_) | Value::Set(_) | Value::Range(_) => self.collect(seq)?,
            _ => {
                let it = match self.get_iter(seq) {
                    Ok(it) => it,
                    Err(e) if is_exc(&e, "TypeError") => {
                        return Err(type_error(format!("cannot unpack non-iterable {} object", seq.type_name())))
                    }
                    Err(e) => return Err(e),
                };
                let mut out = Vec::new();
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                    if out.len() > n {
                        return Err(value_error(format!("too many values to unpack (expected {})", n)));
                    }
                }
                out
            }
        };
        if items.len() > n {
            return Err(value_error(format!("too many values to unpack (expected {})", n)));
        }
        if items.len() < n {
            return Err(value_error(format!("not enough values to unpack (expected {}, got {})", n, items.len())));
        }
        Ok(items)
    }
}
