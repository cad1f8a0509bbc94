// The page starts the engine before it waits for the editor: the wasm engine compiles and its
// workers warm up while CodeMirror (the biggest script after the engine) is still downloading.
// Checked by holding www/vendor/codemirror.js back until the engine's module was asked for: if
// the page waited for the editor first, it would never ask, and the hold would run out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startIsolatedServer } from './lib/servers.mjs';
import { openBrowser } from './lib/browser.mjs';

let server;
let browser;

before(async () => {
  server = await startIsolatedServer();
  // No service worker: page.route() does not see requests a service worker answers.
  browser = await openBrowser({ serviceWorkers: 'block' });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the engine is requested while CodeMirror is still held back', async () => {
  const { page, logs } = browser;
  let release;
  const engineAsked = new Promise((resolve) => { release = resolve; });
  page.on('request', (req) => {
    if (new URL(req.url()).pathname.endsWith('/threadlab.js')) release('engine asked for');
  });
  let heldUntil = null;
  await page.route('**/vendor/codemirror.js', async (route) => {
    // A generous bound: the engine's module is asked for within a second on this machine.
    const timer = setTimeout(() => release('timed out'), 60_000);
    heldUntil = await engineAsked;
    clearTimeout(timer);
    await route.continue();
  });
  await page.goto(server.url);
  await page.waitForSelector('#engine-chip[data-state="ready"]', { timeout: 120_000 });
  await page.waitForSelector('#editor .cm-editor', { timeout: 30_000 });
  assert.equal(heldUntil, 'engine asked for', `codemirror.js was released by: ${heldUntil}\n${logs.join('\n')}`);
  assert.equal(await page.isEnabled('#run'), true, 'Run is enabled once both are there');
});
