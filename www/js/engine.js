// The diagnostics panel's handle on the engine: the smoke test's rayon pool and the panic
// buttons. It shares the one engine worker that www/threadlab.js starts (a second engine would
// mean a second wasm memory and a second set of workers).
import { ready, engineRequest, onTrouble } from '../threadlab.js';

export class Engine {
  /**
   * @param {object} callbacks
   * @param {(message: string) => void} callbacks.onPanic  a Rust panic's message
   * @param {(message: string) => void} callbacks.onCrash  a worker itself failed
   */
  constructor({ onPanic, onCrash }) {
    onTrouble({ onPanic, onCrash });
  }

  /** Sends one request to the engine worker ('smoke', 'panic', ...). */
  request(type, args = {}) {
    return engineRequest(type, args);
  }

  /**
   * Starts the engine (if the page has not yet) and the smoke test's rayon pool of `threads`.
   * Resolves with { version, isolated, poolSize, initMs, poolMs, ... }.
   */
  async start(threads) {
    const info = await ready();
    if (!info.isolated) return { ...info, poolSize: 0 };
    return { ...info, ...(await engineRequest('pool', { threads })) };
  }
}
