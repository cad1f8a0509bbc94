// What the status line and the console say when run() rejects: Stop that had to restart the
// engine, a crash (the engine restarted itself), or any other failure. For the playground and
// the embed alike. Never the raw wasm stack (www/threadlab/crash.js keeps it out of `detail`).

/**
 * @param {Error} e            what run() rejected with (an EngineRestart, or another Error)
 * @param {object} o
 * @param {number} o.after     seconds the run had been going
 * @param {boolean} o.stopRequested  the learner pressed Stop
 * @param {number} o.backstopMs      STOP_BACKSTOP_MS
 * Returns { status, note, stream } (note and stream for the console).
 */
export function describeRunFailure(e, { after, stopRequested, backstopMs }) {
  const took = `${after.toFixed(2)} s`;
  if (e?.reason === 'backstop') {
    return {
      status: `Stopped: the program did not stop within ${backstopMs / 1000} s, so the engine was restarted.`,
      note: `Stopped after ${took}: the program did not stop within ${backstopMs} ms of Stop, so the engine was restarted.`,
      stream: 'note',
    };
  }
  if (stopRequested) return { status: 'Stopped.', note: `Stopped after ${took}.`, stream: 'note' };
  if (e?.crashed) {
    return {
      status: `The engine crashed (${e.detail}) and was restarted. Your program is kept.`,
      note: `The engine crashed: ${e.detail}. It was restarted, and your program is kept: run it again, or change it.`,
      stream: 'stderr',
    };
  }
  const message = String(e?.message ?? e).split('\n')[0];
  return { status: `The run failed: ${message}`, note: message, stream: 'stderr' };
}
