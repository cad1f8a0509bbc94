// The timeline's new lanes in the playground, in real Chromium against the real engine
// (docs/report.md, "Processes and asyncio tasks"): asyncio tasks as lanes under the thread that
// runs their loop, in the states ready / running / awaiting; a two-process run drawn as two
// more process groups, each with its own GIL row; a run with neither drawn as before.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screenshot } from './lib/browser.mjs';
import { ROOT } from './lib/paths.mjs';
import { closeServedPage, openServedPage } from './lib/served-page.mjs';

let server;
let browser;

before(async () => {
  ({ server, browser } = await openServedPage());
  const { page } = browser;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(server.url);
  await page.waitForSelector('#engine-chip[data-state="ready"]', { timeout: 90_000 });
  await page.waitForFunction(() => !document.getElementById('run').disabled);
});

after(() => closeServedPage({ server, browser }));

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
  await page.emulateMedia({ colorScheme: 'dark' });
  // The scheme's change event redraws; two frames later it is on screen.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.locator('#timeline').screenshot({ path: await shotPath('two-processes-gil-rows-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
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

test('the tooltip names a task and its thread, and a GIL row span its holder', async () => {
  const { page } = browser;
  // The reports come from the engine, then go to the dev page that holds the timeline object.
  const reports = await page.evaluate(async ([a, b]) => {
    const threadlab = await import('/threadlab.js');
    return { tasks: await threadlab.run(a, { mode: 'gil' }), procs: await threadlab.run(b, { mode: 'gil' }) };
  }, [program('asyncio_lanes.py'), program('two_processes_two_threads.py')]);
  // Each process's GIL row agrees with its lanes: the holder is running all the while it holds it.
  for (const p of reports.procs.processes) {
    for (const g of p.gil) {
      const t = reports.procs.threads[g.lane];
      assert.equal(t.process, p.pid, `${p.name}'s GIL row names another process's lane`);
      assert.ok(t.spans.some((s) => s.state === 'running' && s.start_ms <= g.start_ms && g.end_ms <= s.end_ms),
        `${p.name}: ${t.name} held the GIL over ${JSON.stringify(g)} without running all that time`);
    }
  }
  await page.goto(`${server.url}dev/visuals.html`);
  await page.waitForSelector('body[data-ready]', { timeout: 15_000 });
  await page.evaluate((r) => window.visuals.addReports(r), reports);
  const tip = page.locator('#timeline .tl-tooltip');
  /** Moves the pointer to the middle of the widest `state` span of the drawn row `kind`/`label`
   * (a GIL row's label is its name). */
  async function hover(name, kind, label, spansOf, state) {
    await page.evaluate((n) => window.visuals.showReport(n), name);
    const drawn = await page.evaluate(() => window.visuals.timeline.rows());
    const index = drawn.findIndex((r) => r.kind === kind && (r.label === label || r.name === label));
    assert.ok(index >= 0, `no ${kind} row ${label}: ${JSON.stringify(drawn)}`);
    const span = spansOf.filter((s) => !state || s.state === state).sort((a, b) => (b.end_ms - b.start_ms) - (a.end_ms - a.start_ms))[0];
    // Bring the row on screen: the pointer can only reach what the viewport shows.
    const at = await page.evaluate(([l, t]) => {
      const first = window.visuals.timeline.locate(l, t);
      window.scrollBy(0, first.y - window.innerHeight / 2);
      return window.visuals.timeline.locate(l, t);
    }, [index, (span.start_ms + span.end_ms) / 2]);
    await page.mouse.move(at.x, at.y);
    await tip.waitFor({ state: 'visible', timeout: 2000 });
    return { span, text: await tip.textContent() };
  }
  const main = reports.tasks.threads[0];
  const sleeper = main.tasks.find((t) => t.task === 'sleeper-a');
  let { text } = await hover('tasks', 'task', 'sleeper-a', sleeper.spans, 'awaiting');
  assert.match(text, /sleeper-a, a task of MainThread/);
  assert.match(text, /task awaiting \(sleep or I\/O\)/);
  assert.equal(await tip.getAttribute('data-state'), 'awaiting');
  const p1 = reports.procs.processes.find((p) => p.name === 'Process-1');
  const gil = p1.gil.map((g) => ({ ...g, state: 'gil_held' }));
  const hovered = await hover('procs', 'gil', 'GIL of Process-1', gil, null);
  const holder = reports.procs.threads[hovered.span.lane].name;
  assert.match(hovered.text, new RegExp(`GIL of Process-1.*held by ${holder.replace(/[()]/g, '\\$&')}`));
  await page.mouse.move(0, 0);
});

async function shotPath(name) {
  // screenshot() makes the folder; the element shots go beside its page shots.
  const full = await screenshot(browser.page, name.replace('.png', '-page.png'));
  return full.replace('-page.png', '.png');
}
