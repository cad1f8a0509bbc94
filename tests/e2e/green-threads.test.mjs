// Lessons 1, 5 and 6 in GIL mode on a page that is NOT cross-origin isolated (dist/ on a
// header-less host, service workers blocked), and lesson 6 in an embed inside a parent that is
// not isolated. There every Python thread must run as a green thread on the engine's one worker
// (issue 9, section 1: the VM's scheduler).
//
// Gate: these run only when the engine says it can start threads on such a page (ready()'s
// `threads`, which the engine worker learns by starting one thread). Until the green-thread
// scheduler is in the engine, Thread.start() raises there and each case is skipped, saying so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startStaticServer, readHeadersFile, DIST } from './lib/static-server.mjs';
import { closeServedPage, openServedPage } from './lib/served-page.mjs';

let server;
let browser;
let info;

before(async () => {
  ({ server, browser } = await openServedPage({
    start: startStaticServer,
    browserOptions: { serviceWorkers: 'block' },
    path: 'index.html',
  }));
  await browser.page.waitForFunction(() => !document.getElementById('run').disabled, null, { timeout: 60_000 });
  info = await browser.page.evaluate(async () => (await import(new URL('threadlab.js', document.baseURI).href)).ready());
});

after(() => closeServedPage({ server, browser }));

const SKIP_WHY = 'the engine cannot start threads on a page that is not cross-origin isolated yet '
  + "(ready() reported threads: false; the green-thread scheduler is not in this build)";

/** Skips (with the reason in the test output) unless green threads are there. */
function needsGreenThreads(t) {
  assert.equal(info.isolated, false, 'this page must not be isolated');
  assert.equal(info.engine, 'green');
  if (info.threads) return false;
  console.log(`# skipped: ${t.name}: ${SKIP_WHY}`);
  t.skip(SKIP_WHY);
  return true;
}

/** A preset's program, with some parameters set, from the page's own modules. */
function presetCode(id, params = {}) {
  return browser.page.evaluate(async ([i, p]) => {
    const js = document.querySelector('script[type=module]').src; // .../js/main.js
    const { presetById } = await import(new URL('presets.js', js).href);
    const { withParams } = await import(new URL('params.js', js).href);
    return withParams(presetById(i).code, p).code;
  }, [id, params]);
}

const python3 = (code) => execFileSync('python3', ['-c', code], { encoding: 'utf8' });

function run(code, options = {}) {
  return browser.page.evaluate(async ([c, o]) => {
    const threadlab = await import(new URL('threadlab.js', document.baseURI).href);
    return threadlab.run(c, o);
  }, [code, { mode: 'gil', ...options }]);
}

const lane = (report, name) => report.threads.find((t) => t.name.startsWith(name));

test('lesson 1 without isolation: the main thread prints while task() sleeps', async (t) => {
  if (needsGreenThreads(t)) return;
  const code = await presetCode('lesson1', { PAUSE: 0.3 });
  const report = await run(code);
  assert.equal(report.error, null);
  // python3's print() writes the text and the newline apart, so python3 itself can print
  // "Main thread continuesTask running\n\n": compared as characters, not lines.
  const chars = (s) => [...s].sort().join('');
  assert.equal(chars(report.stdout), chars(python3(code)));
  const main = report.output.find((o) => o.thread === 'MainThread' && o.text.includes('Main thread continues'));
  const taskLines = report.output.filter((o) => o.text.includes('Task running'));
  assert.ok(main.t_ms < taskLines.at(-1).t_ms, 'main printed before task() had finished');
  assert.ok(lane(report, 'Thread-1').spans.some((s) => s.state === 'sleeping'));
});

test('lesson 5 without isolation: two counts take turns under the GIL (switches on the timeline)', async (t) => {
  if (needsGreenThreads(t)) return;
  const code = await presetCode('lesson5', { N: 2_000_000 });
  const report = await run(code);
  assert.equal(report.error, null);
  assert.equal(report.stdout, python3(code));
  assert.ok(report.gil_switches > 0, 'GIL switches');
  // Taking turns: each counting thread ran in more than one slice, and the slices interleave.
  const [a, b] = ['Thread-1', 'Thread-2'].map((n) => lane(report, n).spans.filter((s) => s.state === 'running'));
  assert.ok(a.length > 1 && b.length > 1, `running slices ${a.length}, ${b.length}`);
  assert.ok(a[0].start_ms < b.at(-1).start_ms && b[0].start_ms < a.at(-1).start_ms, 'interleaved');
  assert.ok(lane(report, 'Thread-1').spans.some((s) => s.state === 'waiting_gil'));
});

test('lesson 6 without isolation: three 2-second downloads take about 2 s, not 6 s', async (t) => {
  if (needsGreenThreads(t)) return;
  const code = await presetCode('lesson6');
  const report = await run(code);
  assert.equal(report.error, null);
  assert.equal([...report.stdout].sort().join(''), [...python3(code)].sort().join(''), 'the same characters as python3 (whose threads can split a line)');
  assert.ok(report.wall_ms >= 2000, `wall ${report.wall_ms}`);
  assert.ok(report.wall_ms < 5000, `wall ${report.wall_ms}: the downloads did not overlap (one after the other: 6 s)`);
  const sleeping = ['Thread-1', 'Thread-2', 'Thread-3'].map((n) => lane(report, n).spans.find((s) => s.state === 'sleeping'));
  assert.ok(Math.max(...sleeping.map((s) => s.start_ms)) < Math.min(...sleeping.map((s) => s.end_ms)), 'the three sleeps overlap');
});

test('lesson 6 in an embed in a parent that is not isolated: about 2 s, notice, threadlab:report', async (t) => {
  if (needsGreenThreads(t)) return;
  const app = await startStaticServer({ headers: await readHeadersFile(join(DIST, '_headers')) });
  const docs = await startStaticServer({
    pages: {
      '/docs.html': `<!doctype html><meta charset="utf-8"><iframe src="${app.url}embed.html?preset=lesson6&mode=gil" width="800" height="600"></iframe>
<script>window.reports = []; addEventListener('message', (e) => { if (e.data && e.data.type === 'threadlab:report') window.reports.push(e.data.report); });</script>`,
    },
  });
  try {
    const { page } = browser;
    await page.goto(`${docs.origin}/docs.html`);
    let frame;
    for (let i = 0; i < 100 && !(frame = page.frames().find((f) => f.url().includes('embed.html'))); i++) await page.waitForTimeout(100);
    await frame.waitForFunction(() => window.embed?.editor, null, { timeout: 30_000 });
    await frame.click('#run');
    await page.waitForFunction(() => window.reports.length > 0, null, { timeout: 60_000 });
    const report = await page.evaluate(() => window.reports[0]);
    assert.equal(report.error, null);
    assert.ok(report.wall_ms >= 2000 && report.wall_ms < 5000, `wall ${report.wall_ms}`);
    assert.match(await frame.textContent('#embed-notice'), /^Not cross-origin isolated: threads take turns on one worker/);
  } finally {
    await docs.stop();
    await app.stop();
  }
});
