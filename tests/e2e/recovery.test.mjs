// Crash recovery: a Rust panic, a wasm trap or an allocation failure on the engine worker or on
// a thread worker, in the middle of a run, is seen at once: the run ends with a short message
// (no wasm stack), the engine restarts by itself, the next run works, and the chip never says
// "ready" for an engine that has ended. The crashes come from the hidden debug hook
// `_threadlab.debug_crash(kind)` (src/vm/modules/internal.rs; wasm only).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from './lib/browser.mjs';
import { openTwoPages, chipUntilReady } from './lib/two-pages.mjs';
import { encodeCode } from '../../www/js/share.js';

let pages;
let browser; // isolated: threads on workers
let green; // not isolated: green threads
let isolated; // the isolated page's server ({ url })

before(async () => {
  pages = await openTwoPages();
  ({ workers: browser, green } = pages);
  isolated = { url: browser.url };
});

after(() => pages?.close());

/** The program that crashes: on the main thread, or on a thread the main thread joins. */
function crashing(kind, where) {
  const call = `_threadlab.debug_crash(${JSON.stringify(kind)})`;
  if (where === 'main') return `import _threadlab\nprint("before")\n${call}\nprint("after")\n`;
  return `import _threadlab, threading
def crash():
    ${call}
t = threading.Thread(target=crash)
t.start()
t.join()
print("after")
`;
}

/** Runs a crashing program through the API; resolves with what run() rejected with and the next run. */
function crashRun(page, code, mode) {
  return page.evaluate(async ([code, mode]) => {
    const threadlab = await import('/threadlab.js');
    await threadlab.ready();
    const before = threadlab.stats().restarts;
    const t0 = performance.now();
    let outcome;
    try {
      outcome = { report: await threadlab.run(code, { mode }) };
    } catch (e) {
      outcome = { name: e.name, message: e.message, reason: e.reason, crashed: e.crashed, restarted: e.restarted };
    }
    outcome.ms = performance.now() - t0;
    const next = await threadlab.run('print(6 * 7)', { mode });
    return { ...outcome, next: next.stdout, restarts: threadlab.stats().restarts - before };
  }, [code, mode]);
}

const REASON = { panic: 'panic', trap: 'trap', oom: 'oom' };
const DETAIL = {
  panic: /^threadlab: the engine crashed \(a Rust panic: threadlab debug panic: raised by _threadlab\.debug_crash \(src\/vm\/modules\/internal\.rs:\d+:\d+\)\) and was restarted$/,
  trap: /^threadlab: the engine crashed \(a WebAssembly trap on the (engine worker|thread worker \d+) \(unreachable\)\) and was restarted$/,
  oom: /^threadlab: the engine crashed \(it ran out of memory\) and was restarted$/,
};

for (const [engine, where, mode] of [['workers', 'main', 'gil'], ['workers', 'thread', 'gil'], ['workers', 'thread', 'free'], ['green', 'main', 'gil'], ['green', 'thread', 'gil']]) {
  test(`a panic, a trap and an out-of-memory on the ${where === 'main' ? 'main thread' : 'a thread'} (${engine}, ${mode}) end the run, restart the engine, and the next run works`, async (t) => {
    const page = engine === 'green' ? green.page : browser.page;
    for (const kind of Object.keys(REASON)) {
      const r = await crashRun(page, crashing(kind, where), mode);
      t.diagnostic(`${kind}: run() rejected after ${r.ms.toFixed(0)} ms: ${r.message}`);
      assert.equal(r.name, 'EngineRestart', `${kind}: ${JSON.stringify(r)}`);
      assert.equal(r.crashed, true);
      assert.equal(r.restarted, true);
      assert.equal(r.reason, REASON[kind], `${kind}: ${r.message}`);
      assert.match(r.message, DETAIL[kind]);
      if (where === 'thread' && engine === 'workers' && kind === 'trap') assert.match(r.message, /thread worker \d+/);
      assert.equal(r.next, '42\n', `${kind}: the run after the crash`);
      assert.equal(r.restarts, 1, `${kind}: one restart`);
    }
  });
}

test('the page: a crash in a thread says so in the status line, the chip restarts, the program is kept, the next run works', async () => {
  const { page, logs } = browser;
  await page.goto(isolated.url);
  await page.waitForSelector('#engine-chip[data-state="ready"]', { timeout: 60_000 });
  const code = crashing('panic', 'thread');
  await page.evaluate((code) => window.playground.editor.setCode(code), code);
  const chips = chipUntilReady(page);
  await page.click('#run');
  await page.waitForFunction(() => /crashed/.test(document.getElementById('run-state').textContent), null, { timeout: 30_000 });
  const status = await page.textContent('#run-state');
  assert.match(status, /^The engine crashed \(a Rust panic: threadlab debug panic: raised by _threadlab\.debug_crash \(src\/vm\/modules\/internal\.rs:\d+:\d+\)\) and was restarted\. Your program is kept\.$/);
  assert.doesNotMatch(status, /wasm|RuntimeError|unreachable/);
  assert.match(await page.textContent('#console'), /The engine crashed: a Rust panic/);
  // Never "ready" while the ended engine is the one behind it: restarting first, then ready.
  const seen = await chips;
  assert.deepEqual(seen, ['loading:engine restarting…', 'ready:engine ready']);
  await screenshot(page, 'recovery-crash.png');
  // The run's status line and console say it; the engine-error panel is for crashes outside a run.
  assert.equal(await page.isHidden('#errors'), true);
  assert.equal(await page.evaluate(() => window.playground.editor.getCode()), code, 'the program is kept');
  await page.evaluate(() => window.playground.editor.setCode('print(6 * 7)\n'));
  await page.click('#run');
  await page.waitForFunction(() => /finished/.test(document.getElementById('run-state').textContent), null, { timeout: 30_000 });
  assert.match(await page.textContent('#console'), /42/, logs.join('\n'));
});

test('the embed says the same when its engine crashes, and runs again', async () => {
  const { page } = browser;
  const code = await encodeCode(crashing('trap', 'thread'));
  await page.goto(`${isolated.url}embed.html?code=${code}&mode=gil`);
  await page.click('#run');
  await page.waitForFunction(() => /crashed/.test(document.getElementById('run-state').textContent), null, { timeout: 60_000 });
  assert.match(await page.textContent('#run-state'), /^The engine crashed \(a WebAssembly trap on the thread worker \d+ \(unreachable\)\) and was restarted\. Your program is kept\.$/);
  await page.evaluate(() => window.embed.editor.setCode('print(6 * 7)\n'));
  await page.click('#run');
  await page.waitForFunction(() => /finished/.test(document.getElementById('run-state').textContent), null, { timeout: 60_000 });
  assert.equal(await page.evaluate(() => window.embed.lastReport().stdout), '42\n');
});
