// The "Engine" panel: state, isolation, version and pool size.

const field = (name) => document.getElementById(`status-${name}`);

export function setState(text) {
  field('state').textContent = text;
}

export function setIsolated(isolated) {
  const el = field('isolated');
  el.textContent = isolated ? 'yes' : 'no';
  el.className = isolated ? 'good' : 'bad';
}

export function setEngine({ version, isolated }) {
  field('version').textContent = version;
  setPool({ isolated, poolSize: 0, poolMs: null });
}

/** The smoke test's rayon pool: started only when this panel opens (see diagnostics.js). */
export function setPool({ isolated, poolSize, poolMs }) {
  field('pool').textContent = !isolated
    ? 'not started (needs cross-origin isolation)'
    : poolMs === null ? 'starts when the smoke test or a process pool runs' : `${poolSize} workers (started in ${poolMs.toFixed(0)} ms)`;
  field('pool').dataset.size = String(poolSize);
}
