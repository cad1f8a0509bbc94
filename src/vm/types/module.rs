//! Modules and their globals.
//!
//! Globals live in fixed slots so `LOAD_GLOBAL` is an index and a spin-locked clone: every code
//! object maps its name indexes to slots once, when it is loaded. Names that appear at run time
//! only (`setattr(module, ...)`) take spare slots.

use crate::vm::sync::{read, write, SpinCell};
use super::str::intern;
use crate::vm::value::{Str, Value};
use std::collections::HashMap;
use std::sync::{OnceLock, RwLock};
use std::sync::atomic::{AtomicUsize, Ordering};

pub struct GlobalSlot {
    pub value: SpinCell<Value>,
    pub name: OnceLock<Str>,
    /// The builtin of the same name, seen when the global is unbound.
    pub builtin: OnceLock<Value>,
}

/// The `builtins` namespace a module's code falls back to for unbound globals.
pub type Builtins = HashMap<&'static str, Value>;

pub struct Module {
    pub name: Str,
    /// None for modules written in Rust: no Python code runs in their namespace.
    builtins: Option<&'static Builtins>,
    index: RwLock<HashMap<String, usize>>,
    slots: Box<[GlobalSlot]>,
    used: AtomicUsize,
}

impl Module {
    /// A module with room for `capacity` globals whose code sees `builtins`.
    pub fn new(name: &str, capacity: usize, builtins: Option<&'static Builtins>) -> Module {
        let slots = (0..capacity.max(16))
            .map(|_| GlobalSlot { value: SpinCell::new(Value::Null), name: OnceLock::new(), builtin: OnceLock::new() })
            .collect::<Vec<_>>()
            .into_boxed_slice();
        Module { name: intern(name), builtins, index: RwLock::new(HashMap::new()), slots, used: AtomicUsize::new(0) }
    }

    /// The slot of `name`, assigned on first use. None when the module is full.
    pub fn slot_index(&self, name: &str) -> Option<usize> {
        if let Some(&i) = read(&self.index).get(name) {
            return Some(i);
        }
        let mut idx = write(&self.index);
        if let Some(&i) = idx.get(name) {
            return Some(i);
        }
        let i = self.used.load(Ordering::Relaxed);
        if i >= self.slots.len() {
            return None;
        }
        let _ = self.slots[i].name.set(intern(name));
        if let Some(b) = self.builtins.and_then(|t| t.get(name)) {
            let _ = self.slots[i].builtin.set(b.clone());
        }
        idx.insert(name.to_string(), i);
        self.used.store(i + 1, Ordering::Release);
        Some(i)
    }

    #[inline]
    pub fn slot(&self, i: usize) -> &GlobalSlot {
        &self.slots[i]
    }

    /// A global by name (no builtins fallback).
    pub fn get(&self, name: &str) -> Option<Value> {
        let i = *read(&self.index).get(name)?;
        let v = self.slots[i].value.get();
        if v.is_null() {
            None
        } else {
            Some(v)
        }
    }

    /// Sets a global by name. False if the module has no room left.
    pub fn set(&self, name: &str, v: Value) -> bool {
        match self.slot_index(name) {
            Some(i) => {
                let old = self.slots[i].value.replace(v);
                drop(old);
                true
            }
            None => false,
        }
    }

    pub fn delete(&self, name: &str) -> bool {
        match read(&self.index).get(name) {
            Some(&i) => !self.slots[i].value.replace(Value::Null).is_null(),
            None => false,
        }
    }

    /// Unbinds every global and returns the values, for the caller to drop. A run's end does this
    /// to every module, as CPython's finalization clears module dicts: a function's globals hold
    /// the function, so without it each `def` (and each imported module) is a cycle that outlives
    /// the run.
    pub fn clear(&self) -> Vec<Value> {
        let n = self.used.load(Ordering::Acquire);
        (0..n).map(|i| self.slots[i].value.replace(Value::Null)).filter(|v| !v.is_null()).collect()
    }

    /// Bound globals, in slot order.
    pub fn items(&self) -> Vec<(Str, Value)> {
        let n = self.used.load(Ordering::Acquire);
        (0..n)
            .filter_map(|i| {
                let v = self.slots[i].value.get();
                if v.is_null() {
                    None
                } else {
                    Some((self.slots[i].name.get()?.clone(), v))
                }
            })
            .collect()
    }
}
