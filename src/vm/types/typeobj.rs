//! `type`: `type(x)` and `type(name, bases, ns)`, `type.__new__`, `type.__call__`, `mro`; the
//! `class` statement (`__build_class__`): metaclasses, `__prepare__`, `__init_subclass__`,
//! `__set_name__`, docstrings' `__doc__`; and the C3 method resolution order.

use crate::builtins_table;
use crate::vm::PyResult;
use crate::vm::args::Args;
use crate::vm::exceptions::type_error;
use crate::vm::state::Vm;
use crate::vm::types::{dict_from_attrs, intern, is_value_kind, solid_base, types, AttrMap, Builtin, Class, TypeKind, Wrapper};
use crate::vm::value::{Str, Value};
use std::sync::Arc;

fn kwargs_of(args: &Args) -> Vec<(Str, Value)> {
    args.kwargs().map(|(k, v)| (intern(k), v.clone())).collect()
}

/// `type(x)`: the class of x; `type(name, bases, ns)`: a new class.
pub fn type_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    match pos.len() {
        1 if args.kwnames.is_empty() => Ok(Value::Class(types().class_of(&pos[0]))),
        3 => vm.class_from_parts(&types().type_.clone(), &pos[0], &pos[1], &pos[2], kwargs_of(&args)),
        _ => Err(type_error("type() takes 1 or 3 arguments")),
    }
}

/// `type.__new__(mcs, name, bases, ns, **kwargs)`, what a metaclass's `__new__` calls.
fn type_dunder_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let mcs = match pos.first() {
        Some(Value::Class(c)) => c.clone(),
        Some(other) => return Err(type_error(format!("type.__new__(X): X is not a type object ({})", other.type_name()))),
        None => return Err(type_error("type.__new__(): not enough arguments")),
    };
    if pos.len() == 2 {
        return Ok(Value::Class(types().class_of(&pos[1])));
    }
    if pos.len() != 4 {
        return Err(type_error("type.__new__() takes exactly 3 arguments"));
    }
    vm.class_from_parts(&mcs, &pos[1], &pos[2], &pos[3], kwargs_of(&args))
}

pub static TYPE_DUNDER_NEW: Builtin = Builtin { name: "__new__", f: type_dunder_new };

/// `type.__call__(cls, *args)`: what calling a class does (`__new__`, then `__init__`), for a
/// metaclass's `__call__` to reach with `super().__call__(...)`.
fn type_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, rest) = args.split_object();
    match cls {
        Value::Class(c) => {
            let c = c.clone();
            vm.call_class_default(&c, rest)
        }
        other => Err(type_error(format!("descriptor '__call__' requires a 'type' object but received a '{}'", other.type_name()))),
    }
}

/// `object.__init_subclass__`: accepts no class keywords.
fn init_subclass_default(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        let name = match args.all.first() {
            Some(Value::Class(c)) => c.name.as_str().to_string(),
            _ => "object".into(),
        };
        return Err(type_error(format!("{}.__init_subclass__() takes no keyword arguments", name)));
    }
    Ok(Value::None)
}

pub static INIT_SUBCLASS_DEFAULT: Builtin = Builtin { name: "__init_subclass__", f: init_subclass_default };

/// `__build_class__(body, name, *bases, **kwargs)`: a class statement with keywords
/// (`metaclass=`); plain ones use the BuildClass instruction.
pub fn build_class_builtin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    if pos.len() < 2 {
        return Err(type_error("__build_class__: not enough arguments"));
    }
    let name = match &pos[1] {
        Value::Str(s) => intern(s.as_str()),
        _ => return Err(type_error("__build_class__: name is not a string")),
    };
    vm.build_class_with(&pos[0], name, pos[2..].to_vec(), kwargs_of(&args))
}

pub static TYPE_METHODS: &[Builtin] = builtins_table![
    "mro" => type_mro,
    "__call__" => type_call,
];

pub fn type_mro(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos().first() {
        Some(Value::Class(c)) => {
            let mut v = vec![Value::Class(c.clone())];
            v.extend(c.mro.iter().map(|x| Value::Class(x.clone())));
            Ok(Value::list(v))
        }
        _ => Err(type_error("descriptor 'mro' requires a 'type' object")),
    }
}

/// C3 linearization of a new class's bases: its MRO without the class itself.
pub fn compute_mro(bases: &[Arc<Class>]) -> PyResult<Vec<Arc<Class>>> {
    let mut seqs: Vec<Vec<Arc<Class>>> = bases
        .iter()
        .map(|b| {
            let mut s = vec![b.clone()];
            s.extend(b.mro.iter().cloned());
            s
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Arc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut found = None;
        for s in &seqs {
            let cand = &s[0];
            if !seqs.iter().any(|t| t[1..].iter().any(|c| Arc::ptr_eq(c, cand))) {
                found = Some(cand.clone());
                break;
            }
        }
        match found {
            Some(c) => {
                for s in seqs.iter_mut() {
                    if Arc::ptr_eq(&s[0], &c) {
                        s.remove(0);
                    }
                }
                out.push(c);
            }
            None => {
                let names: Vec<&str> = bases.iter().map(|b| b.name.as_str()).collect();
                return Err(type_error(format!(
                    "Cannot create a consistent method resolution order (MRO) for bases {}",
                    names.join(", ")
                )));
            }
        }
    }
}

/// Rejects bases CPython rejects: final builtin types, and two builtin layouts at once.
fn check_bases(bases: &[Arc<Class>]) -> PyResult<()> {
    for b in bases {
        if !matches!(b.kind, TypeKind::Object | TypeKind::Exception | TypeKind::Native | TypeKind::Type) && !is_value_kind(b.kind) {
            return Err(type_error(format!("type '{}' is not an acceptable base type", b.name.as_str())));
        }
    }
    let mut layout: Option<&Arc<Class>> = None;
    for b in bases {
        if let Some(s) = solid_base(b) {
            match layout {
                Some(l) if !Arc::ptr_eq(l, s) && !l.is_subclass(s) && !s.is_subclass(l) => {
                    return Err(type_error("multiple bases have instance lay-out conflict"));
                }
                Some(l) if l.is_subclass(s) => {}
                _ => layout = Some(s),
            }
        }
    }
    Ok(())
}

/// The most derived of `meta` and the metaclasses of `bases`, as CPython picks it.
fn winner(meta: &Arc<Class>, bases: &[Arc<Class>]) -> PyResult<Arc<Class>> {
    let mut w = meta.clone();
    for b in bases {
        let bm = types().class_of(&Value::Class(b.clone()));
        if w.is_subclass(&bm) {
            continue;
        }
        if bm.is_subclass(&w) {
            w = bm;
            continue;
        }
        return Err(type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(w)
}

fn classes_of(bases: &[Value]) -> PyResult<Vec<Arc<Class>>> {
    bases
        .iter()
        .map(|b| match b {
            Value::Class(c) => Ok(c.clone()),
            other => Err(type_error(format!("bases must be types, not '{}'", other.type_name()))),
        })
        .collect()
}

/// Makes the functions of a new class's namespace know it, for zero-argument `super()`.
fn adopt_methods(cls: &Arc<Class>) {
    for (_, v) in cls.own_entries().iter() {
        let fs: Vec<&Value> = match v {
            Value::Function(_) => vec![v],
            Value::Wrapper(w) => match &**w {
                Wrapper::StaticMethod(f) | Wrapper::ClassMethod(f) => vec![f],
                Wrapper::Property { fget, fset, fdel, .. } => vec![fget, fset, fdel],
                _ => vec![],
            },
            _ => vec![],
        };
        for f in fs {
            if let Value::Function(f) = f {
                let _ = f.class.set(Arc::downgrade(cls));
            }
        }
    }
}

impl Vm {
    /// The BuildClass instruction: `class Name(bases): body` without keywords.
    pub(crate) fn build_class(&mut self, body: &Value, name: Str, bases: &Value) -> PyResult<Value> {
        let bases = match bases {
            Value::Tuple(t) => t.items.to_vec(),
            _ => Vec::new(),
        };
        self.build_class_with(body, name, bases, Vec::new())
    }

    /// A class statement: picks the metaclass, runs the body (in the namespace `__prepare__`
    /// gives, for a metaclass that has one), and calls the metaclass.
    pub(crate) fn build_class_with(&mut self, body: &Value, name: Str, bases: Vec<Value>, mut kwargs: Vec<(Str, Value)>) -> PyResult<Value> {
        let func = match body {
            Value::Function(f) => f.clone(),
            _ => return Err(type_error("__build_class__: func must be a function")),
        };
        let explicit = kwargs.iter().position(|(k, _)| k.as_str() == "metaclass").map(|i| kwargs.remove(i).1);
        let (bases, orig_bases) = self.resolve_mro_entries(bases)?;
        let base_classes = classes_of(&bases)?;
        let meta = match explicit {
            Some(Value::Class(m)) => Value::Class(winner(&m, &base_classes)?),
            Some(other) => other,
            None => Value::Class(winner(&types().type_, &base_classes)?),
        };
        let plain = matches!(&meta, Value::Class(m) if Arc::ptr_eq(m, &types().type_));
        let prepared = if plain {
            None
        } else {
            match self.get_attr_opt(&meta, "__prepare__")? {
                Some(prep) => {
                    let kw = kwargs.iter().map(|(k, v)| (k.as_str().to_string(), v.clone())).collect();
                    Some(self.call_with_kwargs(&prep, vec![Value::Str(name.clone()), Value::tuple(bases.clone())], kw)?)
                }
                None => None,
            }
        };
        let mut frame = self.bind_frame(&func, &[], &[])?;
        let mut ns = AttrMap::default();
        ns.set(intern("__module__"), Value::Str(func.module.name.clone()));
        ns.set(intern("__qualname__"), Value::Str(func.qualname.clone()));
        if let Some(orig) = orig_bases {
            ns.set(intern("__orig_bases__"), orig);
        }
        frame.namespace = Some(ns);
        self.run_frame(frame)?;
        let ns = self.class_namespace.take().unwrap_or_default();
        if plain {
            return self.new_class(&types().type_.clone(), name, base_classes, ns, kwargs);
        }
        let ns = match prepared {
            Some(d) => {
                for (k, v) in ns.entries {
                    crate::vm::ops::setitem(self, &d, &Value::Str(k), v)?;
                }
                d
            }
            None => dict_from_attrs(ns.entries),
        };
        let kw = kwargs.iter().map(|(k, v)| (k.as_str().to_string(), v.clone())).collect();
        self.call_with_kwargs(&meta, vec![Value::Str(name), Value::tuple(bases), ns], kw)
    }

    /// PEP 560: a base that is not a class but has `__mro_entries__` (`Generic[T]`, a
    /// `typing.NamedTuple`) is replaced by the classes that method gives for the original bases;
    /// the original bases are then kept as `__orig_bases__`.
    fn resolve_mro_entries(&mut self, bases: Vec<Value>) -> PyResult<(Vec<Value>, Option<Value>)> {
        if bases.iter().all(|b| matches!(b, Value::Class(_))) {
            return Ok((bases, None));
        }
        let orig = Value::tuple(bases.clone());
        let mut out = Vec::with_capacity(bases.len());
        for b in bases {
            if matches!(b, Value::Class(_)) {
                out.push(b);
                continue;
            }
            match self.get_attr_opt(&b, "__mro_entries__")? {
                Some(f) => match self.call(&f, &[orig.clone()])? {
                    Value::Tuple(t) => out.extend(t.items.iter().cloned()),
                    _ => return Err(type_error("__mro_entries__ must return a tuple")),
                },
                None => out.push(b),
            }
        }
        Ok((out, Some(orig)))
    }

    /// `type.__new__(mcs, name, bases, ns)` with its arguments checked as CPython does.
    fn class_from_parts(&mut self, mcs: &Arc<Class>, name: &Value, bases: &Value, ns: &Value, kwargs: Vec<(Str, Value)>) -> PyResult<Value> {
        let name = match name {
            Value::Str(s) => intern(s.as_str()),
            other => return Err(type_error(format!("type.__new__() argument 1 must be str, not {}", other.type_name()))),
        };
        let bases = match bases {
            Value::Tuple(t) => classes_of(&t.items)?,
            other => return Err(type_error(format!("type.__new__() argument 2 must be tuple, not {}", other.type_name()))),
        };
        let mut attrs = AttrMap::default();
        match ns {
            Value::Dict(d) => {
                for (k, v) in d.lock().items() {
                    match k {
                        Value::Str(s) => {
                            attrs.set(intern(s.as_str()), v);
                        }
                        _ => return Err(type_error("type.__new__(): namespace keys must be strings")),
                    }
                }
            }
            other => return Err(type_error(format!("type.__new__() argument 3 must be dict, not {}", other.type_name()))),
        }
        if attrs.get("__module__").is_none() {
            if let Some(f) = self.frames.last() {
                attrs.set(intern("__module__"), Value::Str(f.func.module.name.clone()));
            }
        }
        let mcs = winner(mcs, &bases)?;
        self.new_class(&mcs, name, bases, attrs, kwargs)
    }

    /// Makes a class of metaclass `meta` from its namespace, then runs `__set_name__` on its
    /// attributes and the parent's `__init_subclass__`, as `type.__new__` does.
    pub(crate) fn new_class(&mut self, meta: &Arc<Class>, name: Str, mut bases: Vec<Arc<Class>>, mut ns: AttrMap, kwargs: Vec<(Str, Value)>) -> PyResult<Value> {
        check_bases(&bases)?;
        if bases.is_empty() {
            bases.push(types().object.clone());
        }
        // Implicit static and class methods, as in CPython.
        if let Some(f @ Value::Function(_)) = ns.get("__new__").cloned() {
            ns.set(intern("__new__"), Value::Wrapper(Arc::new(Wrapper::StaticMethod(f))));
        }
        for implicit in ["__init_subclass__", "__class_getitem__"] {
            if let Some(f @ Value::Function(_)) = ns.get(implicit).cloned() {
                ns.set(intern(implicit), Value::Wrapper(Arc::new(Wrapper::ClassMethod(f))));
            }
        }
        // Defining __eq__ without __hash__ makes instances unhashable, as in Python.
        if ns.get("__eq__").is_some() && ns.get("__hash__").is_none() {
            ns.set(intern("__hash__"), Value::None);
        }
        // Every class has its own __doc__ (None without a docstring), so none is inherited.
        if ns.get("__doc__").is_none() {
            ns.set(intern("__doc__"), Value::None);
        }
        let qualname = match ns.remove("__qualname__") {
            Some(Value::Str(s)) => s,
            Some(other) => return Err(type_error(format!("type __qualname__ must be a str, not {}", other.type_name()))),
            None => name.clone(),
        };
        let module = match ns.get("__module__") {
            Some(Value::Str(s)) => s.clone(),
            _ => intern("builtins"),
        };
        let kind = bases.iter().map(|b| b.kind).find(|k| *k != TypeKind::Object).unwrap_or(TypeKind::Object);
        let mro = compute_mro(&bases)?;
        let cls = Arc::new(Class::new(name, qualname, module, bases, mro, AttrMap::default(), ns, kind, None));
        if !Arc::ptr_eq(meta, &types().type_) {
            let _ = cls.meta.set(meta.clone());
        }
        adopt_methods(&cls);
        let cls_v = Value::Class(cls.clone());
        for (k, v) in cls.own_entries() {
            if let Value::Instance(i) = &v {
                if let Some(set_name) = i.class.lookup("__set_name__") {
                    self.call(&set_name, &[v.clone(), cls_v.clone(), Value::Str(k)])?;
                }
            }
        }
        // super(cls, cls).__init_subclass__(**kwargs)
        for c in cls.mro.iter() {
            if let Some(a) = c.own("__init_subclass__") {
                let f = match &a {
                    Value::Wrapper(w) => match &**w {
                        Wrapper::ClassMethod(f) => f.clone(),
                        _ => break,
                    },
                    _ => a.clone(),
                };
                let kw = kwargs.iter().map(|(k, v)| (k.as_str().to_string(), v.clone())).collect();
                self.call_with_kwargs(&f, vec![cls_v.clone()], kw)?;
                break;
            }
        }
        Ok(cls_v)
    }
}
