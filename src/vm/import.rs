//! `import`: modules provided by the VM (see `modules/`), cached per run in `sys.modules`.

use super::exceptions::{error, is_exc, PyResult};
use super::types::Str;
use super::state::Vm;
use super::value::Value;

impl Vm {
    pub fn import_module(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = super::sync::lock(&self.interp.modules).get(name) {
            return Ok(m.clone());
        }
        // `a.b`: the package `a` first, then `b` becomes its attribute, as CPython binds it.
        let parent = match name.rsplit_once('.') {
            Some((p, child)) => Some((self.import_module(p)?, child)),
            None => None,
        };
        match super::modules::create(self, name)? {
            Some(m) => {
                let m = super::sync::lock(&self.interp.modules).entry(name.to_string()).or_insert(m).clone();
                if let Some((Value::Module(p), child)) = parent {
                    p.set(child, m.clone());
                }
                Ok(m)
            }
            None => Err(not_found(name)),
        }
    }

    pub(crate) fn import_from(&mut self, m: &Value, name: &Str) -> PyResult<Value> {
        match self.get_attr(m, name) {
            Ok(v) => Ok(v),
            Err(e) if is_exc(&e, "AttributeError") => {
                let mname = match m {
                    Value::Module(m) => m.name.as_str().to_string(),
                    _ => "?".into(),
                };
                Err(error("ImportError", format!("cannot import name '{}' from '{}' (unknown location)", name.as_str(), mname)))
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
