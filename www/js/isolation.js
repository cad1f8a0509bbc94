// Threads need SharedArrayBuffer, which needs a cross-origin isolated page (COOP + COEP headers).
// Checked up front, so an unisolated page explains itself instead of failing in the console.

export function checkIsolation() {
  const isolated = self.crossOriginIsolated === true;
  document.getElementById('isolation-help').hidden = isolated;
  return isolated;
}
