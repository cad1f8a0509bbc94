// The engine's home: a module Worker, because the page's main thread may not block and the
// engine does (mutexes, condvars, sleeps). The Python main thread runs here; other Python
// threads run on the thread set's workers, which the page creates (see src/web/threads.rs), or
// here too, as green threads, on a page that is not cross-origin isolated (src/vm/green.rs).
// The page talks to it with {id, type, ...args} messages and gets {id, ok, result | error} back.
// Rust also posts {type: 'threadlab-output' | 'threadlab-grow', ...} from here during a run
// (from the rayon pool's workers, nested here, on the page's events channel instead).
import init, {
  version,
  initThreadPool,
  poolSize,
  enableProcessPool,
  smokeChecksum,
  setPanicChannel,
  debugPanic,
  startThreadSet,
  sharedModule,
  sharedMemory,
  runPython,
} from './pkg/threadlab.js';

// Browsers compile wasm with a fast baseline compiler first and swap in optimised code for a
// function only on its next call (no on-stack replacement). The interpreter's dispatch loop is
// entered once per Python thread, so a learner's first run would otherwise spend its whole main
// thread in baseline code, 2-3x slower, and every first comparison would be skewed. A few short
// runs at start-up use up the tier-up budget of the hot functions; later runs enter them fresh.
const WARMUP_PROGRAM = `
def work(n):
    total = 0
    items = []
    for i in range(n):
        total += i % 7
        if i % 1000 == 0:
            items.append(f"{i}:{total:.1f}")
    return total, len(items)

for _ in range(4):
    work(20_000)
`;
const WARMUP_RUNS = 3;

async function warmUp() {
  const t0 = performance.now();
  for (let i = 0; i < WARMUP_RUNS; i++) runPython(WARMUP_PROGRAM, 'sequential', 0.005, 0, 0);
  // The optimising compiler works in the background; give it a moment, then enter once more.
  await new Promise((resolve) => setTimeout(resolve, 150));
  runPython(WARMUP_PROGRAM, 'sequential', 0.005, 0, 0);
  return performance.now() - t0;
}

// Without shared memory every Python thread must run on this one worker (green threads). Whether
// this engine build can do that is asked of the engine itself, by starting one thread, rather
// than assumed: the page shows what works from the answer.
const THREAD_PROBE = 'import threading\nt = threading.Thread(target=int)\nt.start()\nt.join()\n';

function threadsStart() {
  return JSON.parse(runPython(THREAD_PROBE, 'gil', 0.005, 0, 0)).report.error === null;
}

// Target wall time of the one-worker smoke run: long enough to time, short enough to wait for.
const SMOKE_TARGET_MS = 400;

let started = null; // the first start's result: start is idempotent
// The warm-up, started once start has answered: ready() does not wait for it, but every later
// request does (see the queue below), so a learner's first run still runs warm.
let warming = null;
let pool = null; // the rayon pool's start (process pools, smoke test), once
const USES_PROCESS_POOL = /\bPool\b|ProcessPoolExecutor/;

const handlers = {
  async start({ panicChannel, warm }) {
    if (started) return started;
    const t0 = performance.now();
    await init();
    setPanicChannel(panicChannel);
    const initMs = performance.now() - t0;
    // After this request's answer is posted (a task later), before the next request runs.
    warming = new Promise((resolve) => setTimeout(resolve, 0)).then(warmUp).catch((e) => {
      // As a trap in any request (below): this engine cannot run again, the page restarts it.
      postMessage({ type: 'threadlab-crashed', where: 'engine worker', error: String((e && e.stack) || e) });
      return null;
    });
    if (!self.crossOriginIsolated) {
      // No SharedArrayBuffer: the memory cannot be posted, so no other worker can share it.
      // Every Python thread of a program runs here as a green thread (modes gil, sequential).
      const set = startThreadSet(0, false);
      started = { version: version(), isolated: false, engine: 'green', threads: threadsStart(), initMs, ...set };
      return started;
    }
    // Asks the page for the warm workers (a message it handles once it has the module below).
    const set = startThreadSet(warm, true);
    started = {
      version: version(),
      isolated: true,
      engine: 'workers',
      threads: true,
      initMs,
      ...set,
      module: sharedModule(),
      memory: sharedMemory(),
    };
    return started;
  },

  // How long the warm-up took (tests/bench/firstload.mjs), once it is over.
  async warmup() {
    return { warmupMs: await warming };
  },

  // The rayon pool behind the smoke panel; its workers are nested in this worker, which is fine
  // because this worker awaits their start before anything here blocks.
  async pool({ threads }) {
    pool ??= (async () => {
      const t1 = performance.now();
      await initThreadPool(threads);
      enableProcessPool();
      return { poolSize: poolSize(), poolMs: performance.now() - t1 };
    })();
    return pool;
  },

  async run({ code, mode, switchInterval, maxThreads, runId, modules }) {
    // Process pools' processes run on the rayon pool (docs/processes.md, "In the browser"), so
    // a run that names one starts the pool first: the run blocks this worker, and the pool's
    // workers, nested here, must have started before. Other runs never wait for it. A pool
    // that a program reaches without naming it runs its processes on the thread set.
    const sources = [code, ...Object.values(modules ?? {})];
    if (self.crossOriginIsolated && sources.some((s) => USES_PROCESS_POOL.test(s))) {
      await handlers.pool({ threads: navigator.hardwareConcurrency });
    } else if (pool) {
      await pool;
    }
    const result = JSON.parse(runPython(code, mode, switchInterval, maxThreads, runId, modules));
    // The page restarts an engine whose memory has grown too large (it never shrinks).
    result.memoryBytes = sharedMemory().buffer.byteLength;
    // The Engine panel says when a run started the pool (its line would say the pool is not started).
    result.pool = pool ? await pool : null;
    return result;
  },

  smoke() {
    const workers = poolSize();
    const iterations = calibrate();
    const serial = timed(() => smokeChecksum(iterations, 1));
    const parallel = timed(() => smokeChecksum(iterations, workers));
    return {
      workers,
      iterations,
      serialMs: serial.ms,
      serialChecksum: serial.value,
      parallelMs: parallel.ms,
      parallelChecksum: parallel.value,
    };
  },

  panic({ what, onPool }) {
    debugPanic(what, onPool);
  },

  // The soak test's measure: the wasm memory grows and never shrinks.
  memory() {
    return sharedMemory().buffer.byteLength;
  },
};

/** Picks an iteration count that takes about SMOKE_TARGET_MS on one worker of this machine. */
function calibrate() {
  const probe = 20_000_000;
  smokeChecksum(probe / 10, 1); // warm-up: the first call also pays for waking a pool worker
  const { ms } = timed(() => smokeChecksum(probe, 1));
  const perMs = probe / Math.max(ms, 0.1);
  return Math.min(Math.round(perMs * SMOKE_TARGET_MS), 4_000_000_000);
}

function timed(f) {
  const start = performance.now();
  const value = f();
  return { value, ms: performance.now() - start };
}

// One request at a time: a run (which blocks this worker) must not start while the rayon pool
// is still starting its nested workers, or they would never start.
let queue = Promise.resolve();

self.addEventListener('message', ({ data }) => {
  // wasm-bindgen-rayon's helper also listens on this scope; its messages carry no id.
  if (data == null || typeof data.id !== 'number') return;
  const { id, type, ...args } = data;
  queue = queue.then(async () => {
    try {
      if (type !== 'start') await warming;
      const handler = handlers[type];
      if (!handler) throw new Error(`unknown request ${type}`);
      postMessage({ id, ok: true, result: await handler(args) });
    } catch (e) {
      // A trap (a panic's abort, an allocation failure, a stack overflow) leaves this engine's
      // memory in no state to run again: the page restarts it (www/threadlab.js).
      // No answer to the request: the page rejects it when it restarts the engine, with the
      // panic's message if one comes (a panic's abort is this trap).
      if (e instanceof WebAssembly.RuntimeError) {
        postMessage({ type: 'threadlab-crashed', where: 'engine worker', error: String(e.stack || e) });
        return;
      }
      postMessage({ id, ok: false, error: String((e && e.stack) || e) });
    }
  });
});
