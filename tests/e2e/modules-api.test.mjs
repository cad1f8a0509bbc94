// The run API's extra modules (www/threadlab.js `run(code, { modules })`, docs/imports.md): the
// program is one file, and modules given by name beside it import as helper.py would natively:
// a module, a package and its submodule, `import __main__`, `sys.modules`, a circular import's
// ImportError, and a traceback that names the helper's file and line. A bad `modules` rejects.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeServedPage, openServedPage } from './lib/served-page.mjs';

let server;
let browser;

before(async () => ({ server, browser } = await openServedPage({ path: 'threadlab/example.html' })));

after(() => closeServedPage({ server, browser }));

const MODULES = {
  helper: 'print("helper loading", __name__)\nVALUE = 42\ndef greet(n):\n    return "hello " + n\ndef fail():\n    return 1 / 0\n',
  pkg: 'from pkg.sub import f\n',
  'pkg.sub': 'def f():\n    return "sub!"\n',
  a_mod: 'import b_mod\nA = 1\n',
  b_mod: 'try:\n    from a_mod import A\nexcept ImportError as e:\n    print(str(e).split(" (")[0])\n',
};

const PROGRAM = `import helper, sys
from helper import greet, VALUE
import helper as again
print(greet("page"), VALUE, again is helper, sys.modules["helper"] is helper)
import pkg
print(pkg.f(), pkg.sub.f())
import __main__
print(__main__.__name__, __main__ is sys.modules["__main__"])
import a_mod
helper.fail()
`;

test('a program imports the modules given with it', async () => {
  const report = await browser.page.evaluate(async ({ code, modules }) => {
    const threadlab = await import('/threadlab.js');
    return threadlab.run(code, { mode: 'gil', modules });
  }, { code: PROGRAM, modules: MODULES });
  assert.equal(report.stdout, [
    'helper loading helper',
    'hello page 42 True True',
    'sub! sub!',
    '__main__ True',
    "cannot import name 'A' from partially initialized module 'a_mod'",
    '',
  ].join('\n'), report.stderr);
  assert.equal(report.error?.type, 'ZeroDivisionError');
  assert.match(report.stderr, /File "helper\.py", line 6, in fail\n {4}return 1 \/ 0\n/);
  assert.equal(report.exit_code, 1);
});

test('without modules, importing one is ModuleNotFoundError; a bad modules option rejects', async () => {
  const r = await browser.page.evaluate(async () => {
    const threadlab = await import('/threadlab.js');
    const missing = await threadlab.run('import helper\n', { mode: 'gil' });
    let rejected = null;
    try {
      await threadlab.run('print(1)\n', { modules: { helper: 42 } });
    } catch (e) {
      rejected = e.message;
    }
    return { missing: missing.error, rejected };
  });
  assert.deepEqual(r.missing, { type: 'ModuleNotFoundError', message: "No module named 'helper'", line: 1 });
  assert.match(r.rejected, /modules must be an object mapping module names to source strings/);
});
