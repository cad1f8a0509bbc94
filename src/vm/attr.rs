//! Attribute access: instances (dict, class, properties, `__getattr__`), classes, modules,
//! builtin values (their type's methods), and the method-call shortcut `load_method`.

use super::exceptions::{attribute_error, type_error, with_state, PyResult};
use super::types::{intern, Class, Method, Str, TypeKind, Wrapper};
use super::state::Vm;
use super::types::types;
use super::value::Value;
use std::sync::atomic::AtomicU32;
use std::sync::Arc;

/// Binds a class attribute found by lookup to the object it was looked up on.
fn bind(attr: Value, obj: &Value, cls: &Arc<Class>) -> Value {
    match &attr {
        Value::Function(_) | Value::Builtin(_) => Value::Method(Arc::new(Method { receiver: obj.clone(), func: attr })),
        Value::Wrapper(w) => match &**w {
            Wrapper::StaticMethod(f) => f.clone(),
            Wrapper::ClassMethod(f) => Value::Method(Arc::new(Method { receiver: Value::Class(cls.clone()), func: f.clone() })),
            _ => attr.clone(),
        },
        _ => attr,
    }
}

impl Vm {
    pub fn get_attr(&mut self, obj: &Value, name: &Str) -> PyResult<Value> {
        match obj {
            Value::Instance(inst) => {
                if !inst.class.has_properties() {
                    if let Some(v) = inst.dict().get(name.as_str()) {
                        return Ok(v.clone());
                    }
                }
                if inst.class.has_getattribute() {
                    if let Some(ga @ Value::Function(_)) = inst.class.lookup("__getattribute__") {
                        let r = self.call(&ga, &[obj.clone(), Value::Str(name.clone())]);
                        return match r {
                            Err(e) if super::exceptions::is_exc(&e, "AttributeError") => match inst.class.lookup("__getattr__") {
                                Some(g) => self.call(&g, &[obj.clone(), Value::Str(name.clone())]),
                                None => Err(e),
                            },
                            r => r,
                        };
                    }
                }
                self.generic_getattr(obj, name)
            }
            _ => self.get_attr_of_value(obj, name),
        }
    }

    /// `get_attr` from an attribute site with its dict-index hint (`AttrMap::get_hinted`).
    #[inline]
    pub fn get_attr_at(&mut self, obj: &Value, name: &Str, hint: &AtomicU32) -> PyResult<Value> {
        if let Value::Instance(inst) = obj {
            if !inst.class.has_properties() {
                if let Some(v) = inst.dict().get_hinted(name, hint) {
                    return Ok(v.clone());
                }
                // What `get_attr` would do next, without its second scan of the dict.
                if !inst.class.has_getattribute() {
                    return self.generic_getattr(obj, name);
                }
            }
        }
        self.get_attr(obj, name)
    }

    /// `set_attr` from an attribute site with its dict-index hint.
    #[inline]
    pub fn set_attr_at(&mut self, obj: &Value, name: &Str, v: Value, hint: &AtomicU32) -> PyResult<()> {
        if let Value::Instance(inst) = obj {
            if inst.exc.is_none() && inst.class.plain_setattr() {
                let old = inst.dict().set_hinted(name, v, hint);
                drop(old);
                return Ok(());
            }
        }
        self.set_attr(obj, name, v)
    }

    /// `object.__getattribute__`: instance dict, class, properties, then `__getattr__`.
    pub fn generic_getattr(&mut self, obj: &Value, name: &Str) -> PyResult<Value> {
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class.clone();
                let class_attr = cls.lookup(name.as_str());
                if let Some(Value::Wrapper(w)) = &class_attr {
                    if let Wrapper::Property { fget, .. } = &**w {
                        if fget.is_none() {
                            return Err(attribute_error(format!("property '{}' of '{}' object has no getter", name.as_str(), cls.name.as_str())));
                        }
                        let fget = fget.clone();
                        return self.call(&fget, &[obj.clone()]);
                    }
                }
                if let Some(v) = inst.dict().get(name.as_str()) {
                    return Ok(v.clone());
                }
                if let Some(a) = class_attr {
                    return Ok(bind(a, obj, &cls));
                }
                if let Some(v) = self.special_instance_attr(obj, name.as_str())? {
                    return Ok(v);
                }
                if let Some(ga) = cls.lookup("__getattr__") {
                    return self.call(&ga, &[obj.clone(), Value::Str(name.clone())]);
                }
                Err(attribute_error(format!("'{}' object has no attribute '{}'", cls.name.as_str(), name.as_str())))
            }
            _ => self.get_attr_of_value(obj, name),
        }
    }

    fn get_attr_of_value(&mut self, obj: &Value, name: &Str) -> PyResult<Value> {
        match obj {
            Value::Instance(_) => self.generic_getattr(obj, name),
            Value::Class(cls) => {
                if let Some(a) = cls.lookup(name.as_str()) {
                    return Ok(match &a {
                        Value::Wrapper(w) => match &**w {
                            Wrapper::StaticMethod(f) => f.clone(),
                            Wrapper::ClassMethod(f) => Value::Method(Arc::new(Method { receiver: obj.clone(), func: f.clone() })),
                            _ => a.clone(),
                        },
                        _ => a,
                    });
                }
                match name.as_str() {
                    "__name__" => return Ok(Value::Str(cls.name.clone())),
                    "__qualname__" => return Ok(Value::Str(cls.qualname.clone())),
                    "__module__" => return Ok(Value::Str(cls.module.clone())),
                    "__bases__" => return Ok(Value::tuple(cls.bases.iter().map(|b| Value::Class(b.clone())).collect())),
                    "__base__" => return Ok(cls.bases.first().map(|b| Value::Class(b.clone())).unwrap_or(Value::None)),
                    "__mro__" => {
                        let mut v = vec![obj.clone()];
                        v.extend(cls.mro.iter().map(|c| Value::Class(c.clone())));
                        return Ok(Value::tuple(v));
                    }
                    "__class__" => return Ok(Value::Class(types().class_of(obj))),
                    "__doc__" => return Ok(Value::None),
                    "__dict__" => {
                        return Ok(super::types::dict_from_attrs(cls.own_entries()));
                    }
                    _ => {}
                }
                // Methods and attributes of the metaclass, bound to the class.
                if let Some(meta) = cls.meta.get() {
                    if let Some(a) = meta.lookup(name.as_str()) {
                        if let Value::Wrapper(w) = &a {
                            if let Wrapper::Property { fget, .. } = &**w {
                                let fget = fget.clone();
                                return self.call(&fget, &[obj.clone()]);
                            }
                        }
                        return Ok(bind(a, obj, meta));
                    }
                }
                Err(attribute_error(format!("type object '{}' has no attribute '{}'", cls.name.as_str(), name.as_str())))
            }
            Value::Module(m) => match m.get(name.as_str()) {
                Some(v) => Ok(v),
                None => match name.as_str() {
                    "__name__" => Ok(Value::Str(m.name.clone())),
                    "__dict__" => Ok(super::types::dict_from_attrs(m.items())),
                    _ => Err(attribute_error(format!("module '{}' has no attribute '{}'", m.name.as_str(), name.as_str()))),
                },
            },
            Value::Wrapper(w) if matches!(&**w, Wrapper::Super { .. }) => self.super_attr(w, name),
            _ => {
                let cls = types().builtin_class_of(obj);
                if let Some(a) = cls.lookup(name.as_str()) {
                    return Ok(bind(a, obj, cls));
                }
                if let Some(v) = self.special_value_attr(obj, name.as_str())? {
                    return Ok(v);
                }
                Err(attribute_error(format!("'{}' object has no attribute '{}'", obj.type_name(), name.as_str())))
            }
        }
    }

    /// Attributes every instance has without a dict entry.
    fn special_instance_attr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let inst = match obj {
            Value::Instance(i) => i,
            _ => return Ok(None),
        };
        Ok(Some(match name {
            "__class__" => Value::Class(inst.class.clone()),
            "__dict__" => super::types::instance_dict(obj),
            "__module__" => Value::Str(inst.class.module.clone()),
            "__doc__" => Value::None,
            "message" | "exceptions" if super::types::is_exception_group(obj) => {
                let (msg, excs) = super::types::group_parts(obj);
                if name == "message" {
                    msg
                } else {
                    Value::tuple(excs)
                }
            }
            _ if inst.exc.is_some() => {
                let v = with_state(obj, |st| match name {
                    "args" => Some(st.args.clone()),
                    "__cause__" => Some(st.cause.clone()),
                    "__context__" => Some(st.context.clone()),
                    "__suppress_context__" => Some(Value::Bool(st.suppress_context)),
                    "__traceback__" => Some(Value::None),
                    // SystemExit.code and StopIteration.value: the first argument (None if none).
                    "code" | "value" => {
                        let want = if name == "code" { "SystemExit" } else { "StopIteration" };
                        if inst.class.is_subclass(types().exc(want)) {
                            Some(match &st.args {
                                Value::Tuple(t) if t.items.len() == 1 => t.items[0].clone(),
                                Value::Tuple(t) if t.items.is_empty() => Value::None,
                                other => other.clone(),
                            })
                        } else {
                            None
                        }
                    }
                    _ => None,
                })
                .flatten();
                match v {
                    Some(v) => v,
                    None => return Ok(None),
                }
            }
            _ => return Ok(None),
        }))
    }

    /// Data attributes of builtin values (`f.__name__`, `(3).real`, ...).
    fn special_value_attr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(Some(match (obj, name) {
            (_, "__class__") => Value::Class(types().class_of(obj)),
            // Assigned ones first (functools.wraps sets __name__, __doc__, __wrapped__).
            (Value::Function(f), n) if f.attrs.lock().unwrap_or_else(|e| e.into_inner()).get(n).is_some() => {
                f.attrs.lock().unwrap_or_else(|e| e.into_inner()).get(n).cloned().unwrap_or(Value::None)
            }
            (Value::Function(f), "__name__") => Value::Str(f.name.clone()),
            (Value::Function(f), "__qualname__") => Value::Str(f.qualname.clone()),
            (Value::Function(f), "__module__") => Value::Str(f.module.name.clone()),
            (Value::Function(_), "__doc__") => Value::None,
            // An unannotated function makes its empty dict on first use, and keeps it.
            (Value::Function(f), "__annotations__") => {
                let d = Value::Dict(Arc::new(super::types::Dict::new(Default::default())));
                f.attrs.lock().unwrap_or_else(|e| e.into_inner()).set(intern("__annotations__"), d.clone());
                d
            }
            (Value::Function(f), "__defaults__") => {
                if f.defaults.is_empty() {
                    Value::None
                } else {
                    Value::tuple(f.defaults.to_vec())
                }
            }
            (Value::Function(f), n) => match f.attrs.lock().unwrap_or_else(|e| e.into_inner()).get(n) {
                Some(v) => v.clone(),
                None => return Ok(None),
            },
            (Value::Builtin(b), "__name__" | "__qualname__") => Value::str(b.name),
            (Value::Builtin(_), "__doc__") => Value::None,
            (Value::Generator(g), n) => match super::types::generator_attr(g, n) {
                Some(v) => v,
                None => return Ok(None),
            },
            (Value::Method(m), "__self__") => m.receiver.clone(),
            (Value::Method(m), "__func__") => m.func.clone(),
            (Value::Method(m), "__name__" | "__qualname__") => {
                let f = m.func.clone();
                return self.get_attr(&f, &intern(name)).map(Some);
            }
            (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), "real" | "numerator") => match obj {
                Value::Bool(b) => Value::Int(*b as i64),
                _ => obj.clone(),
            },
            (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), "imag") => Value::Int(0),
            (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), "denominator") => Value::Int(1),
            (Value::Float(_), "real") => obj.clone(),
            (Value::Float(_), "imag") => Value::Float(0.0),
            (Value::Range(r), "start") => Value::Int(r.start),
            (Value::Range(r), "stop") => Value::Int(r.stop),
            (Value::Range(r), "step") => Value::Int(r.step),
            (Value::Slice(s), "start") => s.start.clone(),
            (Value::Slice(s), "stop") => s.stop.clone(),
            (Value::Slice(s), "step") => s.step.clone(),
            (Value::Wrapper(w), "fget" | "fset" | "fdel" | "__doc__") => match &**w {
                Wrapper::Property { fget, fset, fdel, doc } => match name {
                    "fget" => fget.clone(),
                    "fset" => fset.clone(),
                    "fdel" => fdel.clone(),
                    _ => doc.clone(),
                },
                _ => return Ok(None),
            },
            (Value::Wrapper(w), "__func__") => match &**w {
                Wrapper::StaticMethod(f) | Wrapper::ClassMethod(f) => f.clone(),
                _ => return Ok(None),
            },
            _ => return Ok(None),
        }))
    }

    /// `super().name`: look after `class` in the MRO of the object's type.
    fn super_attr(&mut self, w: &Wrapper, name: &Str) -> PyResult<Value> {
        let (class, obj) = match w {
            Wrapper::Super { class, obj } => (class, obj),
            _ => unreachable!(),
        };
        // super() in a classmethod walks the class's own MRO; in a metaclass's method (the
        // class is an instance), the metaclass's.
        let (obj_cls, of_class) = match obj {
            Value::Class(c) if c.is_subclass(class) => (c.clone(), true),
            other => (types().class_of(other), false),
        };
        let mut chain = vec![obj_cls.clone()];
        chain.extend(obj_cls.mro.iter().cloned());
        let start = chain.iter().position(|c| Arc::ptr_eq(c, class)).map(|p| p + 1).unwrap_or(chain.len());
        for c in &chain[start..] {
            let found = c.own(name.as_str());
            if let Some(a) = found {
                if let Value::Wrapper(pw) = &a {
                    if let Wrapper::Property { fget, .. } = &**pw {
                        let fget = fget.clone();
                        return self.call(&fget, &[obj.clone()]);
                    }
                }
                return Ok(match obj {
                    Value::Class(_) if of_class => match &a {
                        Value::Wrapper(w2) => match &**w2 {
                            Wrapper::ClassMethod(f) => Value::Method(Arc::new(Method { receiver: obj.clone(), func: f.clone() })),
                            Wrapper::StaticMethod(f) => f.clone(),
                            _ => a.clone(),
                        },
                        _ => a,
                    },
                    _ => bind(a, obj, &obj_cls),
                });
            }
        }
        Err(attribute_error(format!("'super' object has no attribute '{}'", name.as_str())))
    }

    /// For `obj.name(...)`: `(function, obj)` when `name` is a plain method (no bound-method
    /// allocation), else `(Null, attribute)`.
    pub(crate) fn load_method(&mut self, obj: Value, name: &Str) -> PyResult<(Value, Value)> {
        match &obj {
            Value::Instance(inst) if !inst.class.has_getattribute() => {
                if inst.dict().get(name.as_str()).is_none() {
                    if let Some(a) = inst.class.lookup(name.as_str()) {
                        if matches!(a, Value::Function(_) | Value::Builtin(_)) {
                            return Ok((a, obj));
                        }
                    }
                }
            }
            Value::Instance(_) | Value::Class(_) | Value::Module(_) | Value::Wrapper(_) => {}
            _ => {
                let cls = types().builtin_class_of(&obj);
                if let Some(a @ Value::Builtin(_)) = cls.lookup(name.as_str()) {
                    return Ok((a, obj));
                }
            }
        }
        let v = self.get_attr(&obj, name)?;
        Ok((Value::Null, v))
    }

    pub fn set_attr(&mut self, obj: &Value, name: &Str, v: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                if inst.exc.is_none() && inst.class.plain_setattr() {
                    let old = inst.dict().set(name.clone(), v);
                    drop(old);
                    return Ok(());
                }
                if let Some(Value::Wrapper(w)) = inst.class.lookup(name.as_str()) {
                    if let Wrapper::Property { fset, .. } = &*w {
                        if fset.is_none() {
                            return Err(attribute_error(format!(
                                "property '{}' of '{}' object has no setter",
                                name.as_str(),
                                inst.class.name.as_str()
                            )));
                        }
                        let fset = fset.clone();
                        self.call(&fset, &[obj.clone(), v])?;
                        return Ok(());
                    }
                }
                if let Some(sa) = inst.class.lookup("__setattr__") {
                    if matches!(sa, Value::Function(_)) {
                        self.call(&sa, &[obj.clone(), Value::Str(name.clone()), v])?;
                        return Ok(());
                    }
                }
                if inst.exc.is_some() {
                    let handled = with_state(obj, |st| match name.as_str() {
                        "args" => {
                            st.args = match &v {
                                Value::Tuple(_) => v.clone(),
                                other => Value::tuple(vec![other.clone()]),
                            };
                            true
                        }
                        "__cause__" => {
                            st.cause = v.clone();
                            st.suppress_context = true;
                            true
                        }
                        "__context__" => {
                            st.context = v.clone();
                            true
                        }
                        "__suppress_context__" => {
                            st.suppress_context = matches!(v, Value::Bool(true));
                            true
                        }
                        _ => false,
                    });
                    if handled == Some(true) {
                        return Ok(());
                    }
                }
                let old = inst.dict().set(name.clone(), v);
                drop(old);
                Ok(())
            }
            Value::Class(cls) => {
                if cls.kind != TypeKind::Object && cls.module.as_str() == "builtins" {
                    return Err(type_error(format!(
                        "cannot set '{}' attribute of immutable type '{}'",
                        name.as_str(),
                        cls.name.as_str()
                    )));
                }
                cls.set_attr(name.clone(), v);
                Ok(())
            }
            Value::Module(m) => {
                m.set(name.as_str(), v);
                Ok(())
            }
            Value::Function(f) => {
                f.attrs.lock().unwrap_or_else(|e| e.into_inner()).set(name.clone(), v);
                Ok(())
            }
            _ => Err(attribute_error(format!("'{}' object has no attribute '{}'", obj.type_name(), name.as_str()))),
        }
    }

    pub fn del_attr(&mut self, obj: &Value, name: &Str) -> PyResult<()> {
        if let Value::Instance(inst) = obj {
            if inst.class.has_delattr() {
                if let Some(da @ Value::Function(_)) = inst.class.lookup("__delattr__") {
                    self.call(&da, &[obj.clone(), Value::Str(name.clone())])?;
                    return Ok(());
                }
            }
        }
        self.generic_delattr(obj, name)
    }

    /// `object.__delattr__`.
    pub fn generic_delattr(&mut self, obj: &Value, name: &Str) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                if let Some(Value::Wrapper(w)) = inst.class.lookup(name.as_str()) {
                    if let Wrapper::Property { fdel, .. } = &*w {
                        if !fdel.is_none() {
                            let fdel = fdel.clone();
                            self.call(&fdel, &[obj.clone()])?;
                            return Ok(());
                        }
                    }
                }
                match inst.dict().remove(name.as_str()) {
                    Some(_) => Ok(()),
                    None => Err(attribute_error(format!("'{}' object has no attribute '{}'", inst.class.name.as_str(), name.as_str()))),
                }
            }
            Value::Class(cls) => match cls.del_attr(name.as_str()) {
                Some(_) => Ok(()),
                None => Err(attribute_error(format!("type object '{}' has no attribute '{}'", cls.name.as_str(), name.as_str()))),
            },
            Value::Module(m) => {
                if m.delete(name.as_str()) {
                    Ok(())
                } else {
                    Err(attribute_error(format!("module '{}' has no attribute '{}'", m.name.as_str(), name.as_str())))
                }
            }
            _ => Err(attribute_error(format!("'{}' object has no attribute '{}'", obj.type_name(), name.as_str()))),
        }
    }

    /// `getattr(obj, name, default)`-style lookup that turns AttributeError into None.
    pub fn get_attr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        match self.get_attr(obj, &intern(name)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if super::exceptions::is_exc(&e, "AttributeError") => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `with ctx:` entry: returns (bound `__exit__`, unbound `__enter__`); the caller calls
    /// `__enter__(ctx)`.
    pub(crate) fn context_methods(&mut self, ctx: &Value) -> PyResult<(Value, Value)> {
        let cls = types().class_of(ctx);
        let enter = cls.lookup("__enter__");
        let exit = cls.lookup("__exit__");
        match (enter, exit) {
            (Some(enter), Some(exit)) => Ok((bind(exit, ctx, &cls), enter)),
            (None, _) => Err(type_error(format!("'{}' object does not support the context manager protocol", ctx.type_name()))),
            (Some(_), None) => Err(type_error(format!(
                "'{}' object does not support the context manager protocol (missed __exit__ method)",
                ctx.type_name()
            ))),
        }
    }
}
