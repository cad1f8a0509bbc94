// The output a run keeps is bounded (docs/report.md "output_cut", docs/limits.md): the report
// keeps at most 4 MiB / 100,000 writes and says what it cut; the page's console stops showing a
// stream after 4 MB and says so; a program printing until Stop does not grow the engine's
// memory with what it prints, and the next run works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from './lib/browser.mjs';
import { closeServedPage, openServedPage } from './lib/served-page.mjs';

const MAX_BYTES = 4 * 2 ** 20;
const MAX_PIECES = 100_000;

let server;
let browser;

before(async () => ({ server, browser } = await openServedPage()));

after(() => closeServedPage({ server, browser }));

async function apiPage() {
  await browser.page.goto(`${server.url}threadlab/example.html`);
  return browser.page;
}

test('the report keeps the first 100,000 writes and says what it cut (main thread and a thread)', async () => {
  const page = await apiPage();
  const code = [
    'import threading',
    'def count(start, n):',
    '    for i in range(start, start + n):',
    '        print(i)',
    't = threading.Thread(target=count, args=(0, 60_000))',
    't.start(); t.join()',
    'count(60_000, 90_000)',
    '',
  ].join('\n');
  const r = await page.evaluate(async (code) => {
    const threadlab = await import('/threadlab.js');
    const report = await threadlab.run(code, { mode: 'gil' });
    const next = await threadlab.run('print(6 * 7)', { mode: 'gil' });
    return { cut: report.output_cut, stdout: report.stdout, pieces: report.output.length,
      threads: [...new Set(report.output.map((o) => o.thread))], next: next.stdout, nextCut: next.output_cut };
  }, code);
  let printed = 0;
  for (let i = 0; i < 150_000; i++) printed += String(i).length + 1;
  let kept = '';
  for (let i = 0; i < MAX_PIECES; i++) kept += `${i}\n`;
  assert.deepEqual(r.cut, { bytes: printed, bytes_kept: kept.length, pieces: 150_000, pieces_kept: MAX_PIECES,
    max_bytes: MAX_BYTES, max_pieces: MAX_PIECES });
  assert.equal(r.stdout, kept);
  assert.equal(r.pieces, MAX_PIECES);
  assert.deepEqual(r.threads, ['Thread-1 (count)', 'MainThread']);
  assert.equal(r.next, '42\n');
  assert.equal(r.nextCut, null);
});

test('printing 64 MB grows the engine memory by far less than it printed', async (t) => {
  const page = await apiPage();
  // 1,000-byte lines: the byte cap, not the piece cap, is the one reached.
  const printing = (lines) => `line = 'x' * 999\nfor i in range(${lines}):\n    print(line)\n`;
  const r = await page.evaluate(async ([small, big]) => {
    const threadlab = await import('/threadlab.js');
    await threadlab.run(small, { mode: 'gil' }); // memory grows to what one cut run needs
    const before = await threadlab.memoryBytes();
    const report = await threadlab.run(big, { mode: 'gil' });
    const afterBytes = await threadlab.memoryBytes();
    return { before, after: afterBytes, cut: report.output_cut, stdoutLength: report.stdout.length };
  }, [printing(8_000), printing(64_000)]);
  assert.equal(r.cut.bytes, 64_000 * 1000);
  assert.equal(r.cut.bytes_kept, MAX_BYTES);
  assert.equal(r.stdoutLength, MAX_BYTES);
  // Kept whole, 64 MB of stdout would take more than twice that (the text, each line's copy,
  // the JSON): the growth must stay under half of what was printed.
  const grewMb = (r.after - r.before) / 2 ** 20;
  t.diagnostic(`wasm memory ${(r.before / 2 ** 20).toFixed(1)} MB -> ${(r.after / 2 ** 20).toFixed(1)} MB over a run printing 64 MB`);
  assert.ok(grewMb < 32, `wasm memory grew ${grewMb.toFixed(1)} MB (${r.before} -> ${r.after})`);
});

test('the page stops showing output after 4 MB, says so, Stop ends the loop, the next run works', async () => {
  const { page, logs } = browser;
  await page.goto(server.url);
  await page.waitForSelector('#engine-chip[data-state="ready"]', { timeout: 60_000 });
  await page.evaluate(() => window.playground.editor.setCode("n = 0\nwhile True:\n    n += 1\n    print(n, 'x' * 1000)\n"));
  await page.click('#run');
  await page.waitForSelector('#console[data-output-cut~="stdout"]', { timeout: 120_000 });
  const note = await page.textContent('#console .output-cut');
  assert.match(note, /^Output cut after 4 MB: the program may go on printing/);
  // Still running: the loop never ends by itself.
  assert.match(await page.textContent('#run-state'), /Running/);
  const lines = await page.evaluate(() => document.querySelectorAll('#console li').length);
  assert.ok(lines <= 502, `${lines} lines on screen`);
  await screenshot(page, 'output-cut.png');
  await page.click('#stop');
  await page.waitForFunction(() => /Stopped/.test(document.getElementById('run-state').textContent), null, { timeout: 30_000 });
  // The console showed no more of it after the cut: its last program line is before the note.
  const after = await page.evaluate(() => {
    const items = [...document.querySelectorAll('#console li')];
    const cutAt = items.findIndex((li) => li.classList.contains('output-cut'));
    return items.slice(cutAt + 1).filter((li) => !li.classList.contains('note')).length;
  });
  assert.equal(after, 0);
  await page.evaluate(() => window.playground.editor.setCode('print(6 * 7)\n'));
  await page.click('#run');
  await page.waitForFunction(() => /finished/.test(document.getElementById('run-state').textContent), null, { timeout: 30_000 });
  assert.equal(await page.getAttribute('#console', 'data-output-cut'), '');
  assert.match(await page.textContent('#console'), /42/, logs.join('\n'));
});

test('a run whose report was cut (150,000 short prints) says what the report kept', async () => {
  const { page } = browser;
  await page.goto(server.url);
  await page.waitForSelector('#engine-chip[data-state="ready"]', { timeout: 60_000 });
  await page.evaluate(() => window.playground.editor.setCode('for i in range(150_000):\n    print(i)\n'));
  await page.click('#run');
  await page.waitForFunction(() => /finished/.test(document.getElementById('run-state').textContent), null, { timeout: 120_000 });
  await page.waitForSelector('#console[data-output-cut~="report"]', { timeout: 10_000 });
  const note = await page.textContent('#console .output-cut');
  assert.equal(note, "Output cut after 0.6 MB in the run's report: it kept the first 100,000 of 150,000 prints (0.6 MB of 0.9 MB).");
});
