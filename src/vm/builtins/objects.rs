//! Methods of `object`, `BaseException`, `property`, `type`, int and float; and the
//! staticmethod / classmethod / property / super constructors.

use crate::vm::args::Args;
use crate::vm::exceptions::{exc_args, type_error, with_state, PyResult};
use crate::vm::types::{intern, Wrapper};
use crate::vm::state::Vm;
use crate::vm::types::types;
use crate::vm::value::Value;
use num_bigint::BigInt;
use num_traits::Signed;
use std::sync::Arc;

pub fn object_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.all.len() > 0 {
        return Err(type_error("object() takes no arguments"));
    }
    Ok(Value::Instance(Arc::new(crate::vm::types::Instance::new(types().object.clone()))))
}

pub fn object_init(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, rest) = args.split_self();
    if rest.all.len() > 0 {
        if let Value::Instance(i) = this {
            // object.__init__ complains only when the class did not override __init__.
            if !matches!(i.class.lookup("__init__"), Some(Value::Function(_))) {
                return Err(type_error(format!("{}() takes no arguments", i.class.name.as_str())));
            }
            return Err(type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
        }
    }
    Ok(Value::None)
}

pub fn object_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, _) = args.split_self();
    let this = this.clone();
    // object.__str__ is repr(), which finds a user __repr__.
    Ok(Value::string(vm.repr(&this)?))
}

pub fn object_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, _) = args.split_self();
    let this = this.clone();
    Ok(Value::string(vm.default_repr(&this)?))
}

pub fn object_eq(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.pos();
    if a.len() != 2 {
        return Err(type_error("expected 1 argument"));
    }
    Ok(if a[0].is(&a[1]) { Value::Bool(true) } else { Value::NotImplemented })
}

pub fn object_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.pos();
    if a.len() != 2 {
        return Err(type_error("expected 1 argument"));
    }
    let r = crate::vm::ops::compare(vm, &a[0], &a[1], crate::lang::bytecode::CmpKind::Eq)?;
    Ok(Value::Bool(!vm.truthy(&r)?))
}

pub fn object_hash(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(crate::vm::types::py_hash(&args.pos()[0])))
}

pub fn object_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("__setattr__", 3)?;
    let name = match &a[1] {
        Value::Str(s) => intern(s.as_str()),
        _ => return Err(type_error("attribute name must be string")),
    };
    match &a[0] {
        Value::Instance(i) => {
            i.dict().set(name, a[2].clone());
            Ok(Value::None)
        }
        other => {
            let other = other.clone();
            vm.set_attr(&other, &name, a[2].clone())?;
            Ok(Value::None)
        }
    }
}

pub fn object_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("__getattribute__", 2)?;
    let name = match &a[1] {
        Value::Str(s) => intern(s.as_str()),
        _ => return Err(type_error("attribute name must be string")),
    };
    vm.get_attr(&a[0], &name)
}

pub fn exc_init(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, rest) = args.split_self();
    with_state(this, |st| st.args = Value::tuple(rest.pos().to_vec()));
    Ok(Value::None)
}

pub fn exc_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, _) = args.split_self();
    let items = exc_args(this);
    let is_key_error = match this {
        Value::Instance(i) => i.class.is_subclass(types().exc("KeyError")),
        _ => false,
    };
    Ok(match items.len() {
        0 => Value::str(""),
        1 if is_key_error => Value::string(vm.repr(&items[0])?),
        1 => Value::Str(vm.to_str(&items[0])?),
        _ => Value::string(vm.repr(&Value::tuple(items))?),
    })
}

pub fn exc_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, _) = args.split_self();
    let this = this.clone();
    Ok(Value::string(vm.default_repr(&this)?))
}

pub fn exc_with_traceback(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos()[0].clone())
}

pub fn exc_add_note(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

pub fn staticmethod(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("staticmethod", 1)?;
    Ok(Value::Wrapper(Arc::new(Wrapper::StaticMethod(a[0].clone()))))
}

pub fn classmethod(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("classmethod", 1)?;
    Ok(Value::Wrapper(Arc::new(Wrapper::ClassMethod(a[0].clone()))))
}

pub fn property(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.only_kwargs("property", &["fget", "fset", "fdel", "doc"])?;
    let get = |i: usize, n: &str| args.arg(i, n).cloned().unwrap_or(Value::None);
    Ok(Value::Wrapper(Arc::new(Wrapper::Property { fget: get(0, "fget"), fset: get(1, "fset"), fdel: get(2, "fdel"), doc: get(3, "doc") })))
}

fn property_parts(v: &Value) -> PyResult<(Value, Value, Value, Value)> {
    match v {
        Value::Wrapper(w) => match &**w {
            Wrapper::Property { fget, fset, fdel, doc } => Ok((fget.clone(), fset.clone(), fdel.clone(), doc.clone())),
            _ => Err(type_error("descriptor requires a 'property' object")),
        },
        _ => Err(type_error("descriptor requires a 'property' object")),
    }
}

pub fn property_setter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("setter", 2)?;
    let (fget, _, fdel, doc) = property_parts(&a[0])?;
    Ok(Value::Wrapper(Arc::new(Wrapper::Property { fget, fset: a[1].clone(), fdel, doc })))
}

pub fn property_getter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("getter", 2)?;
    let (_, fset, fdel, doc) = property_parts(&a[0])?;
    Ok(Value::Wrapper(Arc::new(Wrapper::Property { fget: a[1].clone(), fset, fdel, doc })))
}

pub fn property_deleter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("deleter", 2)?;
    let (fget, fset, _, doc) = property_parts(&a[0])?;
    Ok(Value::Wrapper(Arc::new(Wrapper::Property { fget, fset, fdel: a[1].clone(), doc })))
}

pub fn super_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.range("super", 0, 2)?;
    match a.len() {
        0 => vm.zero_arg_super(),
        2 => match &a[0] {
            Value::Class(c) => Ok(Value::Wrapper(Arc::new(Wrapper::Super { class: c.clone(), obj: a[1].clone() }))),
            _ => Err(type_error("super() argument 1 must be a type")),
        },
        _ => Err(crate::vm::exceptions::not_implemented("super() with one argument is not supported by threadlab")),
    }
}

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

pub fn int_bit_length(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(match &args.pos()[0] {
        Value::Int(i) => 64 - i.unsigned_abs().leading_zeros() as i64,
        Value::Bool(b) => *b as i64,
        Value::BigInt(b) => b.abs().bits() as i64,
        _ => 0,
    }))
}

pub fn int_conjugate(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(match &args.pos()[0] {
        Value::Bool(b) => Value::Int(*b as i64),
        v => v.clone(),
    })
}

pub fn float_is_integer(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(match &args.pos()[0] {
        Value::Float(f) => f.is_finite() && f.fract() == 0.0,
        _ => false,
    }))
}

pub fn float_as_integer_ratio(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = match &args.pos()[0] {
        Value::Float(f) => *f,
        _ => 0.0,
    };
    if !f.is_finite() {
        return Err(crate::vm::exceptions::value_error("cannot convert Infinity to integer ratio"));
    }
    let mut num = f;
    let mut den = BigInt::from(1);
    let mut exp = 0;
    while num.fract() != 0.0 && exp < 1100 {
        num *= 2.0;
        den *= 2;
        exp += 1;
    }
    let n: BigInt = num_traits::FromPrimitive::from_f64(num).unwrap_or_default();
    let g = num_integer::Integer::gcd(&n, &den);
    Ok(Value::tuple(vec![Value::bigint(&n / &g), Value::bigint(&den / &g)]))
}
