// Security headers exactly as issue 13 asks, in every place they are set (the dev server, dist/'s
// _headers, dist/'s pages as a <meta>), and markup injected through every field a program or a
// link controls (printed text, a thread's name, an exception's message, the program itself and
// the preset id of a share link) is shown as text: nothing runs, and nothing even tries (no CSP
// violation: the page never turned the text into markup).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { watchCsp, cspViolations, screenshot } from './lib/browser.mjs';
import { DIST, readHeadersFile } from './lib/static-server.mjs';
import { encodeState } from '../../www/js/share.js';
import { closeServedPage, openServedPage } from './lib/served-page.mjs';

/** The policy, word for word as the issue gives it. */
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors *";
/** In a <meta>, browsers ignore frame-ancestors, so the pages carry the rest. */
const META_CSP = CSP.replace(/; frame-ancestors \*$/, '');

let server;
let browser;

before(async () => {
  ({ server, browser } = await openServedPage());
  await watchCsp(browser.context);
});

after(() => closeServedPage({ server, browser }));

test('the dev server sends the exact policy and nosniff on pages, scripts and the wasm', async () => {
  for (const path of ['', 'index.html', 'embed.html', 'threadlab.js', 'js/main.js', 'pkg/threadlab_bg.wasm']) {
    const res = await fetch(new URL(path, server.url));
    assert.equal(res.status, 200, path);
    assert.equal(res.headers.get('content-security-policy'), CSP, path);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
    await res.arrayBuffer();
  }
});

test("dist/'s _headers and its pages' <meta> carry the same policy", async () => {
  const headers = Object.fromEntries(await readHeadersFile(join(DIST, '_headers')));
  assert.equal(headers['Content-Security-Policy'], CSP);
  assert.equal(headers['X-Content-Type-Options'], 'nosniff');
  for (const page of ['index.html', 'embed.html', 'docs-example.html']) {
    const html = await readFile(join(DIST, page), 'utf8');
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)].map((m) => m[1].replace(/&#39;|&apos;/g, "'"));
    assert.deepEqual(metas, [META_CSP], page);
  }
});

// Each payload tries three ways to run: a script element, an inline handler, a javascript: link.
const payload = (tag) => `<script>window.__xss.push('${tag} script')</script><img src=x onerror="window.__xss.push('${tag} img')"><a href="javascript:window.__xss.push('${tag} link')">x</a>`;

const PROGRAM = `import threading
OUT = ${JSON.stringify(payload('print'))}
NAME = ${JSON.stringify(payload('thread'))}
WHY = ${JSON.stringify(payload('exception'))}
print(OUT)
def work():
    print("in", threading.current_thread().name)
t = threading.Thread(target=work, name=NAME)
t.start()
t.join()
raise ValueError(WHY)
`;

test('markup in printed text, thread names, exception messages and a share link is shown as text; nothing runs', async () => {
  const { page, context } = browser;
  await context.addInitScript(() => { window.__xss = []; });
  // The page's own share-link code, run here in node (it has CompressionStream too).
  const link = await encodeState({ code: PROGRAM, mode: 'gil', switchInterval: 0.005, preset: payload('preset') });
  await page.goto(`${server.url}#${link}`);
  await page.waitForSelector('#engine-chip[data-state="ready"]', { timeout: 90_000 });
  assert.equal(await page.evaluate(() => window.playground.editor.getCode()), PROGRAM);
  await page.click('#run-all');
  await page.waitForFunction(() => [...document.querySelectorAll('#compare .card')].length === 3
    && [...document.querySelectorAll('#compare .card')].every((c) => c.dataset.failed === 'true'), null, { timeout: 120_000 });
  // Hover the thread's lane, so its tooltip shows the name too.
  const box = await page.locator('#timeline canvas').boundingBox();
  await page.mouse.move(box.x + box.width * 0.7, box.y + 70);
  await page.waitForTimeout(300);
  await screenshot(page, 'security-fields.png');
  const seen = await page.evaluate(() => ({
    xss: window.__xss,
    console: document.getElementById('console').textContent,
    cards: document.getElementById('compare').textContent,
    reading: document.getElementById('reading').textContent,
    scripts: document.querySelectorAll('main script, main img[src="x"], main a[href^="javascript:"]').length,
  }));
  assert.deepEqual(seen.xss, [], 'nothing ran');
  assert.equal(seen.scripts, 0, 'no markup from a field became an element');
  assert.ok(seen.console.includes(payload('print')), 'printed text is shown as it is');
  assert.ok(seen.console.includes(`in ${payload('thread')}`), 'the thread name is shown as it is');
  assert.ok(seen.console.includes(`ValueError: ${payload('exception')}`), 'the exception message is shown as it is');
  assert.ok(seen.cards.includes(`ValueError: ${payload('exception')}`));
  assert.deepEqual(await cspViolations(page), [], 'nothing was even tried');
});
