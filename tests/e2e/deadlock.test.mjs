// Deadlocks are named in the browser too (src/runtime/deadlock.rs, docs/report.md): when every
// live thread waits with no timeout, the run ends by itself with the report's `deadlock` naming
// each thread and what it waits for, the same lines on stderr, and the engine runs on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/paths.mjs';
import { closeServedPage, openServedPage } from './lib/served-page.mjs';

let server;
let browser;

before(async () => ({ server, browser } = await openServedPage({ path: 'threadlab/example.html' })));

after(() => closeServedPage({ server, browser }));

const run = (code, mode) => browser.page.evaluate(async ([code, mode]) => {
  const threadlab = await import('/threadlab.js');
  const report = await threadlab.run(code, { mode });
  const next = await threadlab.run('print(6 * 7)', { mode });
  return { report, next: next.stdout };
}, [code, mode]);

// The three classic shapes: a lock taken twice, two threads taking two locks in opposite
// orders (they meet at a barrier first, so each holds its first lock), and a wait nobody ends.
const TWO_LOCKS = readFileSync(join(ROOT, 'tests', 'data', 'two_locks_at_a_barrier.py'), 'utf8');
const SHAPES = {
  'lock taken twice': {
    code: 'import threading\nl = threading.Lock()\nl.acquire()\nl.acquire()\n',
    waits: { MainThread: 'Lock at line 4, held by MainThread' },
  },
  'two locks, opposite orders': {
    code: TWO_LOCKS,
    waits: {
      MainThread: 'one to finish at line 17',
      one: 'Lock at line 7, held by two',
      two: 'Lock at line 12, held by one',
    },
  },
  'an event nobody sets': {
    code: 'import threading\ne = threading.Event()\ne.wait()\n',
    waits: { MainThread: 'Event at line 3' },
  },
};

for (const mode of ['gil', 'free']) {
  for (const [shape, { code, waits }] of Object.entries(SHAPES)) {
    test(`a deadlock is named (${shape}, ${mode})`, async () => {
      const { report, next } = await run(code, mode);
      assert.ok(report.deadlock, JSON.stringify(report.error));
      const named = Object.fromEntries(report.deadlock.threads.map((t) => [t.name, t.waits_for]));
      assert.deepEqual(named, waits);
      assert.equal(report.error.type, 'RuntimeError');
      for (const [name, what] of Object.entries(waits)) {
        assert.ok(report.stderr.includes(`deadlock: ${name} waits for ${what}`), report.stderr);
      }
      assert.ok(typeof report.deadlock.t_ms === 'number' && report.deadlock.t_ms >= 0);
      assert.equal(next, '42\n');
    });
  }
}
