//! threadlab's AST against CPython's: each program is parsed by both, and the trees are
//! printed in `ast.dump` format (with `@line:col` positions) and compared as strings.

mod parser_common;
use parser_common::*;

const PROGRAMS: &[&str] = &[
    "import threading\nimport time\n",
    "import os.path as p, sys\nfrom threading import Thread, Lock as L\nfrom x import (a,\n  b,)\nfrom m import *\n",
    "def f(a, b=1, *args, c, d=2, **kwargs):\n    return a\n",
    "def g(x: int, y: 'str' = 'a') -> None:\n    pass\n",
    "def h(*, k): pass\ndef h2(a, /, b): pass\n",
    "@decorator\n@other(1, x=2)\ndef f():\n    global counter\n    counter += 1\n",
    "def outer():\n    x = 0\n    def inner():\n        nonlocal x\n        x = x + 1\n    return inner\n",
    "f = lambda: 0\ng = lambda x, y=2, *a, k=1, **kw: x + y\n",
    "if a:\n    pass\nelif b:\n    x = 1\nelif c: y = 2\nelse:\n    z = 3\n",
    "while True:\n    break\nelse:\n    continue\n",
    "for i, x in enumerate(xs):\n    print(i, x)\nelse:\n    pass\nfor (a, b), *c in y: pass\n",
    "a = b = 1\na, b = b, a\n(a, b) = 1, 2\n[a, b] = c\na, *rest = xs\nx.y = z[0] = 3\n",
    "x += 1\nx -= 1\nx *= 2\nx /= 2\nx //= 2\nx %= 2\nx **= 2\nx <<= 1\nx >>= 1\nx |= 1\nx ^= 1\nx &= 1\nx @= m\n",
    "x: int = 5\ny: list\nself.a: int = 0\nd['k']: str = 'v'\n",
    "del a, b[0], c.d\ndel (e, f)\ndel [g]\n",
    "x = lambda: 1 if a else 2\ny = a or b and not c\nz = a < b <= c != d\nw = a in b not in c is d is not e\n",
    "x = a | b ^ c & d << 1 >> 2 + 3 - 4 * 5 / 6 // 7 % 8 @ m\n",
    "x = -2 ** 2\ny = 2 ** -1\nz = 2 ** 3 ** 2\nw = ~a + -b - +c\nv = not -x\n",
    "f(1, *args, key=2, **kw)\nf(a,)\nf(x for x in y)\nsum(x * x for x in xs if x)\nf(*a, *b, k=1, *c)\n",
    "a[1:2]\na[::3]\na[1:2, ::3]\na[:, 1]\na[x][y]\na.b.c(d)[e]\nb[1:]\nb[:-1]\nb[1, 2]\nb[(1, 2)]\n",
    "x = ()\ny = (1,)\nz = 1, 2\nw = (1, 2, 3)\nv = [1, 2,]\nu = {}\nt = {1: 2, **d, 3: 4}\ns = {1, 2}\nr = (a)\n",
    "x = [i for i in range(10)]\ny = {i for i in xs if i if not i}\nz = {k: v for k, v in d.items()}\nw = [x for y in z for x in y]\ng = (x for x in y)\n",
    "x = 10_000_000\ny = 0x1F + 0o17 + 0b101 + 0\nz = 123456789012345678901234567890\nw = 1.5 + .5 + 1e-3 + 1_000.0 + 1. + 3e10 + 1e16\nv = True, False, None, ...\n",
    "s = 'a' \"b\" '''c''' \"\"\"d\ne\"\"\"\nt = 'tab\\t nl\\n bs\\\\ q\\' dq\\\" \\x41 \\u00e9 \\101 \\z'\nr = r'raw\\n' R\"x\\\\\"\n",
    "s = 'it\\'s'\nt = \"say \\\"hi\\\"\"\nu = 'é€'\nv = '\\0'\n",
    "print(f'{x}')\nprint(f\"{x!r} and {y:.2f} {z:>8}\")\nprint(f'{x:{width}}')\nprint(f'{x=}')\nprint(f'{x = }')\nprint(f'{x=:>5}')\nprint(f'{x=!s}')\n",
    "print(f'{{literal}} {a[\"k\"]} {f(1, 2)}')\nprint('a' f'{b}' 'c')\nprint(f'')\nprint(F'{a}' rf'{b}\\n' fr'x')\nprint(f'{x:{w}.{p}f}')\nprint(f'''{\n  a\n}''')\n",
    "try:\n    x\nexcept:\n    pass\ntry:\n    x\nexcept E:\n    y\nexcept (A, B) as e:\n    z\nelse:\n    w\nfinally:\n    v\n",
    "try:\n    pass\nfinally:\n    pass\nraise\nraise X\nraise X from Y\nraise X('m') from None\n",
    "assert x\nassert x, 'message'\nassert (x, y)\n",
    "class A:\n    pass\n@dec\nclass B(A, C):\n    x = 1\n    def m(self):\n        return self.x\n",
    "with a as b, c:\n    pass\nwith lock:\n    x += 1\nwith (a as b, c as d):\n    pass\nwith (a, b) as c: pass\nwith (yield_):\n    pass\n",
    "x = 1; y = 2;\nif x: y = 3; z = 4\n",
    "x = (1 +\n     2)\ny = [\n  1,\n  2,\n]\nz = 1 + \\\n    2\n",
    "if x:\n\tpass\n\tif y:\n\t\tz\n",
    "# comment only\n\n   # indented comment\nx = 1  # trailing\n",
    "a = b if c else d if e else f\nb = (yield_)\nc = x if y else lambda: z\n",
    "t = threading.Thread(target=task, args=(f,), daemon=True)\nt.start()\nt.join()\n",
    "with lock:\n    count += 1\nlock.acquire()\ntry:\n    count += 1\nfinally:\n    lock.release()\n",
    "x = [*a, *b]\ny = {*a, 1}\nprint(*args, sep='')\nz = *a, *b\n",
    "def f(\n    a,\n    b,\n):\n    pass\nf(\n    1,\n    2,\n)\n",
    "x = a.b[c](d).e\ny = not not x\nz = - - x\nw = a if not b else c\n",
    "x = ''\ny = \"\"\nz = ''''''\nw = ' ' * 3\n",
    "if (a and\n    b):\n    pass\nwhile not done: pass\n",
    "match = 1\ncase = 2\n_ = 3\nprint(match, case, _)\n",
    "for x in 1, 2, 3: pass\nfor x in *a, *b: pass\nreturn_ = [x for x in y] if 0 else 1\n",
    "x = f\"{x:{y!r}}\" f\"{'a' if x else 'b'}\" f\"{x:=5}\" f\"{{}}\" f\"{x=!r:>{w}}\" f\"\"\"{a[\"b\"]}\"\"\"\n",
    "f(a=1, *b)\nf(a=1, **b, c=2)\nf(x for x in y)(1)\nf(x for x in y for z in w if z)\n",
    "(a) + b\n(f)(x)\n(a).b[(c)]\n(a) < b\n(a) or b and (c)\n(a) if (b) else (c)\n(a) ** (b)\n-(a) ** 2\n(a), b = (c), d\n((a), b) = c\n[(a), b] = c\nx = (yield_)\n",
    "x = ((1 + 2) * 3) - (4)\nprint((lambda: 0)(), ((x)), (x,), ([x][0]).y)\n",
    "x =+ 1\nx = 1 .real\nx = 00\nx = 0x_1\nx = 0o_7\nx = 1_0.0_1e1_0\n",
    "x = 1 if a else 2, 3\ny = lambda: (yield_)\nz = [lambda x: x for _ in y]\n",    "def g():\n    yield\n    yield 1\n    x = yield a, b\n    y = yield from h()\n    z = (yield)\n    f((yield 2))\n    return (yield from q)\n",
    "async def f(a):\n    await x\n    y = await g(1) + 2\n    async for i in aiter():\n        pass\n    else:\n        pass\n    async with a as b, c:\n        pass\n    return [i async for i in xs if await i]\n@dec\nasync def h(): pass\n",
    "class C:\n    async def m(self):\n        return -await x ** 2\n",
];

#[test]
fn ast_matches_cpython() {
    let expected = python_lines(PY_DUMP, &["1"], PROGRAMS);
    let mut failures = Vec::new();
    for (src, want) in PROGRAMS.iter().zip(&expected) {
        assert_ne!(want, "ERR", "CPython rejects test program:\n{}", src);
        match threadlab::lang::parse(src) {
            Ok(m) => {
                let got = dump(&m, true);
                if &got != want {
                    failures.push(format!(
                        "source:\n{}\nthreadlab: {}\ncpython:   {}\n",
                        src, got, want
                    ));
                }
            }
            Err(e) => failures.push(format!("source:\n{}\nthreadlab error: {:?}\n", src, e)),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} programs differ:\n{}",
        failures.len(),
        PROGRAMS.len(),
        failures.join("\n")
    );
}
