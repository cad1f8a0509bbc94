// The "Engine" panel: the foundation's engine worker (www/engine-worker.js via engine.js) with
// its state, isolation, version and pool size, the parallel smoke test and the panic buttons.
// The smoke test runs when the panel is first opened (or its button is pressed), not at page
// load, so it never competes with a learner's first run for the CPU.
import { Engine } from './engine.js';
import * as status from './status.js';
import * as smoke from './smoke.js';
import { showError } from './errors.js';

// At least 2, so the smoke test always has something to compare.
const POOL_SIZE = Math.max(2, navigator.hardwareConcurrency || 2);
const PANIC_BUTTONS = { 'dev-panic': false, 'dev-panic-pool': true }; // id -> on a pool worker

/**
 * @param {object} o
 * @param {boolean} o.isolated
 * @param {(state: string, text: string) => void} o.onState  for the header's engine chip
 */
export function startDiagnostics({ isolated, onState }) {
  status.setIsolated(isolated);
  let started = false;
  let smokeDone = false;
  let stopped = false;

  const engine = new Engine((event) => {
    if (event.state === 'restarting') {
      // The pool lived in the engine that ended; a new engine starts without one.
      smokeDone = false;
      status.setPool({ isolated, poolSize: 0, poolMs: null });
      const byStop = event.reason === 'stop' || event.reason === 'backstop';
      if (event.reason === 'recycle') status.setState(`restarting to give back memory: ${event.detail}`);
      else status.setState(byStop ? 'restarting (Stop ended the engine)' : `restarting after a crash: ${event.detail}`);
      // A crash during a run is told by the run (status line and console); one outside a run
      // (the panic buttons below, a worker dying while idle) only here.
      if (!byStop && event.reason !== 'recycle' && !event.duringRun) showError(`${event.message}.`);
    } else if (event.state === 'pool') {
      status.setPool({ isolated: true, poolSize: event.poolSize, poolMs: event.poolMs });
    } else if (event.state === 'ready' && started) {
      status.setState(isolated ? 'ready' : 'engine loaded, no worker pool');
    } else if (event.state === 'failed') {
      stopped = true;
      status.setState('failed');
      smoke.disable();
      setPanicButtons(false);
      showError(event.why);
    }
  });

  async function runSmoke() {
    if (stopped) return;
    smokeDone = true;
    smoke.showRunning();
    try {
      status.setState(`starting ${POOL_SIZE} workers…`);
      const pool = await engine.startPool(POOL_SIZE);
      status.setPool({ isolated: true, ...pool });
      status.setState('ready');
      smoke.showResult(await engine.request('smoke'));
    } catch (e) {
      smoke.showUnavailable('failed');
      showError(e.message);
    }
  }

  const panel = document.getElementById('diagnostics');
  const maybeSmoke = () => {
    if (panel.open && started && isolated && !smokeDone) runSmoke();
  };
  panel.addEventListener('toggle', maybeSmoke);
  // The header's engine chip links here: open the panel.
  document.getElementById('engine-chip').addEventListener('click', () => { panel.open = true; });

  for (const [id, onPool] of Object.entries(PANIC_BUTTONS)) {
    document.getElementById(id).addEventListener('click', async () => {
      try {
        await engine.request('panic', { what: 'raised from the developer tools', onPool });
      } catch {
        // The panic's own message arrives on the panic channel, and the engine restarts itself
        // (the 'restarting' event above says so); this is only the request it ended.
      }
    });
  }

  async function startUp() {
    status.setState('loading the engine…');
    const info = await engine.start();
    status.setEngine(info);
    setPanicButtons(true);
    started = true;
    if (!info.isolated) {
      status.setState('engine loaded, no worker pool');
      smoke.showUnavailable('needs the worker pool (see above)');
      return info;
    }
    status.setState('ready');
    smoke.onRun(runSmoke);
    smoke.enable();
    maybeSmoke();
    return info;
  }

  return startUp().catch((e) => {
    status.setState('failed to start');
    onState('error', 'engine failed to start');
    showError(e.message);
    return null;
  });
}

function setPanicButtons(enabled) {
  for (const id of Object.keys(PANIC_BUTTONS)) document.getElementById(id).disabled = !enabled;
}
