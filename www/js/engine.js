// The page's handle on the engine worker: request/response over postMessage, plus the
// channel on which Rust panics are reported (see src/web/panic.rs).

export class Engine {
  /**
   * @param {object} callbacks
   * @param {(message: string) => void} callbacks.onPanic  a Rust panic's message
   * @param {(message: string) => void} callbacks.onCrash  the worker itself failed
   */
  constructor({ onPanic, onCrash }) {
    this.nextId = 1;
    this.pending = new Map();
    this.panicChannelName = `threadlab-panic-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    this.panicChannel = new BroadcastChannel(this.panicChannelName);
    this.panicChannel.onmessage = ({ data }) => onPanic(String(data));

    this.worker = new Worker(new URL('../engine-worker.js', import.meta.url), { type: 'module' });
    this.worker.onmessage = ({ data }) => this.settle(data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      const why = event.message || 'the engine worker failed to load (is www/pkg built? run ./build.sh serve)';
      onCrash(why);
      this.failAll(new Error(why));
    };
  }

  /** Sends one request; resolves with the worker's result or rejects with its error text. */
  request(type, args = {}) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, type, ...args });
    });
  }

  start(threads) {
    return this.request('start', { threads, panicChannel: this.panicChannelName });
  }

  settle({ id, ok, result, error }) {
    const waiter = this.pending.get(id);
    if (!waiter) return;
    this.pending.delete(id);
    if (ok) waiter.resolve(result);
    else waiter.reject(new Error(error));
  }

  failAll(error) {
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }
}
