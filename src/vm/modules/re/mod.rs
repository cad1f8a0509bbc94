//! `_sre`: the regular-expression engine under `re` (pylib/re.py holds the Python surface:
//! Pattern, Match, the module functions, templates). Written in Rust without a crate: the
//! `regex` crate has no backtracking (backreferences, lookarounds, sre's match order).
//! - parser.rs: pattern text -> tree, with sre's error messages and positions;
//! - matcher.rs: tree -> instructions, and the backtracking matcher;
//! - here: compile / search / scan as builtins, with the subject as code points.

mod matcher;
mod parser;

use crate::builtins_table;
use crate::runtime::Interrupt;
use crate::vm::args::{arg_int, Args};
use crate::vm::exceptions::{type_error, PyResult, Unwind};
use crate::vm::state::Vm;
use crate::vm::types::{bytes_like, make_class_in, types, Builtin, Class, Instance, TypeKind};
use crate::vm::value::Value;
use matcher::{Matcher, Outcome, Program, UNSET};
use std::cell::Cell;
use std::sync::atomic::Ordering;
use std::sync::{Arc, OnceLock};

static FUNCS: &[Builtin] = builtins_table![
    "compile" => compile,
    "info" => info,
    "search" => search,
    "scan" => scan,
];

pub fn create(_vm: &mut Vm) -> PyResult<Value> {
    let mut attrs: Vec<(&str, Value)> = FUNCS.iter().map(|b| (b.name, Value::Builtin(b))).collect();
    attrs.push(("MAXREPEAT", Value::Int(4294967295)));
    attrs.push(("MAXGROUPS", Value::Int(1073741823)));
    Ok(super::native_module("_sre", attrs))
}

/// A compiled pattern (the payload of `_sre.Program`; immutable, so threads share it freely).
struct Compiled {
    prog: Program,
    groups: usize,
    names: Vec<(String, usize)>,
    flags: u32,
    bytes: bool,
}

fn program_class() -> &'static Arc<Class> {
    static CLS: OnceLock<Arc<Class>> = OnceLock::new();
    CLS.get_or_init(|| make_class_in("_sre", "Program", &[types().object.clone()], TypeKind::Native, &[], None))
}

fn compiled(v: &Value) -> PyResult<&Compiled> {
    match v {
        Value::Instance(i) => i.payload::<Compiled>().ok_or_else(|| type_error("expected a compiled pattern")),
        _ => Err(type_error("expected a compiled pattern")),
    }
}

/// The code points of a pattern or subject, and whether it is bytes.
fn units(v: &Value) -> Option<(Vec<u32>, bool)> {
    match v {
        Value::Str(s) => Some((s.as_str().chars().map(|c| c as u32).collect(), false)),
        other => bytes_like(other).map(|b| (b.iter().map(|&c| c as u32).collect(), true)),
    }
}

/// `compile(pattern, flags, error_cls)`.
fn compile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("compile", 3)?;
    let (pat, bytes) = units(&a[0]).ok_or_else(|| type_error("first argument must be string or compiled pattern"))?;
    let mut flags = arg_int(&a[1])? as u32;
    if !bytes && flags & parser::FLAG_A == 0 {
        flags |= parser::FLAG_U;
    }
    if bytes && flags & parser::FLAG_U != 0 {
        return Err(crate::vm::exceptions::value_error("cannot use UNICODE flag with a bytes pattern"));
    }
    let raise = |vm: &mut Vm, msg: String, pos: Option<usize>| -> Unwind {
        // sre names the pattern only in errors that have a position.
        let (pattern, pos) = match pos {
            Some(p) => (a[0].clone(), Value::Int(p as i64)),
            None => (Value::None, Value::None),
        };
        match vm.call(&a[2], &[Value::string(msg), pattern, pos]) {
            Ok(e) => Unwind::Exception(e),
            Err(e) => e,
        }
    };
    let parsed = match parser::parse(&pat, flags, bytes) {
        Ok(p) => p,
        Err(e) => return Err(raise(vm, e.msg, e.pos)),
    };
    let prog = match matcher::compile(&parsed.node, parsed.groups) {
        Ok(p) => p,
        Err(msg) => return Err(raise(vm, msg, None)),
    };
    let c = Compiled { prog, groups: parsed.groups, names: parsed.names, flags: parsed.flags | flags, bytes };
    Ok(Value::Instance(Arc::new(Instance::with_payload(program_class().clone(), Box::new(c)))))
}

/// `info(prog)`: (groups, [(name, index), ...], flags).
fn info(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("info", 1)?;
    let c = compiled(&a[0])?;
    let names = c.names.iter().map(|(n, i)| Value::tuple(vec![Value::str(n), Value::Int(*i as i64)])).collect();
    Ok(Value::tuple(vec![Value::Int(c.groups as i64), Value::list(names), Value::Int(c.flags as i64)]))
}

thread_local! {
    /// The last str subject's code points, with the str itself (so it stays alive and its
    /// address names it): a scanner calling `match(text, pos)` in a loop converts `text` once.
    static LAST_SUBJECT: std::cell::RefCell<Option<(Value, Arc<Vec<u32>>)>> = const { std::cell::RefCell::new(None) };
}

fn subject(c: &Compiled, v: &Value) -> PyResult<Arc<Vec<u32>>> {
    if let Value::Str(text) = v {
        let hit = LAST_SUBJECT.with(|last| match &*last.borrow() {
            Some((Value::Str(t), units)) if Arc::ptr_eq(t, text) => Some(units.clone()),
            _ => None,
        });
        if let Some(units) = hit {
            if c.bytes {
                return Err(type_error("cannot use a bytes pattern on a string-like object"));
            }
            return Ok(units);
        }
    }
    let (s, bytes) = units(v).ok_or_else(|| type_error(format!("expected string or bytes-like object, got '{}'", v.type_name())))?;
    if bytes != c.bytes {
        return Err(type_error(if c.bytes {
            "cannot use a bytes pattern on a string-like object"
        } else {
            "cannot use a string pattern on a bytes-like object"
        }));
    }
    let s = Arc::new(s);
    // Only long strings are worth keeping (and keeping alive).
    if matches!(v, Value::Str(_)) && s.len() >= 256 {
        LAST_SUBJECT.with(|last| *last.borrow_mut() = Some((v.clone(), s.clone())));
    }
    Ok(s)
}

/// `pos`/`endpos` clamped as sre does.
fn bounds(len: usize, pos: &Value, endpos: &Value) -> PyResult<(usize, usize)> {
    let p = arg_int(pos)?.clamp(0, len as i64) as usize;
    let e = match endpos {
        Value::None => len,
        v => arg_int(v)?.clamp(0, len as i64) as usize,
    };
    Ok((p, e))
}

fn spans(slots: &[usize]) -> Value {
    Value::list(slots.iter().map(|&s| Value::Int(if s == UNSET { -1 } else { s as i64 })).collect())
}

/// Runs `f` with a matcher whose tick serves the eval breaker: Stop (and shutdown) end the
/// match; a green-thread switch request waits for the next bytecode.
fn with_matcher<R>(vm: &Vm, prog: &Program, s: &[u32], end: usize, f: impl FnOnce(&mut Matcher<'_, &mut dyn FnMut() -> Result<(), ()>>) -> R) -> PyResult<R> {
    let rt = vm.rt.clone();
    let tid = vm.tid;
    let stopped: Cell<Option<Interrupt>> = Cell::new(None);
    let mut tick = || -> Result<(), ()> {
        if rt.eval_breaker.load(Ordering::Relaxed) == 0 {
            return Ok(());
        }
        match rt.handle_eval_breaker(tid) {
            Ok(()) | Err(Interrupt::Switch) => Ok(()),
            Err(i) => {
                stopped.set(Some(i));
                Err(())
            }
        }
    };
    let r = {
        let mut m = Matcher::new(prog, s, end, &mut tick as &mut dyn FnMut() -> Result<(), ()>);
        f(&mut m)
    };
    match stopped.get() {
        Some(i) => Err(Unwind::Interrupt(i)),
        None => Ok(r),
    }
}

/// `search(prog, string, pos, endpos, mode)`: mode 0 match, 1 fullmatch, 2 search. The
/// group spans as a flat list (-1 for a group that did not take part), or None.
fn search(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("search", 5)?;
    let c = compiled(&a[0])?;
    let s = subject(c, &a[1])?;
    let (pos, end) = bounds(s.len(), &a[2], &a[3])?;
    let mode = arg_int(&a[4])?;
    let r = with_matcher(vm, &c.prog, &s, end, |m| {
        m.full = mode == 1;
        let out = if mode == 2 { m.search(pos, UNSET) } else { m.match_at(pos, UNSET) };
        match out {
            Outcome::Found => Some(spans(&m.slots)),
            _ => None,
        }
    })?;
    Ok(r.unwrap_or(Value::None))
}

/// `scan(prog, string, pos, endpos, limit)`: every match in order, as finditer finds them
/// (an empty match right after the previous match is allowed, one at the same place is not);
/// at most `limit` (0: all). A list of flat span lists.
fn scan(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("scan", 5)?;
    let c = compiled(&a[0])?;
    let s = subject(c, &a[1])?;
    let (pos, end) = bounds(s.len(), &a[2], &a[3])?;
    let limit = arg_int(&a[4])?.max(0) as usize;
    let found = with_matcher(vm, &c.prog, &s, end, |m| {
        let mut out = Vec::new();
        let mut at = pos;
        let mut forbid = UNSET;
        while at <= end {
            match m.search(at, forbid) {
                Outcome::Found => {}
                _ => break,
            }
            let (ms, me) = (m.slots[0], m.slots[1]);
            out.push(spans(&m.slots));
            if limit > 0 && out.len() >= limit {
                break;
            }
            at = me;
            forbid = if me == ms { me } else { UNSET };
            if me == ms && me >= end {
                break;
            }
        }
        out
    })?;
    Ok(Value::list(found))
}
