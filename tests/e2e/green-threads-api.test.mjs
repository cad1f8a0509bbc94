// Green threads in the browser: www/threadlab.js on a server without COOP/COEP (no shared
// memory, so one worker for the whole engine). The lessons' programs, exactly as the playground
// has them (www/js/presets.js), run in GIL mode with every Python thread on the engine worker,
// and their reports show the same mechanisms as with a worker per thread: the main thread runs
// while task() sleeps (lesson 1), two counts trade the GIL (lesson 5), three 2 s downloads
// overlap (lesson 6). Free-threaded mode is refused with the reason; Stop still works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPlainServer } from './lib/servers.mjs';
import { lane, workerLanes, spansOf, overlapIn, assertOneRunnerAtATime, untilShown } from './lib/mechanisms.mjs';
import { closeServedPage, openServedPage } from './lib/served-page.mjs';

let server;
let browser;

before(async () => ({ server, browser } = await openServedPage({
  start: startPlainServer,
  path: 'threadlab/example.html',
})));

after(() => closeServedPage({ server, browser }));

/** Runs the playground's preset `id` in `mode` on the page; resolves with the report. */
function runPreset(id, mode = 'gil') {
  return browser.page.evaluate(async ({ id, mode }) => {
    const threadlab = await import('/threadlab.js');
    const { PRESETS } = await import('/js/presets.js');
    const info = await threadlab.ready();
    const report = await threadlab.run(PRESETS.find((p) => p.id === id).code, { mode });
    return { info, report };
  }, { id, mode });
}

test('the engine says it runs green threads', async () => {
  const { info, report } = await runPreset('lesson2');
  assert.equal(info.isolated, false, browser.logs.join('\n'));
  assert.equal(info.engine, 'green');
  assert.equal(report.engine, 'green');
  assert.equal(report.error, null, report.stderr);
});

test('lesson 1: the main thread prints while task() sleeps', async (t) => {
  const tutorial = 'Task running\nMain thread continues\nTask running\nTask running\n';
  // The new thread keeps the GIL from start() to its sleep unless a loaded machine holds it up
  // for a switch interval meanwhile (CPython's too): such a run shows nothing; run it again.
  const report = await untilShown(t, 'the tutorial order', async () => (await runPreset('lesson1')).report, (r) => {
    assert.equal(r.error, null, r.stderr);
    assert.deepEqual([...r.stdout].sort(), [...tutorial].sort());
    return r.stdout === tutorial || `printed ${JSON.stringify(r.stdout)}`;
  });
  const main = report.output.find((o) => o.text.startsWith('Main thread'));
  assert.equal(main.thread, 'MainThread');
  const firstSleep = spansOf(lane(report, 'Thread-1 (task)'), 'sleeping')[0];
  assert.ok(firstSleep.start_ms <= main.t_ms && main.t_ms <= firstSleep.end_ms,
    `main printed at ${main.t_ms} ms, outside task's first sleep ${JSON.stringify(firstSleep)}`);
  // Every lane ran on the engine worker.
  assert.deepEqual(report.threads.map((t) => t.native_id), report.threads.map(() => 0));
});

test('lesson 5: two counts take turns holding the GIL on one worker', async () => {
  const { report } = await runPreset('lesson5');
  assert.equal(report.error, null, report.stderr);
  assert.equal(report.stdout, 'Done\n');
  assert.equal(report.engine, 'green');
  assert.ok(report.gil_switches > 0, 'no GIL switch');
  assertOneRunnerAtATime(report);
  for (const t of workerLanes(report)) {
    assert.ok(spansOf(t, 'running').length >= 2, `${t.name} ran in one piece`);
    assert.ok(spansOf(t, 'waiting_gil').length >= 1, `${t.name} never waited for the GIL`);
  }
});

test('lesson 6: three 2 s downloads overlap: about 2 s, not 6 s', async () => {
  const { report } = await runPreset('lesson6');
  assert.equal(report.error, null, report.stderr);
  assert.ok(report.stdout.endsWith('All downloads complete\n'), report.stdout);
  const starts = report.stdout.split('\n').slice(0, 3).sort();
  assert.deepEqual(starts, ['Downloading a.mp4', 'Downloading b.mp4', 'Downloading c.mp4']);
  // A sleep cannot end early; 4 s is twice the expected figure.
  assert.ok(report.wall_ms >= 2000 && report.wall_ms < 4000, `${report.wall_ms} ms`);
  const [a, b, c] = workerLanes(report);
  assert.ok(overlapIn(a, b, 'sleeping') && overlapIn(b, c, 'sleeping') && overlapIn(a, c, 'sleeping'),
    'the downloads did not sleep at the same time');
  assertOneRunnerAtATime(report);
});

test('free-threaded mode is refused with the reason; Stop ends a green run', async () => {
  const r = await browser.page.evaluate(async () => {
    const threadlab = await import('/threadlab.js');
    const free = await threadlab.run('print(1)', { mode: 'free' }).then(() => 'resolved', (e) => e.message);
    const long = threadlab.run('import threading, time\nfor i in range(3):\n    threading.Thread(target=time.sleep, args=(60,)).start()\n');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await threadlab.stop();
    const stopped = await long.then(() => 'resolved', (e) => e.message);
    const after = await threadlab.run('print("again")');
    return { free, stopped, after };
  });
  assert.match(r.free, /mode 'free' needs a cross-origin isolated page/);
  assert.match(r.free, /cross-origin isolated/);
  assert.match(r.stopped, /stopped/);
  assert.equal(r.after.stdout, 'again\n');
});
