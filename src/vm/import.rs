//! `import`: the program's own modules first (a `ModuleSource`: the native runner's program
//! directory, the page's extra named modules), then the modules provided by the VM (see
//! `modules/`); each is cached per run in `sys.modules`, a dict the program can see.
//!
//! A module from source is entered in `sys.modules` before its body runs, so a circular import
//! sees it partly initialized (as CPython: `from a import x` then fails with CPython's
//! "partially initialized module" message), and taken out again if its body raises.

use super::exceptions::{error, is_exc, PyResult};
use super::types::{intern, Module, Str};
use super::state::Vm;
use super::value::Value;
use std::collections::HashMap;
use std::sync::Arc;

/// A module's Python source, found by a `ModuleSource`.
pub struct SourceFile {
    /// Shown in tracebacks and as `__file__`.
    pub filename: String,
    pub source: String,
    /// A package (`name/__init__.py`): its submodules are found as `name.sub`.
    pub package: bool,
}

/// Where `import name` finds Python source that is not built in.
pub trait ModuleSource: Send + Sync {
    /// Module `name` (dotted for a package's submodule), if this source has it.
    fn find(&self, name: &str) -> Option<SourceFile>;
}

/// Modules given as name -> source text (the page's run API: the program is one file, and
/// extra modules come with it). `pkg.sub` names a package's submodule, and a name that has
/// submodules is a package.
pub struct NamedSources(pub HashMap<String, String>);

impl ModuleSource for NamedSources {
    fn find(&self, name: &str) -> Option<SourceFile> {
        let source = self.0.get(name)?.clone();
        let prefix = format!("{}.", name);
        let package = self.0.keys().any(|k| k.starts_with(&prefix));
        let filename = if package { format!("{}/__init__.py", name.replace('.', "/")) } else { format!("{}.py", name.replace('.', "/")) };
        Some(SourceFile { filename, source, package })
    }
}

/// Modules whose body is running (for the circular-import message).
#[derive(Default)]
struct Initializing(std::sync::Mutex<Vec<String>>);

impl Vm {
    /// `..mod` from the module running now: its `__package__` less one level per dot after the
    /// first, then `mod`, as CPython's `importlib._bootstrap._resolve_name`.
    fn resolve_relative(&mut self, name: &str) -> PyResult<String> {
        let rest = name.trim_start_matches('.');
        let level = name.len() - rest.len();
        let package = match self.frames.last().and_then(|f| f.func.module.get("__package__")) {
            Some(Value::Str(s)) if !s.as_str().is_empty() => s.as_str().to_string(),
            _ => return Err(error("ImportError", "attempted relative import with no known parent package".to_string())),
        };
        let parts: Vec<&str> = package.split('.').collect();
        if level > parts.len() {
            return Err(error("ImportError", "attempted relative import beyond top-level package".to_string()));
        }
        let base = parts[..parts.len() + 1 - level].join(".");
        Ok(if rest.is_empty() { base } else { format!("{}.{}", base, rest) })
    }

    pub fn import_module(&mut self, name: &str) -> PyResult<Value> {
        if name.starts_with('.') {
            let full = self.resolve_relative(name)?;
            return self.import_module(&full);
        }
        if let Some(m) = self.interp.module(name) {
            return Ok(m);
        }
        // `a.b`: the package `a` first, then `b` becomes its attribute, as CPython binds it.
        let parent = match name.rsplit_once('.') {
            Some((p, child)) => Some((self.import_module(p)?, child)),
            None => None,
        };
        let m = match self.source_module_of(name)? {
            Some(m) => m,
            None => match super::modules::create(self, name)? {
                Some(m) => {
                    if let Some(existing) = self.interp.module(name) {
                        existing
                    } else {
                        self.interp.set_module(name, m.clone());
                        m
                    }
                }
                None => return Err(not_found(name)),
            },
        };
        if let Some((Value::Module(p), child)) = parent {
            p.set(child, m.clone());
        }
        Ok(m)
    }

    /// Module `name` from the program's own sources, run now, or None if they lack it.
    fn source_module_of(&mut self, name: &str) -> PyResult<Option<Value>> {
        let Some(sources) = self.interp.sources.get().cloned() else { return Ok(None) };
        let Some(file) = sources.find(name) else { return Ok(None) };
        let parsed = crate::lang::parser::parse(&file.source).and_then(|m| crate::lang::compiler::compile(&m, &file.filename));
        let code = match parsed {
            Ok(code) => code,
            Err(e) => {
                let base = file.filename.rsplit('/').next().unwrap_or(&file.filename).to_string();
                return Err(error(e.kind, format!("{} ({}, line {})", e.msg, base, e.line)));
            }
        };
        let lines: Vec<String> = file.source.lines().map(|l| l.to_string()).collect();
        super::sync::lock(&self.interp.file_lines).insert(file.filename.clone(), Arc::new(lines));
        let m = Arc::new(Module::new(name, 256, Some(self.interp.builtins)));
        m.set("__name__", Value::str(name));
        m.set("__file__", Value::str(&file.filename));
        m.set("__doc__", Value::None);
        if file.package {
            let dir = file.filename.rsplit_once('/').map(|(d, _)| d).unwrap_or(".");
            m.set("__path__", Value::list(vec![Value::str(dir)]));
            m.set("__package__", Value::str(name));
        } else {
            m.set("__package__", Value::str(name.rsplit_once('.').map(|(p, _)| p).unwrap_or("")));
        }
        let module = Value::Module(m.clone());
        self.interp.set_module(name, module.clone());
        let initializing = self.interp.ext::<Initializing>();
        super::sync::lock(&initializing.0).push(name.to_string());
        let r = self.run_module_code(&code, &m);
        super::sync::lock(&initializing.0).retain(|n| n != name);
        if let Err(e) = r {
            self.interp.modules.lock().remove(&super::types::HashKey::of(Value::str(name)));
            return Err(e);
        }
        // The module may have replaced itself in sys.modules, as CPython allows.
        Ok(Some(self.interp.module(name).unwrap_or(module)))
    }

    pub(crate) fn import_from(&mut self, m: &Value, name: &Str) -> PyResult<Value> {
        match self.get_attr(m, name) {
            Ok(v) => Ok(v),
            Err(e) if is_exc(&e, "AttributeError") => {
                let Value::Module(module) = m else { return Err(e) };
                let mname = module.name.as_str().to_string();
                // `from pkg import sub`: a submodule not imported yet.
                if module.get("__path__").is_some() {
                    if let Ok(sub) = self.import_module(&format!("{}.{}", mname, name.as_str())) {
                        return Ok(sub);
                    }
                }
                let location = match module.get("__file__") {
                    Some(Value::Str(f)) => f.as_str().to_string(),
                    _ => "unknown location".into(),
                };
                let initializing = super::sync::lock(&self.interp.ext::<Initializing>().0).contains(&mname);
                let msg = if initializing {
                    format!(
                        "cannot import name '{}' from partially initialized module '{}' (most likely due to a circular import) ({})",
                        name.as_str(),
                        mname,
                        location
                    )
                } else {
                    format!("cannot import name '{}' from '{}' ({})", name.as_str(), mname, location)
                };
                let e = error("ImportError", msg);
                if let Some(Value::Instance(i)) = e.exception() {
                    i.dict().set(intern("name"), Value::str(&mname));
                }
                Err(e)
            }
            Err(e) => Err(e),
        }
    }
}

/// CPython's ModuleNotFoundError, with a note (printed under it in the traceback) that says the
/// module is missing from threadlab rather than from the learner's machine.
fn not_found(name: &str) -> super::exceptions::Unwind {
    let e = error("ModuleNotFoundError", format!("No module named '{}'", name));
    if let Some(exc) = e.exception() {
        if let Value::Instance(i) = exc {
            let note = super::modules::MISSING_MODULE_NOTE;
            i.dict().set(super::types::intern("__notes__"), Value::list(vec![Value::str(note)]));
            i.dict().set(super::types::intern("name"), Value::str(name));
        }
    }
    e
}
