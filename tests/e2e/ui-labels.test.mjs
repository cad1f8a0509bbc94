// Two things the page says that must match what happened: the embed's "run all" button for the
// ways preset (the six runs, as on the full page), and the Engine panel's pool line once a
// process pool in a run has started the pool.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from './lib/browser.mjs';
import { closeServedPage, openServedPage } from './lib/served-page.mjs';

let server;
let browser;

before(async () => ({ server, browser } = await openServedPage()));
after(() => closeServedPage({ server, browser }));

test('embed.html?preset=ways: "Run the six" runs the six variants, as the full page does', async () => {
  const { page } = browser;
  await page.goto(`${server.url}embed.html?preset=ways&panels=output,compare&param.TASKS=2&param.N=100000&param.LATENCY=0.1`);
  await page.waitForSelector('#run-all:not([hidden])');
  assert.equal(await page.textContent('#run-all'), 'Run the six');
  await page.click('#run-all');
  await page.waitForFunction(() => !document.getElementById('run-all').disabled
    && /I\/O:/.test(document.getElementById('run-state').textContent), null, { timeout: 180_000 });
  // The last of the six is the I/O job with asyncio: it printed its own JOB and WAY.
  assert.match(await page.textContent('#console'), /io job, asyncio: 2 tasks/);
  const state = await page.textContent('#run-state');
  assert.doesNotMatch(state, /failed|Run the six” runs both/, state);
  // The reading is of this embed's parameters, not the preset's defaults.
  assert.match(state, /the 2 waits of 0\.1 s/, state);
  await screenshot(page, 'embed-ways-six.png');
});

test('the Engine panel names the pool a process pool started, not "starts when ..."', async () => {
  const { page } = browser;
  await page.goto(server.url);
  await page.waitForSelector('#engine-chip[data-state="ready"]', { timeout: 90_000 });
  assert.equal(await page.textContent('#status-pool'), 'starts when the smoke test or a process pool runs');
  await page.evaluate(() => window.playground.editor.setCode(`from multiprocessing import Pool

def sq(x):
    return x * x

if __name__ == "__main__":
    with Pool(2) as p:
        print(p.map(sq, range(4)))
`));
  await page.click('#run');
  await page.waitForFunction(() => /\[0, 1, 4, 9\]/.test(document.getElementById('console').textContent), null, { timeout: 60_000 });
  await page.waitForFunction(() => document.getElementById('status-pool').dataset.size !== '0');
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  assert.match(await page.textContent('#status-pool'), new RegExp(`^${cores} workers \\(started in \\d+ ms\\)$`));
  await page.click('#diagnostics > summary');
  await screenshot(page, 'engine-panel-pool.png');
});
