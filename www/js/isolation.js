// Threads on workers need SharedArrayBuffer, which needs a cross-origin isolated page (COOP +
// COEP headers). Checked up front, so a page that is not isolated says so in a banner, with what
// is missing and what still works, instead of failing in the console.

const el = (id) => document.getElementById(id);

/** Whether this page is cross-origin isolated (for pages without the banner: the embed). */
export const checkIsolationQuietly = () => self.crossOriginIsolated === true;

export function checkIsolation() {
  const isolated = checkIsolationQuietly();
  el('isolation-help').hidden = isolated;
  return isolated;
}

/** What a page that is not isolated can still do (`short`: for the embed's one-line notice). */
export function stillWorks(info, { short = false } = {}) {
  if (short) {
    return info?.threads
      ? 'threads take turns on one worker here; free-threaded is off.'
      : 'only programs without threads run here; free-threaded is off.';
  }
  return info?.threads
    ? 'sequential and GIL modes run, with every Python thread taking turns on one worker (green threads); free-threaded needs a cross-origin isolated page.'
    : 'programs without threads run in sequential and GIL modes; Thread.start() raises RuntimeError and free-threaded is off until the page is cross-origin isolated.';
}

/** Why the service worker did not bring isolation (null: no service worker in this build). */
export function serviceWorkerNote(sw) {
  switch (sw?.state) {
    case 'unavailable': return `The offline copy and the headers it could add are unavailable: ${sw.reason}.`;
    case 'failed': return `threadlab's service worker could not make this page isolated (${sw.reason}), so it runs without.`;
    case 'framed': return 'This page is in a frame: it is isolated only if the page around it is, and lets it be.';
    default: return null;
  }
}

/** Fills in the banner once the engine has said what it can do. */
export function describeIsolation(info, sw) {
  el('isolation-works').textContent = stillWorks(info);
  const note = serviceWorkerNote(sw);
  el('isolation-sw').textContent = note ?? '';
  el('isolation-sw').hidden = !note;
}
