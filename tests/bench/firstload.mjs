// First load of dist/ in headless Chromium: from page.goto until Run is enabled (engine ready,
// warm-up included), a fresh profile each time, 3 times per case. `./build.sh dist` first.
// Cases: a host that sends dist/_headers (isolated), a plain host with the service worker (first
// visit, including its one reload into isolation), and a plain host with service workers blocked
// (green threads). Also: what ready() spent (engine instantiate, warm-up, thread set), and which
// files the page had fetched when Run was enabled, each with its gzip -6 size (hosts gzip them on
// the wire). Timing claims go to BENCHMARKS.md, never into a test.
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { startStaticServer, readHeadersFile, DIST } from '../e2e/lib/static-server.mjs';
import { openBrowser } from '../e2e/lib/browser.mjs';

const withHeaders = await startStaticServer({ headers: await readHeadersFile(join(DIST, '_headers')) });
const plain = await startStaticServer();

async function once(server, opts) {
  const b = await openBrowser(opts);
  try {
    const seen = server.requests.length;
    const t0 = Date.now();
    await b.page.goto(server.url);
    await b.page.waitForFunction(() => !document.getElementById('run').disabled, null, { timeout: 60_000 });
    const ms = Date.now() - t0;
    const fetched = server.requests.slice(seen);
    const { isolated, ready } = await b.page.evaluate(async () => ({
      isolated: crossOriginIsolated,
      ready: await window.playground.engine().ready(),
    }));
    // The warm-up runs after ready() has resolved (before any run): how long it took.
    ready.warmupMs = (await b.page.evaluate(async () => {
      const { engineRequest } = await import(new URL('threadlab.js', document.baseURI).href);
      return engineRequest('warmup');
    })).warmupMs;
    return { ms, isolated, ready, fetched };
  } finally {
    await b.close();
  }
}

const round = (x) => Math.round(x);
const results = [];
console.log('| case | isolated | goto -> Run enabled, ms (3 fresh profiles) | ready(): instantiate, total; then the warm-up, ms |');
console.log('|---|---|---|---|');
for (const [name, server, opts] of [
  ['dist/ with its _headers', withHeaders, {}],
  ['dist/ on a plain host: service worker, first visit + one reload', plain, {}],
  ['dist/ on a plain host, service workers blocked (green threads)', plain, { serviceWorkers: 'block' }],
]) {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await once(server, opts));
  results.push(runs);
  const readies = runs.map(({ ready: r }) => `${round(r.initMs)}, ${round(r.readyMs)}; ${round(r.warmupMs)}`);
  console.log(`| ${name} | ${runs.map((r) => (r.isolated ? 'yes' : 'no')).join(', ')} | ${runs.map((r) => r.ms).join(', ')} | ${readies.join('; ')} |`);
}

// What the isolated case had fetched when Run was enabled (its last run).
const fetched = [...new Set(results[0].at(-1).fetched)];
const sizes = [];
for (const path of fetched) {
  const inside = path === '/' ? 'index.html' : path.slice(1);
  try {
    const body = await readFile(join(DIST, inside));
    sizes.push({ path: inside.replace(/^app-[0-9a-f]+\//, 'app/'), raw: body.length, gzip: gzipSync(body, { level: 6 }).length });
  } catch {
    sizes.push({ path: `${inside} (not in dist/)`, raw: 0, gzip: 0 });
  }
}
sizes.sort((a, b) => b.gzip - a.gzip);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sum = (k) => sizes.reduce((s, f) => s + f[k], 0);
console.log(`\nFetched before Run was enabled (dist/ with its _headers): ${sizes.length} files, ${kb(sum('raw'))}, gzip -6 ${kb(sum('gzip'))}`);
for (const f of sizes.slice(0, 8)) console.log(`  ${kb(f.gzip).padStart(9)} gzip  ${kb(f.raw).padStart(9)} raw  ${f.path}`);
const rest = sizes.slice(8);
if (rest.length) console.log(`  ${kb(rest.reduce((s, f) => s + f.gzip, 0)).padStart(9)} gzip  the other ${rest.length} files`);
await withHeaders.stop();
await plain.stop();
