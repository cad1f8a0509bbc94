//! The builtin classes: one process-wide set, built on first use (builtin types are immutable,
//! so all runs and threads can share them).

use crate::vm::PyResult;
use crate::vm::args::Args;
use crate::vm::exceptions::type_error;
use crate::vm::state::Vm;
use super::{compute_mro, intern, AttrMap, Builtin, Class, NativeNew, TypeKind};
use crate::vm::value::Value;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

pub struct Types {
    pub object: Arc<Class>,
    pub type_: Arc<Class>,
    pub int: Arc<Class>,
    pub bool_: Arc<Class>,
    pub float: Arc<Class>,
    pub str_: Arc<Class>,
    pub bytes: Arc<Class>,
    pub bytearray: Arc<Class>,
    pub list: Arc<Class>,
    pub tuple: Arc<Class>,
    pub dict: Arc<Class>,
    pub set: Arc<Class>,
    pub frozenset: Arc<Class>,
    pub range: Arc<Class>,
    pub slice: Arc<Class>,
    pub none: Arc<Class>,
    pub function: Arc<Class>,
    pub builtin_function: Arc<Class>,
    pub method: Arc<Class>,
    pub module: Arc<Class>,
    pub iterator: Arc<Class>,
    pub not_implemented: Arc<Class>,
    pub ellipsis: Arc<Class>,
    pub staticmethod: Arc<Class>,
    pub classmethod: Arc<Class>,
    pub property: Arc<Class>,
    pub super_: Arc<Class>,
    pub dict_keys: Arc<Class>,
    pub dict_values: Arc<Class>,
    pub dict_items: Arc<Class>,
    pub base_exception: Arc<Class>,
    pub generator: Arc<Class>,
    pub coroutine: Arc<Class>,
    pub async_generator: Arc<Class>,
    /// Every builtin exception class by name.
    pub exceptions: HashMap<&'static str, Arc<Class>>,
    /// Exception class names in definition order (for the builtins namespace).
    pub exception_names: Vec<&'static str>,
}

static TYPES: OnceLock<Types> = OnceLock::new();

#[inline]
pub fn types() -> &'static Types {
    TYPES.get_or_init(build)
}

impl Types {
    /// A builtin exception class by name (panics on a typo: names are compile-time constants).
    pub fn exc(&self, name: &str) -> &Arc<Class> {
        self.exceptions.get(name).unwrap_or_else(|| panic!("no builtin exception {}", name))
    }

    /// The class of any value, as `type(v)` returns it.
    pub fn class_of(&self, v: &Value) -> Arc<Class> {
        match v {
            Value::Instance(i) => i.class.clone(),
            Value::Class(c) => c.meta.get().unwrap_or(&self.type_).clone(),
            _ => self.builtin_class_of(v).clone(),
        }
    }

    pub fn builtin_class_of(&self, v: &Value) -> &Arc<Class> {
        match v {
            Value::Null | Value::None => &self.none,
            Value::NotImplemented => &self.not_implemented,
            Value::Ellipsis => &self.ellipsis,
            Value::Bool(_) => &self.bool_,
            Value::Int(_) | Value::BigInt(_) => &self.int,
            Value::Float(_) => &self.float,
            Value::Str(_) => &self.str_,
            Value::Bytes(_) => &self.bytes,
            Value::ByteArray(_) => &self.bytearray,
            Value::Tuple(_) => &self.tuple,
            Value::List(_) => &self.list,
            Value::Dict(_) => &self.dict,
            Value::Set(s) => {
                if s.frozen {
                    &self.frozenset
                } else {
                    &self.set
                }
            }
            Value::Range(_) => &self.range,
            Value::Slice(_) => &self.slice,
            Value::Function(_) => &self.function,
            Value::Builtin(_) => &self.builtin_function,
            Value::Method(m) => {
                if matches!(m.func, Value::Builtin(_)) {
                    &self.builtin_function
                } else {
                    &self.method
                }
            }
            Value::Class(_) => &self.type_,
            // Only reached through `builtin_class_of` directly; instances have their own.
            Value::Instance(_) => &self.object,
            Value::Module(_) => &self.module,
            Value::Iter(_) => &self.iterator,
            Value::Wrapper(w) => match &**w {
                super::Wrapper::StaticMethod(_) => &self.staticmethod,
                super::Wrapper::ClassMethod(_) => &self.classmethod,
                super::Wrapper::Property { .. } => &self.property,
                super::Wrapper::Super { .. } => &self.super_,
            },
            Value::View(v) => match v.kind {
                super::ViewKind::Keys => &self.dict_keys,
                super::ViewKind::Values => &self.dict_values,
                super::ViewKind::Items => &self.dict_items,
            },
            Value::Generator(g) => match g.kind {
                super::GenKind::Generator => &self.generator,
                super::GenKind::Coroutine => &self.coroutine,
                super::GenKind::AsyncGenerator => &self.async_generator,
            },
        }
    }
}

/// Makes a builtin class (module `builtins`) with `methods` in its namespace.
pub fn make_builtin_class(
    name: &str,
    bases: &[Arc<Class>],
    kind: TypeKind,
    methods: &'static [Builtin],
    native_new: Option<NativeNew>,
) -> Arc<Class> {
    make_class_in("builtins", name, bases, kind, methods, native_new)
}

/// Makes a class implemented in Rust, for modules such as `threading`.
pub fn make_class_in(
    module: &str,
    name: &str,
    bases: &[Arc<Class>],
    kind: TypeKind,
    methods: &'static [Builtin],
    native_new: Option<NativeNew>,
) -> Arc<Class> {
    make_class_with(module, name, bases, kind, methods, Vec::new(), native_new)
}

/// Like `make_class_in`, with extra fixed attributes (e.g. classmethods).
pub fn make_class_with(
    module: &str,
    name: &str,
    bases: &[Arc<Class>],
    kind: TypeKind,
    methods: &'static [Builtin],
    extra: Vec<(&str, Value)>,
    native_new: Option<NativeNew>,
) -> Arc<Class> {
    let mut fixed = AttrMap::default();
    for m in methods {
        fixed.set(intern(m.name), Value::Builtin(m));
    }
    for (k, v) in extra {
        fixed.set(intern(k), v);
    }
    if module == "builtins" {
        for (k, v) in super::slots::slots_for(kind) {
            if fixed.get(k).is_none() {
                fixed.set(intern(k), v);
            }
        }
    }
    let mro = compute_mro(bases).expect("builtin class MRO");
    Arc::new(Class::new(intern(name), intern(name), intern(module), bases.to_vec(), mro, fixed, AttrMap::default(), kind, native_new))
}

fn build() -> Types {
        let c = make_builtin_class;
    let object = c("object", &[], TypeKind::Object, super::object::OBJECT_METHODS, None);
    object.set_attr(intern("__new__"), Value::Wrapper(Arc::new(super::Wrapper::StaticMethod(Value::Builtin(&super::object::OBJECT_DUNDER_NEW)))));
    object.set_attr(intern("__init_subclass__"), Value::Wrapper(Arc::new(super::Wrapper::ClassMethod(Value::Builtin(&super::typeobj::INIT_SUBCLASS_DEFAULT)))));
    let o = std::slice::from_ref(&object);
    let int = make_class_with("builtins", "int", o, TypeKind::Int, super::int::INT_METHODS, super::bytes::int_extras(), None);
    let bool_ = c("bool", std::slice::from_ref(&int), TypeKind::Bool, &[], None);
    let base_exception = c("BaseException", o, TypeKind::Exception, super::exception::EXCEPTION_METHODS, None);
    let mut exceptions: HashMap<&'static str, Arc<Class>> = HashMap::new();
    let mut exception_names = vec!["BaseException"];
    exceptions.insert("BaseException", base_exception.clone());
    // (name, base) in CPython's hierarchy, parents first.
    const TREE: &[(&str, &str)] = &[
        ("Exception", "BaseException"),
        ("SystemExit", "BaseException"),
        ("KeyboardInterrupt", "BaseException"),
        ("GeneratorExit", "BaseException"),
        ("ArithmeticError", "Exception"),
        ("FloatingPointError", "ArithmeticError"),
        ("OverflowError", "ArithmeticError"),
        ("ZeroDivisionError", "ArithmeticError"),
        ("AssertionError", "Exception"),
        ("AttributeError", "Exception"),
        ("BufferError", "Exception"),
        ("EOFError", "Exception"),
        ("ImportError", "Exception"),
        ("ModuleNotFoundError", "ImportError"),
        ("LookupError", "Exception"),
        ("IndexError", "LookupError"),
        ("KeyError", "LookupError"),
        ("MemoryError", "Exception"),
        ("NameError", "Exception"),
        ("UnboundLocalError", "NameError"),
        ("OSError", "Exception"),
        ("ConnectionError", "OSError"),
        ("BrokenPipeError", "ConnectionError"),
        ("ConnectionAbortedError", "ConnectionError"),
        ("ConnectionRefusedError", "ConnectionError"),
        ("ConnectionResetError", "ConnectionError"),
        ("FileExistsError", "OSError"),
        ("FileNotFoundError", "OSError"),
        ("InterruptedError", "OSError"),
        ("IsADirectoryError", "OSError"),
        ("NotADirectoryError", "OSError"),
        ("PermissionError", "OSError"),
        ("TimeoutError", "OSError"),
        ("ReferenceError", "Exception"),
        ("RuntimeError", "Exception"),
        ("NotImplementedError", "RuntimeError"),
        ("RecursionError", "RuntimeError"),
        ("StopIteration", "Exception"),
        ("StopAsyncIteration", "Exception"),
        ("SyntaxError", "Exception"),
        ("IndentationError", "SyntaxError"),
        ("TabError", "IndentationError"),
        ("SystemError", "Exception"),
        ("TypeError", "Exception"),
        ("ValueError", "Exception"),
        ("UnicodeError", "ValueError"),
        ("UnicodeEncodeError", "UnicodeError"),
        ("UnicodeDecodeError", "UnicodeError"),
        ("Warning", "Exception"),
        ("UserWarning", "Warning"),
        ("DeprecationWarning", "Warning"),
        ("RuntimeWarning", "Warning"),
    ];
    for (name, base) in TREE {
        let b = exceptions[base].clone();
        let methods = if name.starts_with("Unicode") && *name != "UnicodeError" { super::codecs::UNICODE_ERROR_METHODS } else { &[] };
        let cls = c(name, std::slice::from_ref(&b), TypeKind::Exception, methods, None);
        exceptions.insert(name, cls);
        exception_names.push(name);
    }
    // PEP 654's groups: ExceptionGroup is both a BaseExceptionGroup and an Exception.
    let group_methods = super::exception_group::EXCEPTION_GROUP_METHODS;
    let base_group = c("BaseExceptionGroup", std::slice::from_ref(&base_exception), TypeKind::Exception, group_methods, Some(super::exception_group::group_new));
    let group = c("ExceptionGroup", &[base_group.clone(), exceptions["Exception"].clone()], TypeKind::Exception, &[], None);
    for (name, cls) in [("BaseExceptionGroup", base_group), ("ExceptionGroup", group)] {
        exceptions.insert(name, cls);
        exception_names.push(name);
    }
    let fromkeys = Value::Wrapper(Arc::new(super::Wrapper::ClassMethod(Value::Builtin(&super::dict::DICT_FROMKEYS))));
    let dict = make_class_with("builtins", "dict", o, TypeKind::Dict, super::dict::DICT_METHODS, vec![("fromkeys", fromkeys)], None);
    Types {
        type_: make_class_with(
            "builtins",
            "type",
            o,
            TypeKind::Type,
            super::typeobj::TYPE_METHODS,
            vec![("__new__", Value::Wrapper(Arc::new(super::Wrapper::StaticMethod(Value::Builtin(&super::typeobj::TYPE_DUNDER_NEW)))))],
            None,
        ),
        int,
        bool_,
        float: make_class_with("builtins", "float", o, TypeKind::Float, super::float::FLOAT_METHODS, super::float_hex::float_extras(), None),
        str_: make_class_with("builtins", "str", o, TypeKind::Str, super::str::STR_METHODS, super::str_text::str_extras(), None),
        bytes: make_class_with("builtins", "bytes", o, TypeKind::Bytes, super::bytes::BYTES_METHODS, super::bytes::class_extras(), None),
        bytearray: super::bytearray::bytearray_class(o),
        list: make_class_with("builtins", "list", o, TypeKind::List, super::list::LIST_METHODS, vec![("append", Value::Builtin(&super::list::LIST_APPEND))], None),
        tuple: c("tuple", o, TypeKind::Tuple, super::tuple::TUPLE_METHODS, None),
        dict,
        set: c("set", o, TypeKind::Set, super::set::SET_METHODS, None),
        frozenset: c("frozenset", o, TypeKind::FrozenSet, super::set::FROZENSET_METHODS, None),
        range: c("range", o, TypeKind::Range, super::range::RANGE_METHODS, None),
        slice: c("slice", o, TypeKind::Slice, &[], None),
        none: c("NoneType", o, TypeKind::NoneType, &[], None),
        function: c("function", o, TypeKind::Function, &[], None),
        builtin_function: c("builtin_function_or_method", o, TypeKind::BuiltinFunction, &[], None),
        method: c("method", o, TypeKind::Method, &[], None),
        module: c("module", o, TypeKind::Module, &[], None),
        iterator: c("iterator", o, TypeKind::Iterator, super::iter::ITERATOR_METHODS, None),
        not_implemented: c("NotImplementedType", o, TypeKind::NotImplementedType, &[], None),
        ellipsis: c("ellipsis", o, TypeKind::Ellipsis, &[], None),
        staticmethod: c("staticmethod", o, TypeKind::StaticMethod, &[], None),
        classmethod: c("classmethod", o, TypeKind::ClassMethod, &[], None),
        property: c("property", o, TypeKind::Property, super::wrapper::PROPERTY_METHODS, None),
        super_: c("super", o, TypeKind::Super, &[], None),
        dict_keys: c("dict_keys", o, TypeKind::Iterator, &[], None),
        dict_values: c("dict_values", o, TypeKind::Iterator, &[], None),
        dict_items: c("dict_items", o, TypeKind::Iterator, &[], None),
        generator: c("generator", o, TypeKind::Iterator, super::generator::GENERATOR_METHODS, None),
        coroutine: c("coroutine", o, TypeKind::Iterator, super::generator::COROUTINE_METHODS, None),
        async_generator: c("async_generator", o, TypeKind::Iterator, super::generator::ASYNC_GENERATOR_METHODS, None),
        object,
        base_exception,
        exceptions,
        exception_names,
    }
}

/// Calling a builtin type: `int("3")`, `list(x)`, `dict(a=1)`, ...
pub fn construct_builtin(vm: &mut Vm, cls: &Arc<Class>, args: Args) -> PyResult<Value> {
    let f: fn(&mut Vm, Args) -> PyResult<Value> = match cls.kind {
        TypeKind::Int => super::int::int_new,
        TypeKind::Bool => super::int::bool_new,
        TypeKind::Float => super::float::float_new,
        TypeKind::Str => super::str::str_new,
        TypeKind::Bytes => super::bytes::bytes_new,
        TypeKind::ByteArray => super::bytearray::bytearray_new,
        TypeKind::List => super::list::list_new,
        TypeKind::Tuple => super::tuple::tuple_new,
        TypeKind::Dict => super::dict::dict_new,
        TypeKind::Set => super::set::set_new,
        TypeKind::FrozenSet => super::set::frozenset_new,
        TypeKind::Range => super::range::range_new,
        TypeKind::Slice => super::slice::slice_new,
        TypeKind::Type => super::typeobj::type_new,
        TypeKind::StaticMethod => super::wrapper::staticmethod_new,
        TypeKind::ClassMethod => super::wrapper::classmethod_new,
        TypeKind::Property => super::wrapper::property_new,
        TypeKind::Super => super::wrapper::super_new,
        TypeKind::Object => super::object::object_new,
        _ => return Err(type_error(format!("cannot create '{}' instances", cls.name.as_str()))),
    };
    f(vm, args)
}
