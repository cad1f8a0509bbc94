// Wires the page: checks isolation, starts the engine worker and its pool, runs the smoke test.
import { Engine } from './engine.js';
import { checkIsolation } from './isolation.js';
import * as status from './status.js';
import * as smoke from './smoke.js';
import { showError } from './errors.js';

// At least 2, so the smoke test always has something to compare.
const POOL_SIZE = Math.max(2, navigator.hardwareConcurrency || 2);

const isolated = checkIsolation();
status.setIsolated(isolated);

const engine = new Engine({
  onPanic: (message) => {
    status.setState('stopped by a Rust panic (reload the page)');
    smoke.disable();
    setPanicButtons(false);
    showError(`Rust panic: ${message}`);
  },
  onCrash: (message) => {
    status.setState('failed');
    showError(message);
  },
});

async function runSmoke() {
  smoke.showRunning();
  try {
    smoke.showResult(await engine.request('smoke'));
  } catch (e) {
    smoke.showUnavailable('failed');
    showError(e.message);
  }
}

async function startUp() {
  status.setState(isolated ? `starting ${POOL_SIZE} workers…` : 'loading the engine…');
  const info = await engine.start(POOL_SIZE);
  status.setEngine(info);
  setPanicButtons(true);
  if (!info.isolated) {
    status.setState('engine loaded, no worker pool');
    smoke.showUnavailable('needs the worker pool (see above)');
    return;
  }
  status.setState('ready');
  smoke.onRun(runSmoke);
  await runSmoke();
}

const PANIC_BUTTONS = { 'dev-panic': false, 'dev-panic-pool': true }; // id -> on a pool worker

function setPanicButtons(enabled) {
  for (const id of Object.keys(PANIC_BUTTONS)) document.getElementById(id).disabled = !enabled;
}

for (const [id, onPool] of Object.entries(PANIC_BUTTONS)) {
  document.getElementById(id).addEventListener('click', async () => {
    try {
      await engine.request('panic', { what: 'raised from the developer tools', onPool });
    } catch (e) {
      // The panic's own message arrives on the panic channel; this is the trap that follows it.
      // (A pool worker's panic leaves the engine waiting, so no trap comes back for it.)
      showError(`The engine worker reported: ${e.message.split('\n')[0]}`);
    }
  });
}

startUp().catch((e) => {
  status.setState('failed to start');
  showError(e.message);
});
