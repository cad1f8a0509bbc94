//! set and frozenset.

use super::dict::HashKey;
use crate::vm::sync::lock;
use crate::vm::value::Value;
use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

/// Insertion-ordered set of hashable values.
#[derive(Clone, Default)]
pub struct SetMap {
    entries: Vec<Option<Value>>,
    index: HashMap<HashKey, usize>,
    live: usize,
}

impl SetMap {
    pub fn len(&self) -> usize {
        self.live
    }
    pub fn contains(&self, k: &HashKey) -> bool {
        self.index.contains_key(k)
    }
    /// Returns false if it was already there.
    pub fn insert(&mut self, k: HashKey) -> bool {
        if self.index.contains_key(&k) {
            return false;
        }
        self.entries.push(Some(k.0.clone()));
        self.index.insert(k, self.entries.len() - 1);
        self.live += 1;
        true
    }
    pub fn remove(&mut self, k: &HashKey) -> bool {
        match self.index.remove(k) {
            Some(i) => {
                self.entries[i] = None;
                self.live -= 1;
                if self.entries.len() > 32 && self.live * 2 < self.entries.len() {
                    self.compact();
                }
                true
            }
            None => false,
        }
    }
    fn compact(&mut self) {
        let items: Vec<Value> = self.entries.drain(..).flatten().collect();
        self.index.clear();
        for v in items {
            self.entries.push(Some(v.clone()));
            self.index.insert(HashKey(v), self.entries.len() - 1);
        }
    }
    pub fn pop_first(&mut self) -> Option<Value> {
        let pos = self.entries.iter().position(|e| e.is_some())?;
        let v = self.entries[pos].take().unwrap();
        self.index.remove(&HashKey(v.clone()));
        self.live -= 1;
        Some(v)
    }
    pub fn values(&self) -> Vec<Value> {
        self.entries.iter().flatten().cloned().collect()
    }
    pub fn clear(&mut self) {
        *self = SetMap::default();
    }
}

pub struct Set {
    map: Mutex<SetMap>,
    pub frozen: bool,
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
