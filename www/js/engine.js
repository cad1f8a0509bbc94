// The diagnostics panel's handle on the engine: the smoke test's rayon pool and the panic
// buttons. It shares the one engine worker that www/threadlab.js starts (a second engine would
// mean a second wasm memory and a second set of workers).
import { ready, engineRequest, onEngineState } from '../threadlab.js';

export class Engine {
  /**
   * @param {(event: object) => void} onState  the engine's state changes (see onEngineState in
   *        www/threadlab.js): starting, ready, restarting (after a crash or Stop), failed
   */
  constructor(onState) {
    onEngineState(onState);
  }

  /** Sends one request to the engine worker ('smoke', 'panic', ...). */
  request(type, args = {}) {
    return engineRequest(type, args);
  }

  /** Starts the engine (if the page has not yet). Resolves with ready()'s result. */
  start() {
    return ready();
  }

  /**
   * Starts the smoke test's rayon pool of `threads` (once; later calls get the same answer):
   * { poolSize, poolMs }. Only when the panel is opened: the engine worker serves one request at
   * a time, so a pool booting at page load would hold up a learner's first run.
   */
  startPool(threads) {
    return engineRequest('pool', { threads });
  }
}
