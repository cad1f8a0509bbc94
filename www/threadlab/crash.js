// What ended an engine, in words for the status line: a Rust panic's message without its
// location, "out of memory", or a wasm trap's kind, never the raw wasm stack (that goes to the
// console). Used by www/threadlab.js when it restarts the engine.

/** How the Rust allocation-failure hook's message begins (src/web/panic.rs, OUT_OF_MEMORY). */
const OUT_OF_MEMORY = 'out of memory:';

/** Milliseconds Stop waits for a run to settle before it restarts the engine (README, "Stop"). */
export const STOP_BACKSTOP_MS = 500;

/**
 * Why the engine was restarted, as an Error that run() rejects with:
 * `reason` is 'panic' | 'oom' | 'trap' | 'worker' (a crash), 'backstop' (the run had not
 * settled STOP_BACKSTOP_MS after Stop) or 'stop' (a page without isolation, where ending the
 * engine is how Stop works) or 'recycle' (between runs, to give back memory); `restarted` is true; `stopped` is true for 'backstop' and 'stop';
 * `detail` is the short cause shown to the learner.
 */
export class EngineRestart extends Error {
  constructor(reason, detail, message) {
    super(message);
    this.name = 'EngineRestart';
    this.reason = reason;
    this.detail = detail;
    this.restarted = true;
    this.stopped = reason === 'stop' || reason === 'backstop';
    this.crashed = !this.stopped && reason !== 'recycle';
  }
}

/** A panic hook message ("panicked at src/x.rs:1:2:\nwhat") as { reason, detail }. */
export function fromPanicMessage(message) {
  const text = String(message);
  if (text.startsWith(OUT_OF_MEMORY)) return { reason: 'oom', detail: 'it ran out of memory' };
  const m = /^panicked at ([^\n]*?):?\n([\s\S]*)$/.exec(text);
  const what = (m ? m[2] : text).split('\n')[0].trim();
  return { reason: 'panic', detail: `a Rust panic: ${clip(what)}${m ? ` (${m[1]})` : ''}` };
}

/** A trap or error thrown out of wasm on a worker (its `String(e)` or stack) as { reason, detail }. */
export function fromTrap(where, error) {
  const first = String(error).split('\n')[0].replace(/^(Uncaught )?RuntimeError: /, '');
  return { reason: 'trap', detail: `a WebAssembly trap on the ${where} (${clip(first)})` };
}

/** The sentence run() rejects with (and the page shows) for a restart. */
export function restartMessage({ reason, detail }) {
  if (reason === 'stop' || reason === 'backstop') {
    return `threadlab: stopped (${detail}); the engine was restarted`;
  }
  if (reason === 'recycle') return `threadlab: the engine was restarted between runs to give back memory (${detail})`;
  return `threadlab: the engine crashed (${detail}) and was restarted`;
}

function clip(text, max = 160) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
