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
import { EngineRestart, STOP_BACKSTOP_MS, fromPanicMessage, fromTrap, restartMessage } from './threadlab/crash.js';

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
let broken = null; // why the engine cannot run any more (it crashed again and again while starting)
let current = null; // the run going on: { id, output, stopRequested, settled }
let runCount = 0;
let generation = 0; // one per engine started: a late message from an ended engine is ignored
let crashesSinceBoot = 0; // crashes since an engine last finished starting (a crash loop)
const stateListeners = new Set(); // from onEngineState()
let panicChannel = null;
let eventsChannel = null;

/** A crash loop (the engine dies while starting) gives up after this many restarts. */
const MAX_CRASHES_WHILE_STARTING = 3;
/**
 * Past this much wasm memory the engine is started afresh between runs: wasm memory never
 * shrinks, and runs can leave objects behind (README, "Memory"), so without it a page that runs
 * thousands of programs would reach the 1 GiB cap and crash. 512 MB leaves a run room to grow.
 */
let recycleBytes = 512 * 1024 * 1024;

/** After a trap, how long to wait for the panic message that may explain it (ms). */
const PANIC_MESSAGE_GRACE_MS = 100;

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
let warmWanted = WARM_WORKERS;
export function ready({ warmWorkers } = {}) {
  if (broken) return Promise.reject(new Error(broken));
  if (!booting && warmWorkers !== undefined) warmWanted = warmWorkers;
  if (!booting) {
    const gen = ++generation;
    emitState({ state: 'starting' });
    booting = boot(warmWanted, gen).then((info) => {
      if (gen === generation) {
        crashesSinceBoot = 0;
        emitState({ state: 'ready', info });
      }
      return info;
    }, (e) => {
      if (gen === generation) {
        teardown(e);
        booting = null;
        emitState({ state: 'failed', why: String(e?.message ?? e) });
      }
      throw e;
    });
  }
  return booting;
}

async function boot(warm, gen) {
  const t0 = performance.now();
  const channel = openPanicChannel(gen);
  const onCrash = (why) => crashed(gen, { reason: 'worker', detail: why });
  const onEvent = (data) => onWorkerEvent(gen, data);
  threadSet = new ThreadSet({ onMessage: onEvent, onCrash });
  engine = new WorkerLink(new URL('./engine-worker.js', import.meta.url), {
    name: 'threadlab-engine',
    onEvent,
    onCrash,
  });
  const { module, memory, ...info } = await engine.request('start', { panicChannel: channel, warm });
  if (info.isolated) {
    threadSet.configure({ module, memory, stackBytes: info.stackBytes });
    control = new WorkerLink(new URL('./control-worker.js', import.meta.url), {
      name: 'threadlab-control',
      onCrash,
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
 * @param {Object<string, string>} [o.modules]  extra modules the program can import, by name
 *        (`'helper'`, a package's `'pkg'` and `'pkg.sub'`) -> source text (docs/imports.md)
 */
export async function run(code, { mode = 'gil', switchInterval = 0.005, onOutput, maxThreads = 0, modules } = {}) {
  if (modules !== undefined && (modules === null || typeof modules !== 'object'
      || Object.values(modules).some((s) => typeof s !== 'string'))) {
    throw new Error('threadlab: modules must be an object mapping module names to source strings');
  }
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
  let stopNow;
  const me = {
    id: ++runCount,
    output: new OutputStream(onOutput),
    stopRequested: false,
    sent: false, // the engine has the run (before that, Stop only cancels it)
    settled: new Promise((resolve) => { settle = resolve; }),
    stopping: new Promise((_, reject) => { stopNow = reject; }),
    stopNow: null,
  };
  me.stopping.catch(() => {});
  me.stopNow = () => stopNow(Object.assign(new Error('threadlab: stopped before the run began'), { stopped: true }));
  current = me;
  let memoryAfter = 0;
  try {
    // Stop while the engine is still starting cancels the run without waiting for it.
    await Promise.race([ready(), me.stopping]);
    me.sent = true;
    const result = await engine.request('run', {
      code: String(code),
      mode,
      switchInterval,
      maxThreads,
      runId: me.id,
      modules: modules ? { ...modules } : undefined,
    });
    memoryAfter = result.memoryBytes;
    if (result.pool) emitState({ state: 'pool', ...result.pool });
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
    // Between runs, before anyone can start the next: the new engine is what it will wait for.
    if (memoryAfter > recycleBytes && current === null) {
      restart({ reason: 'recycle', detail: `its memory had grown to ${Math.round(memoryAfter / 2 ** 20)} MB` });
    }
  }
}

/**
 * Sets the wasm memory size past which the engine is started afresh between runs (default
 * 512 MB); the soak test sets a small one to see it happen.
 */
export function setRecycleBytes(bytes) {
  recycleBytes = bytes;
}

/**
 * Stops the running program, if any: threads unwind at their next bytecode or wake-up, so this
 * is prompt mid-loop and mid-sleep. Resolves once run() has settled (its report says stopped).
 * Whatever the program does, run() settles within STOP_BACKSTOP_MS or so: past it, the engine
 * worker and its thread workers are ended and started afresh, and run() rejects with an
 * EngineRestart (`stopped` and `restarted` true). On a page that is not cross-origin isolated
 * no other worker can reach a busy engine, so Stop always ends it that way, at once.
 */
export async function stop() {
  const me = current;
  if (!me) return;
  me.stopRequested = true;
  if (!me.sent) {
    me.stopNow();
    await me.settled;
    return;
  }
  const gen = generation;
  const backstop = setTimeout(() => {
    if (current === me && gen === generation) {
      restart({ reason: 'backstop', detail: `the program did not stop within ${STOP_BACKSTOP_MS} ms of Stop` });
    }
  }, STOP_BACKSTOP_MS);
  try {
    const info = await Promise.race([booting?.catch(() => null), me.settled.then(() => null)]);
    if (info && !info.isolated && current === me) {
      restart({ reason: 'stop', detail: 'on a page that is not cross-origin isolated Stop ends the engine' });
    } else if (info) {
      // A stop that arrives before the engine has begun the run finds nothing to stop: try again.
      while (current === me && gen === generation && control && (await control.request('stop').catch(() => 1)) === 0) {
        await Promise.race([me.settled, new Promise((r) => setTimeout(r, 10))]);
      }
    }
    await me.settled;
  } finally {
    clearTimeout(backstop);
  }
}

/** Worker start-up costs: `{ workers, startTimes: [{id, ms}] }` (ms from asked for to running). */
export function stats() {
  return {
    workers: threadSet ? threadSet.workers.length : 0,
    startTimes: threadSet ? threadSet.startTimes() : [],
    restarts: generation > 0 ? generation - 1 : 0,
  };
}

/**
 * The engine's wasm memory in bytes (its `WebAssembly.Memory`'s buffer; it grows, never
 * shrinks). For soak tests and the curious; null before the engine has started.
 */
export async function memoryBytes() {
  const info = await booting?.catch(() => null);
  if (!info) return null;
  if (info.isolated && threadSet?.init) return threadSet.init.memory.buffer.byteLength;
  return current ? null : engine.request('memory'); // the engine worker is busy during a run
}

// ---- for www/js/engine.js (the smoke panel and panic buttons) --------------------------------

/** Sends a request to the engine worker (after ready()): 'pool', 'smoke', 'panic'. */
export async function engineRequest(type, args) {
  await ready();
  return engine.request(type, args);
}

/**
 * Calls `listener(event)` whenever the engine changes state: `{state: 'starting'}`,
 * `{state: 'ready', info}` (what ready() resolves with), `{state: 'restarting', reason, detail,
 * message, duringRun}` (it crashed, Stop ended it, or it gave back memory; a new one is
 * starting; duringRun: a run was going, and rejects saying so), `{state: 'failed', why}`,
 * `{state: 'pool', poolSize, poolMs}` (after each run once the engine's rayon
 * pool has started, by a process pool or the smoke test).
 * Returns a function that removes the listener.
 */
export function onEngineState(listener) {
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}

// ---- internals ---------------------------------------------------------------------------------

function emitState(event) {
  for (const l of stateListeners) {
    try {
      l(event);
    } catch (e) {
      console.error('threadlab: an engine-state listener threw', e);
    }
  }
}

/** What Rust and the workers post: live output, requests for more workers, a trap. */
function onWorkerEvent(gen, data) {
  if (gen !== generation) return;
  if (data?.type === 'threadlab-output') {
    if (current && data.run === current.id) current.output.push(data);
  } else if (data?.type === 'threadlab-grow') {
    threadSet?.grow(data.count);
  } else if (data?.type === 'threadlab-crashed') {
    console.error(`threadlab: the ${data.where} trapped:`, data.error);
    crashed(gen, fromTrap(data.where, data.error), { grace: true });
  }
}

/** A panic channel for engine `gen`; returns its name. A panic reaches it from any worker. */
function openPanicChannel(gen) {
  panicChannel?.close();
  eventsChannel?.close();
  const name = `threadlab-panic-${Date.now()}-${Math.random().toString(36).slice(2)}-${gen}`;
  panicChannel = new BroadcastChannel(name);
  panicChannel.onmessage = ({ data }) => {
    console.error(`threadlab: ${data}`);
    crashed(gen, fromPanicMessage(data));
  };
  // What the rayon pool's workers post (they are nested in the engine worker, which is blocked
  // during a run, so their postMessage would wait there): src/web/page.rs.
  eventsChannel = new BroadcastChannel(`${name}-events`);
  eventsChannel.onmessage = ({ data }) => onWorkerEvent(gen, data);
  return name;
}

/**
 * Engine `gen` crashed (a panic, a trap, a worker that died). A trap may be followed by the panic
 * message that explains it: with `grace`, wait a moment for it.
 */
function crashed(gen, why, { grace = false } = {}) {
  if (gen !== generation) return;
  if (grace) {
    setTimeout(() => crashed(gen, why), PANIC_MESSAGE_GRACE_MS);
    return;
  }
  crashesSinceBoot++;
  restart(why);
}

/**
 * Ends the engine and every worker sharing its memory (their state cannot be trusted after a
 * crash, and a run that ignores Stop holds them), rejects what waited on them with an
 * EngineRestart, and starts a fresh engine in the background (run() also waits for it).
 */
function restart(why) {
  const error = new EngineRestart(why.reason, why.detail, restartMessage(why));
  teardown(error);
  booting = null;
  // duringRun: the run's own rejection tells the learner; otherwise only this event does.
  const event = { state: 'restarting', reason: why.reason, detail: why.detail, message: error.message, duringRun: Boolean(current?.sent) };
  if (crashesSinceBoot >= MAX_CRASHES_WHILE_STARTING) {
    broken = `${error.message}; it crashed ${crashesSinceBoot} times before it could start, so it was not started again (reload the page)`;
    generation++;
    emitState({ state: 'failed', why: broken });
    return;
  }
  emitState(event);
  ready().catch(() => {}); // 'ready' or 'failed' follows
}

function teardown(error) {
  engine?.terminate(error);
  control?.terminate(error);
  threadSet?.terminate();
  engine = control = threadSet = null;
}

export default { ready, run, stop, stats, memoryBytes, setRecycleBytes, onEngineState, engineKind, WARM_WORKERS, MODES, STOP_BACKSTOP_MS };
export { MODES, STOP_BACKSTOP_MS, EngineRestart };
