//! Small focused tests of the compiler and VM (the programs compared with python3 are under
//! tests/programs/).

use crate::lang::bytecode::Op;
use crate::runtime::NullSink;
use crate::vm::{run, RunOptions};
use std::sync::Arc;

fn out(src: &str) -> String {
    let r = run(src, RunOptions::default(), Arc::new(NullSink));
    assert!(r.stderr.is_empty(), "stderr: {}", r.stderr);
    r.report.stdout
}

#[test]
fn op_is_small() {
    assert!(std::mem::size_of::<Op>() <= 8);
    assert_eq!(std::mem::size_of::<crate::vm::Value>(), 16);
}

#[test]
fn counting_loop_uses_fused_ops() {
    let m = crate::lang::parser::parse("def count():\n    total = 0\n    for i in range(10):\n        total += 1\n").unwrap();
    let code = crate::lang::compiler::compile(&m, "t.py").unwrap();
    let text = code.disassemble();
    assert!(text.contains("ForSlot"), "{}", text);
    assert!(text.contains("InplaceLocalConst"), "{}", text);
}

#[test]
fn runs_a_function() {
    assert_eq!(out("def f(a, b=2):\n    return a * b\nprint(f(3), f(3, b=5))\n"), "6 15\n");
}

#[test]
fn int_overflow_promotes() {
    assert_eq!(out("x = 9223372036854775807\nx += 1\nprint(x, -x - 1)\n"), "9223372036854775808 -9223372036854775809\n");
}

#[test]
fn compile_errors_are_reported() {
    let r = run("def f():\n    pass\nbreak\n", RunOptions::default(), Arc::new(NullSink));
    let e = r.report.error.unwrap();
    assert_eq!((e.typ.as_str(), e.message.as_str(), e.line), ("SyntaxError", "'break' outside loop", Some(3)));
}

#[test]
fn uncaught_error_report() {
    let r = run("x = 1\ny = x / 0\n", RunOptions::default(), Arc::new(NullSink));
    let e = r.report.error.unwrap();
    assert_eq!((e.typ.as_str(), e.message.as_str(), e.line), ("ZeroDivisionError", "division by zero", Some(2)));
    assert!(r.stderr.starts_with("Traceback (most recent call last):\n"));
    assert_eq!(r.exit_code, 1);
}
