// The engine's home: a module Worker, because the page's main thread may not block and the
// engine does (mutexes, condvars, sleeps). The page talks to it with {id, type, ...args}
// messages and gets {id, ok, result | error} back.
import init, {
  version,
  initThreadPool,
  poolSize,
  smokeChecksum,
  setPanicChannel,
  debugPanic,
} from './pkg/threadlab.js';

// Target wall time of the one-worker smoke run: long enough to time, short enough to wait for.
const SMOKE_TARGET_MS = 400;

const handlers = {
  async start({ threads, panicChannel }) {
    const t0 = performance.now();
    await init();
    setPanicChannel(panicChannel);
    const initMs = performance.now() - t0;
    if (!self.crossOriginIsolated) {
      // No SharedArrayBuffer: the pool cannot start, but the engine itself loads.
      return { version: version(), isolated: false, poolSize: 0, initMs };
    }
    const t1 = performance.now();
    await initThreadPool(threads);
    return {
      version: version(),
      isolated: true,
      poolSize: poolSize(),
      initMs,
      poolMs: performance.now() - t1,
    };
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

self.addEventListener('message', async ({ data }) => {
  // wasm-bindgen-rayon's helper also listens on this scope; its messages carry no id.
  if (data == null || typeof data.id !== 'number') return;
  const { id, type, ...args } = data;
  try {
    const handler = handlers[type];
    if (!handler) throw new Error(`unknown request ${type}`);
    postMessage({ id, ok: true, result: await handler(args) });
  } catch (e) {
    postMessage({ id, ok: false, error: String((e && e.stack) || e) });
  }
});
