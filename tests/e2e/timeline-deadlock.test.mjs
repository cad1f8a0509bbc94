// The deadlock on the page's timeline (www/js/timeline-deadlock.js): a run that ends in a
// deadlock has a marker at report.deadlock.t_ms across the blocked lanes, each labelled with
// what it waits for, and the same as text under the chart; thread names are text, never HTML.
// A run without a deadlock has none of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screenshot } from './lib/browser.mjs';
import { pageReports } from './lib/mechanisms.mjs';
import { ROOT } from './lib/paths.mjs';
import { closeServedPage, openServedPage } from './lib/served-page.mjs';

const EVIL = '<img src=x onerror="window.__pwned=1">';

// Two threads take two locks in opposite orders (they meet at a barrier first); the second
// one's name is markup (tests/data/two_locks_at_a_barrier.py, which deadlock.test.mjs runs too).
const DEADLOCK = readFileSync(join(ROOT, 'tests', 'data', 'two_locks_at_a_barrier.py'), 'utf8')
  .replace('name="two"', `name=${JSON.stringify(EVIL)}`);

let server;
let browser;

before(async () => ({ server, browser } = await openServedPage({ path: '', readyTimeout: 60_000 })));

after(() => closeServedPage({ server, browser }));

async function runInPage(code) {
  const { page } = browser;
  await page.evaluate((c) => window.playground.editor.setCode(c), code);
  const before = await page.evaluate(() => Object.keys(window.playground.results().reports).length);
  await page.click('#run');
  await page.waitForFunction(() => /finished|stopped by/.test(document.getElementById('run-state').textContent), null, { timeout: 60_000 });
  await page.waitForFunction(() => document.querySelector('#timeline .tl')?.classList.contains('tl-has-data'), null, { timeout: 10_000 });
  return before;
}

/** Canvas pixels of the marker's colour (#c62828), by column: {columns, tallest}. */
const markerPixels = (page) => page.evaluate(() => {
  const canvas = document.querySelector('#timeline .tl-canvas');
  const { data, width, height } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  const perColumn = new Map();
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (Math.abs(data[i] - 198) < 6 && Math.abs(data[i + 1] - 40) < 6 && Math.abs(data[i + 2] - 40) < 6) {
        perColumn.set(x, (perColumn.get(x) ?? 0) + 1);
      }
    }
  }
  const dpr = window.devicePixelRatio || 1;
  return { columns: perColumn.size, tallest: Math.max(0, ...perColumn.values()) / dpr };
});

test('a deadlock is marked on the timeline: a line across the blocked lanes, each labelled with its wait', async () => {
  const { page, logs } = browser;
  await runInPage(DEADLOCK);
  const report = (await pageReports(page)).gil;
  assert.ok(report?.deadlock, logs.join('\n'));
  const root = page.locator('#timeline .tl');
  assert.equal(Number(await root.getAttribute('data-deadlock-at')), Number(report.deadlock.t_ms.toFixed(3)));
  // Every blocked thread has its lane: MainThread, one and the other.
  const lanes = (await root.getAttribute('data-deadlock-lanes')).split(',').map(Number);
  assert.equal(lanes.length, 3);
  assert.equal(new Set(lanes).size, 3);
  // The text under the chart: each thread and its wait, as the report says, names as text.
  const items = await page.locator('#timeline .tl-deadlock li').allTextContents();
  assert.deepEqual(items, report.deadlock.threads.map((t) => `${t.name} waits for ${t.waits_for}`));
  assert.ok(items.includes(`${EVIL} waits for Lock at line 12, held by one`), items.join('\n'));
  assert.ok(items.includes(`one waits for Lock at line 7, held by ${EVIL}`), items.join('\n'));
  assert.equal(await page.locator('#timeline img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.match(await page.textContent('#timeline .tl-deadlock-head'), /^Deadlock at [\d.]+ m?s: every thread was waiting/);
  // On the canvas: a vertical line at least as tall as the three lanes (20 px each).
  const marker = await markerPixels(page);
  assert.ok(marker.tallest >= 3 * 20, JSON.stringify(marker));
  await page.locator('#timeline').scrollIntoViewIfNeeded();
  await screenshot(page, 'timeline-deadlock.png');
  await page.locator('#timeline').screenshot({ path: (await screenshot(page, 'timeline-deadlock.png')).replace('.png', '-timeline.png') });
});

test('a run without a deadlock has no marker and no deadlock text', async () => {
  const { page } = browser;
  await runInPage('import threading\nt = threading.Thread(target=print, args=("hi",))\nt.start(); t.join()\n');
  const root = page.locator('#timeline .tl');
  assert.equal(await root.getAttribute('data-deadlock-at'), null);
  assert.equal(await page.locator('#timeline .tl-deadlock').count(), 0);
  const marker = await markerPixels(page);
  assert.equal(marker.columns, 0, JSON.stringify(marker));
});

test('the embed draws the deadlock on its timeline too', async () => {
  const embed = await browser.page.context().newPage();
  try {
    await embed.goto(`${server.url}embed.html?panels=output,timeline`);
    await embed.waitForFunction(() => window.embed?.editor, null, { timeout: 30_000 });
    await embed.evaluate((c) => window.embed.editor.setCode(c), DEADLOCK);
    await embed.click('#run');
    await embed.waitForSelector('#timeline .tl[data-deadlock-at]', { timeout: 120_000 });
    const items = await embed.locator('#timeline .tl-deadlock li').allTextContents();
    assert.equal(items.length, 3, items.join('\n'));
    assert.ok(items.includes(`one waits for Lock at line 7, held by ${EVIL}`), items.join('\n'));
    assert.equal(await embed.locator('#timeline img').count(), 0);
    const marker = await markerPixels(embed);
    assert.ok(marker.tallest >= 3 * 20, JSON.stringify(marker));
    await screenshot(embed, 'embed-timeline-deadlock.png');
  } finally {
    await embed.close();
  }
});
