//! Classes (builtin and user-defined) and their instances; `type`'s methods and
//! constructor; `class` statements and `super()`.

use crate::vm::PyResult;
use crate::vm::args::Args;
use crate::vm::exceptions::runtime_error;
use crate::vm::state::Vm;
use crate::vm::sync::{lock, read, write};
use crate::vm::types::Wrapper;
use crate::vm::value::{Str, Value};
use std::any::Any;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, RwLock};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use super::mcache::{self, Loc};

/// `Class::flags` bits: facts about a class's own namespace that let attribute access skip
/// lookups (and locks) on the common paths.
const F_DICT: u32 = 1;

/// A property (data descriptor) is defined here.
const F_PROPERTY: u32 = 2;

/// A Python `__setattr__` is defined here.
const F_SETATTR: u32 = 4;

/// A Python `__getattribute__` is defined here (set with F_PROPERTY so fast paths step aside).
const F_GETATTRIBUTE: u32 = 8;

/// A Python `__new__` is defined here.
const F_NEW: u32 = 16;

/// A Python `__delattr__` is defined here.
const F_DELATTR: u32 = 32;

/// A small ordered name -> value map (instance and class attributes, keyword arguments).
/// Names are interned, so lookups usually succeed on the pointer comparison.
#[derive(Clone, Default)]
pub struct AttrMap {
    pub entries: Vec<(Str, Value)>,
}

impl AttrMap {
    #[inline]
    pub fn get(&self, name: &str) -> Option<&Value> {
        let (p, n) = (name.as_ptr(), name.len());
        for (k, v) in &self.entries {
            let ks = k.as_str();
            if ks.len() == n && (ks.as_ptr() == p || ks == name) {
                return Some(v);
            }
        }
        None
    }
    pub fn set(&mut self, name: Str, v: Value) -> Option<Value> {
        if let Some(slot) = self.entries.iter_mut().find(|(k, _)| Arc::ptr_eq(k, &name) || k.as_str() == name.as_str()) {
            return Some(std::mem::replace(&mut slot.1, v));
        }
        self.entries.push((name, v));
        None
    }
    /// `get` that first tries the entry at `hint` (where this name was last found by the same
    /// attribute site) and records where it found the name. The hint only saves the scan: the
    /// entry's key is compared before use, so a stale or racing hint is a miss.
    #[inline]
    pub fn get_hinted(&self, name: &Str, hint: &AtomicU32) -> Option<&Value> {
        if let Some((k, v)) = self.entries.get(hint.load(Ordering::Relaxed) as usize) {
            if Arc::ptr_eq(k, name) {
                return Some(v);
            }
        }
        let i = self.position(name)?;
        hint.store(i as u32, Ordering::Relaxed);
        Some(&self.entries[i].1)
    }
    /// `set` with a site's hint, as `get_hinted`.
    #[inline]
    pub fn set_hinted(&mut self, name: &Str, v: Value, hint: &AtomicU32) -> Option<Value> {
        let h = hint.load(Ordering::Relaxed) as usize;
        let i = match self.entries.get(h) {
            Some((k, _)) if Arc::ptr_eq(k, name) => h,
            _ => match self.position(name) {
                Some(i) => i,
                None => {
                    hint.store(self.entries.len() as u32, Ordering::Relaxed);
                    self.entries.push((name.clone(), v));
                    return None;
                }
            },
        };
        hint.store(i as u32, Ordering::Relaxed);
        Some(std::mem::replace(&mut self.entries[i].1, v))
    }
    fn position(&self, name: &Str) -> Option<usize> {
        self.entries.iter().position(|(k, _)| Arc::ptr_eq(k, name) || k.as_str() == name.as_str())
    }
    pub fn remove(&mut self, name: &str) -> Option<Value> {
        let i = self.entries.iter().position(|(k, _)| k.as_str() == name)?;
        Some(self.entries.remove(i).1)
    }
}

/// Which builtin type a class is, or builds its instances on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeKind {
    /// `object` and plain user classes.
    Object,
    /// Builtin value types: their instances are not `Instance`s.
    Int,
    Bool,
    Float,
    Str,
    Bytes,
    ByteArray,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    NoneType,
    Type,
    Function,
    BuiltinFunction,
    Method,
    Module,
    Iterator,
    NotImplementedType,
    Ellipsis,
    StaticMethod,
    ClassMethod,
    Property,
    Super,
    /// BaseException and its subclasses: instances carry `ExcState`.
    Exception,
    /// A class implemented in Rust whose instances carry a payload (locks, events, ...).
    Native,
}

/// Constructor of a native class: builds the instance (with its payload) from the call's
/// arguments. `cls` is the class called (a Python subclass, possibly).
pub type NativeNew = fn(vm: &mut Vm, cls: &Arc<Class>, args: Args) -> PyResult<Value>;

pub struct Class {
    pub name: Str,
    pub qualname: Str,
    /// `builtins` for builtin types, `__main__` for the program's classes.
    pub module: Str,
    pub bases: Vec<Arc<Class>>,
    /// Method resolution order, without the class itself.
    pub mro: Vec<Arc<Class>>,
    /// Attributes fixed at creation (builtin methods): read without a lock.
    fixed: AttrMap,
    /// Attributes set later (a class body's namespace, `Cls.x = v`).
    dict: RwLock<AttrMap>,
    flags: AtomicU32,
    pub kind: TypeKind,
    pub native_new: Option<NativeNew>,
    /// The metaclass, when it is not `type` (a class made by `class M(type)`).
    pub meta: OnceLock<Arc<Class>>,
    /// Unique for the process's life: the method cache's key (`mcache.rs`).
    pub(super) id: u64,
    /// Bumped after every change to the class's namespace (the method cache's version tag).
    pub(super) version: AtomicU32,
    /// Some class has this one on its MRO: a change here bumps the method cache's epoch.
    has_subclasses: AtomicBool,
}

fn flags_for(name: &str, v: &Value) -> u32 {
    let mut f = F_DICT;
    if let Value::Wrapper(w) = v {
        if matches!(**w, super::Wrapper::Property { .. }) {
            f |= F_PROPERTY;
        }
    }
    if name == "__setattr__" && matches!(v, Value::Function(_)) {
        f |= F_SETATTR;
    }
    if name == "__getattribute__" && matches!(v, Value::Function(_)) {
        f |= F_GETATTRIBUTE | F_PROPERTY;
    }
    if name == "__delattr__" && matches!(v, Value::Function(_)) {
        f |= F_DELATTR;
    }
    if name == "__new__" && matches!(v, Value::Wrapper(w) if matches!(**w, super::Wrapper::StaticMethod(Value::Function(_)))) {
        f |= F_NEW;
    }
    f
}

impl Class {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        name: Str,
        qualname: Str,
        module: Str,
        bases: Vec<Arc<Class>>,
        mro: Vec<Arc<Class>>,
        fixed: AttrMap,
        dict: AttrMap,
        kind: TypeKind,
        native_new: Option<NativeNew>,
    ) -> Class {
        let mut flags = 0;
        for (k, v) in fixed.entries.iter() {
            flags |= flags_for(k.as_str(), v) & !F_DICT;
        }
        for (k, v) in dict.entries.iter() {
            flags |= flags_for(k.as_str(), v);
        }
        // Flags aggregate over the MRO at creation; later changes to a base are not seen by
        // existing subclasses (rare: assigning a property or __setattr__ to a class after the fact).
        for c in &mro {
            flags |= c.flags.load(Ordering::Relaxed) & !F_DICT;
            // SeqCst, as the load in `changed`: a base changed while this class is made
            // either sees the flag or is seen by this class's first lookups.
            c.has_subclasses.store(true, Ordering::SeqCst);
        }
        Class {
            name,
            qualname,
            module,
            bases,
            mro,
            fixed,
            dict: RwLock::new(dict),
            flags: AtomicU32::new(flags),
            kind,
            native_new,
            meta: OnceLock::new(),
            id: mcache::next_class_id(),
            version: mcache::new_version(),
            has_subclasses: AtomicBool::new(false),
        }
    }

    /// `name` in this class's own namespace (not the MRO).
    #[inline]
    pub fn own(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.fixed.get(name) {
            return Some(v.clone());
        }
        if self.flags.load(Ordering::Acquire) & F_DICT != 0 {
            return read(&self.dict).get(name).cloned();
        }
        None
    }

    /// The class's own attributes, fixed ones first.
    pub fn own_entries(&self) -> Vec<(Str, Value)> {
        let mut v = self.fixed.entries.clone();
        v.extend(read(&self.dict).entries.iter().cloned());
        v
    }

    /// Looks `name` up on the class and its MRO (through the method cache).
    #[inline]
    pub fn lookup(&self, name: &str) -> Option<Value> {
        mcache::lookup(self, name)
    }

    /// `name` in this class's own namespace: where, its key, its value.
    fn own_loc(&self, name: &str) -> Option<(bool, u32, Str, Value)> {
        let find = |m: &AttrMap| {
            let (p, n) = (name.as_ptr(), name.len());
            m.entries.iter().enumerate().find_map(|(i, (k, v))| {
                let ks = k.as_str();
                (ks.len() == n && (ks.as_ptr() == p || ks == name)).then(|| (i as u32, k.clone(), v.clone()))
            })
        };
        if let Some((i, k, v)) = find(&self.fixed) {
            return Some((true, i, k, v));
        }
        if self.flags.load(Ordering::Acquire) & F_DICT != 0 {
            if let Some((i, k, v)) = find(&read(&self.dict)) {
                return Some((false, i, k, v));
            }
        }
        None
    }

    /// The uncached lookup: where on the MRO `name` is, its key and its value.
    pub(super) fn lookup_loc(&self, name: &str) -> Option<(Loc, Str, Value)> {
        for (depth, c) in std::iter::once(self).chain(self.mro.iter().map(|c| &**c)).enumerate() {
            if let Some((fixed, index, k, v)) = c.own_loc(name) {
                return Some((Loc { depth: depth as u32, index, fixed }, k, v));
            }
        }
        None
    }

    /// The value at `loc` in this class's own namespace if its key is still `key`.
    #[inline]
    pub(super) fn value_at(&self, loc: Loc, key: &Str) -> Option<Value> {
        let pick = |m: &AttrMap| match m.entries.get(loc.index as usize) {
            Some((k, v)) if Arc::ptr_eq(k, key) => Some(v.clone()),
            _ => None,
        };
        if loc.fixed {
            pick(&self.fixed)
        } else {
            pick(&read(&self.dict))
        }
    }

    /// After a change to the namespace: the method cache's entries for this class (and, if
    /// other classes inherit from it, all entries) stop matching.
    fn changed(&self) {
        self.version.fetch_add(1, Ordering::AcqRel);
        if self.has_subclasses.load(Ordering::SeqCst) {
            mcache::bump_epoch();
        }
    }

    pub fn set_attr(&self, name: Str, v: Value) {
        let f = flags_for(name.as_str(), &v);
        let old = write(&self.dict).set(name, v);
        self.flags.fetch_or(f, Ordering::Release);
        self.changed();
        drop(old);
    }

    pub fn del_attr(&self, name: &str) -> Option<Value> {
        let old = write(&self.dict).remove(name);
        self.changed();
        old
    }

    #[inline]
    fn any_flag(&self, f: u32) -> bool {
        self.flags.load(Ordering::Relaxed) & f != 0
    }

    /// Whether plain instance attribute stores can go straight to the instance dict.
    #[inline]
    pub fn plain_setattr(&self) -> bool {
        self.flags.load(Ordering::Relaxed) & (F_PROPERTY | F_SETATTR) == 0
    }

    /// Whether some class on the MRO defines `__getattribute__` in Python.
    #[inline]
    pub fn has_getattribute(&self) -> bool {
        self.any_flag(F_GETATTRIBUTE)
    }

    /// Whether some class on the MRO defines `__new__` in Python.
    #[inline]
    pub fn has_python_new(&self) -> bool {
        self.any_flag(F_NEW)
    }

    /// Whether some class on the MRO defines `__delattr__` in Python.
    #[inline]
    pub fn has_delattr(&self) -> bool {
        self.any_flag(F_DELATTR)
    }

    /// Whether some class on the MRO defines a property (so instance attribute access must
    /// look at the class first).
    #[inline]
    pub fn has_properties(&self) -> bool {
        self.any_flag(F_PROPERTY)
    }

    /// `issubclass(self, other)`.
    pub fn is_subclass(&self, other: &Class) -> bool {
        std::ptr::eq(self, other) || self.mro.iter().any(|c| std::ptr::eq(&**c, other))
    }
    /// A dunder the class's metaclass defines in Python (`len(Color)` is `EnumType.__len__`).
    pub fn meta_method(&self, name: &str) -> Option<Value> {
        match self.meta.get()?.lookup(name)? {
            f @ Value::Function(_) => Some(f),
            _ => None,
        }
    }

    /// The nearest native constructor on the MRO (a Python subclass of a native class).
    pub fn find_native_new(&self) -> Option<NativeNew> {
        self.native_new.or_else(|| self.mro.iter().find_map(|c| c.native_new))
    }
    pub fn is_exception(&self) -> bool {
        self.kind == TypeKind::Exception
    }
}

/// One line of a traceback: a frame the exception passed through.
#[derive(Clone, Debug)]
pub struct TbEntry {
    pub filename: Arc<str>,
    pub line: u32,
    pub name: Str,
}

/// What an exception instance carries besides its attributes.
#[derive(Clone)]
pub struct ExcState {
    pub args: Value,
    /// Innermost frame first (the order the entries were added while unwinding).
    pub traceback: Vec<TbEntry>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
}

pub struct Instance {
    pub class: Arc<Class>,
    dict: Mutex<AttrMap>,
    pub exc: Option<Mutex<ExcState>>,
    /// Rust state of instances of native classes (a lock's state, ...).
    pub payload: Option<Box<dyn Any + Send + Sync>>,
}

impl Drop for Instance {
    fn drop(&mut self) {
        let dict = std::mem::take(self.dict.get_mut().unwrap_or_else(|e| e.into_inner()));
        crate::vm::trashcan::release((dict, self.exc.take(), self.payload.take()));
    }
}

impl Instance {
    pub fn new(class: Arc<Class>) -> Instance {
        let exc = if class.is_exception() {
            Some(Mutex::new(ExcState {
                args: Value::tuple(Vec::new()),
                traceback: Vec::new(),
                cause: Value::None,
                context: Value::None,
                suppress_context: false,
            }))
        } else {
            None
        };
        Instance { class, dict: Mutex::new(AttrMap::default()), exc, payload: None }
    }
    pub fn with_payload(class: Arc<Class>, payload: Box<dyn Any + Send + Sync>) -> Instance {
        let mut i = Instance::new(class);
        i.payload = Some(payload);
        i
    }
    #[inline]
    pub fn dict(&self) -> MutexGuard<'_, AttrMap> {
        lock(&self.dict)
    }
    pub fn exc_state(&self) -> Option<MutexGuard<'_, ExcState>> {
        self.exc.as_ref().map(lock)
    }
    /// The payload of a native instance, if it is a `T`.
    pub fn payload<T: 'static>(&self) -> Option<&T> {
        self.payload.as_ref()?.downcast_ref::<T>()
    }
    /// An instance of a Python subclass of a builtin value type (`class L(list)`) carries the
    /// builtin value (`[...]`, `3`, `'abc'`) as its payload: its "base" value, on which the
    /// builtin type's methods and operations act.
    #[inline]
    pub fn base(&self) -> Option<&Value> {
        self.payload.as_ref()?.downcast_ref::<Value>()
    }
}

/// The builtin value `v` stands for: the base value of an instance of a subclass of a builtin
/// value type, else `v` itself.
#[inline]
pub fn base_value(v: &Value) -> &Value {
    match v {
        Value::Instance(i) => i.base().unwrap_or(v),
        _ => v,
    }
}

/// Whether `v` is an instance of a Python subclass of a builtin value type.
#[inline]
pub fn has_base(v: &Value) -> bool {
    matches!(v, Value::Instance(i) if i.base().is_some())
}

/// Whether instances of `kind` are builtin values that a Python subclass wraps as its base.
pub fn is_value_kind(kind: TypeKind) -> bool {
    matches!(
        kind,
        TypeKind::Int | TypeKind::Float | TypeKind::Str | TypeKind::List | TypeKind::Tuple | TypeKind::Dict | TypeKind::Set | TypeKind::FrozenSet
    )
}

impl Vm {
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
