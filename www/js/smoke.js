// The "Parallel smoke test" panel.

const el = (id) => document.getElementById(id);

export function showRunning() {
  el('smoke-run').disabled = true;
  el('smoke-verdict').textContent = 'running…';
  el('smoke-verdict').className = '';
  el('smoke-note').textContent = '';
}

export function showResult(r) {
  const speedup = r.serialMs / r.parallelMs;
  const match = r.serialChecksum === r.parallelChecksum;
  el('smoke-serial-label').textContent = '1 worker';
  el('smoke-parallel-label').textContent = `${r.workers} workers`;
  el('smoke-serial-ms').textContent = `${r.serialMs.toFixed(1)} ms`;
  el('smoke-parallel-ms').textContent = `${r.parallelMs.toFixed(1)} ms`;
  el('smoke-serial-sum').textContent = r.serialChecksum;
  el('smoke-parallel-sum').textContent = r.parallelChecksum;
  el('smoke-speedup').textContent = `${speedup.toFixed(2)}×`;
  // The best possible speedup is one per core the pool can use; far below it usually means
  // other programs are busy on the machine, not that the threads ran one at a time.
  const ideal = Math.min(r.workers, navigator.hardwareConcurrency || r.workers);
  el('smoke-note').textContent = speedup < 0.7 * ideal
    ? `Below the ideal ${ideal}×: other programs may be using the CPU. Run it again to compare.`
    : '';
  el('smoke-verdict').textContent = match
    ? `checksums match (${(r.iterations / 1e6).toFixed(0)} M iterations)`
    : 'checksums differ: the parallel run computed something else';
  el('smoke-verdict').className = match ? 'good' : 'bad';
  el('smoke').dataset.result = JSON.stringify({ ...r, speedup, match });
  el('smoke-run').disabled = false;
}

export function showUnavailable(why) {
  el('smoke-verdict').textContent = why;
  el('smoke-run').disabled = true;
}

export function disable() {
  el('smoke-run').disabled = true;
}

export function onRun(handler) {
  el('smoke-run').addEventListener('click', handler);
}

export function enable() {
  el('smoke-run').disabled = false;
}
