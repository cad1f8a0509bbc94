// The control worker: the engine worker is busy inside the program during a run and takes no
// messages, and the page's main thread may not call Rust that can block. This worker shares the
// engine's memory, never runs Python and never blocks for long, so it can always stop a run.
import init, { stopCurrentRun } from './pkg/threadlab.js';

let started = null;

self.addEventListener('message', async ({ data }) => {
  const { id, type } = data;
  try {
    if (type === 'init') {
      started ??= init({ module_or_path: data.module, memory: data.memory, thread_stack_size: data.stackBytes });
      await started;
      postMessage({ id, ok: true, result: null });
    } else if (type === 'stop') {
      await started;
      postMessage({ id, ok: true, result: stopCurrentRun() });
    } else {
      throw new Error(`unknown request ${type}`);
    }
  } catch (e) {
    postMessage({ id, ok: false, error: String((e && e.stack) || e) });
  }
});
