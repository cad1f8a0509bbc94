// Nothing on the page grows without bound:
// - a report with 100,000 threads draws its first MAX_LANES lanes and sums up the rest, so the
//   canvas and the summary table stay small (a lane each took 17 s and more to draw);
// - a real run that starts 1,000 threads one after another shows the same way;
// - the soak: SOAK_RUNS runs in one page, and the wasm memory (WebAssembly.Memory's buffer, via
//   threadlab.memoryBytes()) after them compared with after the first 100.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from './lib/browser.mjs';
import { closeServedPage, openServedPage } from './lib/served-page.mjs';

/** Runs of each soak program (./build.sh soak sets more, or fewer, with SOAK_RUNS). */
const SOAK_RUNS = Number(process.env.SOAK_RUNS) || 2000;
const SOAK_BASELINE_RUN = 100;
const MB = 1024 * 1024;

let server;
let browser;

before(async () => ({ server, browser } = await openServedPage({ path: '', readyTimeout: 90_000 })));

after(() => closeServedPage({ server, browser }));

test('a report of 100,000 threads draws the first lanes and sums up the rest', async (t) => {
  const { page } = browser;
  const r = await page.evaluate(async () => {
    const { createTimeline, MAX_LANES } = await import('./js/timeline.js');
    const threads = [{ name: 'MainThread', native_id: 0, spans: [{ state: 'running', start_ms: 0, end_ms: 1000 }] }];
    for (let i = 1; i < 100_000; i++) {
      const s = i / 100;
      threads.push({ name: `Thread-${i}`, native_id: 1 + (i % 64), spans: [
        { state: 'running', start_ms: s, end_ms: s + 0.5 },
        { state: 'sleeping', start_ms: s + 0.5, end_ms: s + 1.5 },
        { state: 'done', start_ms: s + 1.5, end_ms: 1000 },
      ] });
    }
    const report = { wall_ms: 1000, mode: 'gil', gil_switches: 100_000, threads, output: [], stdout: '', error: null };
    const host = document.createElement('div');
    host.style.width = '900px';
    document.body.append(host);
    const tl = createTimeline(host);
    const t0 = performance.now();
    tl.render(report);
    const ms = performance.now() - t0;
    const root = host.querySelector('.tl');
    const canvas = host.querySelector('canvas');
    const out = {
      ms,
      MAX_LANES,
      drawn: Number(root.dataset.drawnThreads),
      threads: Number(root.dataset.threads),
      canvasCssHeight: parseFloat(canvas.style.height),
      rows: host.querySelectorAll('.tl-summary tbody tr').length,
      rest: host.querySelector('.tl-rest').textContent,
      label: canvas.getAttribute('aria-label').length,
    };
    tl.destroy();
    host.remove();
    return out;
  });
  t.diagnostic(`100,000 threads: render() took ${r.ms.toFixed(0)} ms, ${r.drawn} lanes drawn, canvas ${r.canvasCssHeight} px tall`);
  assert.equal(r.threads, 100_000);
  assert.equal(r.drawn, r.MAX_LANES);
  assert.equal(r.rows, r.MAX_LANES + 1, 'one summary row per drawn lane, and one for the rest');
  assert.ok(r.canvasCssHeight < r.MAX_LANES * 40, `canvas ${r.canvasCssHeight} px tall`);
  assert.equal(r.rest, `99,935 more threads are not drawn (the timeline shows the first 65); in all, their 299,805 spans add up to: running 50.0 s, sleeping (I/O) 99.9 s.`);
  assert.ok(r.label < 20_000, `aria-label of ${r.label} characters`);
  // A hang detector, not a speed claim: drawing every lane took 17 s and more.
  assert.ok(r.ms < 10_000, `render() took ${r.ms} ms`);
});

test('a run that starts 1,000 threads one after another shows its first lanes and a summary', async (t) => {
  const { page } = browser;
  const code = 'import threading\nfor i in range(1000):\n    t = threading.Thread(target=int)\n    t.start()\n    t.join()\nprint("done")\n';
  await page.evaluate((c) => window.playground.editor.setCode(c), code);
  await page.click('#run');
  await page.waitForFunction(() => /finished/.test(document.getElementById('run-state').textContent), null, { timeout: 120_000 });
  const r = await page.evaluate(() => ({
    threads: Number(document.querySelector('#timeline .tl').dataset.threads),
    drawn: Number(document.querySelector('#timeline .tl').dataset.drawnThreads),
    rest: document.querySelector('#timeline .tl-rest').textContent,
    reported: window.playground.results().reports.gil.threads.length,
  }));
  t.diagnostic(`${r.reported} threads in the report: ${r.rest}`);
  // The runtime may cap the threads it records (and say so); the page draws what it got, bounded.
  assert.equal(r.threads, r.reported);
  assert.ok(r.reported > 65, `${r.reported} threads reported`);
  assert.equal(r.drawn, 65);
  assert.match(r.rest, /^\d[\d,]* more threads are not drawn \(the timeline shows the first 65\)/);
  await screenshot(page, 'bounded-1000-threads.png');
});

// Threads, a lock and an event, as a lesson uses them; BASE is the same program without
// starting its threads. Both define a function and import threading, so they hold the same
// reference cycles (a function and its module's globals); the difference is what starting,
// running and joining threads costs.
const BASE = `import threading
lock = threading.Lock()
ev = threading.Event()
total = []
def work(i):
    ev.wait()
    with lock:
        total.append(i)
ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
`;
const THREADED = `${BASE}for t in ts:
    t.start()
ev.set()
for t in ts:
    t.join()
print(len(total))
`;

/** Runs `code` `runs` times (alternating GIL and free-threaded); the wasm memory after SOAK_BASELINE_RUN and after all. */
function soak(page, code, runs, expected) {
  return page.evaluate(async ([code, runs, expected, baselineRun]) => {
    const threadlab = await import('/threadlab.js');
    const t0 = performance.now();
    let baseline = null;
    for (let i = 1; i <= runs; i++) {
      const report = await threadlab.run(code, { mode: i % 2 ? 'gil' : 'free' });
      if (report.stdout !== expected) return { failed: `run ${i}: ${JSON.stringify(report.stdout)} ${report.stderr}` };
      if (i === baselineRun) baseline = await threadlab.memoryBytes();
    }
    return {
      baseline,
      final: await threadlab.memoryBytes(),
      ms: performance.now() - t0,
      workers: threadlab.stats().workers,
      restarts: threadlab.stats().restarts,
    };
  }, [code, runs, expected, SOAK_BASELINE_RUN]);
}

const soaked = {};
const figure = (r) => `${(r.baseline / MB).toFixed(1)} MB after ${SOAK_BASELINE_RUN} runs, ${(r.final / MB).toFixed(1)} MB after ${SOAK_RUNS}`
  + ` (${((r.final - r.baseline) / (SOAK_RUNS - SOAK_BASELINE_RUN) / 1024).toFixed(1)} KB a run), ${(r.ms / 1000).toFixed(1)} s`;

test(`soak: ${SOAK_RUNS} threaded runs in one page; starting and joining threads leaks nothing`, async (t) => {
  const { page } = browser;
  const programs = { threaded: [THREADED, '4\n'], base: [BASE, ''], plain: ['x = [i * i for i in range(100)]\nprint(len(x))\n', '100\n'] };
  for (const [name, [code, expected]] of Object.entries(programs)) {
    // Each on a fresh engine, so that one's leftovers do not count against the next.
    await page.reload();
    await page.waitForSelector('#engine-chip[data-state="ready"]', { timeout: 90_000 });
    const before = await page.evaluate(async () => (await import('/threadlab.js')).stats());
    const r = await soak(page, code, SOAK_RUNS, expected);
    soaked[name] = r;
    assert.equal(r.failed, undefined, `${name}: ${r.failed}`);
    t.diagnostic(`${name}: ${figure(r)}`);
    // The same thread set served every run: no worker was added, no restart.
    assert.equal(r.workers, before.workers, `${name}: workers`);
    assert.equal(r.restarts, before.restarts, `${name}: restarts`);
  }
  // A run without functions or imports leaves the memory where it was: the run itself (the
  // report, the output, the web layer's sink) is freed.
  assert.ok(soaked.plain.final - soaked.plain.baseline <= 10 * MB, figure(soaked.plain));
  // What threads add on top of the same program without them: within 10 MB over all the runs.
  const threads = (soaked.threaded.final - soaked.threaded.baseline) - (soaked.base.final - soaked.base.baseline);
  t.diagnostic(`starting, running and joining 4 threads: ${(threads / MB).toFixed(2)} MB over ${SOAK_RUNS - SOAK_BASELINE_RUN} runs`);
  assert.ok(threads <= 10 * MB, `threads added ${(threads / MB).toFixed(1)} MB`);
});

// The bound on the whole program. It holds because a run's end clears every module's
// globals (src/vm/run.rs, as CPython's finalization clears module dicts): a function and its
// module's globals refer to each other, and before that each `def` left about 15 KB a run behind,
// `import threading` 118 KB.
test(`soak: ${SOAK_RUNS} threaded runs leave the wasm memory within 10 MB of where it was after ${SOAK_BASELINE_RUN}`, () => {
  const r = soaked.threaded;
  assert.ok(r, 'the soak above ran');
  assert.ok(r.final - r.baseline <= 10 * MB, figure(r));
});

test('an engine whose memory passed the recycle size is started afresh between runs, and runs on', async (t) => {
  const { page } = browser;
  await page.reload();
  await page.waitForSelector('#engine-chip[data-state="ready"]', { timeout: 90_000 });
  const r = await page.evaluate(async (code) => {
    const threadlab = await import('/threadlab.js');
    const start = await threadlab.memoryBytes();
    // Runs free what they made, but a wasm memory never shrinks: after one run that needed 48 MB
    // at once, the engine's memory stays past a recycle size set just below it.
    const big = await threadlab.run('x = [0] * 3_000_000\nprint(len(x))\n');
    if (big.stdout !== '3000000\n') return { failed: big.stderr };
    const grown = await threadlab.memoryBytes();
    if (!(grown > start)) return { failed: `the memory did not grow: ${start} -> ${grown}` };
    threadlab.setRecycleBytes(grown - 1024 * 1024);
    const restarts = threadlab.stats().restarts;
    let runs = 0;
    let peak = grown;
    while (threadlab.stats().restarts === restarts && runs < 1000) {
      const report = await threadlab.run(code);
      if (report.stdout !== '4\n') return { failed: report.stderr };
      runs++;
      peak = Math.max(peak, (await threadlab.memoryBytes()) ?? 0);
    }
    const next = await threadlab.run('print(6 * 7)');
    return { start, peak, runs, after: await threadlab.memoryBytes(), restarted: threadlab.stats().restarts - restarts, next: next.stdout };
  }, THREADED);
  t.diagnostic(`recycled after ${r.runs} runs: ${(r.start / MB).toFixed(1)} MB at the start, ${(r.peak / MB).toFixed(1)} MB at most, ${(r.after / MB).toFixed(1)} MB after`);
  assert.equal(r.failed, undefined);
  assert.equal(r.restarted, 1, JSON.stringify(r));
  assert.ok(r.after < r.peak, JSON.stringify(r));
  assert.equal(r.next, '42\n');
  await page.waitForSelector('#engine-chip[data-state="ready"]', { timeout: 60_000 });
});
