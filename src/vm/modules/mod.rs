//! Modules provided by the VM. Each is made by a `ModuleInit` on first import in a run and then
//! cached in the run's `sys.modules`. To add one: write `modules/NAME.rs` with
//! `pub fn create(vm: &mut Vm) -> PyResult<Value>` and list it in `MODULES`.
//! A module may also be written in Python: see [`source_module`].

mod array;
mod internal;
mod json;
pub mod multiprocessing;
mod re;
mod struct_;
mod weakref;
pub mod math;
mod random_core;
pub mod os;
mod pylib;
pub mod sys;
pub mod threading;
pub mod time;

use crate::vm::args::Args;
use crate::vm::exceptions::{type_error, PyResult};
use crate::vm::types::{Builtin, Class, Instance, Module, TypeKind};
use crate::vm::state::Vm;
use crate::vm::types::{make_class_in, types};
use crate::vm::value::Value;
use std::sync::{Arc, OnceLock};

pub type ModuleInit = fn(&mut Vm) -> PyResult<Value>;

/// The line a traceback prints under `ModuleNotFoundError: No module named 'x'` (the
/// exception's note): the module is missing from threadlab, not from the learner's machine.
pub const MISSING_MODULE_NOTE: &str = "threadlab has no such module: the README's \"Modules\" section lists the ones it has.";

/// The VM's modules by import name.
static MODULES: &[(&str, ModuleInit)] = &[("time", time::create), ("sys", sys::create), ("threading", threading::create), ("_threadlab", internal::create),
    ("os", os::create),
    ("math", math::create),
    ("_json", json::create),
    ("_sre", re::create),
    ("struct", struct_::create),
    ("array", array::create),
    ("_weakref", weakref::create),
    ("_random", random_core::create),
    ("os.path", os_path),
    ("_multiprocessing", multiprocessing::create),
];

/// `os.path` is `posixpath`, as on CPython for Linux.
fn os_path(vm: &mut Vm) -> PyResult<Value> {
    vm.import_module("posixpath")
}

/// Makes module `name` for this run, or None if the VM has no such module.
pub fn create(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    if let Some((_, init)) = MODULES.iter().find(|(n, _)| *n == name) {
        return init(vm).map(Some);
    }
    match pylib::source(name) {
        Some(Ok(src)) => source_module(vm, name, &src, vec![]).map(Some),
        Some(Err(why)) => Err(crate::vm::exceptions::error("ImportError", format!("cannot load module '{}': {}", name, why))),
        None => Ok(None),
    }
}

#[cfg(feature = "lazy-pylib")]
pub use pylib::{set_loader as set_pylib_loader, Loader as PylibLoader};

/// A module from Rust values.
pub fn native_module(name: &str, attrs: Vec<(&str, Value)>) -> Value {
    let m = Module::new(name, attrs.len() + 64, None);
    for (k, v) in attrs {
        m.set(k, v);
    }
    m.set("__name__", Value::str(name));
    Value::Module(Arc::new(m))
}

/// A module whose body is Python source, run now in its own namespace (with `__name__` set to
/// `name`). For modules easier to write in Python on top of a few Rust builtins.
pub fn source_module(vm: &mut Vm, name: &str, source: &str, extra: Vec<(&str, Value)>) -> PyResult<Value> {
    let module = crate::lang::parser::parse(source).map_err(|e| crate::vm::exceptions::error(e.kind, e.msg))?;
    let code = crate::lang::compiler::compile(&module, &format!("<{}>", name))
        .map_err(|e| crate::vm::exceptions::error(e.kind, e.msg))?;
    let m = Arc::new(Module::new(name, code_names(&code) + extra.len() + 64, Some(vm.interp.builtins)));
    m.set("__name__", Value::str(name));
    for (k, v) in extra {
        m.set(k, v);
    }
    vm.run_module_code(&code, &m)?;
    Ok(Value::Module(m))
}

fn code_names(code: &crate::lang::bytecode::Code) -> usize {
    let mut n = code.names.len();
    for c in &code.consts {
        if let crate::lang::bytecode::Const::Code(child) = c {
            n += code_names(child);
        }
    }
    n
}

/// `sys.stdout` / `sys.stderr`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum StdStream {
    Stdout,
    Stderr,
}

fn stream_class() -> &'static Arc<Class> {
    static CLS: OnceLock<Arc<Class>> = OnceLock::new();
    static METHODS: &[Builtin] = crate::builtins_table![
        "write" => stream_write,
        "flush" => stream_flush,
    ];
    CLS.get_or_init(|| make_class_in("_io", "TextIOWrapper", &[types().object.clone()], TypeKind::Native, METHODS, None))
}

pub fn stream(which: StdStream) -> Value {
    Value::Instance(Arc::new(Instance::with_payload(stream_class().clone(), Box::new(which))))
}

fn stream_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("write", 2)?;
    let text = match &a[1] {
        Value::Str(s) => s.clone(),
        other => return Err(type_error(format!("write() argument must be str, not {}", other.type_name()))),
    };
    let n = text.char_len();
    write_to_file(vm, &a[0], text.as_str().to_string())?;
    Ok(Value::Int(n as i64))
}

fn stream_flush(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// What `sys.stdout` was replaced with (`contextlib.redirect_stdout`, an assignment), or None
/// while it is the run's own stream (or `sys` was never imported, so nothing replaced it).
pub fn replaced_stdout(vm: &Vm) -> Option<Value> {
    let sys = vm.interp.module("sys")?;
    let Value::Module(m) = sys else { return None };
    let out = m.get("stdout")?;
    match &out {
        Value::Instance(i) if i.payload::<StdStream>() == Some(&StdStream::Stdout) => None,
        _ => Some(out),
    }
}

/// `print(..., file=f)` and `f.write(text)`.
pub fn write_to_file(vm: &mut Vm, file: &Value, text: String) -> PyResult<()> {
    if let Value::Instance(i) = file {
        if let Some(which) = i.payload::<StdStream>() {
            match which {
                StdStream::Stdout => vm.rt.write_output(vm.tid, &text),
                StdStream::Stderr => vm.interp.write_stderr(&text),
            }
            return Ok(());
        }
    }
    let write = vm.get_attr(file, &crate::vm::types::intern("write"))?;
    vm.call(&write, &[Value::string(text)])?;
    Ok(())
}
