// Python threads in the browser, through the public API (www/threadlab.js) in the served page:
// one Web Worker per thread, live output, Stop, the thread limit, and the seed lessons' output
// compared with python3's. No tight timing bounds here: timing claims live in tests/bench.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { lifetime, overlapIn as overlap, spansOf, workerLanes } from './lib/mechanisms.mjs';
import { closeServedPage, openServedPage } from './lib/served-page.mjs';

let server;
let browser;

before(async () => {
  ({ server, browser } = await openServedPage({ path: '' }));
  const info = await browser.page.evaluate(async () => (await import('/threadlab.js')).ready());
  assert.equal(info.isolated, true, browser.logs.join('\n'));
});

after(() => closeServedPage({ server, browser }));

/** Runs `code` in the page; resolves with { report, pieces } (pieces: what onOutput got). */
async function run(code, options = {}) {
  try {
    return await browser.page.evaluate(async ([code, options]) => {
      const threadlab = await import('/threadlab.js');
      const pieces = [];
      const report = await threadlab.run(code, {
        ...options,
        onOutput: (p) => pieces.push({ ...p, at: performance.now() }),
      });
      return { report, pieces, end: performance.now() };
    }, [code, options]);
  } catch (e) {
    throw new Error(`${e.message}\npage said:\n${browser.logs.join('\n')}`);
  }
}

/** The lines of `text`, sorted: for programs whose threads race to print first. */
// The same text in any order, character for character: CPython's print() writes the text and
// the newline separately, so two threads can even interleave inside a line
// ("Task runningMain thread continues\n\n"); only the order is a race, not the text.
const sortedChars = (text) => [...text].sort().join('');

function python3(code) {
  const r = spawnSync('python3', ['-c', code], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}


const LESSON_1 = `import threading
import time

def task():
    for i in range(3):
        print("Task running")
        time.sleep(1)

t = threading.Thread(target=task)
t.start()

print("Main thread continues")
`;

test('threads run on distinct workers, in parallel in free mode, on one timeline', async () => {
  // Each thread counts its share and on until both have begun, so the two counts overlap even
  // if a loaded machine starts the second worker late.
  const code = `import threading
started = []
def count():
    started.append(1)
    total = 0
    while total < 3_000_000 or len(started) < 2:
        total += 1
print("starting")
ts = [threading.Thread(target=count) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("done")
`;
  const { report } = await run(code, { mode: 'free' });
  assert.equal(report.error, null, report.stderr);
  assert.equal(report.stdout, 'starting\ndone\n');
  assert.equal(report.mode, 'free');
  const [main] = report.threads;
  const lanes = workerLanes(report);
  assert.equal(lanes.length, 2);
  assert.equal(main.native_id, 0, 'the main thread runs on the engine worker');
  const ids = lanes.map((l) => l.native_id);
  assert.ok(ids.every((id) => Number.isInteger(id) && id > 0), `thread-set workers: ${ids}`);
  assert.equal(new Set(ids).size, 2, `distinct workers: ${ids}`);
  assert.ok(overlap(lanes[0], lanes[1], 'running'), 'both counted at the same time');
  // One timeline across workers: the threads begin after main printed "starting" (before
  // start()), and every span lies within the run.
  const startingAt = report.output.find((o) => o.text === 'starting\n').t_ms;
  for (const lane of lanes) {
    assert.ok(lane.spans[0].start_ms >= startingAt, `${lane.name} began at ${lane.spans[0].start_ms}, main printed at ${startingAt}`);
    assert.ok(lane.spans.at(-1).end_ms <= report.wall_ms + 0.001);
  }
});

test('lesson 1 prints what python3 prints, live', async () => {
  const { report, pieces, end } = await run(LESSON_1, { mode: 'gil' });
  // Which of the first two lines comes first is a race in CPython too (with stdout a pipe,
  // python3 here printed either, and a busy machine can delay the new thread here), but main
  // never waits for the thread's sleeps.
  assert.equal(sortedChars(report.stdout), sortedChars(python3(LESSON_1)));
  assert.deepEqual(report.stdout.split('\n').slice(2), ['Task running', 'Task running', '']);
  assert.equal(report.error, null);
  assert.deepEqual(pieces.map((p) => p.text).join(''), report.stdout);
  assert.deepEqual(pieces.map((p) => p.thread), report.output.map((o) => o.thread));
  assert.ok(pieces.every((p) => p.stream === 'stdout'));
  // Live: the first line reached the page long before the run's 3 s were over.
  assert.ok(end - pieces[0].at > 1000, `first line ${end - pieces[0].at} ms before the end`);
  const [, lane] = report.threads;
  assert.ok(lane.native_id > 0);
  assert.equal(spansOf(lane, 'sleeping').length, 3);
});

test('lesson 2: the main thread is MainThread', async () => {
  const code = 'import threading\n\nprint(threading.current_thread().name)\n';
  const { report } = await run(code);
  assert.equal(report.stdout, 'MainThread\n');
  assert.equal(report.stdout, python3(code));
});

test('lesson 7: join() waits, and without it main goes on', async () => {
  const task = `import threading
import time

def task():
    for i in range(2):
        print("Task running")
        time.sleep(0.3)

t = threading.Thread(target=task)
`;
  const withJoin = `${task}t.start()\nt.join()  # main thread waits here\nprint("Done")\n`;
  const withoutJoin = `${task}t.start()\nprint("Done")\n`;

  const joined = await run(withJoin, { mode: 'gil' });
  assert.equal(joined.report.error, null, joined.report.stderr);
  assert.equal(joined.report.stdout, python3(withJoin));
  assert.equal(joined.report.stdout, 'Task running\nTask running\nDone\n');

  // Without join, "Done" races the thread's first line (in CPython too), but comes before its
  // second: main does not wait.
  const { report } = await run(withoutJoin, { mode: 'gil' });
  assert.equal(report.error, null, report.stderr);
  assert.equal(sortedChars(report.stdout), sortedChars(python3(withoutJoin)));
  assert.equal(report.stdout.split('\n').at(-2), 'Task running');
});

test('Stop halts a long count and a long sleep promptly, and the next run works', async () => {
  const programs = {
    count: 'n = 0\nwhile n < 10**10:\n    n += 1\nprint(n)\n',
    sleep: 'import time\nprint("sleeping")\ntime.sleep(60)\nprint("woke")\n',
    threads: `import threading, time
def spin():
    while True:
        pass
def nap():
    time.sleep(60)
ts = [threading.Thread(target=spin), threading.Thread(target=nap)]
for t in ts:
    t.start()
for t in ts:
    t.join()
`,
  };
  for (const [name, code] of Object.entries(programs)) {
    const r = await browser.page.evaluate(async (code) => {
      const threadlab = await import('/threadlab.js');
      const started = performance.now();
      const running = threadlab.run(code, { mode: 'gil' });
      await new Promise((resolve) => setTimeout(resolve, 400));
      await threadlab.stop();
      const report = await running;
      const ms = performance.now() - started;
      const next = await threadlab.run('print(6 * 7)');
      return { report, ms, next };
    }, code);
    // The programs would take a minute or more; "promptly" here is a generous bound.
    assert.ok(r.ms < 10_000, `${name}: stopped after ${r.ms} ms`);
    assert.equal(r.report.stopped, true, `${name}: ${JSON.stringify(r.report.error)}`);
    assert.equal(r.report.error?.type, 'KeyboardInterrupt');
    assert.ok(!r.report.stdout.includes('woke'));
    assert.equal(r.next.stdout, '42\n', `${name}: the run after Stop`);
    assert.equal(r.next.stopped, false);
  }
});

test('12 sleeping threads (more than the warm set) each get a worker and overlap', async () => {
  // Each thread naps until all twelve have started, then once more: so all twelve are alive at
  // once however late a loaded machine starts the new workers (a thread that ended early would
  // hand its worker to the next one, which is right, but not what this test looks at).
  const code = `import threading, time
started = []
def nap():
    started.append(1)
    while len(started) < 12:
        time.sleep(0.02)
    time.sleep(0.3)
ts = [threading.Thread(target=nap) for _ in range(12)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("all awake")
`;
  const { report } = await run(code, { mode: 'gil' });
  assert.equal(report.stdout, 'all awake\n', report.stderr);
  const lanes = workerLanes(report);
  assert.equal(lanes.length, 12);
  // All twelve alive at once, each blocked in its sleeps on a worker of its own.
  const lives = lanes.map(lifetime);
  const lastStart = Math.max(...lives.map((l) => l.start));
  const firstEnd = Math.min(...lives.map((l) => l.end));
  assert.ok(lastStart < firstEnd, `all alive at once: last began ${lastStart}, first ended ${firstEnd}`);
  assert.equal(new Set(lanes.map((l) => l.native_id)).size, 12, 'twelve distinct workers');
  for (const l of lanes) assert.ok(spansOf(l, 'sleeping').length >= 1, `${l.name} never slept`);
});

test("past the limit Thread.start() raises RuntimeError: can't start new thread", async () => {
  const caught = `import threading
ev = threading.Event()
ts = []
try:
    for i in range(70):
        t = threading.Thread(target=ev.wait)
        t.start()
        ts.append(t)
except RuntimeError as e:
    print("started", len(ts), "then:", e)
ev.set()
for t in ts:
    t.join()
print("joined", len(ts))
`;
  const info = await browser.page.evaluate(async () => (await import('/threadlab.js')).ready());
  const { report } = await run(caught, { mode: 'gil' });
  assert.equal(report.error, null, report.stderr);
  assert.equal(report.stdout, `started ${info.limit} then: can't start new thread\njoined ${info.limit}\n`);

  // Uncaught (daemon threads, so the program can end): the traceback arrives live on stderr.
  const uncaught = `import threading
ev = threading.Event()
for i in range(10):
    threading.Thread(target=ev.wait, daemon=True).start()
`;
  const { report: r, pieces } = await run(uncaught, { mode: 'gil', maxThreads: 4 });
  assert.equal(r.error?.type, 'RuntimeError');
  assert.equal(r.error?.message, "can't start new thread");
  assert.match(r.stderr, /RuntimeError: can't start new thread\n$/);
  const stderr = pieces.filter((p) => p.stream === 'stderr').map((p) => p.text).join('');
  assert.equal(stderr, r.stderr);
  assert.equal(r.exit_code, 1);
});

test('one run at a time: a second run() while one is going rejects', async () => {
  const message = await browser.page.evaluate(async () => {
    const threadlab = await import('/threadlab.js');
    const first = threadlab.run('import time\ntime.sleep(0.3)\n');
    const second = await threadlab.run('print(1)').then(() => 'resolved', (e) => e.message);
    await first;
    return second;
  });
  assert.match(message, /already running/);
});
