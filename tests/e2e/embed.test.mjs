// embed.html inside documentation pages from another origin (two servers on two ports):
// - a parent that is not isolated: the embed says so in one line and still reports its run;
// - an isolated parent with allow="cross-origin-isolated": real worker threads;
// - five embeds on one page start no engine until one is run;
// - the main page's "Copy embed snippet" gives an iframe that shows the same program.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startStaticServer, readHeadersFile, ISOLATED_PAGE_HEADERS, DIST } from './lib/static-server.mjs';
import { screenshot, watchCsp, cspViolations } from './lib/browser.mjs';
import { closeServedPage, openServedPage } from './lib/served-page.mjs';

let app; // dist/ with its headers, on one origin
let browser;

before(async () => {
  ({ server: app, browser } = await openServedPage({
    start: async () => startStaticServer({ headers: await readHeadersFile(join(DIST, '_headers')) }),
  }));
  await watchCsp(browser.context);
});

after(() => closeServedPage({ server: app, browser }));

/** A docs page on another origin: the parent collects threadlab:report messages in window.reports. */
function docsPage(iframes) {
  return `<!doctype html><meta charset="utf-8"><title>docs</title>
<h1>Some documentation</h1>
${iframes}
<script>
  window.reports = [];
  addEventListener('message', (e) => { if (e.data && e.data.type === 'threadlab:report') window.reports.push({ origin: e.origin, report: e.data.report }); });
</script>`;
}

const frameOf = (page, part) => page.frames().find((f) => f.url().includes(part));

async function embedFrame(page, part) {
  let frame;
  await page.waitForFunction(() => true); // let frames attach
  for (let i = 0; i < 100 && !(frame = frameOf(page, part)); i++) await page.waitForTimeout(100);
  assert.ok(frame, `no frame ${part}`);
  await frame.waitForFunction(() => window.embed?.editor, null, { timeout: 30_000 });
  return frame;
}

async function runInEmbed(page, frame, count) {
  await frame.click('#run');
  await page.waitForFunction((n) => window.reports.length >= n, count, { timeout: 60_000 });
  return page.evaluate(() => window.reports.at(-1));
}

describe('embedded cross-origin', () => {
  let docs;
  before(async () => {
    const code = 'total = 0\nfor i in range(1000):\n    total += i\nprint(total)\n';
    const codeParam = `j.${Buffer.from(code).toString('base64url')}`;
    docs = await startStaticServer({
      pages: {
        '/plain.html': docsPage(`<iframe src="${app.url}embed.html?code=${codeParam}&mode=gil" width="800" height="560"></iframe>`),
        '/isolated.html': docsPage(`<iframe src="${app.url}embed.html?preset=lesson6&mode=free&param.LATENCY=0.5" width="800" height="560" allow="cross-origin-isolated"></iframe>`),
        '/autorun.html': docsPage(`<div style="height: 3000px">scroll down</div>
<iframe id="below" src="${app.url}embed.html?code=${codeParam}&autorun=1" width="800" height="400"></iframe>`),
        '/five.html': docsPage(['lesson1', 'lesson2', 'lesson5', 'lesson6', 'lesson7']
          .map((p) => `<iframe src="${app.url}embed.html?preset=${p}" width="800" height="300"></iframe>`).join('\n')),
      },
      headers: [],
    });
  });
  after(() => docs?.stop());

  test('in a parent that is not isolated: a one-line notice, free-threaded off, the parent gets threadlab:report', async () => {
    const { page, logs } = browser;
    await page.goto(`${docs.origin}/plain.html`);
    const frame = await embedFrame(page, 'embed.html');
    assert.equal(await frame.evaluate(() => self.crossOriginIsolated), false);
    assert.equal(await frame.isDisabled('input[name=mode][value=free]'), true);
    assert.match(await frame.textContent('.mode-unavailable[data-mode=free]'), /needs a cross-origin isolated page · full page/);
    const { origin, report } = await runInEmbed(page, frame, 1);
    assert.equal(origin, app.origin);
    assert.equal(report.stdout, '499500\n', logs.join('\n'));
    assert.equal(report.mode, 'gil');
    assert.equal(report.error, null);
    const notice = await frame.textContent('#embed-notice');
    assert.match(notice, /^Not cross-origin isolated: .*Open the full page\.$/);
    assert.equal(notice.split('\n').length, 1, 'one line');
    assert.equal((await frame.getAttribute('#embed-notice a', 'href')).startsWith(`${app.url}index.html#s=`), true);
    assert.deepEqual(await cspViolations(frame), []);
    await screenshot(page, 'embed-not-isolated.png');
  });

  test('in an isolated parent with allow="cross-origin-isolated": real worker threads', async () => {
    const isolatedDocs = await startStaticServer({ pages: { '/isolated.html': docsPage(`<iframe src="${app.url}embed.html?preset=lesson6&mode=free&param.LATENCY=0.5" width="800" height="640" allow="cross-origin-isolated"></iframe>`) }, headers: ISOLATED_PAGE_HEADERS });
    try {
      const { page, logs } = browser;
      await page.goto(`${isolatedDocs.origin}/isolated.html`);
      assert.equal(await page.evaluate(() => self.crossOriginIsolated), true, 'the parent is isolated');
      const frame = await embedFrame(page, 'embed.html');
      assert.equal(await frame.evaluate(() => self.crossOriginIsolated), true, logs.join('\n'));
      // param.LATENCY=0.5 went into the program.
      assert.match(await frame.evaluate(() => window.embed.editor.getCode()), /^LATENCY = 0\.5 /m);
      assert.equal(await frame.evaluate(() => window.embed.modes.mode), 'free');
      const { report } = await runInEmbed(page, frame, 1);
      assert.equal(report.error, null, logs.join('\n'));
      assert.match(report.stdout, /All downloads complete/);
      const workers = report.threads.filter((t) => t.name !== 'MainThread').map((t) => t.native_id);
      assert.equal(workers.length, 3);
      assert.ok(workers.every((id) => id > 0), `native ids ${workers}`);
      assert.equal(await frame.isHidden('#embed-notice'), true);
      await screenshot(page, 'embed-isolated.png');
    } finally {
      await isolatedDocs.stop();
    }
  });

  test('autorun=1 runs once the embed scrolls into view, not before', async () => {
    const { page } = browser;
    await page.goto(`${docs.origin}/autorun.html`);
    const frame = await embedFrame(page, 'autorun=1');
    await page.waitForTimeout(1500);
    assert.equal(await frame.evaluate(() => window.embed.engineStarted()), false, 'off screen: no engine');
    assert.equal(await page.evaluate(() => window.reports.length), 0);
    await page.evaluate(() => document.getElementById('below').scrollIntoView());
    await page.waitForFunction(() => window.reports.length === 1, null, { timeout: 60_000 });
    assert.equal((await page.evaluate(() => window.reports[0].report)).stdout, '499500\n');
  });

  test('five embeds on one page start no engine until one is run, then only that one', async () => {
    const { page } = browser;
    await page.goto(`${docs.origin}/five.html`);
    const frames = [];
    for (const p of ['lesson1', 'lesson2', 'lesson5', 'lesson6', 'lesson7']) frames.push(await embedFrame(page, `preset=${p}`));
    await page.waitForTimeout(1500);
    const started = async () => Promise.all(frames.map((f) => f.evaluate(() => ({
      engine: window.embed.engineStarted(),
      wasm: performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.wasm')).length,
    }))));
    assert.deepEqual(await started(), frames.map(() => ({ engine: false, wasm: 0 })));
    await runInEmbed(page, frames[1], 1);
    const after = await started();
    assert.deepEqual(after.map((s) => s.engine), [false, true, false, false, false]);
  });
});

test('"Copy embed snippet" gives an iframe of embed.html with the program, mode and parameters', async () => {
  const { page } = browser;
  await page.goto(app.url);
  await page.waitForFunction(() => window.playground?.editor);
  await page.click('.preset[data-preset="lesson6"]');
  await page.evaluate(() => window.playground.editor.setCode(window.playground.editor.getCode().replace('LATENCY = 2.0', 'LATENCY = 1.5')));
  await page.click('input[name=mode][value=sequential]');
  await page.click('#copy-embed');
  await page.waitForFunction(() => /embed\.html\?preset=lesson6/.test(document.getElementById('embed-snippet').value));
  const snippet = await page.inputValue('#embed-snippet');
  assert.match(snippet, /^<iframe src="[^"]+embed\.html\?preset=lesson6&amp;param\.LATENCY=1\.5&amp;mode=sequential" title="threadlab: Lesson 6: downloads" [^>]*allow="cross-origin-isolated"><\/iframe>$/);
  const src = snippet.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
  await page.goto(src);
  await page.waitForFunction(() => window.embed?.editor);
  assert.match(await page.evaluate(() => window.embed.editor.getCode()), /^LATENCY = 1\.5 /m);
  assert.equal(await page.evaluate(() => window.embed.modes.mode), 'sequential');
  assert.equal(await page.textContent('#embed-title'), 'Lesson 6: downloads');

  // Any other program travels compressed in code=.
  await page.goto(app.url);
  await page.waitForFunction(() => window.playground?.editor);
  await page.evaluate(() => window.playground.editor.setCode('print("my own program")\n'));
  await page.click('#copy-embed');
  // The code is compressed asynchronously (CompressionStream): wait for the snippet to carry it.
  await page.waitForFunction(() => /embed\.html\?code=/.test(document.getElementById('embed-snippet').value));
  const other = (await page.inputValue('#embed-snippet')).match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
  assert.match(other, /embed\.html\?code=z\./);
  await page.goto(other);
  await page.waitForFunction(() => window.embed?.editor);
  assert.equal(await page.evaluate(() => window.embed.editor.getCode()), 'print("my own program")\n');
  assert.equal(await page.textContent('#embed-title'), 'A Python program');
});

test('docs-example.html embeds two presets and quotes their reports', async () => {
  const { page, logs } = browser;
  await page.goto(`${app.url}docs-example.html`);
  const downloads = await embedFrame(page, 'preset=lesson6');
  const counting = await embedFrame(page, 'preset=lesson5');
  assert.equal(await downloads.textContent('#embed-title'), 'Lesson 6: downloads');
  assert.equal(await counting.textContent('#embed-title'), 'Lesson 5: counting on two threads');
  assert.equal(await counting.isVisible('#run-all'), true, 'panels=compare shows "Run all three modes"');
  await downloads.click('#run');
  await page.waitForFunction(() => /The embed reported: gil mode/.test(document.getElementById('report-downloads').textContent), null, { timeout: 60_000 });
  assert.match(await page.textContent('#report-downloads'), /4 threads/, logs.join('\n'));
  // Each iframe fits its content (threadlab:height): no scroll bar and no blank space, and every
  // lane of the run's timeline is inside the frame.
  await page.waitForFunction(() => [...document.querySelectorAll('iframe[data-example]')].every((f) => {
    const body = f.contentDocument?.body;
    if (!body) return false;
    const style = getComputedStyle(body);
    const content = body.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
    return Math.abs(f.clientHeight - content) <= 2;
  }), null, { timeout: 10_000 });
  const frameBox = await page.locator('iframe[data-example="downloads"]').boundingBox();
  const lastLane = await downloads.evaluate(() => {
    const r = document.querySelector('#timeline canvas, .tl canvas')?.getBoundingClientRect();
    return r ? r.bottom : 0;
  });
  assert.ok(lastLane > 0 && lastLane <= frameBox.height + 1, `the timeline ends at ${lastLane} px in a ${frameBox.height} px frame`);
  assert.deepEqual(await cspViolations(page), []);
  await screenshot(page, 'docs-example.png');
});
