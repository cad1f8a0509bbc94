// "Threads, processes or asyncio?" (www/js/ways.js, ways-panel.js) and the lesson picture's
// processes column (www/js/compare.js), in the served page in real Chromium: the six runs print
// what python3 prints for the same six programs, the reading quotes the times the runs
// measured, the pool run's processes count in parallel under `gil` (each with its own GIL) while
// two threads of one process never run at once, a child's changes to its arguments never reach
// the parent, and without cross-origin isolation the page says processes run one at a time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlainServer } from './lib/servers.mjs';
import { openBrowser } from './lib/browser.mjs';
import { CLOCK_SLACK_MS, cores, overlapIn, spansOf } from './lib/mechanisms.mjs';
import { RUNS, variant, WAYS_CODE } from '../../www/js/ways.js';
import { closeServedPage, openServedPage } from './lib/served-page.mjs';

let server;
let browser;
const scratch = mkdtempSync(join(tmpdir(), 'threadlab-ways-'));
// The six from the first test, read by the ones after it.
let six = null;

before(async () => ({ server, browser } = await openServedPage()));

after(async () => {
  await closeServedPage({ server, browser });
  rmSync(scratch, { recursive: true, force: true });
});

// ---- helpers --------------------------------------------------------------------------------

/** python3's stdout for `code` (the tests compare threadlab's output with it). */
function python3(code, name) {
  const file = join(scratch, `${name}.py`);
  writeFileSync(file, code);
  try {
    return execFileSync('python3', [file], { encoding: 'utf8', timeout: 120_000 });
  } catch (e) {
    throw new Error(`python3 ${name}: ${e.stderr || e.message}`);
  }
}

async function openPage(page, url) {
  await page.goto(`${url}#preset=ways`);
  await page.waitForSelector('#engine-chip[data-state="ready"], #engine-chip[data-state="limited"]', { timeout: 90_000 });
  await page.waitForFunction(() => !document.getElementById('run-all').disabled);
  await page.waitForFunction(() => document.getElementById('lesson').dataset.preset === 'ways');
}

/** Sets the program's `NAME = value  # param:` literals, as the sliders would. */
async function setParams(page, values) {
  await page.evaluate((vals) => {
    let code = window.playground.editor.getCode();
    for (const [name, value] of Object.entries(vals)) code = code.replace(new RegExp(`^${name} = [\\d_.]+`, 'm'), `${name} = ${value}`);
    window.playground.editor.setCode(code);
  }, values);
}

/** Clicks "Run the six" and waits until all six cards have a time; resolves with the six reports. */
async function runSix(page) {
  await page.evaluate(() => { document.getElementById('reading').dataset.state = 'waiting'; });
  await page.click('#run-all');
  await page.waitForFunction(() => !document.body.classList.contains('is-running')
    && document.querySelectorAll('#ways-cards .card[data-wall-ms]').length === 6
    && document.getElementById('reading').dataset.state === 'read', null, { timeout: 180_000 });
  return page.evaluate(() => window.playground.ways());
}

async function readingOf(page) {
  return { text: await page.textContent('#reading'), data: JSON.parse(await page.getAttribute('#reading', 'data-reading')) };
}

/** "1.23 s", as the reading writes a time. */
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

const byProcess = (report) => {
  const out = new Map();
  for (const t of report.threads) {
    if (!out.has(t.process)) out.set(t.process, []);
    out.get(t.process).push(t);
  }
  return out;
};

// ---- the six runs -----------------------------------------------------------------------------

test('the six runs print what python3 prints, and the chart, cards and reading give their measured times', async () => {
  const { page } = browser;
  await openPage(page, server.url);
  assert.equal(await page.textContent('#run-all'), 'Run the six');
  assert.equal(await page.evaluate(() => window.playground.editor.getCode()), WAYS_CODE);
  // Shorter waits than the preset's (the I/O figures scale with them); the counts as shipped,
  // so the pool's processes count side by side for a while.
  await setParams(page, { LATENCY: '0.5' });
  const code = await page.evaluate(() => window.playground.editor.getCode());

  // Run (one run): the program as written, JOB = "cpu" and WAY = "threads"; its own reading.
  await page.evaluate(() => { document.getElementById('reading').dataset.state = 'waiting'; });
  await page.click('#run');
  await page.waitForFunction(() => !document.body.classList.contains('is-running')
    && document.getElementById('reading').dataset.state === 'read', null, { timeout: 120_000 });
  const one = (await page.evaluate(() => window.playground.results().reports)).gil;
  assert.equal(one.stdout, python3(code, 'as-written'));
  const single = await readingOf(page);
  assert.equal(single.text, `GIL: the CPU-bound job as threads took ${fmt(one.wall_ms)}. “Run the six” runs both jobs all three ways and compares them.`);

  six = await runSix(page);

  for (const { key, job, way } of RUNS) {
    const r = six[key];
    assert.ok(r, `no report for ${key}`);
    assert.equal(r.error, null, `${key}: ${r.stderr}`);
    assert.equal(r.mode, 'gil');
    assert.equal(r.stdout, python3(variant(code, job, way), key), `${key} printed what python3 did not`);
  }
  // Each way really ran its way: threads on threads, the pool on processes, asyncio on one thread.
  for (const job of ['cpu', 'io']) {
    assert.equal(six[`${job}-threads`].threads.length, 5, `${job}-threads: MainThread and 4 threads`);
    assert.equal(byProcess(six[`${job}-processes`]).size, 5, `${job}-processes: the program and 4 pool processes`);
    assert.equal(six[`${job}-asyncio`].threads.length, 1, `${job}-asyncio: one thread runs the loop`);
  }

  // The chart: six bars in RUNS order, each at its run's time.
  const bars = await page.$$eval('#ways-chart rect.bar-fill', (rects) => rects.map((r) => ({
    group: r.dataset.group, way: r.dataset.way, seconds: Number(r.dataset.seconds),
  })));
  assert.deepEqual(bars.map((b) => `${b.group}-${b.way}`), RUNS.map((r) => r.key));
  for (const b of bars) assert.equal(b.seconds, six[`${b.group}-${b.way}`].wall_ms / 1000);
  const cardsMs = await page.$$eval('#ways-cards .card', (cards) => cards.map((c) => [c.dataset.key, Number(c.dataset.wallMs)]));
  assert.deepEqual(Object.fromEntries(cardsMs), Object.fromEntries(RUNS.map((r) => [r.key, six[r.key].wall_ms])));

  // The reading: the measured times, and the verdicts they give.
  const { text, data } = await readingOf(page);
  assert.equal(data.cores, await cores(page));
  for (const { key } of RUNS) {
    assert.equal(data.ms[key], six[key].wall_ms, `${key} in the reading's data`);
    assert.ok(text.includes(fmt(six[key].wall_ms)), `the reading does not give ${key}'s ${fmt(six[key].wall_ms)}: ${text}`);
  }
  const speedup = six['cpu-threads'].wall_ms / six['cpu-processes'].wall_ms;
  assert.equal(data.cpuProcessesSpeedup, speedup);
  if (speedup >= 1.2) assert.ok(text.includes(`processes ${speedup.toFixed(1)}× faster than threads`), text);
  else {
    // Why not, from the figures: starting the processes cost what the I/O job's took beyond its threads.
    assert.match(text, /processes were not faster than threads/);
    const cost = six['io-processes'].wall_ms - six['io-threads'].wall_ms;
    if (cost > 0) assert.match(text, new RegExp(`(cost about ${fmt(cost)}|the ${fmt(cost)} starting them cost) \\(the I/O job's processes against its threads\\)`));
  }
  assert.match(text, /not the 2\.00 s of the 4 waits of 0\.5 s one after the other/);
  assert.equal(data.oneAtATime, false);
  assert.doesNotMatch(text, /one at a time on this page/);

  // Each run's timeline: its card's button draws it in the Timeline panel.
  await page.click('#ways-cards .card[data-key="cpu-processes"] button');
  assert.equal(await page.getAttribute('#timeline .tl', 'data-threads'), String(six['cpu-processes'].threads.length));
  assert.equal(await page.getAttribute('#ways-cards .card[data-key="cpu-processes"] button', 'aria-pressed'), 'true');
  await page.click('#ways-cards .card[data-key="io-asyncio"] button');
  assert.equal(await page.getAttribute('#timeline .tl', 'data-threads'), '1');
  assert.equal(await page.getAttribute('#ways-cards .card[data-key="cpu-processes"] button', 'aria-pressed'), 'false');
});

test('the pool run: processes count at once under gil, each with its own GIL; threads of one process never do', async (t) => {
  assert.ok(six, 'the six runs did not run');
  const report = six['cpu-processes'];
  const processes = byProcess(report);
  const main = report.threads[0].process;
  // Within each process, one lane runs at a time (its GIL); the program's process has two lanes
  // (MainThread and the pool's result handler).
  for (const [pid, lanes] of processes) {
    const spans = lanes.flatMap((l) => spansOf(l, 'running').map((s) => ({ ...s, lane: l.name })))
      .sort((a, b) => a.start_ms - b.start_ms);
    for (let i = 1; i < spans.length; i++) {
      assert.ok(spans[i].lane === spans[i - 1].lane || spans[i].start_ms >= spans[i - 1].end_ms - CLOCK_SLACK_MS,
        `process ${pid}: ${spans[i - 1].lane} and ${spans[i].lane} ran at once under its GIL`);
    }
  }
  assert.ok(processes.get(main).length >= 2, 'the program\'s process has one lane only');
  const n = await cores(browser.page);
  if (n < 2) {
    t.diagnostic(`skipped the across-processes overlap: navigator.hardwareConcurrency is ${n}`);
    return;
  }
  const workers = [...processes].filter(([pid]) => pid !== main).map(([, lanes]) => lanes[0]);
  assert.equal(workers.length, 4);
  const pairs = workers.flatMap((a, i) => workers.slice(i + 1).filter((b) => overlapIn(a, b, 'running')).map((b) => [a, b]));
  assert.ok(pairs.length > 0, 'no two pool processes ever ran at once: each should have a GIL of its own');
});

test('a child\'s changes to its arguments are not seen by the parent (Process and Pool)', async () => {
  // Pickle semantics (docs/processes.md, "What crosses between processes"): a child gets copies.
  const code = `import multiprocessing as mp

def change(data, box):
    data.append("child")
    data[0] = "changed"
    box["seen_by"] = "child"
    print("child:", data, box)

def change_in_pool(data):
    data.append("pool")
    return data

if __name__ == "__main__":
    mp.set_start_method("spawn")
    data = ["original"]
    box = {"seen_by": "parent"}
    p = mp.Process(target=change, args=(data, box))
    p.start()
    p.join()
    print("parent:", data, box)
    with mp.Pool(2) as pool:
        print("pool returned:", pool.map(change_in_pool, [data, data]))
    print("parent after the pool:", data)
`;
  const report = await browser.page.evaluate(async (c) => (await import('/threadlab.js')).run(c, { mode: 'gil' }), code);
  assert.equal(report.error, null, report.stderr);
  assert.equal(report.stdout, python3(code, 'copies'));
  assert.match(report.stdout, /^child: \['changed', 'child'\] \{'seen_by': 'child'\}\nparent: \['original'\] \{'seen_by': 'parent'\}\n/);
  assert.match(report.stdout, /\nparent after the pool: \['original'\]\n$/);
});

// ---- the lesson in one picture: the processes column -------------------------------------------

test('the lesson picture adds processes: the same two lessons with multiprocessing.Process, under the GIL', async () => {
  const { page } = browser;
  if (!page.url().startsWith(server.url)) await openPage(page, server.url); // run alone
  const programs = await page.evaluate(async () => (await import('/js/compare.js')).PROCESS_PROGRAMS);
  // The programs print what python3 prints. Their processes print in any order, and python3's
  // can interleave within a line (a print writes its text and its newline apart): compare the
  // messages.
  const messages = (text) => (text.match(/Downloading \w\.mp4|Finished \w\.mp4|All downloads complete|Done/g) ?? []).sort();
  for (const [name, code] of Object.entries(programs)) {
    const report = await page.evaluate(async (c) => (await import('/threadlab.js')).run(c, { mode: 'gil' }), code);
    assert.equal(report.error, null, report.stderr);
    assert.deepEqual(messages(report.stdout), messages(python3(code, name)), name);
    assert.equal(report.stdout.split('\n').filter(Boolean).length, messages(report.stdout).length, `${name}: one message a line`);
    assert.match(report.stdout, name === 'downloads' ? /\nAll downloads complete\n$/ : /^Done\n$/);
    assert.equal(byProcess(report).size, name === 'downloads' ? 4 : 3, `${name}: the program and its processes`);
  }
  assert.equal(await page.textContent('#picture-downloads-code'), programs.downloads);

  await page.evaluate(() => window.playground.history.clear());
  await page.click('#picture-run');
  await page.waitForFunction(() => document.querySelector('#picture figure')?.dataset.caption
    && !document.body.classList.contains('is-running'), null, { timeout: 180_000 });
  const bars = await page.$$eval('#picture rect.bar-fill', (rects) => rects.map((r) => ({
    group: r.dataset.group, mode: r.dataset.mode, seconds: r.dataset.seconds === '' ? null : Number(r.dataset.seconds),
  })));
  assert.deepEqual(bars.map((b) => `${b.group}/${b.mode}`), ['downloads', 'counting'].flatMap((g) =>
    ['sequential', 'gil', 'free', 'processes'].map((m) => `${g}/${m}`)));
  // Each bar is its run's time, as the run history has it.
  const runs = await page.evaluate(() => window.playground.history.runs());
  const wall = (preset, mode) => runs.filter((r) => r.preset === preset && r.mode === mode).at(-1)?.wall_ms / 1000;
  for (const b of bars) {
    const preset = { downloads: 'lesson6', counting: 'lesson5' }[b.group] + (b.mode === 'processes' ? '-processes' : '');
    assert.equal(b.seconds, wall(preset, b.mode === 'processes' ? 'gil' : b.mode), `${b.group}/${b.mode}`);
  }
  const caption = await page.getAttribute('#picture figure', 'data-caption');
  const seconds = (g, m) => bars.find((b) => b.group === g && b.mode === m).seconds;
  const speedup = seconds('counting', 'gil') / seconds('counting', 'processes');
  if (speedup >= 1.2) assert.ok(caption.includes(`counting: ${speedup.toFixed(1)}x faster than GIL threads`), caption);
  else assert.ok(caption.includes(`not the computing work here (counting: ${speedup.toFixed(1)}x of GIL threads`), caption);
  assert.match(caption, /[Pp]rocesses (help|did not help) the waiting work/);
  assert.equal(await page.textContent('#picture figcaption'), caption);
  await page.locator('#picture-panel').screenshot({ path: await shot('three-ways-picture-1000.png') });
});

// ---- how it looks -------------------------------------------------------------------------------

test('the chart, cards and reading fit at 1000x760 and in a narrow window', async () => {
  const { page } = browser;
  assert.ok(six, 'the six runs did not run');
  for (const [width, height] of [[1000, 760], [375, 760]]) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(200); // the chart redraws at its new width
    const svgWidth = await page.$eval('#ways-chart svg', (svg) => svg.getBoundingClientRect().width);
    const boxWidth = await page.$eval('#ways-chart', (box) => box.clientWidth);
    assert.ok(svgWidth <= boxWidth + 1, `${width}: the chart is ${svgWidth} px in a ${boxWidth} px box`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, `${width}: the page scrolls sideways`);
    // Bar labels are never cut: the whole word, or on a narrow chart its short form.
    const labels = await page.$$eval('#ways-chart .bar-label', (ts) => ts.map((t) => t.textContent));
    const short = { threads: 'thr.', processes: 'proc.', asyncio: 'async' };
    labels.forEach((label, i) => assert.ok([RUNS[i].way, short[RUNS[i].way]].includes(label), `${width}: bar label ${label}`));
    if (width >= 1000) assert.deepEqual(labels, RUNS.map((r) => r.way));
    await page.locator('#lesson').screenshot({ path: await shot(`three-ways-reading-${width}.png`) });
    await page.locator('#ways-panel').screenshot({ path: await shot(`three-ways-panel-${width}.png`) });
  }
  await page.setViewportSize({ width: 1000, height: 760 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.locator('#ways-panel').screenshot({ path: await shot('three-ways-panel-1000-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
});

// ---- without cross-origin isolation ---------------------------------------------------------------

test('on a page that is not isolated, the reading says the processes ran one at a time', async () => {
  const plain = await startPlainServer();
  const other = await openBrowser();
  try {
    await openPage(other.page, plain.url);
    await setParams(other.page, { N: '1_000_000', LATENCY: '0.3' });
    const reports = await runSix(other.page);
    for (const { key } of RUNS) assert.equal(reports[key].error, null, `${key}: ${reports[key].stderr}`);
    assert.match(reports['cpu-processes'].stderr, /processes run one at a time here/);
    const { text, data } = await readingOf(other.page);
    assert.equal(data.oneAtATime, true);
    // One at a time, 4 processes that each wait 0.3 s take at least the waits added up.
    assert.ok(reports['io-processes'].wall_ms >= 4 * 300, `io-processes took ${reports['io-processes'].wall_ms} ms`);
    assert.match(text, /processes \d+\.\d\d s: one at a time on this page, so their waits added up/);
    const speedup = reports['cpu-threads'].wall_ms / reports['cpu-processes'].wall_ms;
    if (speedup < 1.2) assert.match(text, /processes were not faster than threads .*, because processes run one at a time on this page \(it is not cross-origin isolated\)/);
    await other.page.locator('#lesson').screenshot({ path: await shot('three-ways-not-isolated.png') });
  } finally {
    await other.close();
    await plain.stop();
  }
});

async function shot(name) {
  const { SCREENSHOTS } = await import('./lib/paths.mjs');
  const { mkdir } = await import('node:fs/promises');
  await mkdir(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}
