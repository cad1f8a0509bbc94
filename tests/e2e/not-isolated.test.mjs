// The same files from a server that sends no COOP/COEP headers: the page must explain itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPlainServer } from './lib/servers.mjs';
import { screenshot } from './lib/browser.mjs';
import { closeServedPage, openServedPage } from './lib/served-page.mjs';

let server;
let browser;

before(async () => ({ server, browser } = await openServedPage({ start: startPlainServer })));

after(() => closeServedPage({ server, browser }));

test('without isolation headers the page explains COOP/COEP and how to serve it', async () => {
  const { page, logs } = browser;
  await page.goto(server.url);
  await page.waitForSelector('#isolation-help', { state: 'visible', timeout: 15_000 });
  // The engine still loads single-threaded; wait for it so the screenshot shows the settled page.
  await page.waitForFunction(
    () => document.getElementById('status-state').textContent !== 'loading the engine…',
    null,
    { timeout: 30_000 },
  );
  // The banner pushes the editor below the fold, and CodeMirror measures its lines only once they
  // are on screen (a person scrolls to them): bring it into view so the full-page picture is true.
  await page.evaluate(() => document.querySelector('.cm-editor')?.scrollIntoView());
  await page.waitForTimeout(200);
  await screenshot(page, 'page-not-isolated.png');

  assert.equal(await page.evaluate(() => self.crossOriginIsolated), false);
  const help = await page.textContent('#isolation-help');
  assert.match(help, /Cross-Origin-Opener-Policy: same-origin/);
  assert.match(help, /Cross-Origin-Embedder-Policy: require-corp/);
  assert.match(help, /\.\/build\.sh serve/);
  assert.equal(await page.textContent('#status-isolated'), 'no');
  assert.equal(await page.textContent('#status-state'), 'engine loaded, no worker pool', logs.join('\n'));
  assert.match(await page.textContent('#smoke-verdict'), /needs the worker pool/);
  assert.equal(await page.isDisabled('#smoke-run'), true);
});
