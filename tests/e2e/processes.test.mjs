// multiprocessing in the browser (docs/processes.md), through the public API in the served,
// cross-origin isolated page: each process is a fresh interpreter with a GIL of its own, run on
// a worker of the thread set, so under `gil` two processes' `running` spans overlap while two
// threads of one process never do; a child that prints at module level sends its changed
// argument back on a Queue, in every mode, as python3 prints it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { overlapIn as overlap } from './lib/mechanisms.mjs';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './lib/paths.mjs';
import { closeServedPage, openServedPage } from './lib/served-page.mjs';

let server;
let browser;

before(async () => {
  ({ server, browser } = await openServedPage({ path: '' }));
  const info = await browser.page.evaluate(async () => (await import('/threadlab.js')).ready());
  assert.equal(info.isolated, true, browser.logs.join('\n'));
});

after(() => closeServedPage({ server, browser }));

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

// Lanes on the rayon pool report native_id 1000 + k (src/web/threads.rs, POOL_NATIVE_ID_BASE);
// the thread set's workers 1..64.
const ON_RAYON = (t) => t.native_id > 1000;
const ON_THREAD_SET = (t) => t.native_id >= 1 && t.native_id <= 64;

test('pool processes run on the rayon pool, sized to navigator.hardwareConcurrency; past it, on the thread set', async () => {
  const cores = await browser.page.evaluate(() => navigator.hardwareConcurrency);
  const code = `import multiprocessing as mp
import os
import threading
from concurrent.futures import ProcessPoolExecutor

def sq(x):
    return x * x

def with_thread(x):
    # A pool process may start threads: they run on the thread set.
    out = []
    t = threading.Thread(target=lambda: out.append(x * 10), name='helper')
    t.start()
    t.join()
    return out[0]

if __name__ == '__main__':
    print(os.cpu_count(), mp.cpu_count())
    with mp.Pool() as pool:
        print(pool.map(with_thread, range(4)))
    with mp.Pool(${cores} + 2) as pool:
        print(pool.map(sq, range(6)))
    with ProcessPoolExecutor() as ex:
        print(list(ex.map(sq, range(4))))
    p = mp.Process(target=sq, args=(3,))
    p.start()
    p.join()
    print('exitcode', p.exitcode)
`;
  const report = await run(code, { mode: 'gil' });
  assert.equal(report.error, null, report.stderr);
  assert.equal(report.stdout, `${cores} ${cores}\n[0, 10, 20, 30]\n[0, 1, 4, 9, 16, 25]\n[0, 1, 4, 9]\nexitcode 0\n`, report.stderr);
  // Child pids are handed out in start order: Pool() (cores), Pool(cores + 2), the executor's
  // pool (cores), then the plain Process.
  const mains = new Map();
  for (const t of report.threads) if (t.process !== 1 && t.name === 'MainThread') mains.set(t.process, t);
  const lanes = [...mains.keys()].sort((a, b) => a - b).map((pid) => mains.get(pid));
  assert.equal(lanes.length, cores + (cores + 2) + cores + 1, JSON.stringify([...mains.keys()]));
  const first = lanes.slice(0, cores);
  const bigger = lanes.slice(cores, 2 * cores + 2);
  const executor = lanes.slice(2 * cores + 2, 3 * cores + 2);
  const plain = lanes[3 * cores + 2];
  const ids = (ls) => ls.map((t) => t.native_id).join(',');
  assert.ok(first.every(ON_RAYON), `Pool() processes: native ids ${ids(first)}`);
  assert.equal(new Set(first.map((t) => t.native_id)).size, cores, 'one rayon worker per process');
  // At most `cores` at once fit on the rayon pool; the rest ran on the thread set.
  assert.ok(bigger.filter(ON_RAYON).length <= cores, `Pool(cores + 2): ${ids(bigger)}`);
  assert.ok(bigger.filter(ON_THREAD_SET).length >= 2, `Pool(cores + 2): ${ids(bigger)}`);
  // The bigger pool's workers gave their rayon workers back as their exits were published, so
  // the executor's pool, started after, finds them all free.
  assert.ok(executor.every(ON_RAYON), `ProcessPoolExecutor: ${ids(executor)}`);
  assert.ok(ON_THREAD_SET(plain), `a plain Process: native id ${plain.native_id}`);
  const helpers = report.threads.filter((t) => t.name === 'helper');
  assert.equal(helpers.length, 4);
  assert.ok(helpers.every(ON_THREAD_SET), `threads of pool processes: ${ids(helpers)}`);
});

test("a pool process's prints reach the page live (rayon workers post on the events channel)", async () => {
  const code = `import multiprocessing as mp
def f(x):
    print('task', x)
    return x
if __name__ == '__main__':
    with mp.Pool(2) as p:
        print(p.map(f, range(4)))
`;
  const { pieces, report } = await browser.page.evaluate(async ([code]) => {
    const pieces = [];
    const report = await (await import('/threadlab.js')).run(code, { mode: 'gil', onOutput: (p) => pieces.push(p) });
    return { pieces, report };
  }, [code]);
  assert.equal(report.error, null, report.stderr);
  const fromPool = report.threads.filter((t) => t.name === 'MainThread' && t.process !== 1 && ON_RAYON(t));
  assert.ok(fromPool.length >= 1, JSON.stringify(report.threads.map((t) => [t.process, t.native_id])));
  const tasks = pieces.filter((p) => p.thread.startsWith('SpawnPoolWorker-')).map((p) => p.text).sort();
  assert.deepEqual(tasks, ['task 0\n', 'task 1\n', 'task 2\n', 'task 3\n']);
  assert.equal(pieces.map((p) => p.text).join(''), report.stdout, 'live pieces in the report order');
});
