// The visual modules (timeline, run history, bar chart, the lesson picture) in real Chromium,
// through www/dev/visuals.html on the project's own server, fed with tests/e2e/fixtures/*.json.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { screenshot } from './lib/browser.mjs';
import { ROOT } from './lib/paths.mjs';
import { closeServedPage, openServedPage } from './lib/served-page.mjs';

const FIXTURES = join(ROOT, 'tests', 'e2e', 'fixtures');
const RENDER_BUDGET_MS = 50;

let server;
let browser;
let fixtures;

before(async () => {
  fixtures = {};
  for (const f of await readdir(FIXTURES)) {
    if (f.endsWith('.json')) fixtures[f.slice(0, -5)] = JSON.parse(await readFile(join(FIXTURES, f), 'utf8'));
  }
  ({ server, browser } = await openServedPage());
  await openVisuals();
});

after(() => closeServedPage({ server, browser }));

async function openVisuals() {
  const { page } = browser;
  await page.goto(`${server.url}dev/visuals.html`);
  await page.waitForSelector('body[data-ready]', { timeout: 15_000 });
  await page.evaluate((fx) => window.visuals.addReports(fx), fixtures);
}

function noPageErrors() {
  const errors = browser.logs.filter((l) => l.startsWith('pageerror') || l.startsWith('console.error'));
  assert.deepEqual(errors, [], 'the page logged errors');
}

const statesOf = (report) => [...new Set(report.threads.flatMap((t) => t.spans.map((s) => s.state)))].sort();

// ---- timeline ----------------------------------------------------------------------------

test('the timeline draws one lane per thread, named, and a legend of the states present', async () => {
  const { page } = browser;
  for (const name of ['count-gil', 'sleep-gil', 'convoy-gil', 'count-sequential']) {
    const report = fixtures[name];
    await page.evaluate((n) => window.visuals.showReport(n), name);
    const tl = page.locator('#timeline .tl');
    assert.equal(await tl.getAttribute('data-threads'), String(report.threads.length), name);
    // Lane names, as a screen reader gets them (the canvas draws the same list).
    const names = await page.locator('#timeline .tl-summary tbody th').allTextContents();
    assert.deepEqual(names, report.threads.map((t) => t.name), name);
    const present = await page.locator('#timeline .tl-legend-item[data-state]:not(.tl-absent)')
      .evaluateAll((els) => els.map((e) => e.dataset.state).sort());
    assert.deepEqual(present, statesOf(report), `${name}: legend lists the states present`);
    // The basic states are always there, present or not.
    const all = await page.locator('#timeline .tl-legend-item[data-state]').evaluateAll((els) => els.map((e) => e.dataset.state));
    for (const s of ['running', 'waiting_gil', 'sleeping', 'done']) assert.ok(all.includes(s), `${name}: legend has ${s}`);
    const label = await page.getAttribute('#timeline canvas', 'aria-label');
    assert.match(label, new RegExp(`^${report.threads.length} threads over `), name);
    assert.equal(await page.getAttribute('#timeline canvas', 'role'), 'img');
  }
  // GIL hand-offs: in GIL mode only.
  await page.evaluate(() => window.visuals.showReport('count-gil'));
  assert.ok(Number(await page.getAttribute('#timeline .tl', 'data-handoffs')) > 10);
  assert.ok(await page.isVisible('#timeline [data-marker=handoff]'));
  await page.evaluate(() => window.visuals.showReport('count-free'));
  assert.equal(await page.getAttribute('#timeline .tl', 'data-handoffs'), '0');
  assert.equal(await page.isVisible('#timeline [data-marker=handoff]'), false);
  noPageErrors();
});

/** A span of the fixture that is wide enough to point at, and where its middle is on screen. */
async function pointAtSpan(page, reportName, lane, state) {
  const spans = fixtures[reportName].threads[lane].spans;
  const span = spans.filter((s) => s.state === state).sort((a, b) => (b.end_ms - b.start_ms) - (a.end_ms - a.start_ms))[0];
  const mid = (span.start_ms + span.end_ms) / 2;
  const at = await page.evaluate(([l, t]) => window.visuals.timeline.locate(l, t), [lane, mid]);
  return { span, at };
}

test('hovering a span shows its thread, state and times; the keyboard does too', async () => {
  const { page } = browser;
  await page.evaluate(() => window.visuals.showReport('sleep-gil'));
  const thread = fixtures['sleep-gil'].threads[2];
  const { at } = await pointAtSpan(page, 'sleep-gil', 2, 'sleeping');
  await page.mouse.move(at.x, at.y);
  const tip = page.locator('#timeline .tl-tooltip');
  await tip.waitFor({ state: 'visible', timeout: 2000 });
  assert.equal(await tip.getAttribute('data-thread'), thread.name);
  assert.equal(await tip.getAttribute('data-state'), 'sleeping');
  const text = await tip.textContent();
  assert.ok(text.includes(thread.name), text);
  assert.match(text, /sleeping/);
  assert.match(text, /start.*end.*duration/s);
  assert.equal(await page.getAttribute('body', 'data-hover'), `${thread.name}|sleeping`, 'onHover was called');
  await page.mouse.move(2, 2);
  await tip.waitFor({ state: 'hidden', timeout: 2000 });

  // Keyboard: focus, then arrows move from span to span; the tooltip and the live region follow.
  await page.focus('#timeline canvas');
  await page.keyboard.press('ArrowRight'); // the first key picks the first span on screen
  await page.keyboard.press('ArrowDown');
  await tip.waitFor({ state: 'visible', timeout: 2000 });
  const announced = await page.textContent('#timeline [data-role=announce]');
  assert.match(announced, /from .* to /);
  assert.equal(await tip.getAttribute('data-thread'), fixtures['sleep-gil'].threads[1].name);
  await page.keyboard.press('Escape');
  await tip.waitFor({ state: 'hidden', timeout: 2000 });
});

test('zoom narrows the visible time range; drag pans; reset shows the whole run', async () => {
  const { page } = browser;
  await page.evaluate(() => window.visuals.showReport('count-gil'));
  const view = () => page.evaluate(() => window.visuals.timeline.view());
  const whole = await view();
  assert.equal(whole.start_ms, 0);
  assert.ok(Math.abs(whole.end_ms - fixtures['count-gil'].wall_ms) < 0.01);

  await page.click('#timeline .tl-zoom-in');
  await page.waitForFunction((w) => Number(document.querySelector('#timeline .tl').dataset.viewEnd) < w, whole.end_ms);
  const zoomed = await view();
  const ratio = (zoomed.end_ms - zoomed.start_ms) / (whole.end_ms - whole.start_ms);
  assert.ok(Math.abs(ratio - 0.5) < 0.01, `zoom in halves the range (got ${ratio})`);
  assert.notEqual(await page.textContent('#timeline .tl-range'), '');

  // The wheel zooms around the pointer.
  const box = await page.locator('#timeline canvas').boundingBox();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6);
  await page.mouse.wheel(0, -300);
  await page.waitForFunction((span) => {
    const d = document.querySelector('#timeline .tl').dataset;
    return Number(d.viewEnd) - Number(d.viewStart) < span - 1;
  }, zoomed.end_ms - zoomed.start_ms);
  const wheeled = await view();
  assert.ok(wheeled.end_ms - wheeled.start_ms < zoomed.end_ms - zoomed.start_ms);

  // Dragging to the left moves later times into view.
  const before = await view();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.7);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.7, { steps: 5 });
  await page.mouse.up();
  await page.waitForTimeout(50);
  const panned = await view();
  assert.ok(panned.start_ms > before.start_ms, `pan moved the view (${before.start_ms} -> ${panned.start_ms})`);
  assert.ok(Math.abs((panned.end_ms - panned.start_ms) - (before.end_ms - before.start_ms)) < 0.01, 'pan keeps the zoom');

  // Shift+drag zooms to the selection.
  await page.click('#timeline .tl-zoom-reset');
  await page.waitForTimeout(50);
  await page.keyboard.down('Shift');
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.7);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.7, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await page.waitForTimeout(50);
  const selected = await view();
  assert.ok(selected.end_ms - selected.start_ms < (whole.end_ms - whole.start_ms) * 0.2, 'zoomed to the selection');

  await page.click('#timeline .tl-zoom-reset');
  await page.waitForTimeout(50);
  assert.deepEqual(await view(), whole);
});

test('dense GIL switching: the drawing cost does not grow with the number of spans', async (t) => {
  const { page } = browser;
  const cases = [
    ['gil-switching-1s', null], // real: ~1 s of GIL switching
    ['synthetic 10,000 spans', { spans: 10000, threads: 2, wallMs: 1000 }],
    ['synthetic 10,000 spans, 8 threads', { spans: 10000, threads: 8, wallMs: 1000 }],
  ];
  for (const [name, synthetic] of cases) {
    if (synthetic) {
      await page.evaluate(([n, opts]) => window.visuals.addReports({ [n]: window.visuals.syntheticGil(opts) }), [name, synthetic]);
    }
    const r = await measureRenders(page, name);
    t.diagnostic(`${name}: ${r.spans} spans, ${r.lanes} lanes; one draw: ${JSON.stringify(r.calls)}; ` +
      `render ${r.times.map((x) => x.toFixed(1)).join(' / ')} ms, zoom+reset ${r.zoomMs.toFixed(1)} ms`);
    if (synthetic) assert.ok(r.spans >= synthetic.spans, `${name}: only ${r.spans} spans`);
    // What keeps a dense timeline cheap (www/js/timeline.js): each lane is painted as one
    // image, column by column, so no canvas call is made per span; hand-offs closer than 2 px
    // merge into one tick (one path). So the canvas calls of one draw depend on the lanes and
    // the axis, never on the number of spans.
    assert.equal(r.calls.putImageData, r.lanes, `${name}: one image per lane`);
    assert.ok(r.handoffsShown <= r.plotWidth / 2, `${name}: ${r.handoffsShown} hand-offs drawn on ${r.plotWidth} px`);
    const calls = Object.values(r.calls).reduce((a, b) => a + b, 0);
    assert.ok(calls <= 10 * r.lanes + 40, `${name}: ${calls} canvas calls for ${r.lanes} lanes and ${r.spans} spans`);
    // A hang detector, 10x the 50 ms a frame may take: broken merging would take seconds.
    const worst = Math.max(...r.times, r.zoomMs);
    assert.ok(worst < RENDER_BUDGET_MS * 10, `${name}: a draw took ${worst.toFixed(0)} ms`);
  }
  noPageErrors();
});

/**
 * Renders the report 5 times (after one warm-up), each in its own task, and a zoom; in page.
 * The first timed draw also counts the canvas calls it makes.
 */
function measureRenders(page, name) {
  return page.evaluate(async (name) => {
    const pause = (ms) => new Promise((r) => setTimeout(r, ms));
    window.visuals.showReport(name); // warm-up: the first call compiles the drawing code
    await pause(50);
    const proto = CanvasRenderingContext2D.prototype;
    const calls = { fillRect: 0, fillText: 0, putImageData: 0, stroke: 0 };
    const originals = {};
    for (const k of Object.keys(calls)) {
      originals[k] = proto[k];
      proto[k] = function (...args) {
        if (this.canvas.closest('#timeline')) calls[k]++;
        return originals[k].apply(this, args);
      };
    }
    const times = [];
    try {
      times.push(window.visuals.showReport(name));
    } finally {
      for (const k of Object.keys(calls)) proto[k] = originals[k];
    }
    for (let i = 0; i < 4; i++) {
      await pause(20); // separate tasks, as real runs would be; lets the canvas paint
      times.push(window.visuals.showReport(name));
    }
    const t0 = performance.now();
    window.visuals.timeline.zoom(4);
    window.visuals.timeline.resetZoom();
    const zoomMs = performance.now() - t0;
    const root = document.querySelector('#timeline .tl');
    const canvas = document.querySelector('#timeline canvas');
    const spans = [...document.querySelectorAll('#timeline .tl-summary tbody td:last-child')]
      .reduce((n, td) => n + Number(td.textContent), 0);
    return {
      times, zoomMs, spans, calls,
      lanes: Number(root.dataset.threads),
      handoffsShown: Number(root.dataset.handoffsShown ?? 0),
      plotWidth: canvas.clientWidth,
    };
  }, name);
}

// ---- results -----------------------------------------------------------------------------

const COUNT = { preset: 'counting', code: 'def count(n): ...', params: { n: 3000000, threads: 2 } };
const TRICKY = { preset: 'my "fast", preset', code: 'x = 1', params: { note: 'a,b "c"\nd' } };

async function addRuns(page) {
  await page.evaluate(({ COUNT, TRICKY }) => {
    const r = window.visuals.results;
    r.clear();
    r.add({ ...COUNT, mode: 'sequential', switch_interval: 0.005, wall_ms: 1500, gil_switches: 0, error: null });
    r.add({ ...COUNT, mode: 'gil', switch_interval: 0.005, wall_ms: 1600, gil_switches: 290, error: null });
    r.add({ ...COUNT, mode: 'free', switch_interval: 0.005, wall_ms: 800, gil_switches: 0, error: null });
    // Same code, other parameters: no sequential baseline of its own.
    r.add({ ...COUNT, params: { n: 10, threads: 2 }, mode: 'gil', switch_interval: 0.005, wall_ms: 5, gil_switches: 0, error: null });
    r.add({ ...TRICKY, mode: 'gil', switch_interval: 0.005, wall_ms: 12, gil_switches: 1, error: { type: 'NameError', message: "name 'y' is not defined", line: 2 } });
  }, { COUNT, TRICKY });
}

/** RFC 4180, small: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCSV(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

test('results: runs become table rows and bars, with speedups against sequential', async () => {
  const { page } = browser;
  await addRuns(page);
  assert.equal(await page.locator('#results tbody tr').count(), 5);
  const runs = await page.evaluate(() => window.visuals.results.runs());
  assert.equal(runs.length, 5);
  const [seq, gil, free, other, failed] = runs;
  assert.equal(seq.speedup, 1);
  assert.ok(Math.abs(gil.speedup - 1500 / 1600) < 1e-9);
  assert.ok(Math.abs(free.speedup - 1500 / 800) < 1e-9);
  assert.equal(other.speedup, null, 'other parameters: no baseline');
  assert.equal(failed.speedup, null, 'a failed run has no speedup');
  assert.equal(failed.preset, TRICKY.preset);
  assert.ok(seq.id && seq.time, 'id and time filled in');
  // Newest first in the table; the speedup column shows the factor.
  const first = await page.locator('#results tbody tr').first().locator('td').allTextContents();
  assert.equal(first[0], TRICKY.preset);
  const freeRow = page.locator('#results tbody tr[data-mode=free]');
  assert.equal(await freeRow.locator('td[data-label=Speedup]').textContent(), '1.88×');
  // The chart: one group per program and parameters, a bar per mode.
  const bars = await page.locator('#results rect.bar-fill').evaluateAll((els) => els.map((e) => [e.dataset.group, e.dataset.mode, e.dataset.seconds]));
  assert.deepEqual(bars.slice(0, 3), [['counting', 'sequential', '1.5'], ['counting', 'gil', '1.6'], ['counting', 'free', '0.8']]);
  assert.equal(bars.length, 5);
  noPageErrors();
});

test('results: kept across a reload, cleared on demand', async () => {
  const { page } = browser;
  await addRuns(page);
  await page.reload();
  await page.waitForSelector('body[data-ready]');
  assert.equal(await page.locator('#results tbody tr').count(), 5);
  assert.equal((await page.evaluate(() => window.visuals.results.runs())).length, 5);

  // The button asks twice before it deletes anything.
  await page.click('#results [data-action=clear]');
  assert.equal(await page.locator('#results tbody tr').count(), 5);
  assert.match(await page.textContent('#results [data-action=clear]'), /again/);
  await page.click('#results [data-action=clear]');
  assert.equal(await page.locator('#results tbody tr').count(), 0);
  assert.equal(await page.locator('#results rect.bar-fill').count(), 0);
  assert.equal(await page.isVisible('#results .results-empty'), true);
  await page.reload();
  await page.waitForSelector('body[data-ready]');
  assert.equal((await page.evaluate(() => window.visuals.results.runs())).length, 0, 'still empty after reload');
  await page.evaluate((fx) => window.visuals.addReports(fx), fixtures);

  // The cap: only the latest `max` runs are kept.
  const kept = await page.evaluate(async () => {
    const { createResults } = await import('/js/results.js');
    const box = document.createElement('div');
    document.body.append(box);
    const r = createResults(box, { storageKey: 'threadlab.test-cap', max: 3 });
    r.clear();
    for (let i = 0; i < 5; i++) r.add({ preset: `p${i}`, code: 'c', params: {}, mode: 'gil', wall_ms: 10, gil_switches: 0, error: null });
    const presets = r.runs().map((x) => x.preset);
    r.clear();
    r.destroy();
    box.remove();
    return presets;
  });
  assert.deepEqual(kept, ['p2', 'p3', 'p4']);
});

test('results: CSV and JSON exports hold the runs', async () => {
  const { page } = browser;
  await addRuns(page);
  const csv = await page.evaluate(() => window.visuals.results.exportCSV());
  assert.ok(csv.includes('\r\n'), 'CRLF lines');
  const rows = parseCSV(csv);
  const [head, ...body] = rows;
  assert.deepEqual(head.slice(0, 10), ['id', 'time', 'preset', 'params', 'mode', 'switch_interval', 'wall_ms', 'gil_switches', 'speedup', 'error']);
  assert.equal(body.length, 5);
  const col = (name) => head.indexOf(name);
  assert.deepEqual(body.map((r) => r[col('mode')]), ['sequential', 'gil', 'free', 'gil', 'gil']);
  assert.deepEqual(body.map((r) => Number(r[col('wall_ms')])), [1500, 1600, 800, 5, 12]);
  assert.equal(Number(body[2][col('speedup')]), 1.875);
  assert.equal(body[4][col('preset')], TRICKY.preset, 'quotes and commas survive');
  assert.deepEqual(JSON.parse(body[4][col('params')]), TRICKY.params, 'a line break inside a field survives');
  assert.match(body[4][col('error')], /^NameError: /);

  const json = JSON.parse(await page.evaluate(() => window.visuals.results.exportJSON()));
  assert.equal(json.length, 5);
  assert.deepEqual(json.map((r) => r.wall_ms), [1500, 1600, 800, 5, 12]);
  assert.deepEqual(json[0].params, COUNT.params);
  assert.equal(json[4].error.type, 'NameError');

  // The buttons download the same text.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#results [data-action=csv]')]);
  assert.equal(download.suggestedFilename(), 'threadlab-runs.csv');
});

// ---- the lesson in one picture -------------------------------------------------------------

test('the lesson picture draws six bars in a fixed order, heights proportional to seconds', async () => {
  const { page } = browser;
  const results = {
    downloads: { sequential: 6.0, gil: 2.0, free: 2.1 },
    counting: { sequential: 1.5, gil: 1.53, free: 0.79 },
  };
  const drawn = await page.evaluate((res) => {
    const box = document.getElementById('lesson');
    const { caption } = window.visuals.drawLessonPicture(box, res);
    const bars = [...box.querySelectorAll('rect.bar-fill')].map((r) => ({
      group: r.dataset.group, mode: r.dataset.mode, seconds: Number(r.dataset.seconds), height: Number(r.getAttribute('height')),
    }));
    return { caption, bars, figcaption: box.querySelector('figcaption').textContent };
  }, results);
  assert.deepEqual(drawn.bars.map((b) => `${b.group}/${b.mode}`), [
    'downloads/sequential', 'downloads/gil', 'downloads/free', 'counting/sequential', 'counting/gil', 'counting/free']);
  assert.deepEqual(drawn.bars.map((b) => b.seconds), [6.0, 2.0, 2.1, 1.5, 1.53, 0.79]);
  const perSecond = drawn.bars[0].height / drawn.bars[0].seconds;
  for (const b of drawn.bars) {
    assert.ok(Math.abs(b.height / b.seconds - perSecond) / perSecond < 0.01, `${b.group}/${b.mode} height ${b.height}`);
  }
  assert.equal(drawn.caption, drawn.figcaption);
  assert.equal(drawn.caption,
    'threads help the waiting work (downloads: 2.0 s vs 6.0 s) and not the computing work (counting: GIL 1.02x of sequential), unless the GIL is gone (free-threaded 1.9x faster)');
});

test('runLessonInOnePicture runs both presets in all three modes, in order, and reports progress', async () => {
  const { page } = browser;
  const out = await page.evaluate(async () => {
    const { runLessonInOnePicture } = await import('/js/compare.js');
    const calls = [];
    const progress = [];
    const wall = { 'dl:sequential': 3000, 'dl:gil': 1000, 'dl:free': 1000, 'cnt:sequential': 1500, 'cnt:gil': 1500, 'cnt:free': 750 };
    const results = await runLessonInOnePicture({
      counting: 'cnt',
      downloads: 'dl',
      run: async (code, { mode }) => {
        calls.push(`${code}:${mode}`);
        if (code === 'cnt' && mode === 'free') return { wall_ms: 1, error: { type: 'RuntimeError', message: 'boom' } };
        return { wall_ms: wall[`${code}:${mode}`], error: null };
      },
      onProgress: (p) => progress.push(`${p.done}/${p.total}`),
    });
    return { calls, progress, downloads: results.downloads, counting: results.counting, errors: results.errors };
  });
  assert.deepEqual(out.calls, ['dl:sequential', 'dl:gil', 'dl:free', 'cnt:sequential', 'cnt:gil', 'cnt:free']);
  assert.deepEqual(out.progress, ['1/6', '2/6', '3/6', '4/6', '5/6', '6/6']);
  assert.deepEqual(out.downloads, { sequential: 3, gil: 1, free: 1 });
  assert.deepEqual(out.counting, { sequential: 1.5, gil: 1.5, free: null });
  assert.equal(out.errors.length, 1);
});

// ---- what a person sees ------------------------------------------------------------------

test('screenshots: wide and phone, light and dark, with a tooltip near the edge', async () => {
  const { page } = browser;
  await addRuns(page);
  await page.evaluate(() => window.visuals.drawLessonPicture(document.getElementById('lesson'), {
    downloads: { sequential: 3.0, gil: 1.0, free: 1.0 }, counting: { sequential: 1.5, gil: 1.53, free: 0.79 },
  }));
  for (const [width, height] of [[1280, 800], [375, 812]]) {
    for (const scheme of ['light', 'dark']) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(() => window.visuals.showReport('convoy-gil'));
      await page.waitForTimeout(100); // ResizeObserver and the redraws it asks for
      // Point near the right end of the last lane: the tooltip must stay on screen.
      const end = fixtures['convoy-gil'].wall_ms;
      const lanes = fixtures['convoy-gil'].threads.length;
      await page.locator('#timeline canvas').scrollIntoViewIfNeeded();
      const at = await page.evaluate(([l, t]) => window.visuals.timeline.locate(l, t), [lanes - 1, end * 0.995]);
      await page.mouse.move(at.x, at.y);
      const tip = page.locator('#timeline .tl-tooltip');
      await tip.waitFor({ state: 'visible', timeout: 2000 });
      const box = await tip.boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= width, `${width} ${scheme}: tooltip inside the viewport horizontally`);
      assert.ok(box.y >= 0 && box.y + box.height <= height, `${width} ${scheme}: tooltip inside the viewport vertically`);
      // The viewport as it is (an element screenshot would scroll, and scrolling hides the tooltip).
      await page.screenshot({ path: await shotPath(`visuals-tooltip-${width}-${scheme}.png`) });
      await page.mouse.move(1, 1);
      await screenshot(page, `visuals-${width}-${scheme}.png`);
    }
  }
  await page.setViewportSize({ width: 1000, height: 760 });
  await page.emulateMedia({ colorScheme: 'light' });
  noPageErrors();
});

async function shotPath(name) {
  const { SCREENSHOTS } = await import('./lib/paths.mjs');
  const { mkdir } = await import('node:fs/promises');
  await mkdir(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}
