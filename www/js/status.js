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

export function setEngine({ version, poolSize, isolated, poolMs }) {
  field('version').textContent = version;
  field('pool').textContent = isolated
    ? `${poolSize} workers (started in ${poolMs.toFixed(0)} ms)`
    : 'not started (needs cross-origin isolation)';
  field('pool').dataset.size = String(poolSize);
}
