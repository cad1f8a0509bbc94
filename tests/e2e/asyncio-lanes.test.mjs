// The timeline's new lanes in the playground, in real Chromium against the real engine
// (docs/report.md, "Processes and asyncio tasks"): asyncio tasks as lanes under the thread that
// runs their loop, in the states ready / running / awaiting; a two-process run drawn as two
// more process groups, each with its own GIL row; a run with neither drawn as before.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startIsolatedServer } from './lib/servers.mjs';
import { openBrowser, screenshot } from './lib/browser.mjs';
import { ROOT } from './lib/paths.mjs';

let server;
let browser;

before(async () => {
  server = await startIsolatedServer();
  browser = await openBrowser();
  const { page } = browser;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(server.url);
  await page.waitForSelector('#engine-chip[data-state="ready"]', { timeout: 90_000 });
  await page.waitForFunction(() => !document.getElementById('run').disabled);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const program = (name) => readFileSync(join(ROOT, 'tests', 'data', name), 'utf8');

/** Puts `code` in the editor, runs it in `mode`, waits for the timeline to draw the run. */
async function runInPlayground(code, mode) {
  const { page } = browser;
  await page.evaluate((t) => window.playground.editor.setCode(t), code);
  await page.check(`input[name="mode"][value="${mode}"]`);
  await page.evaluate(() => { document.getElementById('reading').dataset.state = 'waiting'; });
  await page.click('#run');
  try {
    await page.waitForFunction(() => !document.body.classList.contains('is-running') &&
      document.getElementById('reading').dataset.state !== 'waiting', null, { timeout: 90_000 });
  } catch (e) {
    throw new Error(`the run did not finish: ${e.message}\n${browser.logs.join('\n')}`);
  }
  await page.waitForSelector('#timeline .tl.tl-has-data');
}

/** The timeline's rows as the summary table lists them: {row, cells: {state label: ms}}. */
async function rows() {
  return browser.page.evaluate(() => {
    const table = document.querySelector('#timeline .tl-summary');
    const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    return [...table.querySelectorAll('tbody tr')].map((tr) => {
      const cells = {};
      [...tr.querySelectorAll('td')].forEach((td, i) => {
        const label = heads[i + 1];
        if (label !== 'Spans') cells[label] = parseFloat(td.textContent) * (/µs/.test(td.textContent) ? 1e-3 : /\d s/.test(td.textContent) ? 1e3 : 1);
      });
      return { row: tr.querySelector('th').textContent, cells };
    });
  });
}

const legendStates = () => browser.page.locator('#timeline .tl-legend-item[data-state]:not(.tl-absent)')
  .evaluateAll((els) => els.map((e) => e.dataset.state));

test('asyncio tasks are lanes under their loop thread: ready, running, awaiting', async () => {
  const { page } = browser;
  await runInPlayground(program('asyncio_lanes.py'), 'gil');
  const tl = page.locator('#timeline .tl');
  assert.equal(await tl.getAttribute('data-tasks'), '5');
  assert.equal(await tl.getAttribute('data-gil-rows'), '0', 'one process: no GIL row, as before');
  const list = await rows();
  assert.deepEqual(list.map((r) => r.row), [
    'MainThread',
    'MainThread › task Task-1',
    'MainThread › task sleeper-a',
    'MainThread › task sleeper-b',
    'MainThread › task crunch',
    'MainThread › task ticker',
  ]);
  const row = (name) => list.find((r) => r.row === `MainThread › task ${name}`).cells;
  const READY = 'task ready (waiting for its loop)';
  const AWAITING = 'task awaiting (sleep or I/O)';
  // The sleepers spent their 50 ms awaiting; crunch never awaited; the ticker waited ready
  // (behind crunch) and ran.
  for (const name of ['sleeper-a', 'sleeper-b']) assert.ok(row(name)[AWAITING] >= 45, `${name}: ${JSON.stringify(row(name))}`);
  assert.equal(row('crunch')[AWAITING] ?? 0, 0, JSON.stringify(row('crunch')));
  assert.ok(row('crunch').running > 0 && row('ticker').running > 0);
  assert.ok(row('ticker')[READY] >= row('crunch').running * 0.9, `the ticker stayed ready while crunch ran: ${JSON.stringify(list)}`);
  // The loop's wait is sleeping, never a lock wait.
  const main = list[0].cells;
  assert.ok(main['sleeping (I/O)'] >= 45, JSON.stringify(main));
  assert.equal(main['waiting for a lock'], undefined, 'the loop thread showed a lock wait');
  const legend = await legendStates();
  for (const s of ['running', 'ready', 'awaiting', 'sleeping']) assert.ok(legend.includes(s), `legend lacks ${s}: ${legend}`);
  assert.match(await page.getAttribute('#timeline canvas', 'aria-label'), /task crunch of MainThread ran/);
  await page.locator('#timeline').screenshot({ path: await shotPath('asyncio-lanes-timeline.png') });
  const errors = browser.logs.filter((l) => l.startsWith('pageerror'));
  assert.deepEqual(errors, []);
});

test('a two-process run draws a group per process, each with its own GIL row', async () => {
  const { page } = browser;
  await runInPlayground(program('two_processes_two_threads.py'), 'gil');
  const tl = page.locator('#timeline .tl');
  assert.equal(await tl.getAttribute('data-processes'), '3');
  assert.equal(await tl.getAttribute('data-gil-rows'), '3');
  const list = await rows();
  const names = list.map((r) => r.row);
  const gilRows = names.filter((n) => n.startsWith('GIL of '));
  assert.deepEqual(gilRows, ['GIL of MainProcess', 'GIL of Process-1', 'GIL of Process-2']);
  // Each GIL row leads its process's lanes.
  for (const p of ['Process-1', 'Process-2']) {
    const at = names.indexOf(`GIL of ${p}`);
    assert.deepEqual(names.slice(at + 1, at + 4), [`${p} › MainThread`, `${p} › Thread-1 (count)`, `${p} › Thread-2 (count)`], names.join(' | '));
  }
  // Each child's GIL was held while its threads counted.
  for (const p of ['Process-1', 'Process-2']) {
    const held = list.find((r) => r.row === `GIL of ${p}`).cells['holds the GIL (GIL row)'];
    assert.ok(held > 0, `${p}'s GIL row is empty`);
  }
  const heads = await page.locator('#timeline canvas').getAttribute('aria-label');
  assert.match(heads, /threads in 3 processes/);
  assert.ok((await legendStates()).includes('gil_held'));
  await page.locator('#timeline').screenshot({ path: await shotPath('two-processes-gil-rows.png') });
  await page.setViewportSize({ width: 390, height: 900 });
  await page.locator('#timeline').screenshot({ path: await shotPath('two-processes-gil-rows-narrow.png') });
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('a plain threads run has no process headings, GIL rows or task lanes', async () => {
  const { page } = browser;
  const code = 'import threading\ndef f():\n    sum(range(50000))\nts = [threading.Thread(target=f) for _ in range(2)]\n'
    + 'for t in ts: t.start()\nfor t in ts: t.join()\nprint("ok")\n';
  await runInPlayground(code, 'gil');
  const tl = page.locator('#timeline .tl');
  assert.equal(await tl.getAttribute('data-processes'), '1');
  assert.equal(await tl.getAttribute('data-gil-rows'), '0');
  assert.equal(await tl.getAttribute('data-tasks'), '0');
  assert.deepEqual((await rows()).map((r) => r.row), ['MainThread', 'Thread-1 (f)', 'Thread-2 (f)']);
  const legend = await legendStates();
  for (const s of ['ready', 'awaiting', 'gil_held']) assert.ok(!legend.includes(s), `legend shows ${s}`);
});

async function shotPath(name) {
  // screenshot() makes the folder; the element shots go beside its page shots.
  const full = await screenshot(browser.page, name.replace('.png', '-page.png'));
  return full.replace('-page.png', '.png');
}
