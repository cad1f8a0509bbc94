//! Builtin functions: print, len, sorted, min/max, isinstance, ...

use crate::vm::args::{arg_f64, arg_int};
use crate::builtins_table;
use crate::vm::args::Args;
use crate::vm::exceptions::{error, is_exc, stop_iteration, type_error, value_error, PyResult, Unwind};
use crate::vm::types::{intern, py_hash, Builtin, Class, Iter, IterState, Str};
use crate::vm::ops::{self, check_hashable, less_than};
use crate::vm::state::Vm;
use crate::vm::types::{self, types};
use crate::vm::value::Value;
use crate::lang::bytecode::BinKind;
use num_bigint::BigInt;
use num_traits::{Signed, Zero};
use std::cmp::Ordering;
use std::sync::Arc;

pub static FUNCTIONS: &[Builtin] = builtins_table![
    "print" => print,
    "len" => len,
    "abs" => abs,
    "all" => all,
    "any" => any,
    "ascii" => ascii,
    "bin" => bin,
    "callable" => callable,
    "chr" => chr,
    "delattr" => delattr,
    "dir" => dir,
    "divmod" => divmod,
    "enumerate" => enumerate,
    "exit" => exit,
    "filter" => filter,
    "format" => format,
    "getattr" => getattr,
    "globals" => globals,
    "hasattr" => hasattr,
    "hash" => hash,
    "hex" => hex,
    "id" => id,
    "input" => input,
    "isinstance" => isinstance,
    "issubclass" => issubclass,
    "iter" => iter,
    "locals" => locals,
    "map" => map,
    "max" => max,
    "min" => min,
    "next" => next,
    "oct" => oct,
    "open" => open,
    "ord" => ord,
    "pow" => pow,
    "quit" => exit,
    "repr" => repr,
    "reversed" => reversed,
    "round" => round,
    "setattr" => setattr,
    "sorted" => sorted,
    "sum" => sum,
    "vars" => vars,
    "__build_class__" => crate::vm::types::build_class_builtin,
    "zip" => zip,
];

fn print(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.only_kwargs("print", &["sep", "end", "file", "flush"])?;
    let sep = match args.kw("sep") {
        None | Some(Value::None) => " ".to_string(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(v) => return Err(type_error(format!("sep must be None or a string, not {}", v.type_name()))),
    };
    let end = match args.kw("end") {
        None | Some(Value::None) => "\n".to_string(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(v) => return Err(type_error(format!("end must be None or a string, not {}", v.type_name()))),
    };
    let mut text = String::new();
    for (i, a) in args.pos().iter().enumerate() {
        if i > 0 {
            text.push_str(&sep);
        }
        match a {
            Value::Str(s) => text.push_str(s.as_str()),
            Value::Int(n) => text.push_str(&n.to_string()),
            other => text.push_str(vm.to_str(other)?.as_str()),
        }
    }
    text.push_str(&end);
    match args.kw("file") {
        None | Some(Value::None) => match crate::vm::modules::replaced_stdout(vm) {
            Some(f) => crate::vm::modules::write_to_file(vm, &f, text)?,
            None => vm.rt.write_output(vm.tid, &text),
        },
        Some(f) => {
            let f = f.clone();
            crate::vm::modules::write_to_file(vm, &f, text)?;
        }
    }
    Ok(Value::None)
}

pub fn length(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(match v {
        Value::Str(s) => s.char_len(),
        Value::Bytes(b) => b.data.len(),
        Value::ByteArray(b) => b.len(),
        Value::List(l) => l.len(),
        Value::Tuple(t) => t.items.len(),
        Value::Dict(d) => d.lock().len(),
        Value::Set(s) => s.lock().len(),
        Value::Range(r) => r.len() as usize,
        Value::View(view) => view.dict.lock().len(),
        Value::Class(c) if c.meta_method("__len__").is_some() => {
            let m = c.meta_method("__len__").unwrap();
            match vm.call(&m, &[v.clone()])? {
                Value::Int(n) if n >= 0 => n as usize,
                other => return Err(type_error(format!("'{}' object cannot be interpreted as an integer", other.type_name()))),
            }
        }
        Value::Instance(i) => match i.class.lookup("__len__") {
            Some(m) => {
                let r = vm.call(&m, &[v.clone()])?;
                match r {
                    Value::Int(n) if n >= 0 => n as usize,
                    Value::Int(_) => return Err(value_error("__len__() should return >= 0")),
                    Value::Bool(b) => b as usize,
                    other => return Err(type_error(format!("'{}' object cannot be interpreted as an integer", other.type_name()))),
                }
            }
            None => return Err(type_error(format!("object of type '{}' has no len()", v.type_name()))),
        },
        _ => return Err(type_error(format!("object of type '{}' has no len()", v.type_name()))),
    })
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("len", 1)?;
    Ok(Value::Int(length(vm, &a[0])? as i64))
}

fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("abs", 1)?;
    Ok(match &a[0] {
        Value::Int(i) => i.checked_abs().map(Value::Int).unwrap_or_else(|| Value::bigint(BigInt::from(*i).abs())),
        Value::Bool(b) => Value::Int(*b as i64),
        Value::BigInt(b) => Value::bigint(b.abs()),
        Value::Float(f) => Value::Float(f.abs()),
        v @ Value::Instance(i) => match i.class.lookup("__abs__") {
            Some(m) => return vm.call(&m, &[v.clone()]),
            None => return Err(type_error(format!("bad operand type for abs(): '{}'", v.type_name()))),
        },
        v => return Err(type_error(format!("bad operand type for abs(): '{}'", v.type_name()))),
    })
}

fn all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("all", 1)?;
    let it = vm.get_iter(&a[0])?;
    while let Some(x) = vm.next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn any(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("any", 1)?;
    let it = vm.get_iter(&a[0])?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn ascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("ascii", 1)?;
    let r = vm.repr(&a[0])?;
    Ok(Value::string(crate::vm::types::ascii_escape(&r)))
}

fn int_radix(v: &Value, radix: u32, prefix: &str) -> PyResult<Value> {
    let b = types::to_bigint(v).ok_or_else(|| type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name())))?;
    let digits = b.magnitude().to_str_radix(radix);
    Ok(Value::string(format!("{}{}{}", if b.is_negative() { "-" } else { "" }, prefix, digits)))
}

fn bin(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    int_radix(&args.exact("bin", 1)?[0], 2, "0b")
}
fn oct(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    int_radix(&args.exact("oct", 1)?[0], 8, "0o")
}
fn hex(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    int_radix(&args.exact("hex", 1)?[0], 16, "0x")
}

pub fn is_callable(v: &Value) -> bool {
    match v {
        Value::Function(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_) => true,
        Value::Instance(i) => i.class.lookup("__call__").is_some(),
        _ => false,
    }
}

fn callable(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(is_callable(&args.exact("callable", 1)?[0])))
}

fn chr(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("chr", 1)?;
    let i = arg_int(&a[0])?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::string(c.to_string())),
        None => Err(value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("ord", 1)?;
    match &a[0] {
        Value::Str(s) => {
            if s.char_len() != 1 {
                return Err(type_error(format!("ord() expected a character, but string of length {} found", s.char_len())));
            }
            Ok(Value::Int(s.as_str().chars().next().unwrap() as i64))
        }
        v => Err(type_error(format!("ord() expected string of length 1, but {} found", v.type_name()))),
    }
}

fn attr_name(v: &Value, fname: &str) -> PyResult<Str> {
    match v {
        Value::Str(s) => Ok(intern(s.as_str())),
        other => Err(type_error(format!("{}(): attribute name must be string, not '{}'", fname, other.type_name()))),
    }
}

fn getattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.range("getattr", 2, 3)?;
    let name = attr_name(&a[1], "getattr")?;
    match vm.get_attr(&a[0], &name) {
        Ok(v) => Ok(v),
        Err(e) if a.len() == 3 && is_exc(&e, "AttributeError") => Ok(a[2].clone()),
        Err(e) => Err(e),
    }
}

fn hasattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("hasattr", 2)?;
    let name = attr_name(&a[1], "hasattr")?;
    match vm.get_attr(&a[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if is_exc(&e, "AttributeError") => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("setattr", 3)?;
    let name = attr_name(&a[1], "setattr")?;
    vm.set_attr(&a[0], &name, a[2].clone())?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("delattr", 2)?;
    let name = attr_name(&a[1], "delattr")?;
    vm.del_attr(&a[0], &name)?;
    Ok(Value::None)
}

fn dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.range("dir", 0, 1)?;
    let mut names: Vec<String> = Vec::new();
    match a.first() {
        None => {
            if let Some(m) = vm.current_module() {
                names = m.items().into_iter().map(|(k, _)| k.as_str().to_string()).collect();
            }
        }
        Some(Value::Module(m)) => names = m.items().into_iter().map(|(k, _)| k.as_str().to_string()).collect(),
        Some(v) => {
            if let Value::Instance(i) = v {
                names.extend(i.dict().entries.iter().map(|(k, _)| k.as_str().to_string()));
            }
            let cls = match v {
                Value::Class(c) => c.clone(),
                other => types().class_of(other),
            };
            let mut chain = vec![cls.clone()];
            chain.extend(cls.mro.iter().cloned());
            for c in chain {
                names.extend(c.own_entries().iter().map(|(k, _)| k.as_str().to_string()));
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(Value::list(names.into_iter().map(Value::string).collect()))
}

fn divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("divmod", 2)?;
    if let (Some(x), Some(y)) = (arg_f64(&a[0]), arg_f64(&a[1])) {
        if matches!(a[0], Value::Float(_)) || matches!(a[1], Value::Float(_)) {
            if y == 0.0 {
                return Err(error("ZeroDivisionError", "float divmod()"));
            }
            let (q, r) = types::float_divmod(x, y);
            return Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]));
        }
    }
    let q = ops::binary_op(vm, &a[0], &a[1], BinKind::FloorDiv)?;
    let r = ops::binary_op(vm, &a[0], &a[1], BinKind::Mod)?;
    Ok(Value::tuple(vec![q, r]))
}

fn enumerate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.only_kwargs("enumerate", &["iterable", "start"])?;
    let it = args.arg(0, "iterable").ok_or_else(|| type_error("enumerate() missing required argument 'iterable' (pos 1)"))?;
    let start = match args.arg(1, "start") {
        Some(v) => arg_int(v)?,
        None => 0,
    };
    let inner = vm.get_iter(it)?;
    Ok(Value::Iter(Arc::new(Iter::new(IterState::Enumerate { inner, count: start }))))
}

fn exit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.range("exit", 0, 1)?;
    let exc = crate::vm::exceptions::new_exception(types().exc("SystemExit"), a.to_vec());
    Err(Unwind::Exception(exc))
}

fn filter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("filter", 2)?;
    let inner = vm.get_iter(&a[1])?;
    Ok(Value::Iter(Arc::new(Iter::new(IterState::Filter { func: a[0].clone(), inner }))))
}

fn map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.pos();
    if a.len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let mut inners = Vec::new();
    for x in &a[1..] {
        inners.push(vm.get_iter(x)?);
    }
    Ok(Value::Iter(Arc::new(Iter::new(IterState::Map { func: a[0].clone(), inners }))))
}

fn zip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.only_kwargs("zip", &["strict"])?;
    let mut inners = Vec::new();
    for x in args.pos() {
        inners.push(vm.get_iter(x)?);
    }
    Ok(Value::Iter(Arc::new(Iter::new(IterState::Zip { inners }))))
}

fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.range("format", 1, 2)?;
    let spec = match a.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(v) => return Err(type_error(format!("format() argument 2 must be str, not {}", v.type_name()))),
        None => String::new(),
    };
    Ok(Value::string(vm.format(&a[0], &spec)?))
}

fn globals(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let items = vm.current_module().map(|m| m.items()).unwrap_or_default();
    Ok(crate::vm::types::dict_from_attrs(items))
}

fn locals(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let f = match vm.frames.last() {
        Some(f) => f,
        None => return Ok(crate::vm::types::dict_from_attrs(Vec::new())),
    };
    if f.func.code.code.kind == crate::lang::bytecode::CodeKind::Module {
        let items = f.func.module.items();
        return Ok(crate::vm::types::dict_from_attrs(items));
    }
    if let Some(ns) = &f.namespace {
        return Ok(crate::vm::types::dict_from_attrs(ns.entries.clone()));
    }
    let code = &f.func.code.code;
    let mut items = Vec::new();
    for (i, n) in code.varnames.iter().enumerate() {
        if let Some(v) = f.locals.get(i) {
            if !v.is_null() {
                items.push((intern(n), v.clone()));
            }
        }
    }
    let names = code.cellvars.iter().chain(code.freevars.iter());
    for (i, n) in names.enumerate() {
        let v = f.cells[i].value.get();
        if !v.is_null() {
            items.push((intern(n), v));
        }
    }
    Ok(crate::vm::types::dict_from_attrs(items))
}

fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("hash", 1)?;
    if let Value::Instance(i) = &a[0] {
        if let Some(m @ Value::Function(_)) = i.class.lookup("__hash__") {
            return vm.call(&m, &[a[0].clone()]);
        }
    }
    check_hashable(&a[0])?;
    Ok(Value::Int(py_hash(&a[0])))
}

fn id(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("id", 1)?;
    Ok(Value::Int(match &a[0] {
        Value::Int(i) => 0x7f00_0000_0000 + i.wrapping_mul(32),
        Value::Bool(b) => 0x7f10_0000_0000 + *b as i64 * 32,
        Value::None => 0x7f20_0000_0000,
        Value::Float(f) => (f.to_bits() >> 16) as i64,
        v => v.identity().unwrap_or(0) as i64,
    }))
}

fn input(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.range("input", 0, 1)?;
    if let Some(p) = a.first() {
        let text = vm.to_str(p)?;
        vm.rt.write_output(vm.tid, text.as_str());
    }
    Err(error("EOFError", "EOF when reading a line"))
}

/// `isinstance(obj, cls)` for one class.
pub fn instance_of(v: &Value, cls: &Class) -> bool {
    match v {
        Value::Instance(i) => i.class.is_subclass(cls),
        Value::Class(c) if c.meta.get().is_some() => types().class_of(v).is_subclass(cls),
        _ => types().builtin_class_of(v).is_subclass(cls),
    }
}

fn class_check(v: &Value, target: &Value, fname: &str, f: &dyn Fn(&Arc<Class>) -> bool) -> PyResult<bool> {
    match target {
        Value::Class(c) => Ok(f(c)),
        Value::Tuple(t) => {
            for x in t.items.iter() {
                if class_check(v, x, fname, f)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(type_error(format!("{}() arg 2 must be a type, a tuple of types, or a union", fname))),
    }
}

fn isinstance(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("isinstance", 2)?;
    let v = &a[0];
    if let Some(r) = metaclass_check(vm, v, &a[1], "__instancecheck__")? {
        return Ok(Value::Bool(r));
    }
    Ok(Value::Bool(class_check(v, &a[1], "isinstance", &|c| instance_of(v, c))?))
}

/// A metaclass's `__instancecheck__` / `__subclasscheck__` (abc.ABCMeta's `register()` and
/// `__subclasshook__`) for `target` or a tuple holding such classes; None when none applies.
fn metaclass_check(vm: &mut Vm, v: &Value, target: &Value, hook: &str) -> PyResult<Option<bool>> {
    match target {
        Value::Class(c) => match c.meta_method(hook) {
            Some(m) => {
                let r = vm.call(&m, &[target.clone(), v.clone()])?;
                Ok(Some(vm.truthy(&r)?))
            }
            None => Ok(None),
        },
        Value::Tuple(t) if t.items.iter().any(|x| matches!(x, Value::Class(c) if c.meta_method(hook).is_some())) => {
            for x in t.items.iter() {
                let hit = match metaclass_check(vm, v, x, hook)? {
                    Some(r) => r,
                    None => class_check(v, x, if hook == "__instancecheck__" { "isinstance" } else { "issubclass" }, &|c| match v {
                        Value::Class(s) if hook == "__subclasscheck__" => s.is_subclass(c),
                        _ => instance_of(v, c),
                    })?,
                };
                if hit {
                    return Ok(Some(true));
                }
            }
            Ok(Some(false))
        }
        _ => Ok(None),
    }
}

fn issubclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("issubclass", 2)?;
    if matches!(&a[0], Value::Class(_)) {
        if let Some(r) = metaclass_check(vm, &a[0], &a[1], "__subclasscheck__")? {
            return Ok(Value::Bool(r));
        }
    }
    let sub = match &a[0] {
        Value::Class(c) => c.clone(),
        _ => return Err(type_error("issubclass() arg 1 must be a class")),
    };
    Ok(Value::Bool(class_check(&a[0], &a[1], "issubclass", &|c| sub.is_subclass(c))?))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.range("iter", 1, 1)?;
    vm.get_iter(&a[0])
}

fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.range("next", 1, 2)?;
    match &a[0] {
        Value::Iter(_) | Value::Instance(_) => {}
        // A generator's StopIteration carries its return value.
        Value::Generator(g) if g.kind == crate::vm::types::GenKind::Generator => {
            return match (vm.gen_next_or_return(g)?, a.get(1)) {
                (Ok(v), _) => Ok(v),
                (Err(_), Some(d)) => Ok(d.clone()),
                (Err(r), None) => Err(crate::vm::types::stop_iteration_with(r)),
            };
        }
        v => return Err(type_error(format!("'{}' object is not an iterator", v.type_name()))),
    }
    match vm.next(&a[0])? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(stop_iteration()),
        },
    }
}

fn extreme(vm: &mut Vm, args: Args, fname: &str, want: Ordering) -> PyResult<Value> {
    args.only_kwargs(fname, &["key", "default"])?;
    let key = args.kw("key").filter(|k| !k.is_none()).cloned();
    let pos = args.pos();
    let items = match pos.len() {
        0 => return Err(type_error(format!("{} expected at least 1 argument, got 0", fname))),
        1 => vm.collect(&pos[0])?,
        _ => {
            if args.kw("default").is_some() {
                return Err(type_error(format!("Cannot specify a default for {}() with multiple positional arguments", fname)));
            }
            pos.to_vec()
        }
    };
    if items.is_empty() {
        return match args.kw("default") {
            Some(d) => Ok(d.clone()),
            None => Err(value_error(format!("{}() arg is an empty sequence", fname))),
        };
    }
    let mut best = items[0].clone();
    let mut best_key = match &key {
        Some(k) => vm.call(k, &[best.clone()])?,
        None => best.clone(),
    };
    for x in &items[1..] {
        let k = match &key {
            Some(kf) => vm.call(kf, &[x.clone()])?,
            None => x.clone(),
        };
        let better = if want == Ordering::Greater { less_than(vm, &best_key, &k)? } else { less_than(vm, &k, &best_key)? };
        if better {
            best = x.clone();
            best_key = k;
        }
    }
    Ok(best)
}

fn max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    extreme(vm, args, "max", Ordering::Greater)
}
fn min(vm: &mut Vm, args: Args) -> PyResult<Value> {
    extreme(vm, args, "min", Ordering::Less)
}

fn open(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(error("NotImplementedError", "open() is not supported by threadlab"))
}

fn pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.only_kwargs("pow", &["base", "exp", "mod"])?;
    let base = args.arg(0, "base").ok_or_else(|| type_error("pow() missing required argument 'base' (pos 1)"))?;
    let exp = args.arg(1, "exp").ok_or_else(|| type_error("pow() missing required argument 'exp' (pos 2)"))?;
    match args.arg(2, "mod") {
        None | Some(Value::None) => ops::binary_op(vm, base, exp, BinKind::Pow),
        Some(m) => {
            let (b, e, m) = match (types::to_bigint(base), types::to_bigint(exp), types::to_bigint(m)) {
                (Some(b), Some(e), Some(m)) => (b, e, m),
                _ => return Err(type_error("pow() 3rd argument not allowed unless all arguments are integers")),
            };
            if m.is_zero() {
                return Err(value_error("pow() 3rd argument cannot be 0"));
            }
            if e.is_negative() {
                return Err(value_error("base is not invertible for the given modulus"));
            }
            let r = b.modpow(&e, &m);
            let r = if !r.is_zero() && (r.is_negative() != m.is_negative()) { r + &m } else { r };
            Ok(Value::bigint(r))
        }
    }
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("repr", 1)?;
    Ok(Value::string(vm.repr(&a[0])?))
}

fn reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("reversed", 1)?;
    let (items, kind) = match &a[0] {
        Value::List(l) => (l.snapshot(), "list_reverseiterator"),
        Value::Tuple(t) => (t.items.to_vec(), "reversed"),
        Value::Str(_) => (vm.collect(&a[0])?, "reversed"),
        Value::Range(r) => ((0..r.len()).map(|i| Value::Int(r.get(i))).collect(), "range_iterator"),
        Value::Dict(d) => (d.lock().keys(), "dict_reversekeyiterator"),
        Value::View(_) => (vm.collect(&a[0])?, "dict_reversekeyiterator"),
        v @ Value::Instance(i) => {
            if let Some(m) = i.class.lookup("__reversed__") {
                return vm.call(&m, &[v.clone()]);
            }
            if i.class.lookup("__len__").is_some() && i.class.lookup("__getitem__").is_some() {
                (vm.collect(v)?, "reversed")
            } else {
                return Err(type_error(format!("'{}' object is not reversible", v.type_name())));
            }
        }
        v => return Err(type_error(format!("'{}' object is not reversible", v.type_name()))),
    };
    let mut items = items;
    items.reverse();
    Ok(Value::Iter(Arc::new(Iter::new(IterState::Vec { items, index: 0, kind }))))
}

/// round() with CPython's semantics (ties to even; decimal rounding of floats via the shortest
/// correctly rounded representation).
fn round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.only_kwargs("round", &["number", "ndigits"])?;
    let x = args.arg(0, "number").ok_or_else(|| type_error("round() missing required argument 'number' (pos 1)"))?;
    let nd = args.arg(1, "ndigits").filter(|v| !v.is_none());
    let x = types::unwrap_unless(x, "__round__");
    match x {
        Value::Float(f) => match nd {
            None => {
                if f.is_nan() {
                    return Err(value_error("cannot convert float NaN to integer"));
                }
                if f.is_infinite() {
                    return Err(error("OverflowError", "cannot convert float infinity to integer"));
                }
                let r = f.round_ties_even();
                if r.abs() < 9.2e18 {
                    Ok(Value::Int(r as i64))
                } else {
                    Ok(Value::bigint(num_traits::FromPrimitive::from_f64(r).unwrap_or_default()))
                }
            }
            Some(n) => {
                let n = arg_int(n)?;
                if !f.is_finite() {
                    return Ok(Value::Float(*f));
                }
                if n >= 0 {
                    if n > 300 {
                        return Ok(Value::Float(*f));
                    }
                    let s = format!("{:.*}", n as usize, f);
                    Ok(Value::Float(s.parse::<f64>().unwrap_or(*f)))
                } else {
                    let p = 10f64.powi((-n) as i32);
                    if !p.is_finite() {
                        return Ok(Value::Float(0.0f64.copysign(*f)));
                    }
                    Ok(Value::Float((f / p).round_ties_even() * p))
                }
            }
        },
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => match nd {
            None => Ok(match x {
                Value::Bool(b) => Value::Int(*b as i64),
                _ => x.clone(),
            }),
            Some(n) => {
                let n = arg_int(n)?;
                if n >= 0 {
                    return Ok(match x {
                        Value::Bool(b) => Value::Int(*b as i64),
                        _ => x.clone(),
                    });
                }
                let v = types::to_bigint(x).unwrap();
                let p = num_traits::pow(BigInt::from(10), (-n) as usize);
                let (q, r) = num_integer::Integer::div_mod_floor(&v, &p);
                let twice: BigInt = &r * 2;
                let q = match twice.cmp(&p) {
                    Ordering::Greater => q + 1,
                    Ordering::Equal => {
                        if num_integer::Integer::is_odd(&q) {
                            q + 1
                        } else {
                            q
                        }
                    }
                    Ordering::Less => q,
                };
                Ok(Value::bigint(q * p))
            }
        },
        v @ Value::Instance(i) => match i.class.lookup("__round__") {
            Some(m) => {
                let mut a = vec![v.clone()];
                if let Some(n) = nd {
                    a.push(n.clone());
                }
                vm.call(&m, &a)
            }
            None => Err(type_error(format!("type {} doesn't define __round__ method", v.type_name()))),
        },
        v => Err(type_error(format!("type {} doesn't define __round__ method", v.type_name()))),
    }
}

fn sorted(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.only_kwargs("sorted", &["key", "reverse"])?;
    let pos = args.pos();
    if pos.len() != 1 {
        return Err(type_error(format!("sorted expected 1 argument, got {}", pos.len())));
    }
    let items = vm.collect(&pos[0])?;
    let key = args.kw("key").cloned();
    let reverse = match args.kw("reverse") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    let items = crate::vm::types::sort_values(vm, items, key.as_ref(), reverse)?;
    Ok(Value::list(items))
}

fn sum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.only_kwargs("sum", &["start"])?;
    let pos = args.pos();
    if pos.is_empty() || pos.len() > 2 {
        return Err(type_error(format!("sum() takes at most 2 arguments ({} given)", pos.len())));
    }
    let start = pos.get(1).or_else(|| args.kw("start")).cloned().unwrap_or(Value::Int(0));
    if let Value::Str(_) = start {
        return Err(type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let items = vm.collect(&pos[0])?;
    let mut acc = start;
    for x in items {
        if let (Value::Int(a), Value::Int(b)) = (&acc, &x) {
            if let Some(r) = a.checked_add(*b) {
                acc = Value::Int(r);
                continue;
            }
        }
        if let (Value::Float(a), Value::Float(b)) = (&acc, &x) {
            acc = Value::Float(a + b);
            continue;
        }
        acc = ops::binary_op(vm, &acc, &x, BinKind::Add)?;
    }
    Ok(acc)
}

fn vars(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.range("vars", 0, 1)?;
    match a.first() {
        None => locals(vm, args),
        Some(v) => match vm.get_attr_opt(v, "__dict__")? {
            Some(d) => Ok(d),
            None => Err(type_error("vars() argument must have __dict__ attribute")),
        },
    }
}
