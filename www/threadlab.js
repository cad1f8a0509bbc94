// threadlab's JavaScript API: run Python programs with real threads in this page.
//
//   import * as threadlab from './threadlab.js';
//   await threadlab.ready();
//   const report = await threadlab.run(code, { mode: 'gil', onOutput: (p) => console.log(p.text) });
//   threadlab.stop();
//
// A plain ES module, no bundler. The page needs cross-origin isolation (COOP + COEP headers) for
// threads; without it programs without threads still run (see README.md, "Threads in the browser").
//
// Who runs where (all created by this page's main thread, which never blocks):
// - the engine worker (engine-worker.js): the Python main thread; blocked for a whole run;
// - the thread set (thread-worker.js, threadlab/thread-set.js): one worker per running Python
//   thread, WARM_WORKERS started by ready() and reused across runs, more on demand up to the limit;
// - the control worker (control-worker.js): shares the engine's memory, never blocks, stops runs.
import { WorkerLink } from './threadlab/link.js';
import { ThreadSet } from './threadlab/thread-set.js';
import { OutputStream } from './threadlab/output.js';
import { MODES, NEEDS_ISOLATION } from './threadlab/modes.js';

/** Workers started by ready(): the lessons use up to 8 threads. The one place this is set in JS. */
export const WARM_WORKERS = 8;

/**
 * Which engine this page can run: 'workers' (each Python thread on a Web Worker of its own, all
 * sharing one memory: needs a cross-origin isolated page) or 'green' (every Python thread on the
 * engine's one worker, switched by the VM).
 */
export const engineKind = () => (globalThis.crossOriginIsolated === true ? 'workers' : 'green');

let engine = null; // WorkerLink to engine-worker.js
let control = null; // WorkerLink to control-worker.js (isolated pages only)
let threadSet = null;
let booting = null; // ready()'s promise
let broken = null; // why the engine cannot run any more (a Rust panic, a dead worker)
let current = null; // the run going on: { id, output, stopRequested, settled }
let runCount = 0;
const troubleListeners = new Set(); // { onPanic, onCrash } from engine.js
let panicChannel = null;

/**
 * Starts the engine worker, the warm thread set and the control worker. Idempotent (options
 * count on the first call only); the page stays usable meanwhile (nothing here blocks it).
 * Resolves with `{ version, engine, isolated, threads, warmWorkers, limit, stackBytes, initMs,
 * readyMs }`: `engine` is 'workers' or 'green' (see engineKind), `threads` whether this engine
 * can start Python threads (a page that is not isolated needs the green-thread scheduler).
 *
 * @param {object} [o]
 * @param {number} [o.warmWorkers]  thread-set workers to start now (default WARM_WORKERS); a page
 *        whose programs start more threads at once can start more up front
 */
export function ready({ warmWorkers = WARM_WORKERS } = {}) {
  if (broken) return Promise.reject(new Error(broken));
  booting ??= boot(warmWorkers).catch((e) => {
    teardown(e);
    booting = null;
    throw e;
  });
  return booting;
}

async function boot(warm) {
  const t0 = performance.now();
  openPanicChannel();
  threadSet = new ThreadSet({ onMessage: onWorkerEvent, onCrash: crash });
  engine = new WorkerLink(new URL('./engine-worker.js', import.meta.url), {
    name: 'threadlab-engine',
    onEvent: onWorkerEvent,
    onCrash: crash,
  });
  const { module, memory, ...info } = await engine.request('start', {
    panicChannel: panicChannel.name,
    warm,
  });
  if (info.isolated) {
    threadSet.configure({ module, memory, stackBytes: info.stackBytes });
    control = new WorkerLink(new URL('./control-worker.js', import.meta.url), {
      name: 'threadlab-control',
      onCrash: crash,
    });
    await Promise.all([
      threadSet.whenStarted(info.warmWorkers),
      control.request('init', { module, memory }),
    ]);
  }
  return { ...info, engine: info.isolated ? 'workers' : 'green', readyMs: performance.now() - t0 };
}

/**
 * Runs a program; one run at a time (a second run() while one is going rejects). Resolves with
 * the report of `threadlab run FILE.py --json` (wall_ms, mode, switch_interval, stdout,
 * output[{t_ms, thread, text}], threads[{name, native_id, spans[{state, start_ms, end_ms}]}],
 * gil_switches, error) plus `stderr` (the traceback text), `exit_code` (python3's), and
 * `stopped` (true if stop() ended it). `native_id` is the worker that ran the thread: 0 is the
 * engine worker, 1.. the thread set's workers.
 *
 * @param {string} code
 * @param {object} [o]
 * @param {'sequential'|'gil'|'free'} [o.mode]
 * @param {number} [o.switchInterval]  seconds, like sys.setswitchinterval
 * @param {(piece: {thread: string, t_ms: number, text: string, stream: 'stdout'|'stderr'}) => void} [o.onOutput]
 *        called live, in order, as the program prints (and for tracebacks, stream 'stderr')
 * @param {number} [o.maxThreads]  Python threads alive at once before "can't start new thread"
 *        (default and most: the limit ready() reports)
 */
export async function run(code, { mode = 'gil', switchInterval = 0.005, onOutput, maxThreads = 0 } = {}) {
  if (!MODES.includes(mode)) {
    throw new Error(`threadlab: unknown mode ${JSON.stringify(mode)} (one of ${MODES.map((m) => `'${m}'`).join(', ')})`);
  }
  if (NEEDS_ISOLATION.includes(mode) && engineKind() !== 'workers') {
    throw new Error(`threadlab: mode '${mode}' needs a cross-origin isolated page (COOP and COEP headers): `
      + 'without shared memory every Python thread runs on one worker, so nothing can run in parallel; '
      + "use 'gil' or 'sequential' here, or serve the page with the headers");
  }
  if (current) {
    throw new Error('threadlab: a program is already running (one run at a time): await it, or call stop() first');
  }
  let settle;
  const me = {
    id: ++runCount,
    output: new OutputStream(onOutput),
    stopRequested: false,
    settled: new Promise((resolve) => { settle = resolve; }),
  };
  current = me;
  try {
    await ready();
    const result = await engine.request('run', {
      code: String(code),
      mode,
      switchInterval,
      maxThreads,
      runId: me.id,
    });
    await me.output.whenDelivered(result.pieces);
    const { report } = result;
    return {
      ...report,
      stderr: result.stderr,
      exit_code: result.exit_code,
      stopped: me.stopRequested && report.error?.type === 'KeyboardInterrupt',
    };
  } finally {
    if (current === me) current = null;
    settle();
  }
}

/**
 * Stops the running program, if any: threads unwind at their next bytecode or wake-up, so this
 * is prompt mid-loop and mid-sleep. Resolves once run() has settled (its report says stopped).
 */
export async function stop() {
  const me = current;
  if (!me) return;
  me.stopRequested = true;
  // The run may still be waiting for the engine to start: wait for that to know how to stop it.
  const info = await ready().catch(() => null);
  if (!info) return me.settled;
  if (!info.isolated) {
    // Not isolated: no other worker shares the engine's memory, so end the engine worker itself
    // (run() rejects); the next ready() starts a fresh one.
    teardown(new Error('threadlab: stopped'));
    booting = null;
  } else {
    // A stop that arrives before the engine has begun the run finds nothing to stop: try again.
    while (current === me && (await control.request('stop')) === 0) {
      await Promise.race([me.settled, new Promise((r) => setTimeout(r, 10))]);
    }
  }
  await me.settled;
}

/** Worker start-up costs: `{ workers, startTimes: [{id, ms}] }` (ms from asked for to running). */
export function stats() {
  return {
    workers: threadSet ? threadSet.workers.length : 0,
    startTimes: threadSet ? threadSet.startTimes() : [],
  };
}

// ---- for www/js/engine.js (the smoke panel and panic buttons) --------------------------------

/** Sends a request to the engine worker (after ready()): 'pool', 'smoke', 'panic'. */
export async function engineRequest(type, args) {
  await ready();
  return engine.request(type, args);
}

/** Calls `onPanic(message)` on a Rust panic and `onCrash(why)` if a worker dies. */
export function onTrouble(listener) {
  troubleListeners.add(listener);
  return () => troubleListeners.delete(listener);
}

// ---- internals ---------------------------------------------------------------------------------

/** What Rust posts from any worker: live output, requests for more thread-set workers. */
function onWorkerEvent(data) {
  if (data?.type === 'threadlab-output') {
    if (current && data.run === current.id) current.output.push(data);
  } else if (data?.type === 'threadlab-grow') {
    threadSet?.grow(data.count);
  }
}

function openPanicChannel() {
  if (panicChannel) return;
  const name = `threadlab-panic-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  panicChannel = new BroadcastChannel(name);
  panicChannel.onmessage = ({ data }) => {
    const message = String(data);
    // A panic aborts the worker it happened on; whatever waited on that worker never returns.
    broken = `threadlab: the engine stopped after a Rust panic (reload the page): ${message}`;
    engine?.failAll(new Error(broken));
    for (const l of troubleListeners) l.onPanic?.(message);
  };
}

function crash(why) {
  broken = `threadlab: ${why}`;
  engine?.failAll(new Error(broken));
  for (const l of troubleListeners) l.onCrash?.(why);
}

function teardown(error) {
  engine?.terminate(error);
  control?.terminate(error);
  threadSet?.terminate();
  engine = control = threadSet = null;
}

export default { ready, run, stop, stats, engineKind, WARM_WORKERS, MODES };
export { MODES };
