// Loads the engine's JS API (www/threadlab.js: ready(), run(code, {mode, switchInterval,
// onOutput}) -> report, stop()) and waits until it can run programs. Resolves with
// { api, info } (info: what ready() said, e.g. { version, isolated }).

export async function loadEngine() {
  const mod = await import('../threadlab.js');
  const api = mod.default && typeof mod.default.run === 'function' ? mod.default : mod;
  if (typeof api.run !== 'function') throw new Error('www/threadlab.js has no run()');
  const info = typeof api.ready === 'function' ? await api.ready() : null;
  return { api, info: info ?? {} };
}
