// Live output of one run, in the report's order. Pieces come from several workers over several
// message ports, which need not deliver in the order they were sent, so each piece carries the
// sequence number Rust gave it under the output lock; this hands them on in that order.

export class OutputStream {
  /** @param {(piece: {thread, t_ms, text, stream}) => void} [onOutput] */
  constructor(onOutput) {
    this.onOutput = onOutput;
    this.next = 0;
    this.early = new Map(); // seq -> piece that arrived before an earlier one
    this.waiter = null; // {count, resolve} from whenDelivered
  }

  push({ seq, thread, t_ms, text, stream }) {
    // Microseconds, as in the report.
    this.early.set(seq, { thread, t_ms: Math.round(t_ms * 1000) / 1000, text, stream });
    while (this.early.has(this.next)) {
      const piece = this.early.get(this.next);
      this.early.delete(this.next);
      this.next++;
      if (this.onOutput) {
        try {
          this.onOutput(piece);
        } catch (e) {
          console.error('threadlab: onOutput threw', e);
        }
      }
    }
    if (this.waiter && this.next >= this.waiter.count) this.waiter.resolve();
  }

  /**
   * Resolves when `count` pieces have been handed on, or after `patienceMs` (a piece can only
   * be missing if its worker died).
   */
  whenDelivered(count, patienceMs = 2000) {
    if (this.next >= count) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, patienceMs);
      this.waiter = {
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
    });
  }
}
