// The page as a person gets it from `./build.sh serve`: isolated, a worker pool, a smoke result
// that shows parallel speed, and a Rust panic's message on the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { screenshot } from './lib/browser.mjs';
import { ROOT } from './lib/paths.mjs';
import { closeServedPage, openServedPage } from './lib/served-page.mjs';

let server;
let browser;

before(async () => ({ server, browser } = await openServedPage()));

after(() => closeServedPage({ server, browser }));

async function crateVersion() {
  const toml = await readFile(join(ROOT, 'Cargo.toml'), 'utf8');
  return toml.match(/^version = "(.+)"/m)[1];
}

test('the served page is isolated, starts the pool and proves parallelism', async (t) => {
  const { page, logs } = browser;
  await page.goto(server.url);
  // The rayon pool does not start with the page (a run would queue behind its start): the
  // engine is ready with no pool until the Engine panel is opened.
  await page.waitForSelector('#engine-chip[data-state="ready"]', { timeout: 90_000 });
  assert.equal(await page.getAttribute('#status-pool', 'data-size'), '0');
  assert.equal(await page.textContent('#status-pool'), 'starts when the smoke test or a process pool runs');
  // The smoke test lives in the Engine panel and runs when the panel is opened.
  await page.click('#diagnostics > summary');
  try {
    await page.waitForSelector('#smoke[data-result]', { timeout: 60_000 });
  } catch (e) {
    await screenshot(page, 'page-failed.png');
    throw new Error(`no smoke result; page said:\n${logs.join('\n')}\n${e.message}`);
  }
  await screenshot(page, 'page-isolated.png');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'page-isolated-dark.png');
  await page.emulateMedia({ colorScheme: 'light' });

  assert.equal(await page.evaluate(() => self.crossOriginIsolated), true);
  assert.equal(await page.isVisible('#isolation-help'), false);
  assert.equal(await page.textContent('#status-isolated'), 'yes');
  assert.equal(await page.textContent('#status-state'), 'ready');
  assert.equal(await page.textContent('#status-version'), await crateVersion());

  const poolSize = Number(await page.getAttribute('#status-pool', 'data-size'));
  assert.ok(poolSize >= 2, `pool size ${poolSize}`);

  const r = JSON.parse(await page.getAttribute('#smoke', 'data-result'));
  t.diagnostic(`pool ${poolSize}: 1 worker ${r.serialMs.toFixed(1)} ms, ` +
    `${r.workers} workers ${r.parallelMs.toFixed(1)} ms, speedup ${r.speedup.toFixed(2)}x`);
  assert.equal(r.workers, poolSize);
  assert.ok(r.iterations > 0);
  assert.ok(r.serialMs > 0 && r.parallelMs > 0, 'both times are positive');
  assert.match(r.serialChecksum, /^[0-9a-f]{16}$/);
  assert.equal(r.parallelChecksum, r.serialChecksum);
  assert.equal(r.match, true);

  // What a person reads: both times, the speedup, the verdict.
  assert.match(await page.textContent('#smoke-serial-ms'), /^\d+\.\d ms$/);
  assert.match(await page.textContent('#smoke-parallel-ms'), /^\d+\.\d ms$/);
  assert.match(await page.textContent('#smoke-speedup'), /^\d+\.\d\d×$/);
  assert.match(await page.textContent('#smoke-verdict'), /checksums match/);
  assert.equal(await page.isVisible('#errors'), false, 'no error shown');
});

/** Clicks a developer-tools panic button; resolves with the error panel's text. */
async function panicVia(page, button, expected, shot) {
  if (!(await page.isVisible(button))) await page.click('#diagnostics > summary');
  await page.click(button);
  try {
    await page.waitForFunction(
      (text) => document.getElementById('errors-text').textContent.includes(text),
      expected,
      { timeout: 15_000 },
    );
  } finally {
    await screenshot(page, shot);
  }
  return page.textContent('#errors-text');
}

test('a Rust panic on the engine worker reaches the page with its message, and the engine restarts', async () => {
  const { page, logs } = browser;
  const text = await panicVia(page, '#dev-panic', 'threadlab debug panic', 'page-panic.png');
  assert.equal(await page.isVisible('#errors'), true, logs.join('\n'));
  // The message and where it was raised, without the wasm stack (that is in the console).
  assert.match(text, /the engine crashed \(a Rust panic: threadlab debug panic: raised from the developer tools \(src\/web\/panic\.rs:\d+:\d+\)\) and was restarted/);
  assert.doesNotMatch(text, /wasm-function|\.wasm:/);
  await page.waitForSelector('#engine-chip[data-state="ready"]', { timeout: 60_000 });
  assert.equal(await page.textContent('#status-state'), 'ready');
});

test('a Rust panic on a pool worker reaches the page too', async () => {
  const { page } = browser;
  await page.reload();
  await page.click('#diagnostics > summary');
  await page.waitForSelector('#smoke[data-result]', { timeout: 60_000 });
  assert.equal(await page.isVisible('#errors'), false);
  const text = await panicVia(page, '#dev-panic-pool', 'on a pool worker', 'page-panic-pool.png');
  assert.match(text, /the engine crashed \(a Rust panic: threadlab debug panic on a pool worker: raised from the developer tools \(src\/web\/panic\.rs:\d+:\d+\)\) and was restarted/);
  await page.waitForSelector('#engine-chip[data-state="ready"]', { timeout: 60_000 });
});
