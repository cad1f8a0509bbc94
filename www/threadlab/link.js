// Request/response over postMessage with a worker that answers {id, ok, result | error}.
// Messages without an id (Rust's live output, requests for workers) go to `onEvent`.

export class WorkerLink {
  /**
   * @param {URL} url  a module worker script
   * @param {object} o
   * @param {string} o.name
   * @param {(data: object) => void} [o.onEvent]
   * @param {(why: string) => void} o.onCrash
   */
  constructor(url, { name, onEvent = () => {}, onCrash }) {
    this.nextId = 1;
    this.pending = new Map();
    this.worker = new Worker(url, { type: 'module', name });
    this.worker.onmessage = ({ data }) => {
      if (typeof data?.id === 'number') this.settle(data);
      else onEvent(data);
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      const why = event.message || `${name} failed to load (is www/pkg built? run ./build.sh serve)`;
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

  terminate(error) {
    this.worker.terminate();
    this.failAll(error);
  }
}
