//! The method cache: `Class::lookup` results remembered per OS thread, as CPython's type
//! attribute cache (keyed by the type's version tag).
//!
//! An entry says where `name` was found on a class's MRO (which class, fixed or dict part,
//! which index), or that it is absent, as of the class's version. A class's version is bumped
//! after every change to its namespace; a change to a class that other classes inherit from
//! bumps the global epoch instead of walking its subclasses, so every entry made before it
//! misses. Each thread has its own table, so a hit is plain loads with no lock or atomic
//! read-modify-write on the table; a hit re-reads the value where the entry says it is and
//! checks the key there (so a concurrent change is at worst a miss, never a wrong value), and
//! the table never keeps a class's values alive.

use super::class::Class;
use crate::vm::value::{Str, Value};
use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

/// Bumped when a class that has subclasses changes: invalidates every entry.
static EPOCH: AtomicU32 = AtomicU32::new(0);

/// Class ids: unique for the process's life, so an entry can never match a later class that
/// reuses a freed class's address.
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

pub(super) fn next_class_id() -> u64 {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

pub(super) fn bump_epoch() {
    EPOCH.fetch_add(1, Ordering::AcqRel);
}

/// Where a lookup found its name: `depth` 0 is the class itself, `d` is `mro[d - 1]`;
/// `index` is into the fixed part when `fixed`, else into the dict part.
#[derive(Clone, Copy)]
pub(super) struct Loc {
    pub depth: u32,
    pub index: u32,
    pub fixed: bool,
}

const ABSENT: u32 = u32::MAX;

struct Entry {
    class_id: u64,
    /// The class's version and the epoch when the entry was made.
    stamp: u64,
    /// The name looked up (the key found, when found): a hit compares the query with it.
    name: Option<Str>,
    loc: Loc,
}

const SIZE: usize = 1024;

thread_local! {
    static TABLE: UnsafeCell<Vec<Entry>> = const { UnsafeCell::new(Vec::new()) };
}

#[inline(always)]
fn slot(class_id: u64, name: &str) -> usize {
    let h = (class_id.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (name.as_ptr() as u64 >> 3)).wrapping_mul(0x2545_F491_4F6C_DD1D);
    (h >> 54) as usize & (SIZE - 1)
}

#[inline(always)]
fn stamp(cls: &Class) -> u64 {
    ((EPOCH.load(Ordering::Acquire) as u64) << 32) | cls.version.load(Ordering::Acquire) as u64
}

#[inline(always)]
fn same_name(stored: &Str, name: &str) -> bool {
    let s = stored.as_str();
    s.len() == name.len() && (s.as_ptr() == name.as_ptr() || s == name)
}

/// `cls.lookup(name)` through the cache.
#[inline]
pub(super) fn lookup(cls: &Class, name: &str) -> Option<Value> {
    TABLE.with(|t| {
        // SAFETY: the table is this thread's, and nothing below re-enters `lookup` while the
        // reference is live (reading a class's namespace runs no Python code).
        let table = unsafe { &mut *t.get() };
        if table.is_empty() {
            table.extend((0..SIZE).map(|_| Entry { class_id: 0, stamp: 0, name: None, loc: Loc { depth: 0, index: 0, fixed: false } }));
        }
        let i = slot(cls.id, name);
        let now = stamp(cls);
        let e = &table[i];
        if e.class_id == cls.id && e.stamp == now {
            if let Some(stored) = &e.name {
                if same_name(stored, name) {
                    if e.loc.depth == ABSENT {
                        return None;
                    }
                    let owner = if e.loc.depth == 0 { cls } else { &*cls.mro[e.loc.depth as usize - 1] };
                    if let Some(v) = owner.value_at(e.loc, stored) {
                        return Some(v);
                    }
                }
            }
        }
        // Miss: the stamp is read before the namespaces, so a change made during the lookup
        // leaves an entry that misses next time.
        let found = cls.lookup_loc(name);
        let e = &mut table[i];
        e.class_id = cls.id;
        e.stamp = now;
        match found {
            Some((loc, key, v)) => {
                e.loc = loc;
                e.name = Some(key);
                Some(v)
            }
            None => {
                e.loc = Loc { depth: ABSENT, index: 0, fixed: false };
                e.name = Some(std::sync::Arc::new(crate::vm::types::PyStr::new(name)));
                None
            }
        }
    })
}

/// A new class's version counter.
pub(super) fn new_version() -> AtomicU32 {
    AtomicU32::new(0)
}
