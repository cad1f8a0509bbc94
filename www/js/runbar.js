// The run bar: Run, Stop, Run all three modes, Share, and the elapsed time of the run going on.

const el = (id) => document.getElementById(id);

export class RunBar {
  constructor({ onRun, onStop, onRunAll, onShare }) {
    this.run = el('run');
    this.stop = el('stop');
    this.runAll = el('run-all');
    this.share = el('share');
    this.elapsed = el('elapsed');
    this.state = el('run-state');
    this.run.addEventListener('click', onRun);
    this.stop.addEventListener('click', onStop);
    this.runAll.addEventListener('click', onRunAll);
    this.share.addEventListener('click', onShare);
    this.timer = 0;
    this.ready = false;
    this.running = false;
    this.update();
  }

  setReady(ready) {
    this.ready = ready;
    this.update();
  }

  /** A run started (label: what is running, e.g. "GIL" or "2 of 3: GIL"). */
  started(label) {
    // Keyboard users: Run is about to be disabled, so its focus moves to Stop (and back after).
    const hadFocus = document.activeElement === this.run || document.activeElement === this.runAll;
    this.running = true;
    document.body.dataset.runStart = String(performance.now());
    this.update();
    if (hadFocus) {
      this.returnFocus = document.activeElement === this.runAll ? this.runAll : this.run;
      this.stop.focus();
    }
    this.state.textContent = `Running ${label}…`;
    const t0 = performance.now();
    clearInterval(this.timer);
    const tick = () => { this.elapsed.textContent = formatElapsed(performance.now() - t0); };
    tick();
    this.timer = setInterval(tick, 100);
  }

  /** The run ended: show its own wall time (from the report) when there is one. */
  finished(text, wallMs) {
    clearInterval(this.timer);
    this.timer = 0;
    this.running = false;
    document.body.dataset.runEnd = String(performance.now());
    if (wallMs !== undefined) this.elapsed.textContent = formatElapsed(wallMs);
    this.state.textContent = text;
    const hadFocus = document.activeElement === this.stop || document.activeElement === document.body;
    this.update();
    if (hadFocus && this.returnFocus) this.returnFocus.focus();
    this.returnFocus = null;
  }

  update() {
    this.run.disabled = !this.ready || this.running;
    this.runAll.disabled = !this.ready || this.running;
    this.stop.disabled = !this.running;
    document.body.classList.toggle('is-running', this.running);
  }
}

export function formatElapsed(ms) {
  return ms < 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`;
}
