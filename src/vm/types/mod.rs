//! The builtin types: the heap objects behind `Value`'s `Arc`s, and the builtin classes
//! (`registry.rs`).

mod class;
mod dict;
mod function;
mod iter;
mod module;
mod registry;
mod seq;
mod set;
mod str;

pub use self::str::{intern, PyStr};
pub use class::{AttrMap, Class, ExcState, Instance, NativeNew, TbEntry, TypeKind};
pub use dict::{hash_f64, hash_i64, key_eq as dict_key_eq, py_hash, Dict, DictMap, HashKey};
pub use function::{Builtin, BuiltinFn, Cell, CodeObj, Function, Method, View, ViewKind, Wrapper};
pub use iter::{Iter, IterState};
pub use crate::vm::value::Str;
pub use module::{GlobalSlot, Module};
pub use seq::{List, Range, Slice, Tuple};
pub use registry::{compute_mro, make_builtin_class, make_class_in, make_class_with, types, Types};
pub use set::{Set, SetMap};
