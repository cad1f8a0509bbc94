//! The builtin types, one file per type: its payload (the heap object behind `Value`'s `Arc`),
//! its methods and method table, its constructor and its protocol arms. `registry.rs` builds
//! the builtin classes from those tables.

mod bytearray;
mod bytes;
mod class;
mod codecs;
mod dict;
mod exception;
mod exception_group;
mod float;
mod function;
mod coroutine;
mod generator;
mod instdict;
mod int;
mod iter;
mod list;
mod module;
mod object;
mod range;
mod registry;
mod set;
mod slice;
mod slots;
mod str;
mod str_text;
mod tuple;
mod typeobj;
mod wrapper;

pub use self::str::{ascii_escape, intern, str_binop, percent_format, str_contains, str_getitem, str_repr, PyStr};
pub use bytes::{bytes_binop, bytes_compare, bytes_contains, bytes_getitem, bytes_like, bytes_repr, hash_bytes, is_bytes_like, Bytes};
pub use bytearray::{bytearray_delitem, bytearray_inplace, bytearray_setitem, ByteArray};
pub use codecs::str_encode;
pub use class::{base_value, has_base, is_value_kind, AttrMap, Class, ExcState, Instance, NativeNew, TbEntry, TypeKind};
pub use dict::{dict_from_attrs, dict_update_from, hash_i64, key_eq as dict_key_eq, py_hash, view_contains, view_items, dict_binop, dict_delitem, dict_getitem, dict_setitem, Dict, DictMap, HashKey, View, ViewKind};
pub use float::{float_binop, float_binop_fast, float_divmod, float_str, float_value};
pub use function::{Builtin, Cell, CodeObj, Function, Method};
pub use coroutine::is_stop_async_iteration;
pub use exception_group::{group_parts, is_exception_group};
pub use generator::{agen_step, stop_iteration_with, GenKind, Generator, ITERABLE_COROUTINE};
pub(crate) use generator::{generator_attr, Step};
pub use iter::{Iter, IterState};
pub use crate::vm::value::Str;
pub use list::{list_binop, list_delitem, list_getitem, list_setitem, sort_values, List, LIST_APPEND};
pub use module::{Builtins, Module};
pub use int::{unwrap_unless, big_binop, big_to_f64, int_binop_fast, int_float_cmp, to_bigint};
pub use object::is_object_init;
pub use range::{range_contains, range_getitem, Range};
pub use registry::{construct_builtin, make_class_in, types};
pub use set::{set_binop, set_from_values, Set, SetMap};
pub use slice::{index_of, norm_index, Slice};
pub use slots::{new_value_instance, solid_base};
pub use instdict::instance_dict;
pub use tuple::{tuple_binop, tuple_getitem, Tuple};
pub use wrapper::Wrapper;
pub use typeobj::{build_class_builtin, compute_mro, type_new, TYPE_DUNDER_NEW};
