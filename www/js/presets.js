// The presets: each a runnable program from (or beyond) the seed lesson, the one-sentence claim
// it proves, and how to read a run's result as evidence for that claim.
//
// A preset's reading gets { reports, params } where reports maps a mode ('sequential', 'gil',
// 'free') to the latest report of THIS code in that mode, and params maps each annotated
// literal's name to its value. (A `ways` preset's "run all" gives it its six runs instead,
// keyed by ways.js's RUNS, and env: { cores }.) It returns { text, data } (data: the numbers, for tests), or null
// when there is nothing to say yet.

import { MODES, MODE_LABELS as MODE_NAMES } from './mode-names.js';
import { WAYS_CODE, waysReading } from './ways.js';

export const seconds = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const times = (x) => `${x.toFixed(2)}×`;
const int = (n) => Math.round(n).toLocaleString('en-US');

/** Output lines with their time, thread and text (newline stripped). */
function lines(report) {
  const out = [];
  let pending = null;
  for (const o of report.output ?? []) {
    const parts = String(o.text).split('\n');
    parts.forEach((part, i) => {
      if (pending && pending.thread === o.thread) pending.text += part;
      else if (part !== '' || i < parts.length - 1) pending = { t_ms: o.t_ms, thread: o.thread, text: part };
      if (i < parts.length - 1 && pending) {
        out.push(pending);
        pending = null;
      }
    });
  }
  if (pending && pending.text) out.push(pending);
  return out;
}

/** When a thread began and when it finished, from its spans. */
function lifetime(report, name) {
  const t = (report.threads ?? []).find((x) => x.name === name);
  if (!t || !t.spans.length) return null;
  const live = t.spans.filter((s) => s.state !== 'done');
  const start = live.length ? live[0].start_ms : t.spans[0].start_ms;
  const end = live.length ? live[live.length - 1].end_ms : t.spans[0].end_ms;
  return { start, end, ms: end - start };
}

/** "GIL 1.03× the sequential time; free-threaded 1.94× faster" from whichever modes ran. */
function compareToSequential(reports) {
  const seq = reports.sequential?.wall_ms;
  const parts = [];
  const data = {};
  for (const mode of MODES) {
    if (reports[mode]) data[mode] = reports[mode].wall_ms;
  }
  // A run that ended in an error is never compared: it did not do the same work.
  const seqFailed = Boolean(reports.sequential?.error);
  for (const mode of ['gil', 'free']) {
    if (reports[mode]?.error) parts.push(`${MODE_NAMES[mode]}: failed (${reports[mode].error.type}), not compared`);
  }
  if (seqFailed && (reports.gil || reports.free)) parts.push(`sequential failed (${reports.sequential.error.type}), so nothing is compared with it`);
  if (seq && !seqFailed) {
    for (const mode of ['gil', 'free']) {
      const r = reports[mode];
      if (!r || r.error) continue;
      const ratio = r.wall_ms / seq;
      data[`${mode}_over_sequential`] = ratio;
      parts.push(ratio < 0.8
        ? `${MODE_NAMES[mode]}: ${times(seq / r.wall_ms)} faster (${seconds(r.wall_ms)})`
        : `${MODE_NAMES[mode]}: ${times(ratio)} the sequential time (${seconds(r.wall_ms)})`);
    }
  }
  return { parts, data };
}

function missingModes(reports, wanted) {
  const missing = wanted.filter((m) => !reports[m]).map((m) => MODE_NAMES[m]);
  return missing.length ? ` Run ${missing.join(' and ')} too (or “Run all three modes”) to compare.` : '';
}

export const PRESETS = [
  {
    id: 'lesson1',
    title: 'Lesson 1: a thread in the background',
    claim: 'task() runs in its own thread while the main thread carries on.',
    mode: 'gil',
    code: `import threading
import time

PAUSE = 0.5  # param: 0.1..2

def task():
    for i in range(3):
        print("Task running")
        time.sleep(PAUSE)

t = threading.Thread(target=task)
t.start()

print("Main thread continues")
`,
    reading({ reports }) {
      const mode = lastMode(reports);
      const r = reports[mode];
      const out = lines(r);
      const main = out.find((l) => l.text === 'Main thread continues');
      const tasks = out.filter((l) => l.text === 'Task running');
      if (!main || !tasks.length) return null;
      const lastTask = tasks[tasks.length - 1];
      const before = main.t_ms < lastTask.t_ms;
      const when = tasks.map((l) => Math.round(l.t_ms)).join(', ');
      return {
        text: before
          ? `${MODE_NAMES[mode]}: the main thread printed at ${Math.round(main.t_ms)} ms, while task() was still running (its lines at ${when} ms).`
          : `${MODE_NAMES[mode]}: the main thread printed only at ${Math.round(main.t_ms)} ms, after task() had finished (its lines at ${when} ms): nothing ran in the background.`,
        data: { mode, mainMs: main.t_ms, taskMs: tasks.map((l) => l.t_ms), mainBeforeTaskEnd: before },
      };
    },
  },
  {
    id: 'lesson2',
    title: 'Lesson 2: the main thread’s name',
    claim: 'Every program starts on one thread, named MainThread; each new thread gets a name of its own.',
    mode: 'gil',
    code: `import threading

print(threading.current_thread().name)

THREADS = 2  # param: 1..8

def task():
    print(threading.current_thread().name)

for i in range(THREADS):
    t = threading.Thread(target=task)
    t.start()
    t.join()
`,
    reading({ reports }) {
      const mode = lastMode(reports);
      const names = lines(reports[mode]).map((l) => l.text);
      if (!names.length) return null;
      return {
        text: `First line: ${names[0]}; then ${names.slice(1).join(', ') || 'no other thread'}: ${names.length} thread${names.length === 1 ? '' : 's'} in all.`,
        data: { mode, names },
      };
    },
  },
  {
    id: 'lesson5',
    title: 'Lesson 5: counting on two threads',
    claim: 'Under the GIL two threads counting are no faster than one after the other; free-threaded, they run in parallel.',
    mode: 'gil',
    runAll: true,
    code: `import threading

N = 10_000_000  # param: 1_000..200_000_000

def count():
    total = 0
    for i in range(N):
        total += 1

t1 = threading.Thread(target=count)
t2 = threading.Thread(target=count)

t1.start()
t2.start()

t1.join()
t2.join()

print("Done")
`,
    reading({ reports }) {
      const { parts, data } = compareToSequential(reports);
      if (!parts.length) {
        const mode = lastMode(reports);
        return {
          text: `${MODE_NAMES[mode]}: ${seconds(reports[mode].wall_ms)}.${missingModes(reports, MODES)}`,
          data,
        };
      }
      return { text: parts.join('; ') + '.' + missingModes(reports, ['gil', 'free']), data };
    },
  },
  {
    id: 'lesson6',
    title: 'Lesson 6: downloads',
    claim: 'Threads shine at waiting: three 2-second downloads finish in about 2 s, not 6 s.',
    mode: 'gil',
    code: `import threading
import time

FILES = 3  # param: 1..12
LATENCY = 2.0  # param: 0.1..5

def download(file):
    print(f"Downloading {file}")
    time.sleep(LATENCY)
    print(f"Finished {file}")

files = [f"{c}.mp4" for c in "abcdefghijkl"[:FILES]]

threads = []
for f in files:
    t = threading.Thread(target=download, args=(f,))
    threads.append(t)
    t.start()

for t in threads:
    t.join()

print("All downloads complete")
`,
    reading({ reports, params }) {
      const mode = lastMode(reports);
      const r = reports[mode];
      const files = params.FILES ?? 3;
      const latency = params.LATENCY ?? 2;
      const oneByOne = files * latency * 1000;
      return {
        text: mode === 'sequential'
          ? `Sequential: ${files} downloads of ${latency} s took ${seconds(r.wall_ms)}, one after the other.`
          : `${MODE_NAMES[mode]}: ${files} downloads of ${latency} s each took ${seconds(r.wall_ms)}, not ${seconds(oneByOne)} one after the other (${times(oneByOne / r.wall_ms)} faster).`,
        data: { mode, wallMs: r.wall_ms, oneByOneMs: oneByOne },
      };
    },
  },
  {
    id: 'lesson7',
    title: 'Lesson 7: with and without join()',
    claim: 'join() makes the main thread wait for a thread; without it, the main thread goes on at once.',
    mode: 'gil',
    code: `import threading
import time

WORK = 0.5  # param: 0.1..2

def task(name):
    time.sleep(WORK)
    print(f"{name} finished")

# Without join(): the main thread does not wait.
t = threading.Thread(target=task, args=("first thread",))
t.start()
print("Done? (no join)")

# With join(): the main thread waits here.
t = threading.Thread(target=task, args=("second thread",))
t.start()
t.join()  # main thread waits here
print("Done")
`,
    reading({ reports }) {
      const mode = lastMode(reports);
      const out = lines(reports[mode]);
      const find = (text) => out.find((l) => l.text === text);
      const noJoin = find('Done? (no join)');
      const first = find('first thread finished');
      const joined = find('Done');
      const second = find('second thread finished');
      if (!noJoin || !first || !joined || !second) return null;
      const ms = (l) => `${Math.round(l.t_ms)} ms`;
      return {
        text: `Without join(): main printed at ${ms(noJoin)}, ${noJoin.t_ms < first.t_ms ? 'before' : 'after'} its thread finished (${ms(first)}). ` +
          `With join(): main printed at ${ms(joined)}, ${joined.t_ms >= second.t_ms ? 'after' : 'before'} its thread finished (${ms(second)}).`,
        data: { mode, noJoinMs: noJoin.t_ms, firstMs: first.t_ms, joinedMs: joined.t_ms, secondMs: second.t_ms },
      };
    },
  },
  {
    id: 'convoy',
    title: 'Beyond: the convoy effect',
    claim: 'Under the GIL, a thread that wakes up often waits for a busy CPU-bound thread at every wake-up, so its I/O slows down.',
    mode: 'gil',
    runAll: true,
    code: `import threading
import time

WAKEUPS = 200  # param: 10..2_000

done = False

def io_bound():
    global done
    for i in range(WAKEUPS):
        time.sleep(0.001)
    done = True

def cpu_bound():
    total = 0
    while not done:
        total += 1

io = threading.Thread(target=io_bound, name="io")
cpu = threading.Thread(target=cpu_bound, name="cpu")
io.start()
cpu.start()
io.join()
cpu.join()
print("Done")
`,
    reading({ reports, params }) {
      const wakeups = params.WAKEUPS ?? 200;
      const data = {};
      const parts = [];
      for (const mode of MODES) {
        const life = reports[mode] && lifetime(reports[mode], 'io');
        if (life) data[mode] = life.ms;
      }
      const alone = data.sequential;
      if (alone !== undefined) parts.push(`alone (sequential): ${wakeups} wake-ups took ${seconds(alone)}`);
      for (const mode of ['gil', 'free']) {
        if (data[mode] === undefined) continue;
        const slower = alone ? `, ${times(data[mode] / alone)} ${mode === 'gil' ? 'slower' : 'the time alone'}` : '';
        parts.push(`beside a CPU-bound thread, ${MODE_NAMES[mode]}: ${seconds(data[mode])}${slower}`);
      }
      if (!parts.length) return null;
      if (alone && data.gil) data.gil_over_alone = data.gil / alone;
      if (alone && data.free) data.free_over_alone = data.free / alone;
      return { text: `The I/O thread: ${parts.join('; ')}.${missingModes(reports, MODES)}`, data };
    },
  },
  {
    id: 'switch-interval',
    title: 'Beyond: the switch interval',
    claim: 'The switch interval (sys.setswitchinterval) sets how often CPU-bound threads trade the GIL: halve it and they switch twice as often.',
    note: 'This program sets the interval itself, so the page’s switch-interval control has no effect on it.',
    mode: 'gil',
    code: `import sys
import threading

INTERVAL = 0.005  # param: 0.0005..0.05
N = 10_000_000  # param: 100_000..100_000_000

sys.setswitchinterval(INTERVAL)

def count():
    total = 0
    for i in range(N):
        total += 1

t1 = threading.Thread(target=count)
t2 = threading.Thread(target=count)
t1.start()
t2.start()
t1.join()
t2.join()

print(f"switch interval: {sys.getswitchinterval() * 1000:.1f} ms")
`,
    reading({ reports, params }) {
      const mode = lastMode(reports);
      const r = reports[mode];
      const interval = (params.INTERVAL ?? 0.005) * 1000;
      if (mode !== 'gil') {
        return { text: `${MODE_NAMES[mode]}: no GIL to trade, ${r.gil_switches} GIL switches in ${seconds(r.wall_ms)}.`, data: { mode, switches: r.gil_switches } };
      }
      const both = overlapMs(r);
      const every = r.gil_switches > 0 ? both / r.gil_switches : Infinity;
      return {
        text: `Interval ${interval.toFixed(1)} ms: ${r.gil_switches} GIL switches while both threads counted (${seconds(both)}), one every ${every.toFixed(1)} ms.`,
        data: { mode, switches: r.gil_switches, overlapMs: both, everyMs: every, intervalMs: interval },
      };
    },
  },
  {
    id: 'race',
    title: 'Beyond: a race, fixed with a Lock',
    claim: 'counter += 1 is several steps, so threads can lose updates; a Lock makes the count exact.',
    mode: 'free',
    runAll: true,
    code: `import threading

N = 200_000  # param: 1_000..5_000_000
THREADS = 2  # param: 2..8

counter = 0
lock = threading.Lock()

def unsafe():
    global counter
    for i in range(N):
        counter += 1

def safe():
    global counter
    for i in range(N):
        with lock:
            counter += 1

for work in [unsafe, safe]:
    counter = 0
    threads = [threading.Thread(target=work) for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"{work.__name__}: {counter} of {N * THREADS}")
`,
    reading({ reports }) {
      const data = {};
      const parts = [];
      for (const mode of ['free', 'gil', 'sequential']) {
        if (!reports[mode]) continue;
        const got = {};
        for (const l of lines(reports[mode])) {
          const m = /^(unsafe|safe): (\d+) of (\d+)$/.exec(l.text);
          if (m) got[m[1]] = { count: Number(m[2]), expected: Number(m[3]) };
        }
        if (!got.unsafe || !got.safe) continue;
        data[mode] = got;
        const lost = got.unsafe.expected - got.unsafe.count;
        const lostText = lost > 0
          ? `lost ${int(lost)} of ${int(got.unsafe.expected)} updates (${(100 * lost / got.unsafe.expected).toFixed(1)}%) without a lock`
          : `lost none without a lock this time`;
        const safeText = got.safe.count === got.safe.expected ? 'exact with the Lock' : `${int(got.safe.count)} with the Lock (!)`;
        parts.push(`${MODE_NAMES[mode]}: ${lostText}, ${safeText}`);
      }
      if (!parts.length) return null;
      return { text: parts.join('; ') + '.', data };
    },
  },
  {
    id: 'mixed',
    title: 'Beyond: CPU and I/O in one program',
    claim: 'In a program that both waits and computes, threads hide the waiting even under the GIL; only free-threading also speeds up the computing.',
    mode: 'gil',
    runAll: true,
    // N is sized so that each count (about 0.8 s in Chromium on the 2-core machine of
    // BENCHMARKS.md) takes more than twice the 0.25 s wait: with less computing than waiting,
    // the waits hide free-threading's gain and the claim does not show. Twice, so the lesson
    // still shows on a machine twice as fast (tests/e2e/playground.test.mjs checks this).
    code: `import threading
import time

LATENCY = 0.25  # param: 0.05..5
N = 80_000_000  # param: 1_000..200_000_000

def download(file):
    print(f"Downloading {file}")
    time.sleep(LATENCY)
    print(f"Finished {file}")

def count():
    total = 0
    for i in range(N):
        total += 1
    print("Counted", total)

threads = [threading.Thread(target=download, args=(f,)) for f in ["a.mp4", "b.mp4"]]
threads += [threading.Thread(target=count) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print("All done")
`,
    reading({ reports }) {
      const { parts, data } = compareToSequential(reports);
      if (!parts.length) {
        const mode = lastMode(reports);
        return { text: `${MODE_NAMES[mode]}: ${seconds(reports[mode].wall_ms)}.${missingModes(reports, MODES)}`, data };
      }
      return { text: `Sequential: ${seconds(reports.sequential.wall_ms)}; ${parts.join('; ')}.${missingModes(reports, ['gil', 'free'])}`, data };
    },
  },
  {
    id: 'ways',
    title: 'Beyond: threads, processes or asyncio?',
    claim: 'For computing, only processes run Python in parallel under the GIL; for waiting, threads and asyncio both overlap the waits.',
    note: '“Run the six” runs the program six times (JOB and WAY set for each run) in the chosen mode, and charts the six times below.',
    mode: 'gil',
    runAll: true,
    // Its "run all" runs the six ways (ways.js), not the three modes.
    ways: true,
    code: WAYS_CODE,
    reading: waysReading,
  },
];

/** The time during which at least two threads other than MainThread were alive. */
function overlapMs(report) {
  const lives = (report.threads ?? []).filter((t) => t.name !== 'MainThread').map((t) => lifetime(report, t.name)).filter(Boolean);
  if (lives.length < 2) return report.wall_ms;
  const start = Math.max(...lives.map((l) => l.start));
  const end = Math.min(...lives.map((l) => l.end));
  return Math.max(0, end - start);
}

/** The mode of the most recent report (set by the caller as reports.last). */
function lastMode(reports) {
  return reports.last ?? Object.keys(reports).find((m) => m in MODE_NAMES);
}

export function presetById(id) {
  return PRESETS.find((p) => p.id === id);
}

/** A reading for any program (no preset, or a preset with nothing to say). */
export function genericReading({ reports }) {
  const mode = lastMode(reports);
  const r = reports[mode];
  if (!r) return null;
  const { parts, data } = compareToSequential(reports);
  const threads = (r.threads ?? []).length;
  const base = `${MODE_NAMES[mode]}: ${seconds(r.wall_ms)}, ${threads} thread${threads === 1 ? '' : 's'}` +
    (mode === 'gil' ? `, ${r.gil_switches} GIL switches` : '');
  return { text: parts.length ? `${base}. ${parts.join('; ')}.` : `${base}.`, data };
}

export { MODE_NAMES, lines };
