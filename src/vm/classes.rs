//! Class creation (`class` statements) and `super()`.

use super::exceptions::{not_implemented, runtime_error, type_error, PyResult};
use super::types::{intern, AttrMap, Class, Str, TypeKind, Wrapper};
use super::state::Vm;
use super::types::{compute_mro, types};
use super::value::Value;
use std::sync::Arc;

impl Vm {
    /// Runs a class body with a fresh namespace and makes the class.
    pub(crate) fn build_class(&mut self, body: &Value, name: Str, bases: &Value) -> PyResult<Value> {
        let func = match body {
            Value::Function(f) => f.clone(),
            _ => return Err(type_error("__build_class__: func must be a function")),
        };
        let mut base_classes = Vec::new();
        if let Value::Tuple(t) = bases {
            for b in t.items.iter() {
                match b {
                    Value::Class(c) => base_classes.push(c.clone()),
                    other => return Err(type_error(format!("bases must be types, not '{}'", other.type_name()))),
                }
            }
        }
        for b in &base_classes {
            if !matches!(b.kind, TypeKind::Object | TypeKind::Exception | TypeKind::Native) {
                return Err(not_implemented(format!(
                    "subclassing the builtin type '{}' is not supported by threadlab",
                    b.name.as_str()
                )));
            }
        }
        if base_classes.is_empty() {
            base_classes.push(types().object.clone());
        }
        let mut frame = self.bind_frame(&func, &[], &[])?;
        let mut ns = AttrMap::default();
        ns.set(intern("__module__"), Value::Str(func.module.name.clone()));
        ns.set(intern("__qualname__"), Value::Str(func.qualname.clone()));
        frame.namespace = Some(ns);
        self.run_frame(frame)?;
        let mut ns = self.class_namespace.take().unwrap_or_default();
        // Defining __eq__ without __hash__ makes instances unhashable, as in Python.
        if ns.get("__eq__").is_some() && ns.get("__hash__").is_none() {
            ns.set(intern("__hash__"), Value::None);
        }
        let kind = base_classes.iter().map(|b| b.kind).find(|k| *k != TypeKind::Object).unwrap_or(TypeKind::Object);
        let mro = compute_mro(name.as_str(), &base_classes)?;
        let module = match ns.get("__module__") {
            Some(Value::Str(s)) => s.clone(),
            _ => func.module.name.clone(),
        };
        let cls = Arc::new(Class::new(name.clone(), func.qualname.clone(), module, base_classes, mro, AttrMap::default(), ns, kind, None));
        // Methods learn their class, for zero-argument super().
        for (_, v) in cls.own_entries().iter() {
            let f = match v {
                Value::Function(f) => Some(f.clone()),
                Value::Wrapper(w) => match &**w {
                    Wrapper::StaticMethod(Value::Function(f)) | Wrapper::ClassMethod(Value::Function(f)) => Some(f.clone()),
                    Wrapper::Property { fget, fset, .. } => {
                        for x in [fget, fset] {
                            if let Value::Function(f) = x {
                                let _ = f.class.set(Arc::downgrade(&cls));
                            }
                        }
                        None
                    }
                    _ => None,
                },
                _ => None,
            };
            if let Some(f) = f {
                let _ = f.class.set(Arc::downgrade(&cls));
            }
        }
        Ok(Value::Class(cls))
    }

    /// `super()` with no arguments: the calling method's class and first argument.
    pub(crate) fn zero_arg_super(&mut self) -> PyResult<Value> {
        let frame = self.frames.last().ok_or_else(|| runtime_error("super(): no current frame"))?;
        let class = frame
            .func
            .class
            .get()
            .and_then(|w| w.upgrade())
            .ok_or_else(|| runtime_error("super(): __class__ cell not found"))?;
        let code = &frame.func.code.code;
        if code.argcount == 0 {
            return Err(runtime_error("super(): no arguments"));
        }
        let mut obj = frame.locals.first().cloned().unwrap_or(Value::Null);
        if obj.is_null() {
            if let Some(&(_, ci)) = code.cell_params.iter().find(|(li, _)| *li == 0) {
                obj = frame.cells[ci as usize].value.get();
            }
        }
        if obj.is_null() {
            return Err(runtime_error("super(): arg[0] deleted"));
        }
        Ok(Value::Wrapper(Arc::new(Wrapper::Super { class, obj })))
    }
}
