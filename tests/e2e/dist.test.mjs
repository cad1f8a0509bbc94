// dist/ (./build.sh dist) as a host with its _headers file serves it (Netlify, Cloudflare Pages),
// under a path prefix: isolated, every Content-Security-Policy directive respected, threads on
// real workers, the smoke test's worker pool started, and the first load measured.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startStaticServer, readHeadersFile, DIST } from './lib/static-server.mjs';
import { openBrowser, screenshot, watchCsp, cspViolations } from './lib/browser.mjs';
import { closeServedPage, openServedPage } from './lib/served-page.mjs';
import { wasmCustomSections } from '../../scripts/dist.mjs';

const PREFIX = '/docs/threadlab/';
let server;
let browser;

before(async () => {
  ({ server, browser } = await openServedPage({
    start: async () => startStaticServer({ prefix: PREFIX, headers: await readHeadersFile(join(DIST, '_headers')) }),
  }));
  await watchCsp(browser.context);
});

after(() => closeServedPage({ server, browser }));

test('dist/ layout: stable names at the root, the rest under app-<hash>/, wasm without names', async () => {
  const top = (await readdir(DIST)).sort();
  const app = top.filter((f) => /^app-[0-9a-f]{12}$/.test(f));
  assert.equal(app.length, 1, `one app folder in ${top}`);
  for (const f of ['index.html', 'embed.html', 'docs-example.html', 'threadlab.js', 'sw.js', '_headers', 'nginx.conf.example']) {
    assert.ok(top.includes(f), `dist/${f}`);
  }
  const wasm = await readFile(join(DIST, app[0], 'pkg', 'threadlab_bg.wasm'));
  assert.ok(wasm.length > 10_000);
  assert.ok(!wasmCustomSections(wasm).includes('name'), 'dist wasm has no name section (no -g)');
  const dev = await readFile(join(DIST, '..', 'www', 'pkg', 'threadlab_bg.wasm'));
  assert.ok(wasmCustomSections(dev).includes('name'), 'the dev build keeps names');
  const stub = await readFile(join(DIST, 'threadlab.js'), 'utf8');
  assert.match(stub, new RegExp(`from './${app[0]}/threadlab\\.js'`));
  // Relative URLs only: no page asks for a root-absolute path.
  for (const page of ['index.html', 'embed.html', 'docs-example.html']) {
    const html = await readFile(join(DIST, page), 'utf8');
    assert.doesNotMatch(html, /(?:href|src)="\//, `${page} uses a root-absolute URL`);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'">/);
  }
});

test('dist/ with its headers, under a path prefix: isolated, CSP-clean, real worker threads, smoke pool', async () => {
  const { page, logs } = browser;
  const loaded = [];
  page.on('response', (r) => loaded.push(r));
  const t0 = Date.now();
  await page.goto(server.url);
  await page.waitForFunction(() => !document.getElementById('run').disabled, null, { timeout: 60_000 });
  const firstLoadMs = Date.now() - t0;

  assert.equal(await page.evaluate(() => self.crossOriginIsolated), true, logs.join('\n'));
  const info = await page.evaluate(async () => (await import(new URL('threadlab.js', document.baseURI).href)).ready());
  assert.equal(info.engine, 'workers');
  assert.equal(info.threads, true);
  assert.equal(await page.isDisabled('input[name=mode][value=free]'), false);
  assert.equal(await page.isHidden('#isolation-help'), true);
  // Isolated by its headers, the page registers the service worker (the offline copy) only once
  // the engine is ready, so its precache of the whole build does not compete with the first load.
  // Read from the order the server saw requests in, not from when Run looked enabled: the page
  // enables Run and registers in one task, so a poll can see Run enabled after sw.js was asked.
  const cached = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const keys = await caches.keys();
    return keys.length === 1 ? (await (await caches.open(keys[0])).keys()).map((r) => new URL(r.url).pathname) : keys;
  });
  const order = (pred, what) => {
    const i = server.requests.findIndex(pred);
    assert.ok(i >= 0, `${what} was never requested: ${server.requests.join(' ')}`);
    return i;
  };
  const swAt = order((p) => p === `${PREFIX}sw.js`, 'sw.js');
  const wasmAt = order((p) => p.endsWith('/threadlab_bg.wasm'), 'the wasm');
  const editorAt = order((p) => p.endsWith('/codemirror.js'), 'the editor');
  assert.ok(swAt > wasmAt && swAt > editorAt, `sw.js (request ${swAt}) was asked for before the first load's wasm (${wasmAt}) or editor (${editorAt})`);
  assert.ok(cached.some((p) => p.endsWith('/pkg/threadlab_bg.wasm')) && cached.some((p) => p.endsWith('/pkg/pylib/datetime.py')), `precached: ${cached}`);

  // The editor is styled (CodeMirror's rules reached the page through the constructed sheet).
  const gutter = await page.evaluate(() => getComputedStyle(document.querySelector('.cm-gutters')).display);
  assert.equal(gutter, 'flex');

  const report = await page.evaluate(async () => {
    const threadlab = await import(new URL('threadlab.js', document.baseURI).href);
    return threadlab.run('import threading\nt = threading.Thread(target=print, args=("hi",))\nt.start()\nt.join()\n', { mode: 'free' });
  });
  assert.equal(report.stdout, 'hi\n');
  assert.ok(report.threads[1].native_id > 0, `thread ran on worker ${report.threads[1].native_id}`);

  // The smoke test's rayon pool: its workers must start under worker-src 'self'.
  await page.click('#engine-chip');
  await page.waitForSelector('#smoke[data-result]', { timeout: 90_000 });
  const smoke = JSON.parse(await page.getAttribute('#smoke', 'data-result'));
  assert.equal(smoke.match, true, 'the pool computed the same checksum as one worker');
  assert.ok(smoke.workers >= 2);

  assert.deepEqual(await cspViolations(page), [], 'no CSP violations');
  assert.ok(!logs.some((l) => /Content Security Policy/.test(l)), logs.filter((l) => /Content Security/.test(l)).join('\n'));
  await screenshot(page, 'dist-isolated.png');

  // What a first visit downloads, gzip -6 as a host would send it.
  let raw = 0;
  let gzip = 0;
  const seen = new Set();
  for (const r of loaded) {
    const url = r.url();
    if (seen.has(url) || !url.startsWith(server.url) || r.status() !== 200) continue;
    seen.add(url);
    const body = await r.body().catch(() => null);
    if (!body) continue;
    raw += body.length;
    gzip += gzipSync(body, { level: 6 }).length;
  }
  console.log(`# first load of dist/ (isolated, with _headers): engine ready ${firstLoadMs} ms after goto; ${seen.size} files, ${(raw / 1024).toFixed(0)} KB, gzip ${(gzip / 1024).toFixed(0)} KB`);
  assert.ok(seen.size > 10);
});

/** Inline script, inline handler and inline style put into the page: none may take effect. */
async function injectInline(page) {
  return page.evaluate(async () => {
    window.__inline = [];
    const script = document.createElement('script');
    script.textContent = 'window.__inline.push("script")';
    document.body.append(script);
    document.body.insertAdjacentHTML('beforeend', '<img src="favicon.svg" onload="window.__inline.push(\'handler\')" onerror="window.__inline.push(\'handler\')">');
    document.body.insertAdjacentHTML('beforeend', '<p id="styled" style="color: rgb(1, 2, 3)">x</p>');
    await new Promise((r) => setTimeout(r, 300));
    return { ran: window.__inline, color: getComputedStyle(document.getElementById('styled')).color };
  });
}

test('the policy blocks inline script, handlers and styles: as headers, and as the <meta> alone', async () => {
  const { page } = browser;
  await page.goto(server.url);
  await page.waitForFunction(() => window.playground?.editor);
  const viaHeaders = await injectInline(page);
  assert.deepEqual(viaHeaders.ran, []);
  assert.notEqual(viaHeaders.color, 'rgb(1, 2, 3)');
  assert.ok((await cspViolations(page)).some((v) => /^script-src/.test(v)));

  // A host that sends no headers: the pages' own <meta> policy must hold (service workers off,
  // so nothing adds headers).
  const plain = await startStaticServer({ prefix: PREFIX });
  const other = await openBrowser({ serviceWorkers: 'block' });
  try {
    await other.page.goto(plain.url);
    await other.page.waitForFunction(() => window.playground?.editor);
    const viaMeta = await injectInline(other.page);
    assert.deepEqual(viaMeta.ran, []);
    assert.notEqual(viaMeta.color, 'rgb(1, 2, 3)');
  } finally {
    await other.close();
    await plain.stop();
  }
});
