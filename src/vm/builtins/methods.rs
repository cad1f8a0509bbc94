//! The method tables of the builtin types (their class namespaces).

use super::{collections as c, objects as o, strings as s};
use crate::builtins_table;
use crate::vm::types::Builtin;

pub static OBJECT_METHODS: &[Builtin] = builtins_table![
    "__init__" => o::object_init,
    "__str__" => o::object_str,
    "__repr__" => o::object_repr,
    "__eq__" => o::object_eq,
    "__ne__" => o::object_ne,
    "__hash__" => o::object_hash,
    "__setattr__" => o::object_setattr,
    "__getattribute__" => o::object_getattribute,
];

pub static EXCEPTION_METHODS: &[Builtin] = builtins_table![
    "__init__" => o::exc_init,
    "__str__" => o::exc_str,
    "__repr__" => o::exc_repr,
    "with_traceback" => o::exc_with_traceback,
    "add_note" => o::exc_add_note,
];

pub static TYPE_METHODS: &[Builtin] = builtins_table![
    "mro" => o::type_mro,
];

pub static PROPERTY_METHODS: &[Builtin] = builtins_table![
    "setter" => o::property_setter,
    "getter" => o::property_getter,
    "deleter" => o::property_deleter,
];

pub static INT_METHODS: &[Builtin] = builtins_table![
    "bit_length" => o::int_bit_length,
    "conjugate" => o::int_conjugate,
];

pub static FLOAT_METHODS: &[Builtin] = builtins_table![
    "is_integer" => o::float_is_integer,
    "as_integer_ratio" => o::float_as_integer_ratio,
    "conjugate" => o::int_conjugate,
];

pub static STR_METHODS: &[Builtin] = builtins_table![
    "join" => s::join,
    "split" => s::split,
    "rsplit" => s::rsplit,
    "strip" => s::strip,
    "lstrip" => s::lstrip,
    "rstrip" => s::rstrip,
    "upper" => s::upper,
    "lower" => s::lower,
    "casefold" => s::casefold,
    "swapcase" => s::swapcase,
    "title" => s::title,
    "capitalize" => s::capitalize,
    "replace" => s::replace,
    "startswith" => s::startswith,
    "endswith" => s::endswith,
    "find" => s::find,
    "rfind" => s::rfind,
    "index" => s::index,
    "rindex" => s::rindex,
    "count" => s::count,
    "format" => s::format,
    "ljust" => s::ljust,
    "rjust" => s::rjust,
    "center" => s::center,
    "zfill" => s::zfill,
    "isdigit" => s::isdigit,
    "isdecimal" => s::isdecimal,
    "isnumeric" => s::isnumeric,
    "isalpha" => s::isalpha,
    "isalnum" => s::isalnum,
    "isspace" => s::isspace,
    "isupper" => s::isupper,
    "islower" => s::islower,
    "isidentifier" => s::isidentifier,
    "istitle" => s::istitle,
    "splitlines" => s::splitlines,
    "partition" => s::partition,
    "rpartition" => s::rpartition,
    "removeprefix" => s::removeprefix,
    "removesuffix" => s::removesuffix,
];

/// `list.append`, referenced by the interpreter's fast path.
pub static LIST_APPEND: Builtin = Builtin { name: "append", f: c::list_append };

pub static LIST_METHODS: &[Builtin] = builtins_table![
    "extend" => c::list_extend,
    "pop" => c::list_pop,
    "insert" => c::list_insert,
    "remove" => c::list_remove,
    "index" => c::list_index,
    "count" => c::list_count,
    "sort" => c::list_sort,
    "reverse" => c::list_reverse,
    "clear" => c::list_clear,
    "copy" => c::list_copy,
];

pub static TUPLE_METHODS: &[Builtin] = builtins_table![
    "index" => c::tuple_index,
    "count" => c::tuple_count,
];

pub static RANGE_METHODS: &[Builtin] = builtins_table![
    "index" => c::range_index,
    "count" => c::range_count,
];

pub static DICT_METHODS: &[Builtin] = builtins_table![
    "get" => c::dict_get,
    "keys" => c::dict_keys,
    "values" => c::dict_values,
    "items" => c::dict_items,
    "pop" => c::dict_pop,
    "popitem" => c::dict_popitem,
    "setdefault" => c::dict_setdefault,
    "update" => c::dict_update,
    "copy" => c::dict_copy,
    "clear" => c::dict_clear,
];

/// `dict.fromkeys(iterable, value=None)`, a classmethod.
pub static DICT_FROMKEYS: Builtin = Builtin { name: "fromkeys", f: c::dict_fromkeys };

pub static SET_METHODS: &[Builtin] = builtins_table![
    "add" => c::set_add,
    "remove" => c::set_remove,
    "discard" => c::set_discard,
    "pop" => c::set_pop,
    "clear" => c::set_clear,
    "copy" => c::set_copy,
    "update" => c::set_update,
    "union" => c::set_union,
    "intersection" => c::set_intersection,
    "difference" => c::set_difference,
    "symmetric_difference" => c::set_symmetric_difference,
    "issubset" => c::set_issubset,
    "issuperset" => c::set_issuperset,
    "isdisjoint" => c::set_isdisjoint,
];

pub static FROZENSET_METHODS: &[Builtin] = builtins_table![
    "copy" => c::set_copy,
    "union" => c::set_union,
    "intersection" => c::set_intersection,
    "difference" => c::set_difference,
    "symmetric_difference" => c::set_symmetric_difference,
    "issubset" => c::set_issubset,
    "issuperset" => c::set_issuperset,
    "isdisjoint" => c::set_isdisjoint,
];
