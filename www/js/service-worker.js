// The page's side of www/sw.js (offline copy + isolation headers on hosts that cannot send them).
// Registered only where `./build.sh dist` put <meta name="threadlab-service-worker"> in the page:
// the dev server sends the headers itself, and a cache there would hide every edit.
//
// The one reload: a page that is not cross-origin isolated, at the top of its tab, with the
// service worker now in control, reloads once so the worker can add COOP/COEP to the page. The
// reload is recorded in sessionStorage first; a page that is still not isolated after it (the
// host overrides the headers, the browser will not isolate) never reloads again in that tab, and
// runs without isolation. In a frame, isolation depends on the parent page, so never reload there.

const RELOAD_KEY = 'threadlab.isolation-reload';
const CLAIM_WAIT_MS = 2000;

/**
 * Registers the service worker and, if it can bring isolation, reloads once (the promise then
 * never resolves). Resolves with { state, reason? }:
 *   'isolated'     the page is cross-origin isolated
 *   'none'         no service worker in this build (the dev server)
 *   'unavailable'  the browser offers none here (private window, some frames, http)
 *   'framed'       in a frame: isolation is up to the parent page
 *   'failed'       one reload was tried in this tab and did not bring isolation
 * @param {object} o
 * @param {(text: string, action?: {label: string, run: () => void}) => void} o.onNotice
 *        a short message for the page (a new deploy took over)
 */
export async function startServiceWorker({ onNotice } = {}) {
  const meta = document.querySelector('meta[name="threadlab-service-worker"]');
  if (!meta) return { state: self.crossOriginIsolated ? 'isolated' : 'none' };
  const build = meta.dataset.build;
  if (!('serviceWorker' in navigator)) return result('unavailable', 'this browser offers no service workers here');
  let registration;
  try {
    registration = await navigator.serviceWorker.register(new URL(meta.content, document.baseURI), { scope: './' });
  } catch (e) {
    return result('unavailable', `the service worker could not be registered (${e.message})`);
  }
  // Some browsers refuse without throwing (Playwright's serviceWorkers: 'block' among them).
  if (!registration) return result('unavailable', 'the browser refused the service worker');
  watchUpdates(build, onNotice);
  if (self.crossOriginIsolated) {
    forgetReload();
    return { state: 'isolated', registration };
  }
  if (window.top !== window) return result('framed', 'in a frame, isolation is up to the parent page');
  if (reloadWasTried()) return result('failed', 'a reload with the service worker did not make the page isolated');
  if (!(await controlled(registration))) return result('failed', 'the service worker did not install');
  if (!markReload()) return result('failed', 'this page cannot keep a note of its reload (no sessionStorage)');
  location.reload();
  return new Promise(() => {}); // the page is going away
}

function result(state, reason) {
  return { state, reason };
}

/**
 * Resolves with true once a service worker controls this page (the first install claims it), or
 * false if the install failed (a precached file missing, storage refused).
 */
function controlled(registration) {
  if (navigator.serviceWorker.controller) return Promise.resolve(true);
  return new Promise((resolve) => {
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true), { once: true });
    const worker = registration.installing ?? registration.waiting;
    if (worker) {
      worker.addEventListener('statechange', () => {
        if (worker.state === 'redundant') resolve(false);
      });
    } else {
      // Already active but not in control (a reload that bypassed it, Shift+Reload): it claims
      // pages only when it activates, so give a pending claim a moment, then go on without it.
      setTimeout(() => resolve(Boolean(navigator.serviceWorker.controller)), CLAIM_WAIT_MS);
    }
  });
}

function reloadWasTried() {
  try {
    return sessionStorage.getItem(RELOAD_KEY) !== null;
  } catch {
    return true; // cannot tell: do not risk a loop
  }
}

function markReload() {
  try {
    sessionStorage.setItem(RELOAD_KEY, new Date().toISOString());
    return sessionStorage.getItem(RELOAD_KEY) !== null;
  } catch {
    return false;
  }
}

function forgetReload() {
  try {
    sessionStorage.removeItem(RELOAD_KEY);
  } catch {
    // nothing was kept
  }
}

/** A new deploy's service worker took over: say so, once. */
function watchUpdates(build, onNotice) {
  navigator.serviceWorker.addEventListener('message', ({ data }) => {
    if (data?.type !== 'threadlab:service-worker-activated' || data.build === build) return;
    onNotice?.('threadlab was updated: the offline copy is now the new version.', {
      label: 'Reload to use it',
      run: () => location.reload(),
    });
  });
}
