// dist/ on a plain static server that sends no headers at all (as GitHub Pages): the service
// worker makes the page isolated after exactly one reload, never loops when it cannot, keeps the
// app working offline, and where service workers are blocked the page runs without isolation
// and says so, without reloading.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startStaticServer } from './lib/static-server.mjs';
import { screenshot } from './lib/browser.mjs';
import { closeServedPage, openServedPage } from './lib/served-page.mjs';

const PREFIX = '/project/';
// Long enough for a second reload to have happened if the guard did not hold (a reload here
// takes well under a second).
const NO_MORE_RELOADS_MS = 3000;

/** Counts the main frame's document loads (each reload is one). */
function countLoads(page) {
  const loads = [];
  page.on('load', () => loads.push(page.url()));
  return loads;
}

const engineReady = (page) => page.waitForFunction(() => !document.getElementById('run').disabled, null, { timeout: 60_000 });

async function runInPage(page, code, options) {
  return page.evaluate(async ([c, o]) => {
    const threadlab = await import(new URL('threadlab.js', document.baseURI).href);
    return threadlab.run(c, o);
  }, [code, options]);
}

describe('a host without headers, service workers allowed', () => {
  let server;
  let browser;
  let deploy = 0; // > 0: the server sends a new build's sw.js (as after a deploy)
  before(async () => {
    ({ server, browser } = await openServedPage({
      start: () => startStaticServer({
        prefix: PREFIX,
        transform: (path, body) => (path === 'sw.js' && deploy > 0
          ? body.toString().replace(/^const BUILD = "([0-9a-f]+)";$/m, `const BUILD = "$1-deploy${deploy}";`)
          : body),
      }),
    }));
  });
  after(() => closeServedPage({ server, browser }));

  test('the service worker brings isolation after exactly one reload, and never loops', async () => {
    const { page, logs } = browser;
    const loads = countLoads(page);
    const t0 = Date.now();
    await page.goto(server.url);
    await page.waitForFunction(() => self.crossOriginIsolated === true, null, { timeout: 60_000 });
    await engineReady(page);
    const firstLoadMs = Date.now() - t0;
    await page.waitForTimeout(NO_MORE_RELOADS_MS);
    assert.equal(loads.length, 2, `loads: ${loads.join(', ')}\n${logs.join('\n')}`);
    assert.equal(await page.isHidden('#isolation-help'), true);
    assert.equal(await page.isDisabled('input[name=mode][value=free]'), false);
    console.log(`# first visit of dist/ on a header-less host: isolated and engine ready ${firstLoadMs} ms after goto (one reload included)`);

    // A later visit is isolated at once: no reload.
    await page.reload();
    await engineReady(page);
    await page.waitForTimeout(1000);
    assert.equal(loads.length, 3, `loads: ${loads.join(', ')}`);
    assert.equal(await page.evaluate(() => self.crossOriginIsolated), true);
    const report = await runInPage(page, 'import threading\nt = threading.Thread(target=print, args=("on a worker",))\nt.start()\nt.join()\n', { mode: 'free' });
    assert.equal(report.stdout, 'on a worker\n');
    assert.ok(report.threads[1].native_id > 0);
  });

  test('offline: after one visit the page loads and runs a preset with the network off', async () => {
    const { page, context, logs } = browser;
    await context.setOffline(true);
    try {
      await page.reload();
      await engineReady(page);
      assert.equal(await page.evaluate(() => self.crossOriginIsolated), true, 'isolated from the cache too');
      await page.click('.preset[data-preset="lesson6"]');
      await page.click('#run');
      await page.waitForFunction(() => /finished/.test(document.getElementById('run-state').textContent), null, { timeout: 60_000 });
      const report = await page.evaluate(() => window.playground.results().reports.gil);
      assert.equal(report.error, null, logs.join('\n'));
      assert.match(report.stdout, /All downloads complete\n$/);
      assert.ok(report.threads.length >= 4);
      // Two-second downloads in threads: about 2 s in all, not 6 (a sleep cannot end early).
      assert.ok(report.wall_ms >= 2000, `wall ${report.wall_ms}`);
      assert.ok(report.wall_ms < 5000, `wall ${report.wall_ms}: the downloads did not overlap (one after the other: 6 s)`);
      await screenshot(page, 'dist-offline.png');
      // The standard modules in Python are files fetched on first import (never fetched in this
      // browser before), on the engine worker and on a thread worker: from the precache.
      const imports = await runInPage(page, [
        'import heapq, threading',
        'def worker():',
        '    import textwrap',
        '    print(textwrap.shorten("offline but still importing", width=20))',
        't = threading.Thread(target=worker)',
        't.start()',
        't.join()',
        'print(heapq.nsmallest(2, [5, 3, 9, 1]))',
        '',
      ].join('\n'), { mode: 'free' });
      assert.equal(imports.stdout, 'offline but [...]\n[1, 3]\n', imports.stderr);
    } finally {
      await context.setOffline(false);
    }
  });

  test('a new deploy takes over: new cache, old one deleted, a short "updated" notice', async () => {
    const { page, logs } = browser;
    const before = await page.evaluate(() => caches.keys());
    assert.equal(before.length, 1, `caches ${before}`);
    deploy = 1;
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.waitForSelector('#notice', { state: 'visible', timeout: 30_000 });
    assert.match(await page.textContent('#notice-text'), /threadlab was updated/, logs.join('\n'));
    assert.equal(await page.textContent('#notice-action'), 'Reload to use it');
    const after = await page.evaluate(() => caches.keys());
    assert.deepEqual(after, [`${before[0]}-deploy1`]);
    assert.equal(await page.evaluate(() => self.crossOriginIsolated), true);
    await screenshot(page, 'dist-updated-notice.png');
  });
});

describe('a host that defeats the service worker\'s headers', () => {
  let server;
  let browser;
  before(async () => {
    // The same dist/, but its service worker adds no headers: the reload cannot bring isolation.
    ({ server, browser } = await openServedPage({
      start: () => startStaticServer({
        prefix: PREFIX,
        transform: (path, body) => (path === 'sw.js' ? body.toString().replace('const ISOLATE = true;', 'const ISOLATE = false;') : body),
      }),
    }));
  });
  after(() => closeServedPage({ server, browser }));

  test('one reload is tried, then the page runs without isolation and says why (no loop)', async () => {
    const { page, logs } = browser;
    const loads = countLoads(page);
    await page.goto(server.url);
    await engineReady(page);
    await page.waitForTimeout(NO_MORE_RELOADS_MS);
    assert.equal(loads.length, 2, `loads: ${loads.join(', ')}\n${logs.join('\n')}`);
    assert.equal(await page.evaluate(() => self.crossOriginIsolated), false);
    assert.match(await page.textContent('#isolation-sw'), /could not make this page isolated/);
    // A manual reload in the same tab does not start the dance again.
    await page.reload();
    await engineReady(page);
    await page.waitForTimeout(NO_MORE_RELOADS_MS);
    assert.equal(loads.length, 3, `loads: ${loads.join(', ')}`);
    const report = await runInPage(page, 'print(sum(range(10)))', { mode: 'gil' });
    assert.equal(report.stdout, '45\n');
  });
});

describe('service workers blocked (Firefox private windows, some frames)', () => {
  let server;
  let browser;
  before(async () => {
    ({ server, browser } = await openServedPage({
      start: () => startStaticServer({ prefix: PREFIX }),
      browserOptions: { serviceWorkers: 'block' },
    }));
  });
  after(() => closeServedPage({ server, browser }));

  test('no reload; the banner says what is missing and what works; free-threaded is off and run() says why', async () => {
    const { page, logs } = browser;
    const loads = countLoads(page);
    const t0 = Date.now();
    await page.goto(server.url);
    await engineReady(page);
    const firstLoadMs = Date.now() - t0;
    await page.waitForTimeout(1000);
    assert.equal(loads.length, 1, `loads: ${loads.join(', ')}`);
    assert.equal(await page.evaluate(() => self.crossOriginIsolated), false);
    console.log(`# first load of dist/ without isolation (service workers blocked): engine ready ${firstLoadMs} ms after goto`);

    const banner = await page.textContent('#isolation-help');
    assert.match(banner, /What still works:/);
    assert.match(banner, /sequential and GIL/);
    assert.match(banner, /What is missing:/);
    assert.match(banner, /Cross-Origin-Opener-Policy: same-origin/);
    assert.match(await page.textContent('#isolation-sw'), /unavailable/);
    assert.equal(await page.isDisabled('input[name=mode][value=free]'), true);
    assert.match(await page.textContent('.mode-unavailable[data-mode=free]'), /needs a cross-origin isolated page/);
    // The banner pushes the editor below the fold, and CodeMirror measures its lines only once they
    // are on screen (a person scrolls to them): bring it into view so the full-page picture is true.
    await page.evaluate(() => document.querySelector('.cm-editor')?.scrollIntoView());
    await page.waitForTimeout(200);
    await screenshot(page, 'banner-not-isolated.png');

    const info = await page.evaluate(async () => (await import(new URL('threadlab.js', document.baseURI).href)).ready());
    assert.equal(info.engine, 'green');
    assert.equal(info.isolated, false);
    assert.equal(typeof info.threads, 'boolean');
    const rejected = await page.evaluate(async () => {
      const threadlab = await import(new URL('threadlab.js', document.baseURI).href);
      return threadlab.run('print(1)', { mode: 'free' }).then(() => 'resolved', (e) => e.message);
    });
    assert.match(rejected, /mode 'free' needs a cross-origin isolated page/);
    const report = await runInPage(page, 'x = [i * i for i in range(5)]\nprint(x)', { mode: 'gil' });
    assert.equal(report.stdout, '[0, 1, 4, 9, 16]\n', logs.join('\n'));
  });
});
