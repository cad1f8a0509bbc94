// One worker of the thread set (see src/web/threads.rs). The page creates it and posts the
// engine's compiled module and shared memory; it instantiates them and then stays in Rust for
// good, running Python threads one after another. Everything it says to the page after that
// (live output, requests for more workers) Rust posts directly.
import init, { threadWorkerMain } from './pkg/threadlab.js';

self.addEventListener('message', async ({ data }) => {
  const { module, memory, workerId, stackBytes } = data;
  try {
    await init({ module_or_path: module, memory, thread_stack_size: stackBytes });
  } catch (e) {
    postMessage({ type: 'threadlab-worker-failed', workerId, error: String((e && e.stack) || e) });
    return;
  }
  // An absolute time: each worker's performance.now() has its own origin.
  postMessage({ type: 'threadlab-worker-started', workerId, at: performance.timeOrigin + performance.now() });
  try {
    threadWorkerMain(workerId); // never returns, unless it traps
  } catch (e) {
    // A trap here (a panic's abort, an allocation failure) would otherwise only reach the
    // console, and the thread it ran would never end: the page restarts the engine.
    postMessage({ type: 'threadlab-crashed', where: `thread worker ${workerId}`, error: String((e && e.stack) || e) });
  }
}, { once: true });
