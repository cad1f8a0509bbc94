//! The heap object types behind `Value`'s `Arc`s, one file per family.

mod class;
mod dict;
mod function;
mod iter;
mod module;
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
pub use set::{Set, SetMap};
