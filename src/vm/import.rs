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
        match super::modules::create(self, name)? {
            Some(m) => {
                super::sync::lock(&self.interp.modules).entry(name.to_string()).or_insert(m.clone());
                Ok(m)
            }
            None => Err(error("ModuleNotFoundError", format!("No module named '{}'", name))),
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
