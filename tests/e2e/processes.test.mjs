// multiprocessing in the browser (docs/processes.md), through the public API in the served,
// cross-origin isolated page: each process is a fresh interpreter with a GIL of its own, run on
// a worker of the thread set, so under `gil` two processes' `running` spans overlap while two
// threads of one process never do; a child that prints at module level sends its changed
// argument back on a Queue, in every mode, as python3 prints it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startIsolatedServer } from './lib/servers.mjs';
import { openBrowser } from './lib/browser.mjs';
import { overlapIn as overlap } from './lib/mechanisms.mjs';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './lib/paths.mjs';

let server;
let browser;

before(async () => {
  server = await startIsolatedServer();
  browser = await openBrowser();
  await browser.page.goto(server.url);
  const info = await browser.page.evaluate(async () => (await import('/threadlab.js')).ready());
  assert.equal(info.isolated, true, browser.logs.join('\n'));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function run(code, options = {}) {
  try {
    return await browser.page.evaluate(async ([code, options]) => {
      const threadlab = await import('/threadlab.js');
      return await threadlab.run(code, options);
    }, [code, options]);
  } catch (e) {
    throw new Error(`${e.message}\npage said:\n${browser.logs.join('\n')}`);
  }
}

test('two processes count in parallel under gil; two threads of one process never do', async () => {
  // Every thread counts its share and on until all four have arrived (a shared Value), so the
  // processes are in their loops together however late a worker starts. A running span means
  // "holds its process's GIL", so the overlap follows from a GIL per process.
  const code = readFileSync(join(ROOT, 'tests', 'data', 'two_processes_two_threads.py'), 'utf8');
  const report = await run(code, { mode: 'gil' });
  assert.equal(report.stdout, 'exitcodes [0, 0] 4\n', report.stderr);
  const byProcess = new Map();
  for (const t of report.threads) {
    if (!byProcess.has(t.process)) byProcess.set(t.process, []);
    byProcess.get(t.process).push(t);
  }
  assert.equal(byProcess.size, 3, `processes: ${[...byProcess.keys()]}`);
  const children = [...byProcess.values()].map((lanes) => lanes.filter((t) => t.name.startsWith('Thread-'))).filter((w) => w.length);
  assert.equal(children.length, 2);
  for (const [a, b] of children) {
    assert.ok(!overlap(a, b, 'running'), 'two threads of one process ran at once under the GIL');
  }
  const crossed = children[0].some((a) => children[1].some((b) => overlap(a, b, 'running')));
  assert.ok(crossed, 'the two processes never ran at once: each should have its own GIL');
});

// This program once hung in Chromium (docs/processes.md, "In the browser"): the child prints at
// module level, then the parent waits on Queue.get().
test("a child's changes to its argument are not seen by the parent, in every mode (as python3 prints)", async () => {
  const file = join(ROOT, 'tests', 'data', 'child_gets_copies.py');
  const py = spawnSync('python3', [file], { encoding: 'utf8' });
  assert.equal(py.status, 0, py.stderr);
  assert.match(py.stdout, /parent still has \['parent'\] 0/);
  const code = readFileSync(file, 'utf8');
  for (const mode of ['gil', 'sequential', 'free']) {
    const report = await run(code, { mode });
    assert.equal(report.stdout, py.stdout, `${mode}: ${report.stderr}`);
    assert.equal(report.error, null, mode);
  }
});

// Sequential mode runs a started thread or process to the end inside start(), so pools cannot
// keep workers waiting for work (docs/processes.md, "Pools where processes run one at a time").
test('sequential mode: ThreadPoolExecutor and Pool finish and print what python3 prints', async () => {
  for (const name of ['thread_pool_waits.py', 'pool_turns.py']) {
    const file = join(ROOT, 'tests', 'data', name);
    const py = spawnSync('python3', [file], { encoding: 'utf8' });
    assert.equal(py.status, 0, py.stderr);
    const report = await run(readFileSync(file, 'utf8'), { mode: 'sequential' });
    assert.equal(report.stdout, py.stdout, `${name}: ${report.stderr}`);
    assert.equal(report.deadlock, null, name);
  }
});
