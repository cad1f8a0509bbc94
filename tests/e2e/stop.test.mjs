// Stop always wins: in every state a program can be in (sleeping, waiting for a lock, a join, an
// event, a condition, spinning in a thread, inside a long builtin, in a Rust loop that never
// looks at the stop flag), in GIL and free-threaded modes on workers and in green mode on a
// page that is not isolated, run() settles soon after stop(), and the next run works. A run
// that ignores Stop is ended by the backstop: the engine and its workers are restarted
// (www/threadlab.js, STOP_BACKSTOP_MS), and the page says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from './lib/browser.mjs';
import { openTwoPages, chipUntilReady } from './lib/two-pages.mjs';
import { BLOCKED, stopLatency } from './lib/stop.mjs';

// The issue's requirement is 1 s from Stop to a settled run, whatever the program does: the
// backstop restarts the engine 500 ms after Stop. The measured figures (the diagnostics below,
// and the report of this work) are a few ms for every wait and about 500 ms for the backstop.
// The assertion is a hang detector, not a speed claim: 3 s, so that a loaded 2-core machine
// (7 agents building at once) cannot fail it by chance, while a Stop that does not work (it
// took 20 s and more before the backstop) still fails it.
const STOP_HANG_MS = 3000;

let pages;
let browser; // isolated: threads on workers
let green; // not isolated: green threads
let isolated; // the isolated page's server ({ url })

before(async () => {
  pages = await openTwoPages();
  ({ workers: browser, green } = pages);
  isolated = { url: browser.url };
  const info = await browser.page.evaluate(async () => (await import('/threadlab.js')).ready());
  assert.equal(info.engine, 'workers', browser.logs.join('\n'));
  const greenInfo = await green.page.evaluate(async () => (await import('/threadlab.js')).ready());
  assert.equal(greenInfo.engine, 'green', green.logs.join('\n'));
});

after(() => pages?.close());

const cases = [
  { engine: 'workers', mode: 'gil' },
  { engine: 'workers', mode: 'free' },
  { engine: 'green', mode: 'gil' },
];

for (const { engine, mode } of cases) {
  test(`Stop settles the run in every state (${engine}, ${mode}), and the next run works`, async (t) => {
    const page = engine === 'green' ? green.page : browser.page;
    const figures = [];
    for (const [state, code] of Object.entries(BLOCKED)) {
      const r = await stopLatency(page, code, { mode });
      figures.push(`${state} ${r.ms.toFixed(0)} ms${r.restarted ? ` (restarted: ${r.reason})` : ''}`);
      assert.equal(r.stopped, true, `${state}: ${JSON.stringify(r)}`);
      assert.ok(r.ms <= STOP_HANG_MS, `${state}: run() settled ${r.ms.toFixed(0)} ms after stop()`);
      assert.ok(!r.stdout.includes('woke'), `${state}: the program went on after Stop`);
      assert.equal(r.next, '42\n', `${state}: the run after Stop`);
      if (engine === 'green') {
        // No other worker can reach a busy green engine: Stop ends it at once, every time.
        assert.equal(r.reason, 'stop', `${state}: ${JSON.stringify(r)}`);
      } else if (state === 'backstop') {
        assert.equal(r.reason, 'backstop', `${state}: ${JSON.stringify(r)}`);
      } else if (state === 'big pow') {
        // Either the builtin looks at the stop flag (the engine's side of issue 13) or the
        // backstop ends it: both settle in time.
        assert.ok(r.reason === 'backstop' || r.error === 'KeyboardInterrupt', `${state}: ${JSON.stringify(r)}`);
      } else {
        // The stop flag reached it: a report that says KeyboardInterrupt, no restart.
        assert.equal(r.restarted, false, `${state}: ${JSON.stringify(r)}`);
        assert.equal(r.error, 'KeyboardInterrupt', `${state}: ${JSON.stringify(r)}`);
      }
    }
    t.diagnostic(`Stop latency (${engine}, ${mode}): ${figures.join(', ')}`);
  });
}

test('the page says when Stop had to restart the engine, and the chip follows it', async () => {
  const { page, logs } = browser;
  await page.goto(isolated.url);
  await page.waitForSelector('#engine-chip[data-state="ready"]', { timeout: 60_000 });
  await page.evaluate((code) => window.playground.editor.setCode(code), BLOCKED.backstop);
  await page.click('#run');
  await page.waitForFunction(() => document.getElementById('console').textContent.includes('waiting'), null, { timeout: 30_000 });
  const chips = chipUntilReady(page);
  await page.click('#stop');
  await page.waitForFunction(() => /restarted/.test(document.getElementById('run-state').textContent), null, { timeout: STOP_HANG_MS });
  await screenshot(page, 'stop-backstop.png');
  const status = await page.textContent('#run-state');
  assert.match(status, /^Stopped: the program did not stop within 0\.5 s, so the engine was restarted\.$/);
  assert.match(await page.textContent('#console'), /did not stop within 500 ms of Stop, so the engine was restarted/);
  const seen = await chips;
  assert.deepEqual(seen, ['loading:engine restarting…', 'ready:engine ready']);
  // The restarted engine runs the next program.
  await page.evaluate(() => window.playground.editor.setCode('print(6 * 7)\n'));
  await page.click('#run');
  await page.waitForFunction(() => /finished/.test(document.getElementById('run-state').textContent), null, { timeout: 30_000 });
  assert.match(await page.textContent('#console'), /42/, logs.join('\n'));
});
