// Threading benchmarks in headless Chromium: the served page, www/threadlab.js, real Web Workers.
// The same programs as the native bench (tests/bench/threads/*.py, timed inside the program with
// time.perf_counter), plus what only the browser has: worker start-up, warm and cold.
// Prints a markdown table. Usage: node tests/bench/browser.mjs   (REPS=3 by default; needs
// www/pkg built: ./build.sh build; run by tests/bench/run.sh and ./build.sh bench)
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startIsolatedServer } from '../e2e/lib/servers.mjs';
import { openBrowser } from '../e2e/lib/browser.mjs';
import { ROOT } from '../e2e/lib/paths.mjs';

const REPS = Number(process.env.REPS || 3);
const PROGRAMS = join(ROOT, 'tests', 'bench', 'threads');

const program = (name) => readFile(join(PROGRAMS, name), 'utf8');

const sleepers = (n, secs) => `import threading, time
def nap():
    time.sleep(${secs})
start = time.perf_counter()
ts = [threading.Thread(target=nap) for _ in range(${n})]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(f"elapsed {time.perf_counter() - start:.4f}")
`;

// How long one start() takes: it returns once the new thread runs, so on a cold thread set it
// includes creating the worker.
const START_ONE = `import threading, time
start = time.perf_counter()
t = threading.Thread(target=lambda: None)
t.start()
print(f"elapsed {time.perf_counter() - start:.4f}")
t.join()
`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => `${x.toFixed(0)} ms`;

/**
 * Opens a fresh page (its own engine and workers) and waits for threadlab.ready(options). The
 * embedding example starts nothing by itself (the playground page would start the warm set).
 */
async function freshPage(context, url, readyOptions = {}) {
  const page = await context.newPage();
  await page.goto(`${url}threadlab/example.html`);
  const info = await page.evaluate(async (o) => {
    const t0 = performance.now();
    const info = await (await import('/threadlab.js')).ready(o);
    return { ...info, readyWallMs: performance.now() - t0 };
  }, readyOptions);
  return { page, info };
}

/** Runs `code` in `page`; resolves with the seconds the program printed ("elapsed S") and the report. */
async function elapsed(page, code, mode) {
  const report = await page.evaluate(
    async ([code, mode]) => (await import('/threadlab.js')).run(code, { mode }),
    [code, mode],
  );
  if (report.error) throw new Error(`run failed (${mode}): ${JSON.stringify(report.error)}\n${report.stderr}`);
  const line = report.stdout.split('\n').filter((l) => l.startsWith('elapsed ')).at(-1);
  return { secs: Number(line.split(' ')[1]), report };
}

/** Median of `reps` runs, after one run not counted (V8 tiers wasm code up while it runs). */
async function medianSecs(page, code, mode, reps = REPS) {
  await elapsed(page, code, mode);
  const runs = [];
  for (let i = 0; i < reps; i++) runs.push((await elapsed(page, code, mode)).secs);
  return median(runs);
}

async function main() {
  if (!existsSync(join(ROOT, 'www', 'pkg', 'threadlab.js'))) {
    throw new Error('www/pkg is not built: run ./build.sh build');
  }
  const server = await startIsolatedServer();
  const browser = await openBrowser();
  const context = browser.page.context();
  const rows = [];
  const row = (what, measured, target, ok) => rows.push({ what, measured, target, ok });
  try {
    // --- worker start-up: a fresh page each time, nothing warm ---------------------------------
    const cold = await freshPage(context, server.url, { warmWorkers: 0 });
    const oneCold = await elapsed(cold.page, START_ONE, 'gil');
    const alone = await cold.page.evaluate(async () => (await import('/threadlab.js')).stats().startTimes);
    const oneWarm = await medianSecs(cold.page, START_ONE, 'gil');
    await cold.page.close();
    row('engine ready() without warm workers (engine worker + control worker)', ms(cold.info.readyWallMs), '-', null);
    row('one worker started on demand, alone: asked for -> running Rust', ms(alone[0].ms), '-', null);
    row('Thread.start() on a cold thread set (creates the worker)', ms(oneCold.secs * 1000), '-', null);
    row('Thread.start() on a warm worker (median)', `${(oneWarm * 1000).toFixed(2)} ms`, '-', null);

    const fresh = await freshPage(context, server.url);
    const warmStarts = await fresh.page.evaluate(async () => (await import('/threadlab.js')).stats().startTimes);
    const last = Math.max(...warmStarts.map((s) => s.ms));
    row(`ready() with the warm set of ${fresh.info.warmWorkers} workers`, ms(fresh.info.readyWallMs), '-', null);
    row(`warm set: each worker asked for -> running (median / last of ${warmStarts.length})`,
      `${ms(median(warmStarts.map((s) => s.ms)))} / ${ms(last)}`, '-', null);

    // --- 32 threads x sleep(1) ------------------------------------------------------------------
    const cold32 = (await elapsed(fresh.page, sleepers(32, 1), 'gil')).secs;
    const warm32 = await medianSecs(fresh.page, sleepers(32, 1), 'gil');
    row('32 threads x sleep(1), first run (8 warm, 24 workers created)', `${cold32.toFixed(3)} s`, '-', null);
    row('32 threads x sleep(1), workers reused (median)', `${warm32.toFixed(3)} s`, '~1 s', warm32 < 1.1);
    const { page } = fresh;

    // --- lesson 5: two threads counting to 10,000,000 ------------------------------------------
    const lesson5 = await program('lesson5_threads.py');
    const l5 = {};
    for (const mode of ['sequential', 'gil', 'free']) l5[mode] = await medianSecs(page, lesson5, mode);
    const gilSeq = l5.gil / l5.sequential;
    const seqFree = l5.sequential / l5.free;
    row('lesson 5: 2 threads x 10M count, sequential', `${l5.sequential.toFixed(3)} s`, '-', null);
    row('lesson 5: gil', `${l5.gil.toFixed(3)} s`, '-', null);
    row('lesson 5: free', `${l5.free.toFixed(3)} s`, '-', null);
    row('lesson 5: gil / sequential', gilSeq.toFixed(2), '0.9-1.2', gilSeq >= 0.9 && gilSeq <= 1.2);
    row('lesson 5: sequential / free', seqFree.toFixed(2), '>= 1.8', seqFree >= 1.8);

    // --- lesson 6: three downloads of sleep(2) --------------------------------------------------
    const lesson6 = await program('lesson6.py');
    const l6gil = (await elapsed(page, lesson6, 'gil')).secs;
    const l6seq = (await elapsed(page, lesson6, 'sequential')).secs;
    row('lesson 6: 3 x sleep(2), gil', `${l6gil.toFixed(3)} s`, '2 s +- 10 ms', Math.abs(l6gil - 2) <= 0.01);
    row('lesson 6: 3 x sleep(2), sequential', `${l6seq.toFixed(3)} s`, '6 s +- 10 ms', Math.abs(l6seq - 6) <= 0.01);

    // --- convoy: 200 x sleep(0.001) alone vs beside a spinning thread --------------------------
    const convoy = await program('convoy.py');
    const spin = (on) => convoy.replace(/^SPIN = .*$/m, `SPIN = ${on ? 'True' : 'False'}`);
    const alone1 = await medianSecs(page, spin(false), 'gil');
    const besideGil = await medianSecs(page, spin(true), 'gil');
    const besideFree = await medianSecs(page, spin(true), 'free');
    row('convoy: 200 x sleep(0.001) alone', `${(alone1 * 1000).toFixed(0)} ms`, '-', null);
    row('convoy: beside a CPU-bound thread, gil (x alone)', `${(besideGil * 1000).toFixed(0)} ms (${(besideGil / alone1).toFixed(1)}x)`,
      '4-8x', besideGil / alone1 >= 4 && besideGil / alone1 <= 8);
    row('convoy: beside a CPU-bound thread, free (x alone)', `${(besideFree * 1000).toFixed(0)} ms (${(besideFree / alone1).toFixed(2)}x)`,
      '< 1.5x', besideFree / alone1 < 1.5);
    await page.close();
  } finally {
    await browser.close();
    await server.stop();
  }

  const version = (await readFile('/proc/version', 'utf8').catch(() => '')).split(' ')[2] || '';
  console.log(`Headless Chromium (${process.env.CHROMIUM || '/usr/bin/chromium'}), ${REPS} runs per median, ` +
    `linux ${version}, load average at the end: ${(await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ')}`);
  console.log();
  console.log('| benchmark | measured | target | ok |');
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.what} | ${r.measured} | ${r.target} | ${r.ok === null ? '' : r.ok ? 'yes' : 'NO'} |`);
}

main().catch((e) => {
  console.error(e.stack || e);
  process.exit(1);
});
