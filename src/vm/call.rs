//! Calling: binding arguments to parameters, pushing frames, calling builtins, classes and
//! bound methods, and re-entering the interpreter from Rust.

use super::args::Args;
use super::exceptions::{error, type_error, PyResult};
use super::frame::{Frame, OnReturn};
use super::eval::Called;
use super::types::{intern, Cell, Class, Dict, DictMap, Function, Instance, Str, Wrapper};
use super::ops::hash_key;
use super::state::Vm;
use super::value::Value;
use std::sync::{Arc, Mutex, OnceLock};

/// How deep builtins may nest calls back into Python before `RecursionError` (each nesting uses
/// Rust stack).
pub(crate) const MAX_NATIVE_DEPTH: usize = 160;

impl Vm {
    /// Calls the value at `stack[ci]` with `stack[ci+1..]` as arguments (the last
    /// `kwnames.len()` of them keyword values). For a Python function this pushes its frame and
    /// removes the call from the caller's stack; otherwise it returns the result and leaves the
    /// stack for the caller to truncate.
    pub(crate) fn call_on_stack(&mut self, fr: *mut Frame, ci: usize, kwnames: &[Value]) -> PyResult<Called> {
        // SAFETY: `fr` is the boxed top frame; no frame is pushed before the last use.
        let f = unsafe { &mut *fr };
        // Fast path: a plain function called with exactly its positional parameters; the
        // arguments (and the function reference) move from the caller's stack into the frame.
        if let Value::Function(func) = &f.stack[ci] {
            let co = &func.code;
            if kwnames.is_empty() && co.simple_call && f.stack.len() - ci - 1 == co.code.argcount as usize {
                let nlocals = co.code.nlocals as usize;
                let func = match std::mem::replace(&mut f.stack[ci], Value::Null) {
                    Value::Function(func) => func,
                    _ => unreachable!(),
                };
                let mut frame = self.alloc_frame_owned(func);
                Value::move_tail(&mut f.stack, ci + 1, &mut frame.locals);
                frame.locals.resize(nlocals, Value::Null);
                f.stack.truncate(ci);
                self.push_frame(frame)?;
                return Ok(Called::Frame);
            }
        }
        match &f.stack[ci] {
            Value::Function(func) => {
                let func = func.clone();
                let frame = self.bind_frame(&func, &f.stack[ci + 1..], kwnames)?;
                f.stack.truncate(ci);
                self.enter_frame(&func, frame)
            }
            Value::Method(m) if matches!(m.func, Value::Function(_)) => {
                let (receiver, func) = match (&m.receiver, &m.func) {
                    (r, Value::Function(func)) => (r.clone(), func.clone()),
                    _ => unreachable!(),
                };
                f.stack[ci] = receiver;
                let frame = self.bind_frame(&func, &f.stack[ci..], kwnames)?;
                f.stack.truncate(ci);
                self.enter_frame(&func, frame)
            }
            Value::Class(cls)
                if cls.kind == super::types::TypeKind::Object && cls.find_native_new().is_none() && !cls.has_python_new() && cls.meta.get().is_none() =>
            {
                // A plain user class: make the instance, then run a Python `__init__` as a frame.
                let cls = cls.clone();
                let inst = Value::Instance(Arc::new(Instance::new(cls.clone())));
                match cls.lookup("__init__") {
                    Some(Value::Function(init)) => {
                        f.stack[ci] = inst.clone();
                        let mut frame = self.bind_frame(&init, &f.stack[ci..], kwnames)?;
                        frame.on_return = OnReturn::Instance(inst);
                        f.stack.truncate(ci);
                        self.push_frame(frame)?;
                        Ok(Called::Frame)
                    }
                    _ => {
                        let stack = std::mem::take(&mut f.stack);
                        let r = self.init_instance(&cls, inst, Args::new(&stack[ci + 1..], kwnames));
                        f.stack = stack;
                        Ok(Called::Value(r?))
                    }
                }
            }
            Value::Builtin(b) => {
                let b = *b;
                let stack = std::mem::take(&mut f.stack);
                // A green thread's outermost loop can park on this call (`green.rs`).
                self.park.ok = self.native_depth == 0;
                let r = (b.f)(self, Args::new(&stack[ci + 1..], kwnames));
                self.park.ok = false;
                f.stack = stack;
                Ok(Called::Value(r?))
            }
            Value::Method(m) if matches!(m.func, Value::Builtin(_)) => {
                let (receiver, b) = match (&m.receiver, &m.func) {
                    (r, Value::Builtin(b)) => (r.clone(), *b),
                    _ => unreachable!(),
                };
                f.stack[ci] = receiver;
                let stack = std::mem::take(&mut f.stack);
                self.park.ok = self.native_depth == 0;
                let r = (b.f)(self, Args::new(&stack[ci..], kwnames));
                self.park.ok = false;
                f.stack = stack;
                Ok(Called::Value(r?))
            }
            other => {
                let callee = other.clone();
                let stack = std::mem::take(&mut f.stack);
                let r = self.call_args(&callee, Args::new(&stack[ci + 1..], kwnames));
                f.stack = stack;
                Ok(Called::Value(r?))
            }
        }
    }

    /// A call's bound frame: pushed to run next, or, for a generator function, made the
    /// generator that the call returns.
    fn enter_frame(&mut self, func: &Function, frame: Box<Frame>) -> PyResult<Called> {
        if func.code.code.flags != 0 {
            return Ok(Called::Value(self.make_generator(func, frame)));
        }
        self.push_frame(frame)?;
        Ok(Called::Frame)
    }

    /// Pushes a bound frame, checking the recursion limit.
    pub(crate) fn push_frame(&mut self, frame: Box<Frame>) -> PyResult<()> {
        if self.frames.len() >= self.recursion_limit() {
            self.recycle(frame);
            return Err(error("RecursionError", "maximum recursion depth exceeded"));
        }
        self.frames.push(frame);
        Ok(())
    }

    fn alloc_frame_owned(&mut self, func: Arc<Function>) -> Box<Frame> {
        match self.pool.pop() {
            Some(mut f) => {
                f.func = func;
                f.pc = 0;
                f.on_return = OnReturn::Value;
                f
            }
            None => Box::new(Frame::new(func)),
        }
    }

    fn alloc_frame(&mut self, func: &Arc<Function>) -> Box<Frame> {
        match self.pool.pop() {
            Some(mut f) => {
                f.func = func.clone();
                f.pc = 0;
                f.on_return = OnReturn::Value;
                f
            }
            None => Box::new(Frame::new(func.clone())),
        }
    }

    /// A new frame for `func` with `args` (positional values, then keyword values named by
    /// `kwnames`) bound to its parameters, as CPython binds them.
    pub(crate) fn bind_frame(&mut self, func: &Arc<Function>, args: &[Value], kwnames: &[Value]) -> PyResult<Box<Frame>> {
        let code = &func.code.code;
        let argcount = code.argcount as usize;
        let nlocals = code.nlocals as usize;
        let mut frame = self.alloc_frame(func);
        let npos = args.len() - kwnames.len();
        let simple = kwnames.is_empty() && !code.has_varargs && !code.has_varkw && code.kwonlycount == 0;
        if simple && npos == argcount {
            frame.locals.extend_from_slice(args);
            frame.locals.resize(nlocals, Value::Null);
        } else {
            frame.locals.resize(nlocals, Value::Null);
            if let Err(e) = bind_general(func, &mut frame.locals, args, kwnames) {
                self.recycle(frame);
                return Err(e);
            }
        }
        if !code.cellvars.is_empty() || !code.freevars.is_empty() {
            for _ in 0..code.cellvars.len() {
                frame.cells.push(Arc::new(Cell::new(Value::Null)));
            }
            for &(li, ci) in &code.cell_params {
                let v = std::mem::replace(&mut frame.locals[li as usize], Value::Null);
                frame.cells[ci as usize].value.replace(v);
            }
            frame.cells.extend(func.closure.iter().cloned());
        }
        Ok(frame)
    }

    /// Calls a callable from Rust with positional arguments.
    pub fn call(&mut self, callee: &Value, args: &[Value]) -> PyResult<Value> {
        self.call_args(callee, Args::positional(args))
    }

    /// Calls a callable from Rust with keyword arguments given as names.
    pub fn call_with_kwargs(&mut self, callee: &Value, mut args: Vec<Value>, kwargs: Vec<(String, Value)>) -> PyResult<Value> {
        let mut names = Vec::with_capacity(kwargs.len());
        for (k, v) in kwargs {
            names.push(Value::Str(intern(&k)));
            args.push(v);
        }
        self.call_args(callee, Args::new(&args, &names))
    }

    /// Calls any callable with `args`, re-entering the interpreter for Python code.
    pub fn call_args(&mut self, callee: &Value, args: Args) -> PyResult<Value> {
        // Called from Rust: whatever this calls cannot park the thread (`green.rs`).
        self.park.ok = false;
        match callee {
            Value::Function(func) => {
                let frame = self.bind_frame(func, args.all, args.kwnames)?;
                if func.code.code.flags != 0 {
                    return Ok(self.make_generator(func, frame));
                }
                self.run_frame(frame)
            }
            Value::Builtin(b) => (b.f)(self, args),
            Value::Method(m) => {
                let mut all = Vec::with_capacity(args.all.len() + 1);
                all.push(m.receiver.clone());
                all.extend_from_slice(args.all);
                let func = m.func.clone();
                self.call_args(&func, Args::new(&all, args.kwnames))
            }
            Value::Class(cls) => self.call_class(cls, args),
            Value::Instance(inst) => match inst.class.lookup("__call__") {
                Some(f) => {
                    let mut all = Vec::with_capacity(args.all.len() + 1);
                    all.push(callee.clone());
                    all.extend_from_slice(args.all);
                    self.call_args(&f, Args::new(&all, args.kwnames))
                }
                None => Err(type_error(format!("'{}' object is not callable", callee.type_name()))),
            },
            Value::Wrapper(w) => match &**w {
                Wrapper::StaticMethod(f) => {
                    let f = f.clone();
                    self.call_args(&f, args)
                }
                _ => Err(type_error(format!("'{}' object is not callable", callee.type_name()))),
            },
            _ => Err(type_error(format!("'{}' object is not callable", callee.type_name()))),
        }
    }

    /// Runs a bound frame to completion from Rust (a builtin calling back into Python).
    pub(crate) fn run_frame(&mut self, frame: Box<Frame>) -> PyResult<Value> {
        if self.native_depth >= MAX_NATIVE_DEPTH || crate::runtime::stack::stack_exhausted() {
            self.recycle(frame);
            return Err(error("RecursionError", "maximum recursion depth exceeded"));
        }
        let base = self.frames.len();
        self.push_frame(frame)?;
        self.native_depth += 1;
        let r = self.execute(base);
        self.native_depth -= 1;
        r
    }

    /// `cls(*args)`: builtin types convert, exception classes set `args`, user classes make an
    /// instance and run `__init__`.
    pub fn call_class(&mut self, cls: &Arc<Class>, args: Args) -> PyResult<Value> {
        // A metaclass's `__call__` (Python code) decides what calling its classes does.
        if let Some(meta) = cls.meta.get() {
            if let Some(call @ Value::Function(_)) = meta.lookup("__call__") {
                let mut all = Vec::with_capacity(args.all.len() + 1);
                all.push(Value::Class(cls.clone()));
                all.extend_from_slice(args.all);
                return self.call_args(&call, Args::new(&all, args.kwnames));
            }
        }
        self.call_class_default(cls, args)
    }

    /// `type.__call__`: `__new__`, then `__init__` on an instance of `cls`.
    pub(crate) fn call_class_default(&mut self, cls: &Arc<Class>, args: Args) -> PyResult<Value> {
        use super::types::TypeKind;
        if cls.has_python_new() {
            if let Some(Value::Wrapper(w)) = cls.lookup("__new__") {
                if let super::types::Wrapper::StaticMethod(new) = &*w {
                    let mut all = Vec::with_capacity(args.all.len() + 1);
                    all.push(Value::Class(cls.clone()));
                    all.extend_from_slice(args.all);
                    let inst = self.call_args(new, Args::new(&all, args.kwnames))?;
                    // __init__ runs only on an instance of the class called, as in CPython.
                    let of_cls = super::types::types().class_of(&inst).is_subclass(cls);
                    if of_cls {
                        return self.run_init(cls, inst, args);
                    }
                    return Ok(inst);
                }
            }
        }
        if super::types::is_value_kind(cls.kind) && cls.module.as_str() != "builtins" {
            // A Python subclass of a builtin value type (`class L(list)`).
            let inst = super::types::new_value_instance(self, cls, args)?;
            return self.run_init(cls, inst, args);
        }
        if let Some(new) = cls.find_native_new() {
            // The class's own __init__ runs after (a Python subclass's, or the native class's).
            let inst = new(self, cls, args)?;
            return self.run_init(cls, inst, args);
        }
        match cls.kind {
            TypeKind::Type if !Arc::ptr_eq(cls, &super::types::types().type_) => {
                // A metaclass without a Python __new__: type.__new__(cls, ...), then __init__.
                let mut all = Vec::with_capacity(args.all.len() + 1);
                all.push(Value::Class(cls.clone()));
                all.extend_from_slice(args.all);
                let new = Value::Builtin(&super::types::TYPE_DUNDER_NEW);
                let inst = self.call_args(&new, Args::new(&all, args.kwnames))?;
                self.run_init(cls, inst, args)
            }
            TypeKind::Object | TypeKind::Exception => {
                let inst = Value::Instance(Arc::new(Instance::new(cls.clone())));
                if cls.kind == TypeKind::Exception {
                    super::exceptions::with_state(&inst, |st| st.args = Value::tuple(args.pos().to_vec()));
                }
                self.init_instance(cls, inst, args)
            }
            _ => super::types::construct_builtin(self, cls, args),
        }
    }

    /// Runs the class's `__init__` on a new instance unless it is `object.__init__` (which a
    /// constructor that took the arguments makes redundant); returns the instance.
    fn run_init(&mut self, cls: &Arc<Class>, inst: Value, args: Args) -> PyResult<Value> {
        if let Some(init) = cls.lookup("__init__").filter(|i| !super::types::is_object_init(i)) {
            let mut all = Vec::with_capacity(args.all.len() + 1);
            all.push(inst.clone());
            all.extend_from_slice(args.all);
            let r = self.call_args(&init, Args::new(&all, args.kwnames))?;
            if !r.is_none() {
                return Err(type_error(format!("__init__() should return None, not '{}'", r.type_name())));
            }
        }
        Ok(inst)
    }

    /// Runs `__init__` (found on the MRO) on a new instance.
    fn init_instance(&mut self, cls: &Arc<Class>, inst: Value, args: Args) -> PyResult<Value> {
        match cls.lookup("__init__") {
            Some(init) => {
                let mut all = Vec::with_capacity(args.all.len() + 1);
                all.push(inst.clone());
                all.extend_from_slice(args.all);
                let r = self.call_args(&init, Args::new(&all, args.kwnames))?;
                if !r.is_none() {
                    return Err(type_error(format!("__init__() should return None, not '{}'", r.type_name())));
                }
                Ok(inst)
            }
            None => {
                if args.all.len() > 0 && cls.kind == super::types::TypeKind::Object {
                    return Err(type_error(format!("{}() takes no arguments", cls.name.as_str())));
                }
                Ok(inst)
            }
        }
    }

    /// `MAKE_FUNCTION`: a function over `code` capturing the current frame's cells.
    pub(crate) fn make_function(
        &mut self,
        fr: *mut Frame,
        code: Arc<super::types::CodeObj>,
        defaults: Option<Value>,
        kwdefaults: Option<Value>,
    ) -> Value {
        // SAFETY: `fr` is the boxed top frame.
        let f = unsafe { &*fr };
        let closure: Vec<Arc<Cell>> = code.code.free_sources.iter().map(|&i| f.cells[i as usize].clone()).collect();
        let defaults = match defaults {
            Some(Value::Tuple(t)) => t.items.clone(),
            _ => Box::new([]),
        };
        let kwdefaults: Vec<(Str, Value)> = match kwdefaults {
            Some(Value::Dict(d)) => d
                .lock()
                .items()
                .into_iter()
                .filter_map(|(k, v)| match k {
                    Value::Str(s) => Some((intern(s.as_str()), v)),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        Value::Function(Arc::new(Function {
            name: code.name.clone(),
            qualname: code.qualname.clone(),
            module: f.func.module.clone(),
            code,
            defaults,
            kwdefaults: kwdefaults.into_boxed_slice(),
            closure: closure.into_boxed_slice(),
            class: OnceLock::new(),
            attrs: Mutex::new(Default::default()),
        }))
    }
}

/// Full CPython argument binding: positional, *args, keywords, **kwargs, defaults.
fn bind_general(func: &Function, locals: &mut [Value], args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    let code = &func.code.code;
    let qual = func.qualname.as_str();
    let argcount = code.argcount as usize;
    let kwonly = code.kwonlycount as usize;
    let npos = args.len() - kwnames.len();
    let varargs_i = argcount + kwonly;
    let varkw_i = varargs_i + code.has_varargs as usize;
    for i in 0..npos.min(argcount) {
        locals[i] = args[i].clone();
    }
    if npos > argcount {
        if code.has_varargs {
            locals[varargs_i] = Value::tuple(args[argcount..npos].to_vec());
        } else {
            return Err(too_many_positional(func, npos));
        }
    } else if code.has_varargs {
        locals[varargs_i] = Value::tuple(Vec::new());
    }
    let mut varkw = if code.has_varkw { Some(DictMap::default()) } else { None };
    for (k, v) in kwnames.iter().zip(args[npos..].iter()) {
        let name = k.as_str().unwrap_or("");
        let idx = code.varnames[..argcount + kwonly].iter().position(|n| n == name);
        match idx {
            Some(i) => {
                if !locals[i].is_null() {
                    return Err(type_error(format!("{}() got multiple values for argument '{}'", qual, name)));
                }
                locals[i] = v.clone();
            }
            None => match &mut varkw {
                Some(m) => {
                    m.insert(hash_key(k)?, v.clone());
                }
                None => {
                    return Err(type_error(format!("{}() got an unexpected keyword argument '{}'", qual, name)));
                }
            },
        }
    }
    if let Some(m) = varkw {
        locals[varkw_i] = Value::Dict(Arc::new(Dict::new(m)));
    }
    // Defaults for missing positional parameters.
    let ndef = func.defaults.len();
    let mut missing = Vec::new();
    for i in npos.min(argcount)..argcount {
        if locals[i].is_null() {
            if i + ndef >= argcount {
                locals[i] = func.defaults[i + ndef - argcount].clone();
            } else {
                missing.push(code.varnames[i].clone());
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_args(qual, &missing, "positional"));
    }
    for i in argcount..argcount + kwonly {
        if locals[i].is_null() {
            let name = &code.varnames[i];
            match func.kwdefaults.iter().find(|(k, _)| k.as_str() == name) {
                Some((_, v)) => locals[i] = v.clone(),
                None => missing.push(name.clone()),
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_args(qual, &missing, "keyword-only"));
    }
    Ok(())
}

fn too_many_positional(func: &Function, given: usize) -> super::exceptions::Unwind {
    let code = &func.code.code;
    let argcount = code.argcount as usize;
    let ndef = func.defaults.len();
    let takes = if ndef > 0 {
        format!("from {} to {} positional arguments", argcount - ndef, argcount)
    } else {
        format!("{} positional argument{}", argcount, if argcount == 1 { "" } else { "s" })
    };
    let was = if given == 1 { "was" } else { "were" };
    type_error(format!("{}() takes {} but {} {} given", func.qualname.as_str(), takes, given, was))
}

fn missing_args(qual: &str, missing: &[String], kind: &str) -> super::exceptions::Unwind {
    let quoted: Vec<String> = missing.iter().map(|m| format!("'{}'", m)).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    type_error(format!(
        "{}() missing {} required {} argument{}: {}",
        qual,
        missing.len(),
        kind,
        if missing.len() == 1 { "" } else { "s" },
        list
    ))
}
