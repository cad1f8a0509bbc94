//! Bad programs: threadlab must raise CPython's exception class, message, line and caret column.
//! Expected values come from running python3 (CPython 3.11) on the same sources.

mod parser_common;
use parser_common::*;

const BAD: &[&str] = &[
    // generic
    "a b\n",
    "x = \n",
    "x === y\n",
    "$\n",
    "else:\n    pass\n",
    "while True print(x)\n",
    "for x in range(10) print(x)\n",
    "def f:\n    pass\n",
    "import\n",
    "x = 1 +\n",
    "f(a b)\n",
    "x = [1, 2 3]\n",
    "d = {'a': 1 'b': 2}\n",
    "print('a' 'b' c)\n",
    "print 'hello'\n",
    "print x, y\n",
    // colons and blocks
    "if x\n    pass\n",
    "while x\n    pass\n",
    "for i in range(3)\n    print(i)\n",
    "def f()\n    pass\n",
    "class A\n    pass\n",
    "try\n    pass\n",
    "if x:\n    pass\nelse\n    pass\n",
    "try:\n    x\nexcept ValueError\n    pass\n",
    "with open(f) as g\n    pass\n",
    "if x:\npass\n",
    "for x in y:\n\n# c\nz\n",
    "def f():\nreturn 1\n",
    "class A:\n",
    "while x:\n",
    "try:\n    x\nexcept:\nprint(1)\n",
    "try:\n    x\nfinally:\n",
    "with a:\nb\n",
    "if x:\n    a\nelif y:\nb\n",
    "if x:\n    a\nelse:\nb\n",
    "try:\n    x\nprint(1)\n",
    // indentation
    "x = 1\n    y = 2\n",
    "if x:\n    y = 1\n  z = 2\n",
    "if x:\n\tx = 1\n        y = 2\n",
    "\tx\n",
    "def f():\n    x = 1\n     y = 2\n",
    // tokenizer
    "x = 'abc\n",
    "x = \"abc\ny = 1\n",
    "x = '''abc\n\n",
    "s = \"\"\"never\nclosed\n",
    "x = (1,\n2\n",
    "foo(\nx = 1 +\ny=2\n",
    "print(\"hi\"\n",
    "x = [1, 2\n",
    "x = (1 + 2))\n",
    ")\n",
    "x = [1, 2)\n",
    "x = [1,\n2)\n",
    "x = 1abc\n",
    "x = 0777\n",
    "x = 1_\n",
    "x = 0x\n",
    "x = 0o8\n",
    "x = 0b102\n",
    "x = 1e\n",
    "x = 1.e5x\n",
    "x = €\n",
    "name€ = 1\n",
    "x = 1 \\ y\n",
    "x = 1 + \\\n",
    "a b\nx = \"abc\n",
    "a b\nx = (\n",
    "(a b\n\nx = 1\n",
    "a b\nif x:\n  y\n z\n",
    "x = “quoted”\n",
    // targets
    "1 = x\n",
    "f() = 1\n",
    "a + b = 1\n",
    "x = 1 = 2\n",
    "x = f() = 1\n",
    "None = 1\n",
    "True = 1\n",
    "... = 1\n",
    "[a, 1] = x\n",
    "(a, 1) = x\n",
    "1, x = 2\n",
    "a, f() = 1\n",
    "a < b = 1\n",
    "not x = 1\n",
    "a if b else c = 1\n",
    "f() += 1\n",
    "[a, b] += 1\n",
    "x + 1 += 1\n",
    "a, b += 1\n",
    "for 1 in x: pass\n",
    "for f() in x: pass\n",
    "[x for 1 in y]\n",
    "with a as f(): pass\n",
    "del f()\n",
    "del 1\n",
    "del (a, 1)\n",
    "a, b: int\n",
    "[a]: int\n",
    "f(): int = 1\n",
    "if x = 1:\n    pass\n",
    "if x.y = 1:\n    pass\n",
    "while f() = 1: pass\n",
    "x = (a := 1) := 2\n",
    // calls and params
    "f(x=1, 2)\n",
    "f(**k, 2)\n",
    "f(**k, *a)\n",
    "f(a.b=1)\n",
    "f(True=1)\n",
    "f(x for x in y, 1)\n",
    "f(1, x for x in y)\n",
    "def f(a=1, b):\n    pass\n",
    "def f(*):\n    pass\n",
    "def f(**k, a):\n    pass\n",
    "def f(*a, *b):\n    pass\n",
    "lambda a=1, b: 0\n",
    "x = a if b\n",
    "except E:\n    pass\n",
    "try:\n    x\nexcept A, B:\n    pass\n",
    "from x import a,\n",
    // f-strings
    "f\"{x\"\n",
    "f\"{}\"\n",
    "x = f\"{a b}\"\n",
    "x = f\"{!r}\"\n",
    "x = f\"{a!x}\"\n",
    "x = f\"{a:{b:{c}}}\"\n",
    "x = f\"}\"\n",
    "x = f\"{a \\n}\"\n",
    "x = f\"{a #}\"\n",
    "x = f\"{)}\"\n",
    "x = f\"{a)}\"\n",
    "x = (f\"{a}\"\n f\"{b c}\")\n",
    "x = f\"\"\"\n{a b}\"\"\"\n",
    "x = f\"{a=!z}\"\n",
    "x = f\"{1 +}\"\n",
    "x = f\"{a:{b}\"\n",
    "print(f\"{x:>{w}\")\n",
    // strings
    "x = \"\\x4\"\n",
    "x = \"ab\\x\"\n",
    "x = \"\\u12\"\n",
    "x = \"é\\x4\"\n",
    "x = \"\\U00110000\"\n",
    "x = \"a\" b\"c\"\n",
    // misc learner errors
    "def f():\n    return x\n  y = 2\n",
    "if x == 1:\n    print(x)\n      print(y)\n",
    "print('unclosed\n",
    "t = threading.Thread(target=task\nt.start()\n",
    "for i in range(10):\nprint(i)\n",
    "x = [1, 2, 3\nprint(x)\n",
    "def task()\n    print('x')\n",
    "else if x:\n    pass\n",
    "if x:\n    pass\nelse if y:\n    pass\n",
    "print(\"a\" + )\n",
    "x = 5 y = 6\n",
    "import threading as\n",
    "class A(object) pass\n",
    "def f(x):\n    global x = 1\n",
    "x = {1: 2, 3}\n",
    "x = {1, 2: 3}\n",
    "x = [1, 2,, 3]\n",
    "f(,)\n",
    "x = (,)\n",
    "x = 1 if True else\n",
    "lambda x: yield\n",
    "x = not\n",
    "a.1\n",
    "x = 1.2.3\n",
    "@dec\nx = 1\n",
    "return\nx y\n",
    "del x + 1\n",
    "while True:\n    pass\nelse print(1)\n",
    "class A(B:\n  pass\n",
    "a = 1 +* 2\n",
    "x = [i for i in range(3) if]\n",
    "if True:\n    x = 1\n  else:\n    y\n",
    "import a.b as c.d\n",
    "from x import a as b.c\n",
    "for in range(3): pass\n",
    "print(\"hello world\"))\n",
    "print(\"a\", end=\"\")\nprint(\"b\"\n",
    "print('it's')\n",
    "def f(a, b):\nreturn a\n",
    "x = {1: 2, 3: }\n",
    "x = {1: 2, **}\n",
    "f(x)=1\n",
    "if x == 1\n  pass\n",
    "item = q.pop(0) if q else N=one\n",
    "print(result, [*r ange(3)])\n",
    "foo(c d)\n",
    "[c ounter]\n",
    "_ f(a=1, c)\n",
    "def f((a)): pass\n",
    "lambda (a): 0\n",
    "def f(a, b=, c): pass\n",
    "def g() ->> int:\n    pass\n",
    "f(a=1, a=2)\n",
    "def f(x, x): pass\n",
    "nonlocal x\n",
    "if x:\n    pass\n  # comment\n   y\n",
    "x = (1,\n     2\ny = 3\n",
    "s = 'abc\\\n",
    "x = 1 if 2 else\n",
    "x = [1 for]\n",
    "t.start(\n",
    "x = f\"{a \u{a2}}\"\n",
    "x = f\"{lambda x: 1}\"\n",
    "x = f\"{x!}\"\n",
    "x = f\"{x}}\"\n",
    "x = f\"{\"\n",
    "x = f\"{x!r=}\"\n",
    "x = f'{a['b']}'\n",
    "x = f\"{a[\\\"b\\\"]}\"\n",
];

fn ours(src: &str) -> String {
    match threadlab::lang::parse(src) {
        Ok(_) => "OK".to_string(),
        Err(e) => format!("{}|{}|{}|{}", e.kind, json_str(&e.msg), e.line, e.col),
    }
}

#[test]
fn errors_match_cpython() {
    let expected = python_lines(PY_ERRORS, &[], BAD);
    let mut wrong_msg = Vec::new();
    let mut wrong_col = Vec::new();
    for (src, want) in BAD.iter().zip(&expected) {
        assert_ne!(want, "OK", "CPython accepts test program: {:?}", src);
        let got = ours(src);
        match compare(&got, want) {
            Ok(true) => {}
            Ok(false) => wrong_col.push(format!(
                "{:?}\n  threadlab: {}\n  cpython:   {}",
                src, got, want
            )),
            Err(()) => wrong_msg.push(format!(
                "{:?}\n  threadlab: {}\n  cpython:   {}",
                src, got, want
            )),
        }
    }
    assert!(
        wrong_msg.is_empty(),
        "{} of {} differ in class, message or line:\n{}",
        wrong_msg.len(),
        BAD.len(),
        wrong_msg.join("\n")
    );
    assert!(
        wrong_col.is_empty(),
        "{} carets differ:\n{}",
        wrong_col.len(),
        wrong_col.join("\n")
    );
}

/// Manual probe: `PARSE_PROBE=file.py cargo test --test parser_errors probe -- --ignored --nocapture`.
#[test]
#[ignore]
fn probe() {
    let path = std::env::var("PARSE_PROBE").expect("set PARSE_PROBE");
    let src = std::fs::read_to_string(path).unwrap();
    match threadlab::lang::parse(&src) {
        Ok(m) => println!("{}", dump(&m, true)),
        Err(e) => println!("{}|{}|{}|{}", e.kind, e.msg, e.line, e.col),
    }
}
