//! The dispatch loop: one `match` over `Op` per instruction.
//!
//! Python-to-Python calls push a boxed frame and continue in the same loop (no Rust recursion);
//! builtins that call back into Python re-enter through `Vm::execute` with a new base.
//! The eval breaker (one relaxed atomic load) is checked at every backward jump and call.

use super::exceptions::{error, exc_matches, name_error, type_error, with_state, PyResult, Unwind};
use super::frame::{Frame, OnReturn};
use super::types::{intern, TbEntry};
use super::ops;
use super::types::{int_binop_fast, norm_index};
use super::types::types;
use super::value::Value;
use crate::lang::bytecode::{Op, FN_DEFAULTS, FN_KWDEFAULTS, STORE_TO_STACK};
use crate::runtime::{Interrupt, BREAK_FINALIZE, BREAK_GREEN, GREEN_TICK_EVERY};
use super::types::Step;
use std::sync::Arc;

/// What a call instruction did.
pub(crate) enum Called {
    /// Pushed a Python frame: continue in it.
    Frame,
    /// Finished: here is the result.
    Value(Value),
}

fn unbound_local(name: &str) -> Unwind {
    error("UnboundLocalError", format!("cannot access local variable '{}' where it is not associated with a value", name))
}

fn unbound_free(name: &str) -> Unwind {
    error(
        "NameError",
        format!("cannot access free variable '{}' where it is not associated with a value in enclosing scope", name),
    )
}

impl super::state::Vm {
    /// Runs frames until the frame at index `base` of the frame stack returns; returns its value.
    pub(crate) fn execute(&mut self, base: usize) -> PyResult<Value> {
        let breaker: *const std::sync::atomic::AtomicU32 = &self.rt.eval_breaker;
        let mut green_ticks: u32 = 0;
        'reload: loop {
            let fr: *mut Frame = &mut **self.frames.last_mut().expect("a frame to run");
            // SAFETY: frames are boxed, so `fr` stays valid while the frame is on the stack; the
            // code object is kept alive by the frame's function.
            let code: &super::types::CodeObj = unsafe { &*Arc::as_ptr(&(&(*fr)).func.code) };
            let ops: &[Op] = &code.code.ops;
            let mut pc: usize = unsafe { (*fr).pc };

            macro_rules! f {
                () => {
                    unsafe { &mut *fr }
                };
            }
            macro_rules! push {
                ($v:expr) => {{
                    let v = $v;
                    f!().stack.push(v)
                }};
            }
            macro_rules! pop {
                () => {
                    f!().stack.pop().expect("stack underflow")
                };
            }
            macro_rules! top {
                () => {
                    f!().stack.last_mut().expect("empty stack")
                };
            }

            let err: Unwind = 'exec: loop {
                macro_rules! tri {
                    ($e:expr) => {
                        match $e {
                            Ok(v) => v,
                            Err(e) => {
                                f!().pc = pc;
                                break 'exec e;
                            }
                        }
                    };
                }
                // A green thread that switches here resumes at `$resume` (`green.rs`).
                // Green threads keep BREAK_GREEN set while others wait; only one check in
                // GREEN_TICK_EVERY of those then takes the slow path (it reads the clock).
                macro_rules! check_breaker {
                    ($resume:expr) => {
                        let b = unsafe { (*breaker).load(std::sync::atomic::Ordering::Relaxed) };
                        if b != 0 && (b != BREAK_GREEN || {
                            green_ticks = green_ticks.wrapping_add(1);
                            green_ticks % GREEN_TICK_EVERY == 0
                        }) {
                            f!().pc = pc;
                            if b & BREAK_FINALIZE != 0 {
                                self.run_finalizers();
                            }
                            if let Err(i) = self.rt.handle_eval_breaker(self.tid) {
                                if let Err(e) = self.breaker_interrupt(i) {
                                    if matches!(e, Unwind::Interrupt(Interrupt::Switch)) {
                                        f!().pc = $resume;
                                    }
                                    break 'exec e;
                                }
                            }
                        }
                    };
                }
                // A call that may park a green thread: on resume its result replaces the
                // stack from `$base` up (`green.rs`).
                macro_rules! tri_call {
                    ($e:expr, $base:expr) => {
                        match $e {
                            Ok(v) => v,
                            Err(e) => {
                                if matches!(e, Unwind::Interrupt(Interrupt::Switch)) {
                                    self.park.base = $base;
                                }
                                f!().pc = pc;
                                break 'exec e;
                            }
                        }
                    };
                }
                // Calls the callable at stack index `ci`; the call's values start at `base`
                // (below `ci` for a method call's Null slot). A Python callee's frame takes
                // their place and the loop reloads; a value replaces them. A green-thread
                // switch inside the call parks at `base` (see `tri_call!`).
                macro_rules! call_at {
                    ($base:expr, $ci:expr, $kwnames:expr) => {{
                        let (base, ci) = ($base, $ci);
                        match tri_call!(self.call_on_stack(fr, ci, $kwnames), base) {
                            Called::Frame => {
                                if ci != base {
                                    f!().stack.truncate(base);
                                }
                                continue 'reload;
                            }
                            Called::Value(v) => {
                                f!().stack.truncate(base);
                                push!(v);
                            }
                        }
                    }};
                }
                // The keyword names of a CallKw / CallMethodKw: a tuple constant.
                macro_rules! kwnames {
                    ($names:expr) => {
                        match &code.consts[$names as usize] {
                            Value::Tuple(t) => &t.items[..],
                            _ => &[],
                        }
                    };
                }

                let op = ops[pc];
                pc += 1;
                match op {
                    Op::Nop => {}
                    Op::Pop => {
                        pop!();
                    }
                    Op::Dup => {
                        let v = top!().dup();
                        push!(v);
                    }
                    Op::DupTwo => {
                        let s = &mut f!().stack;
                        let n = s.len();
                        let (a, b) = (s[n - 2].clone(), s[n - 1].clone());
                        s.push(a);
                        s.push(b);
                    }
                    Op::Rot2 => {
                        let s = &mut f!().stack;
                        let n = s.len();
                        s.swap(n - 1, n - 2);
                    }
                    Op::Rot3 => {
                        let s = &mut f!().stack;
                        let v = s.pop().unwrap();
                        let n = s.len();
                        s.insert(n - 2, v);
                    }
                    Op::Rot4 => {
                        let s = &mut f!().stack;
                        let v = s.pop().unwrap();
                        let n = s.len();
                        s.insert(n - 3, v);
                    }
                    Op::LoadConst(i) => push!(code.consts[i as usize].dup()),
                    Op::LoadFast(i) => {
                        let v = &f!().locals[i as usize];
                        if v.is_null() {
                            let name = &code.code.varnames[i as usize];
                            tri!(Err(unbound_local(name)));
                        }
                        let v = v.dup();
                        push!(v);
                    }
                    Op::StoreFast(i) => {
                        let v = pop!();
                        Value::set(&mut f!().locals[i as usize], v);
                    }
                    Op::DeleteFast(i) => {
                        let slot = &mut f!().locals[i as usize];
                        if slot.is_null() {
                            tri!(Err(unbound_local(&code.code.varnames[i as usize])));
                        }
                        *slot = Value::Null;
                    }
                    Op::LoadDeref(i) => {
                        let v = f!().cells[i as usize].value.get();
                        if v.is_null() {
                            tri!(Err(self.unbound_cell(code, i as usize)));
                        }
                        push!(v);
                    }
                    Op::StoreDeref(i) => {
                        let v = pop!();
                        let old = f!().cells[i as usize].value.replace(v);
                        drop(old);
                    }
                    Op::DeleteDeref(i) => {
                        let old = f!().cells[i as usize].value.replace(Value::Null);
                        if old.is_null() {
                            tri!(Err(self.unbound_cell(code, i as usize)));
                        }
                    }
                    Op::LoadClassDeref(i) => {
                        let ncell = code.code.cellvars.len();
                        let name = if (i as usize) < ncell {
                            &code.code.cellvars[i as usize]
                        } else {
                            &code.code.freevars[i as usize - ncell]
                        };
                        let v = f!().namespace.as_ref().and_then(|ns| ns.get(name).cloned());
                        let v = match v {
                            Some(v) => v,
                            None => {
                                let v = f!().cells[i as usize].value.get();
                                if v.is_null() {
                                    tri!(Err(self.unbound_cell(code, i as usize)));
                                }
                                v
                            }
                        };
                        push!(v);
                    }
                    Op::LoadGlobal(i) => {
                        let slot = f!().func.module.slot(code.global_slots[i as usize] as usize);
                        let v = slot.value.get();
                        if !v.is_null() {
                            push!(v);
                        } else if let Some(b) = slot.builtin.get() {
                            push!(b.clone());
                        } else {
                            tri!(Err(name_error(code.names[i as usize].as_str())));
                        }
                    }
                    Op::StoreGlobal(i) => {
                        let v = pop!();
                        let slot = f!().func.module.slot(code.global_slots[i as usize] as usize);
                        let old = slot.value.replace(v);
                        drop(old);
                    }
                    Op::DeleteGlobal(i) => {
                        let slot = f!().func.module.slot(code.global_slots[i as usize] as usize);
                        if slot.value.replace(Value::Null).is_null() {
                            tri!(Err(name_error(code.names[i as usize].as_str())));
                        }
                    }
                    Op::LoadName(i) => {
                        let name = &code.names[i as usize];
                        let v = f!().namespace.as_ref().and_then(|ns| ns.get(name.as_str()).cloned());
                        let v = match v {
                            Some(v) => v,
                            None => {
                                let slot = f!().func.module.slot(code.global_slots[i as usize] as usize);
                                let v = slot.value.get();
                                if !v.is_null() {
                                    v
                                } else if let Some(b) = slot.builtin.get() {
                                    b.clone()
                                } else {
                                    tri!(Err(name_error(name.as_str())))
                                }
                            }
                        };
                        push!(v);
                    }
                    Op::StoreName(i) => {
                        let v = pop!();
                        let name = code.names[i as usize].clone();
                        match f!().namespace.as_mut() {
                            Some(ns) => {
                                ns.set(name, v);
                            }
                            None => {
                                let slot = f!().func.module.slot(code.global_slots[i as usize] as usize);
                                drop(slot.value.replace(v));
                            }
                        }
                    }
                    Op::DeleteName(i) => {
                        let name = code.names[i as usize].clone();
                        let removed = match f!().namespace.as_mut() {
                            Some(ns) => ns.remove(name.as_str()).is_some(),
                            None => f!().func.module.delete(name.as_str()),
                        };
                        if !removed {
                            tri!(Err(name_error(name.as_str())));
                        }
                    }
                    Op::LoadAttr(i) => {
                        let obj = pop!();
                        f!().pc = pc;
                        let v = tri!(self.get_attr_at(&obj, &code.names[i as usize], &code.attr_hints[i as usize]));
                        push!(v);
                    }
                    Op::StoreAttr(i) => {
                        let obj = pop!();
                        let v = pop!();
                        f!().pc = pc;
                        tri!(self.set_attr_at(&obj, &code.names[i as usize], v, &code.attr_hints[i as usize]));
                    }
                    Op::DeleteAttr(i) => {
                        let obj = pop!();
                        f!().pc = pc;
                        tri!(self.del_attr(&obj, &code.names[i as usize]));
                    }
                    Op::LoadMethod(i) => {
                        let obj = pop!();
                        f!().pc = pc;
                        let (a, b) = tri!(self.load_method(obj, &code.names[i as usize]));
                        push!(a);
                        push!(b);
                    }
                    // The method forms' stack holds two slots below the arguments
                    // (method-or-Null, then self or the callable; see `load_method`).
                    Op::CallMethod(argc) => {
                        check_breaker!(pc - 1);
                        f!().pc = pc;
                        let n = f!().stack.len();
                        let base_i = n - argc as usize - 2;
                        // `lst.append(x)`, the commonest method call, without argument parsing.
                        if argc == 1 {
                            let s = &mut f!().stack;
                            if let (Value::Builtin(b), Value::List(_)) = (&s[base_i], &s[base_i + 1]) {
                                if std::ptr::eq(*b, &super::types::LIST_APPEND) {
                                    let item = s.pop().unwrap();
                                    if let Some(Value::List(l)) = s.pop() {
                                        l.push(item);
                                    }
                                    s.pop();
                                    s.push(Value::None);
                                    continue;
                                }
                            }
                        }
                        let ci = if f!().stack[base_i].is_null() { base_i + 1 } else { base_i };
                        call_at!(base_i, ci, &[]);
                    }
                    Op::CallMethodKw { argc, names } => {
                        check_breaker!(pc - 1);
                        f!().pc = pc;
                        let n = f!().stack.len();
                        let base_i = n - argc as usize - 2;
                        let ci = if f!().stack[base_i].is_null() { base_i + 1 } else { base_i };
                        call_at!(base_i, ci, kwnames!(names));
                    }
                    Op::Call(argc) => {
                        check_breaker!(pc - 1);
                        f!().pc = pc;
                        let ci = f!().stack.len() - argc as usize - 1;
                        call_at!(ci, ci, &[]);
                    }
                    Op::CallKw { argc, names } => {
                        check_breaker!(pc - 1);
                        f!().pc = pc;
                        let ci = f!().stack.len() - argc as usize - 1;
                        call_at!(ci, ci, kwnames!(names));
                    }
                    Op::CallEx { has_kwargs } => {
                        check_breaker!(pc - 1);
                        f!().pc = pc;
                        let kwargs = if has_kwargs { Some(pop!()) } else { None };
                        let args = pop!();
                        // Re-lay the call on the stack: callee, positional args, keyword values.
                        let mut kwnames = Vec::new();
                        if let Value::Tuple(t) = &args {
                            f!().stack.extend(t.items.iter().cloned());
                        }
                        if let Some(Value::Dict(d)) = &kwargs {
                            for (k, v) in d.lock().items() {
                                if !matches!(k, Value::Str(_)) {
                                    tri!(Err(type_error("keywords must be strings")));
                                }
                                kwnames.push(k);
                                f!().stack.push(v);
                            }
                        }
                        let ci = f!().stack.len() - kwnames.len() - args_len(&args) - 1;
                        call_at!(ci, ci, &kwnames);
                    }
                    // `a + b` and `a += b` share the small-int fast path; they differ only
                    // in the slow path (`+=` may mutate a list or set in place).
                    Op::BinaryOp(kind) | Op::InplaceOp(kind) => {
                        let b = pop!();
                        let a = top!();
                        if let (Value::Int(x), Value::Int(y)) = (&*a, &b) {
                            if let Some(r) = int_binop_fast(kind, *x, *y) {
                                Value::set(a, Value::Int(r));
                                continue;
                            }
                        }
                        if let Some(r) = ops::float_binop_inline(kind, a, &b) {
                            Value::set(a, Value::Float(r));
                            continue;
                        }
                        let a = pop!();
                        f!().pc = pc;
                        let r = if matches!(op, Op::InplaceOp(_)) {
                            tri!(ops::inplace_op(self, &a, &b, kind))
                        } else {
                            tri!(ops::binary_op(self, &a, &b, kind))
                        };
                        push!(r);
                    }
                    Op::InplaceLocalConst { op, local, konst } => {
                        let slot = &mut f!().locals[local as usize];
                        if let (Value::Int(x), Value::Int(y)) = (&*slot, &code.consts[konst as usize]) {
                            if let Some(r) = int_binop_fast(op, *x, *y) {
                                Value::set(slot, Value::Int(r));
                                continue;
                            }
                        }
                        if let Some(r) = ops::float_binop_inline(op, slot, &code.consts[konst as usize]) {
                            Value::set(slot, Value::Float(r));
                            continue;
                        }
                        if slot.is_null() {
                            tri!(Err(unbound_local(&code.code.varnames[local as usize])));
                        }
                        let a = slot.clone();
                        f!().pc = pc;
                        let r = tri!(ops::inplace_op(self, &a, &code.consts[konst as usize], op));
                        f!().locals[local as usize] = r;
                    }
                    Op::UnaryOp(kind) => {
                        let v = pop!();
                        f!().pc = pc;
                        let r = tri!(ops::unary_op(self, &v, kind));
                        push!(r);
                    }
                    Op::Compare(kind) => {
                        let b = pop!();
                        let a = top!();
                        if let (Value::Int(x), Value::Int(y)) = (&*a, &b) {
                            let r = ops::cmp_ord(kind, x.cmp(y));
                            Value::set(a, Value::Bool(r));
                            continue;
                        }
                        if let Some(r) = ops::float_compare_inline(kind, a, &b) {
                            Value::set(a, Value::Bool(r));
                            continue;
                        }
                        let a = pop!();
                        f!().pc = pc;
                        let r = tri!(ops::compare(self, &a, &b, kind));
                        push!(r);
                    }
                    Op::Is(negate) => {
                        let b = pop!();
                        let a = pop!();
                        push!(Value::Bool(a.is(&b) != negate));
                    }
                    Op::Contains(negate) => {
                        let container = pop!();
                        let item = pop!();
                        f!().pc = pc;
                        let r = tri!(ops::contains(self, &container, &item));
                        push!(Value::Bool(r != negate));
                    }
                    Op::Subscript => {
                        let idx = pop!();
                        // `seq[i]` on a list or tuple: read in place (the list under its lock).
                        if let Value::Int(i) = idx {
                            let obj = top!();
                            let hit = match &*obj {
                                Value::List(l) => {
                                    let items = l.lock();
                                    norm_index(i, items.len()).map(|j| items[j].dup())
                                }
                                Value::Tuple(t) => norm_index(i, t.items.len()).map(|j| t.items[j].dup()),
                                _ => None,
                            };
                            if let Some(v) = hit {
                                *obj = v;
                                continue;
                            }
                        }
                        let obj = pop!();
                        f!().pc = pc;
                        let r = tri!(ops::getitem(self, &obj, &idx));
                        push!(r);
                    }
                    Op::StoreSubscript => {
                        let idx = pop!();
                        let obj = pop!();
                        let v = pop!();
                        // `lst[i] = v`: the old item is dropped after the lock is released.
                        if let (Value::List(l), Value::Int(i)) = (&obj, &idx) {
                            let mut items = l.lock();
                            if let Some(j) = norm_index(*i, items.len()) {
                                let old = std::mem::replace(&mut items[j], v);
                                drop(items);
                                drop(old);
                                continue;
                            }
                        }
                        f!().pc = pc;
                        tri!(ops::setitem(self, &obj, &idx, v));
                    }
                    Op::DeleteSubscript => {
                        let idx = pop!();
                        let obj = pop!();
                        f!().pc = pc;
                        tri!(ops::delitem(self, &obj, &idx));
                    }
                    Op::BuildSlice(n) => {
                        let step = if n == 3 { pop!() } else { Value::None };
                        let stop = pop!();
                        let start = pop!();
                        push!(Value::Slice(Arc::new(super::types::Slice { start, stop, step })));
                    }
                    Op::BuildTuple(n) => {
                        let s = &mut f!().stack;
                        let items: Vec<Value> = s.drain(s.len() - n as usize..).collect();
                        push!(Value::tuple(items));
                    }
                    Op::BuildList(n) => {
                        let s = &mut f!().stack;
                        let items: Vec<Value> = s.drain(s.len() - n as usize..).collect();
                        push!(Value::list(items));
                    }
                    Op::BuildSet(n) => {
                        let s = &mut f!().stack;
                        let items: Vec<Value> = s.drain(s.len() - n as usize..).collect();
                        f!().pc = pc;
                        let set = tri!(super::types::set_from_values(self, items, false));
                        push!(set);
                    }
                    Op::BuildMap(n) => {
                        let s = &mut f!().stack;
                        let items: Vec<Value> = s.drain(s.len() - 2 * n as usize..).collect();
                        f!().pc = pc;
                        let d = Arc::new(super::types::Dict::new(super::types::DictMap::default()));
                        for pair in items.chunks(2) {
                            let k = tri!(ops::dict_key(self, &d, &pair[0]));
                            d.lock().insert(k, pair[1].clone());
                        }
                        push!(Value::Dict(d));
                    }
                    Op::BuildString(n) => {
                        let s = &mut f!().stack;
                        let mut out = String::new();
                        for v in s.drain(s.len() - n as usize..) {
                            if let Value::Str(x) = v {
                                out.push_str(x.as_str());
                            }
                        }
                        push!(Value::string(out));
                    }
                    Op::ListAppend(d) => {
                        let v = pop!();
                        let s = &f!().stack;
                        if let Value::List(l) = &s[s.len() - d as usize] {
                            l.push(v);
                        }
                    }
                    Op::SetAdd(d) => {
                        let v = pop!();
                        let target = f!().stack[f!().stack.len() - d as usize].clone();
                        f!().pc = pc;
                        if let Value::Set(set) = &target {
                            let k = tri!(ops::set_key(self, set, &v));
                            set.lock().insert(k);
                        }
                    }
                    Op::MapAdd(d) => {
                        let v = pop!();
                        let k = pop!();
                        let target = f!().stack[f!().stack.len() - d as usize].clone();
                        f!().pc = pc;
                        if let Value::Dict(dict) = &target {
                            let k = tri!(ops::dict_key(self, dict, &k));
                            dict.lock().insert(k, v);
                        }
                    }
                    Op::ListExtend(d) => {
                        let it = pop!();
                        let target = f!().stack[f!().stack.len() - d as usize].clone();
                        f!().pc = pc;
                        let items = tri!(self.collect(&it));
                        if let Value::List(l) = &target {
                            l.lock().extend(items);
                        }
                    }
                    Op::SetUpdate(d) => {
                        let it = pop!();
                        let target = f!().stack[f!().stack.len() - d as usize].clone();
                        f!().pc = pc;
                        let items = tri!(self.collect(&it));
                        if let Value::Set(set) = &target {
                            for v in items {
                                let k = tri!(ops::set_key(self, set, &v));
                                set.lock().insert(k);
                            }
                        }
                    }
                    Op::DictUpdate(d) => {
                        let m = pop!();
                        let target = f!().stack[f!().stack.len() - d as usize].clone();
                        f!().pc = pc;
                        if let Value::Dict(dict) = &target {
                            tri!(super::types::dict_update_from(self, dict, &m));
                        }
                    }
                    Op::ListToTuple => {
                        let v = pop!();
                        if let Value::List(l) = v {
                            let items = std::mem::take(&mut *l.lock());
                            push!(Value::tuple(items));
                        }
                    }
                    Op::FormatValue { conv, has_spec } => {
                        let spec = if has_spec { Some(pop!()) } else { None };
                        let v = pop!();
                        f!().pc = pc;
                        let r = tri!(self.format_field(&v, conv, spec.as_ref()));
                        push!(r);
                    }
                    Op::UnpackSequence(n) => {
                        let seq = pop!();
                        // A tuple or list of the right length: its items go straight onto the
                        // stack, last first (no Vec; a list is read under its lock).
                        let n = n as usize;
                        match &seq {
                            Value::Tuple(t) if t.items.len() == n => {
                                f!().stack.extend(t.items.iter().rev().map(Value::dup));
                                continue;
                            }
                            Value::List(l) => {
                                let items = l.lock();
                                if items.len() == n {
                                    f!().stack.extend(items.iter().rev().map(Value::dup));
                                    continue;
                                }
                            }
                            _ => {}
                        }
                        f!().pc = pc;
                        let items = tri!(self.unpack(&seq, n));
                        f!().stack.extend(items.into_iter().rev());
                    }
                    Op::UnpackEx { before, after } => {
                        let seq = pop!();
                        f!().pc = pc;
                        let items = tri!(self.collect(&seq));
                        let (b, a) = (before as usize, after as usize);
                        if items.len() < b + a {
                            tri!(Err(super::exceptions::value_error(format!(
                                "not enough values to unpack (expected at least {}, got {})",
                                b + a,
                                items.len()
                            ))));
                        }
                        let mut items = items;
                        let tail: Vec<Value> = items.split_off(items.len() - a);
                        let middle: Vec<Value> = items.split_off(b);
                        let s = &mut f!().stack;
                        s.extend(tail.into_iter().rev());
                        s.push(Value::list(middle));
                        s.extend(items.into_iter().rev());
                    }
                    Op::Jump(t) => pc = t as usize,
                    Op::JumpBackward(t) => {
                        pc = t as usize;
                        check_breaker!(pc);
                    }
                    Op::PopJumpIfFalse(t) => {
                        let v = pop!();
                        let truth = match v {
                            Value::Bool(b) => b,
                            ref other => {
                                f!().pc = pc;
                                tri!(self.truthy(other))
                            }
                        };
                        if !truth {
                            pc = t as usize;
                        }
                    }
                    Op::PopJumpIfTrue(t) => {
                        let v = pop!();
                        let truth = match v {
                            Value::Bool(b) => b,
                            ref other => {
                                f!().pc = pc;
                                tri!(self.truthy(other))
                            }
                        };
                        if truth {
                            pc = t as usize;
                        }
                    }
                    Op::JumpIfFalseOrPop(t) => {
                        let v = top!().clone();
                        f!().pc = pc;
                        if !tri!(self.truthy(&v)) {
                            pc = t as usize;
                        } else {
                            pop!();
                        }
                    }
                    Op::JumpIfTrueOrPop(t) => {
                        let v = top!().clone();
                        f!().pc = pc;
                        if tri!(self.truthy(&v)) {
                            pc = t as usize;
                        } else {
                            pop!();
                        }
                    }
                    Op::GetIter => {
                        let v = pop!();
                        f!().pc = pc;
                        let it = tri!(self.get_iter(&v));
                        push!(it);
                    }
                    Op::ForPrep { slot } => {
                        let v = pop!();
                        f!().pc = pc;
                        let s = slot as usize;
                        let (a, b, c) = match v {
                            Value::Range(r) => (Value::Int(r.start), Value::Int(r.stop), Value::Int(r.step)),
                            Value::List(_) | Value::Tuple(_) => (v, Value::Int(0), Value::None),
                            Value::Dict(ref d) => {
                                let keys = d.lock().keys();
                                (Value::tuple(keys), Value::Int(0), Value::None)
                            }
                            other => {
                                let it = tri!(self.get_iter(&other));
                                (it, Value::Null, Value::Null)
                            }
                        };
                        let l = &mut f!().locals;
                        l[s] = a;
                        l[s + 1] = b;
                        l[s + 2] = c;
                    }
                    Op::ForSlot { slot, store } => {
                        let s = slot as usize;
                        // One bounds check for the loop's three slots.
                        let l: &mut [Value] = &mut f!().locals[s..s + 3];
                        let next: Option<Value> = match (&l[0], &l[1], &l[2]) {
                            (Value::Int(cur), Value::Int(stop), Value::Int(step)) => {
                                let (cur, stop, step) = (*cur, *stop, *step);
                                if (step > 0 && cur < stop) || (step < 0 && cur > stop) {
                                    Value::set(&mut l[0], Value::Int(cur.checked_add(step).unwrap_or(stop)));
                                    Some(Value::Int(cur))
                                } else {
                                    None
                                }
                            }
                            (Value::List(list), Value::Int(i), _) => {
                                let i = *i;
                                let item = list.lock().get(i as usize).cloned();
                                if item.is_some() {
                                    Value::set(&mut l[1], Value::Int(i + 1));
                                }
                                item
                            }
                            (Value::Tuple(t), Value::Int(i), _) => {
                                let i = *i;
                                let item = t.items.get(i as usize).cloned();
                                if item.is_some() {
                                    Value::set(&mut l[1], Value::Int(i + 1));
                                }
                                item
                            }
                            (it, _, _) => {
                                let it = it.clone();
                                f!().pc = pc;
                                tri!(self.next(&it))
                            }
                        };
                        match next {
                            Some(v) => {
                                if store == STORE_TO_STACK {
                                    push!(v);
                                } else {
                                    Value::set(&mut f!().locals[store as usize], v);
                                }
                                pc += 1;
                            }
                            None => {}
                        }
                    }
                    Op::ForEnd { slot } => {
                        let l = &mut f!().locals;
                        let s = slot as usize;
                        l[s] = Value::Null;
                        l[s + 1] = Value::Null;
                        l[s + 2] = Value::Null;
                    }
                    Op::Return => {
                        let v = pop!();
                        let mut frame = self.frames.pop().unwrap();
                        if frame.namespace.is_some() {
                            self.class_namespace = frame.namespace.take();
                        }
                        let result = match std::mem::replace(&mut frame.on_return, OnReturn::Value) {
                            OnReturn::Value => Ok(v),
                            OnReturn::Instance(inst) => {
                                if v.is_none() {
                                    Ok(inst)
                                } else {
                                    Err(type_error(format!("__init__() should return None, not '{}'", v.type_name())))
                                }
                            }
                        };
                        self.recycle(frame);
                        if self.frames.len() <= base {
                            return result;
                        }
                        match result {
                            Ok(v) => {
                                self.frames.last_mut().unwrap().stack.push(v);
                                continue 'reload;
                            }
                            Err(e) => {
                                if let Err(e) = self.handle_exception(e, base) {
                                    return Err(e);
                                }
                                continue 'reload;
                            }
                        }
                    }
                    Op::MakeFunction { code: ci, flags } => {
                        let kwdefaults = if flags & FN_KWDEFAULTS != 0 { Some(pop!()) } else { None };
                        let defaults = if flags & FN_DEFAULTS != 0 { Some(pop!()) } else { None };
                        let child = code.children[ci as usize].clone().expect("code constant");
                        let func = self.make_function(fr, child, defaults, kwdefaults);
                        push!(func);
                    }
                    Op::BuildClass { name } => {
                        let bases = pop!();
                        let body = pop!();
                        f!().pc = pc;
                        let name = match &code.consts[name as usize] {
                            Value::Str(s) => s.clone(),
                            _ => intern("?"),
                        };
                        let cls = tri!(self.build_class(&body, name, &bases));
                        push!(cls);
                    }
                    Op::Raise(n) => {
                        f!().pc = pc;
                        match n {
                            0 => {
                                if self.handled.is_null() {
                                    tri!(Err(runtime_error_no_active()));
                                }
                                self.reraising = true;
                                break 'exec Unwind::Exception(self.handled.clone());
                            }
                            1 => {
                                let v = pop!();
                                let exc = tri!(self.make_exception(v));
                                break 'exec Unwind::Exception(exc);
                            }
                            _ => {
                                let cause = pop!();
                                let v = pop!();
                                let exc = tri!(self.make_exception(v));
                                let cause = match cause {
                                    Value::None => Value::None,
                                    other => tri!(self.make_exception(other)),
                                };
                                with_state(&exc, |st| {
                                    st.cause = cause;
                                    st.suppress_context = true;
                                });
                                break 'exec Unwind::Exception(exc);
                            }
                        }
                    }
                    Op::Reraise => {
                        let v = pop!();
                        f!().pc = pc;
                        self.reraising = true;
                        break 'exec Unwind::Exception(v);
                    }
                    Op::PushExcInfo => {
                        let exc = pop!();
                        let prev = std::mem::replace(&mut self.handled, exc.clone());
                        push!(prev);
                        push!(exc);
                    }
                    Op::PopExcept => {
                        let prev = pop!();
                        self.handled = prev;
                    }
                    Op::CheckExcMatch => {
                        let typ = pop!();
                        let exc = top!().clone();
                        f!().pc = pc;
                        let m = tri!(exc_matches(&exc, &typ));
                        push!(Value::Bool(m));
                    }
                    Op::LoadAssertionError => push!(Value::Class(types().exc("AssertionError").clone())),
                    Op::BeforeWith => {
                        let ctx = pop!();
                        f!().pc = pc;
                        let (exit, enter) = tri!(self.context_methods(&ctx));
                        push!(exit);
                        let base = f!().stack.len();
                        let entered = tri_call!(self.call_parkable(&enter, ctx), base);
                        push!(entered);
                    }
                    Op::WithExceptStart | Op::AsyncWithExceptStart => {
                        let s = &f!().stack;
                        let n = s.len();
                        let exit = s[n - 3].clone();
                        let exc = s[n - 1].clone();
                        f!().pc = pc;
                        let cls = Value::Class(types().class_of(&exc));
                        let r = tri!(self.call(&exit, &[cls, exc, Value::None]));
                        // `async with` awaits what `__aexit__` returned before testing it.
                        if matches!(op, Op::AsyncWithExceptStart) {
                            push!(r);
                        } else {
                            let truth = tri!(self.truthy(&r));
                            push!(Value::Bool(truth));
                        }
                    }
                    Op::ImportName(i) => {
                        f!().pc = pc;
                        let m = tri!(self.import_module(code.names[i as usize].as_str()));
                        push!(m);
                    }
                    Op::ImportFrom(i) => {
                        let m = top!().clone();
                        f!().pc = pc;
                        let v = tri!(self.import_from(&m, &code.names[i as usize]));
                        push!(v);
                    }
                    Op::Yield => {
                        let v = pop!();
                        f!().pc = pc;
                        // Only `gen_step` runs generator frames, each as the base of its loop.
                        debug_assert_eq!(self.frames.len(), base + 1);
                        self.suspended = self.frames.pop();
                        return Ok(v);
                    }
                    Op::YieldFrom => {
                        let v = pop!();
                        let sub = top!().clone();
                        f!().pc = pc;
                        match tri!(self.delegate_send(&sub, v)) {
                            Step::Yield(y) => {
                                // Resume here, with the value sent in on top of `sub`.
                                f!().pc = pc - 1;
                                debug_assert_eq!(self.frames.len(), base + 1);
                                self.suspended = self.frames.pop();
                                return Ok(y);
                            }
                            Step::Return(r) => *top!() = r,
                        }
                    }
                    Op::GetYieldFromIter => {
                        let v = pop!();
                        f!().pc = pc;
                        let it = tri!(self.yield_from_iter(v, code));
                        push!(it);
                    }
                    Op::GetAwaitable => {
                        let v = pop!();
                        f!().pc = pc;
                        let it = tri!(self.get_awaitable(v));
                        push!(it);
                    }
                    Op::GetAIter => {
                        let v = pop!();
                        f!().pc = pc;
                        let it = tri!(self.get_aiter(&v));
                        push!(it);
                    }
                    Op::GetANext => {
                        let it = top!().clone();
                        f!().pc = pc;
                        let aw = tri!(self.get_anext(&it));
                        push!(aw);
                    }
                    Op::EndAsyncFor(t) => {
                        let exc = pop!();
                        pop!();
                        if super::types::is_stop_async_iteration(&exc) {
                            pc = t as usize;
                        } else {
                            f!().pc = pc;
                            self.reraising = true;
                            break 'exec Unwind::Exception(exc);
                        }
                    }
                    Op::BeforeAsyncWith => {
                        let ctx = pop!();
                        f!().pc = pc;
                        let (exit, enter) = tri!(self.async_context_methods(&ctx));
                        push!(exit);
                        let aw = tri!(self.call(&enter, &[]));
                        push!(aw);
                    }
                    Op::ImportStar => {
                        let m = pop!();
                        f!().pc = pc;
                        if let Value::Module(m) = m {
                            let target = f!().func.module.clone();
                            for (k, v) in m.items() {
                                if !k.as_str().starts_with('_') {
                                    target.set(k.as_str(), v);
                                }
                            }
                        }
                    }
                }
            };
            // A green thread leaves its frames as they are (`green.rs`).
            if matches!(err, Unwind::Interrupt(Interrupt::Switch)) {
                return Err(err);
            }
            // An exception (or interrupt) left the instruction at `pc - 1` of the top frame.
            if let Err(e) = self.handle_exception(err, base) {
                return Err(e);
            }
            continue 'reload;
        }
    }

    fn unbound_cell(&self, code: &super::types::CodeObj, i: usize) -> Unwind {
        let ncell = code.code.cellvars.len();
        if i < ncell {
            unbound_local(&code.code.cellvars[i])
        } else {
            unbound_free(&code.code.freevars[i - ncell])
        }
    }

    /// Finds a handler for `err` in the top frame, popping frames (down to `base`) that have none.
    /// Ok: execution continues at the handler. Err: the frame at `base` was popped too.
    pub(crate) fn handle_exception(&mut self, err: Unwind, base: usize) -> PyResult<()> {
        loop {
            let f = self.frames.last_mut().unwrap();
            if let Unwind::Exception(exc) = &err {
                let pc = f.pc.saturating_sub(1);
                if !self.reraising {
                    let code = &f.func.code;
                    let entry = TbEntry { filename: code.filename.clone(), line: code.code.line_at(pc), name: code.name.clone() };
                    let handled = &self.handled;
                    with_state(exc, |st| {
                        if st.traceback.is_empty() && st.context.is_none() && !handled.is_null() && !handled.is(exc) {
                            st.context = handled.clone();
                        }
                        st.traceback.push(entry);
                    });
                }
                self.reraising = false;
                let handler = f.func.code.code.handlers.iter().find(|h| (h.start as usize) <= pc && pc < h.end as usize).copied();
                if let Some(h) = handler {
                    f.stack.truncate(h.depth as usize);
                    f.stack.push(exc.clone());
                    f.pc = h.handler as usize;
                    return Ok(());
                }
            }
            let frame = self.frames.pop().unwrap();
            self.recycle(frame);
            if self.frames.len() <= base {
                return Err(err);
            }
        }
    }

    pub(crate) fn recycle(&mut self, mut frame: Box<Frame>) {
        if self.pool.len() < 64 {
            frame.locals.clear();
            frame.stack.clear();
            frame.cells.clear();
            frame.namespace = None;
            self.pool.push(frame);
        }
    }

    /// `raise X`: an exception instance from a class or an instance.
    pub(crate) fn make_exception(&mut self, v: Value) -> PyResult<Value> {
        match &v {
            Value::Instance(i) if i.exc.is_some() => Ok(v),
            Value::Class(c) if c.is_exception() => {
                let inst = self.call(&v, &[])?;
                Ok(inst)
            }
            _ => Err(type_error("exceptions must derive from BaseException")),
        }
    }
}

fn runtime_error_no_active() -> Unwind {
    super::exceptions::runtime_error("No active exception to reraise")
}

fn args_len(args: &Value) -> usize {
    match args {
        Value::Tuple(t) => t.items.len(),
        _ => 0,
    }
}
