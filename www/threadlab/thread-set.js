// The page's side of the thread set (src/web/threads.rs): it creates every worker that runs
// Python threads. Workers are asked for by Rust (a 'threadlab-grow' message from whichever
// worker started a thread); the page's main thread never blocks, so the workers it creates
// always start, even while the asking thread is blocked.

const now = () => performance.timeOrigin + performance.now();

export class ThreadSet {
  /**
   * @param {object} o
   * @param {(data: object) => void} o.onMessage  what workers post that is not about their start
   * @param {(why: string) => void} o.onCrash     a worker failed to load or died
   */
  constructor({ onMessage, onCrash }) {
    this.onMessage = onMessage;
    this.onCrash = onCrash;
    this.init = null; // {module, memory, stackBytes} once the engine has started
    this.waitingForInit = 0; // workers asked for before that
    this.workers = [];
    /** Per worker: when it was asked for and when its Rust loop began (absolute ms). */
    this.starts = [];
    this.started = 0;
    this.startWaiters = [];
  }

  /** The engine's module and memory: creates the workers asked for so far. */
  configure(init) {
    this.init = init;
    const count = this.waitingForInit;
    this.waitingForInit = 0;
    this.grow(count);
  }

  grow(count) {
    if (!this.init) {
      this.waitingForInit += count;
      return;
    }
    for (let i = 0; i < count; i++) this.create();
  }

  create() {
    const workerId = this.workers.length + 1; // 0 is the engine worker
    const worker = new Worker(new URL('../thread-worker.js', import.meta.url), {
      type: 'module',
      name: `threadlab-thread-${workerId}`,
    });
    this.starts[workerId] = { askedAt: now(), startedAt: null };
    worker.onmessage = ({ data }) => this.handle(data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.onCrash(`thread worker ${workerId} failed: ${event.message || 'could not load thread-worker.js'}`);
    };
    const { module, memory, stackBytes } = this.init;
    worker.postMessage({ module, memory, stackBytes, workerId });
    this.workers.push(worker);
  }

  handle(data) {
    if (data?.type === 'threadlab-worker-started') {
      this.starts[data.workerId].startedAt = data.at;
      this.started++;
      this.startWaiters = this.startWaiters.filter(({ n, resolve }) => {
        if (this.started < n) return true;
        resolve();
        return false;
      });
    } else if (data?.type === 'threadlab-worker-failed') {
      this.onCrash(`thread worker ${data.workerId} failed to start: ${data.error}`);
    } else {
      this.onMessage(data);
    }
  }

  /** Resolves once at least `n` workers are running their Rust loop. */
  whenStarted(n) {
    if (this.started >= n) return Promise.resolve();
    return new Promise((resolve) => this.startWaiters.push({ n, resolve }));
  }

  /** Each worker's start-up: ms from being asked for to running Rust. */
  startTimes() {
    return this.starts
      .map((s, id) => (s && s.startedAt !== null ? { id, ms: s.startedAt - s.askedAt } : null))
      .filter(Boolean);
  }

  terminate() {
    for (const w of this.workers) w.terminate();
    this.workers = [];
  }
}
