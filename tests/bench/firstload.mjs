// First load of dist/ in headless Chromium: from page.goto until Run is enabled (engine ready,
// warm-up included), a fresh profile each time, 3 times per case. `./build.sh dist` first.
// Cases: a host that sends dist/_headers (isolated), a plain host with the service worker (first
// visit, including its one reload into isolation), and a plain host with service workers blocked
// (green threads). Timing claims go to BENCHMARKS.md, never into a test.
import { join } from 'node:path';
import { startStaticServer, readHeadersFile, DIST } from '../e2e/lib/static-server.mjs';
import { openBrowser } from '../e2e/lib/browser.mjs';

const withHeaders = await startStaticServer({ headers: await readHeadersFile(join(DIST, '_headers')) });
const plain = await startStaticServer();

async function once(url, opts) {
  const b = await openBrowser(opts);
  try {
    const t0 = Date.now();
    await b.page.goto(url);
    await b.page.waitForFunction(() => !document.getElementById('run').disabled, null, { timeout: 60_000 });
    const ms = Date.now() - t0;
    const isolated = await b.page.evaluate(() => crossOriginIsolated);
    return { ms, isolated };
  } finally {
    await b.close();
  }
}

console.log('| case | isolated | goto -> Run enabled, ms (3 fresh profiles) |');
console.log('|---|---|---|');
for (const [name, url, opts] of [
  ['dist/ with its _headers', withHeaders.url, {}],
  ['dist/ on a plain host: service worker, first visit + one reload', plain.url, {}],
  ['dist/ on a plain host, service workers blocked (green threads)', plain.url, { serviceWorkers: 'block' }],
]) {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await once(url, opts));
  console.log(`| ${name} | ${runs.map((r) => (r.isolated ? 'yes' : 'no')).join(', ')} | ${runs.map((r) => r.ms).join(', ')} |`);
}
await withHeaders.stop();
await plain.stop();
