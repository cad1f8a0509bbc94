// The playground as a learner uses it, in real Chromium against the real engine: every preset
// shows what its claim predicts, parameters and code stay in sync, Stop works, share links
// round-trip, errors are marked at their line, the keyboard works, the main thread stays free,
// and screenshots at desktop and phone sizes in light and dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startIsolatedServer } from './lib/servers.mjs';
import { openBrowser, screenshot } from './lib/browser.mjs';

let server;
let browser;

before(async () => {
  server = await startIsolatedServer();
  browser = await openBrowser();
  await browser.page.setViewportSize({ width: 1280, height: 800 });
  await openPlayground(browser.page);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// ---- helpers --------------------------------------------------------------------------------

async function openPlayground(page, hash = '') {
  await page.goto(server.url + hash);
  try {
    await page.waitForSelector('#engine-chip[data-state="ready"]', { timeout: 90_000 });
  } catch (e) {
    await screenshot(page, 'playground-failed.png');
    throw new Error(`the engine never got ready:\n${browser.logs.join('\n')}\n${e.message}`);
  }
  await page.waitForFunction(() => !document.getElementById('run').disabled);
}

const code = (page) => page.evaluate(() => window.playground.editor.getCode());

/** Replaces the whole program, the way typing would (one editor transaction). */
async function setCode(page, text) {
  await page.evaluate((t) => window.playground.editor.setCode(t), text);
}

async function pickPreset(page, id) {
  await page.click(`.preset[data-preset="${id}"]`);
  await page.waitForFunction((pid) => document.getElementById('lesson').dataset.preset === pid, id);
}

/** Clicks Run (one mode) and waits for the run to finish; resolves with the reading. */
async function runOnce(page, { mode, timeout = 60_000 } = {}) {
  if (mode) await page.check(`input[name="mode"][value="${mode}"]`);
  await page.evaluate(() => { document.getElementById('reading').dataset.state = 'waiting'; });
  await page.click('#run');
  await page.waitForFunction(() => document.body.classList.contains('is-running') === false &&
    document.getElementById('reading').dataset.state !== 'waiting', null, { timeout });
  return readingOf(page);
}

async function runAllModes(page, { timeout = 90_000 } = {}) {
  await page.click('#run-all');
  await page.waitForFunction(() => document.querySelectorAll('#compare .card[data-wall-ms]').length === 3 &&
    !document.body.classList.contains('is-running'), null, { timeout });
  return readingOf(page);
}

async function readingOf(page) {
  const text = await page.textContent('#reading');
  const raw = await page.getAttribute('#reading', 'data-reading');
  return { text, data: raw ? JSON.parse(raw) : null };
}

const between = (x, lo, hi, what) => assert.ok(x >= lo && x <= hi, `${what}: ${x} is not within ${lo}..${hi}`);

/** The page at desktop and phone sizes, light and dark; and nothing sticks out at 360 px. */
async function screenshotsAndWidth(page) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await screenshot(page, `playground-1280-${scheme}.png`);
  }
  await page.setViewportSize({ width: 375, height: 812 });
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await screenshot(page, `playground-375-${scheme}.png`);
  }
  await page.setViewportSize({ width: 360, height: 740 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the page is ${width} px wide at a 360 px viewport`);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
}

// ---- the presets, each proving its claim ------------------------------------------------------

test('Lesson 1: the main thread prints while task() is still running', async (t) => {
  const { page } = browser;
  await pickPreset(page, 'lesson1');
  const r = await runOnce(page, { mode: 'gil' });
  t.diagnostic(r.text);
  assert.equal(r.data.mainBeforeTaskEnd, true, r.text);
  assert.equal(r.data.taskMs.length, 3);
  assert.ok(r.data.mainMs < 300, `main printed at ${r.data.mainMs} ms`);
  between(r.data.taskMs[2] - r.data.taskMs[0], 900, 1400, 'two pauses of 0.5 s');
  // The console shows each line with its thread and time.
  const lines = await page.$$eval('#console .line', (ls) => ls.map((l) => ({
    thread: l.querySelector('.thread')?.textContent, time: l.querySelector('.time')?.textContent, text: l.querySelector('.text')?.textContent,
  })));
  assert.equal(lines.length, 4);
  assert.deepEqual(lines.find((l) => l.text === 'Main thread continues').thread, 'MainThread');
  assert.match(lines.find((l) => l.text === 'Task running').thread, /^Thread-1/);
  assert.match(lines[0].time, /^\d+\.\d ms$/);
  assert.equal(await page.getAttribute('#console', 'aria-live'), 'polite');
});

test('Lesson 2: MainThread, then each new thread by its own name', async (t) => {
  const { page } = browser;
  await pickPreset(page, 'lesson2');
  const r = await runOnce(page, { mode: 'gil' });
  t.diagnostic(r.text);
  assert.deepEqual(r.data.names, ['MainThread', 'Thread-1 (task)', 'Thread-2 (task)']);
});

test('Lesson 5: two counting threads are no faster under the GIL, faster free-threaded', async (t) => {
  const { page } = browser;
  await pickPreset(page, 'lesson5');
  const r = await runAllModes(page);
  t.diagnostic(r.text);
  await screenshotsAndWidth(page);
  const { sequential, gil, free } = r.data;
  t.diagnostic(`sequential ${sequential.toFixed(0)} ms, gil ${gil.toFixed(0)} ms, free ${free.toFixed(0)} ms`);
  between(r.data.gil_over_sequential, 0.8, 1.4, 'GIL / sequential');
  assert.ok(free < sequential * 0.9, `free-threaded (${free} ms) is not faster than sequential (${sequential} ms)`);
  between(sequential, 200, 4000, 'sequential wall time (ms) at the default size');
  assert.match(r.text, /GIL: \d\.\d\d× the sequential time/);
  assert.match(r.text, /free-threaded: \d\.\d\d× faster/);
  // Three cards, each with its wall time and a small timeline.
  const cards = await page.$$eval('#compare .card', (cs) => cs.map((c) => [c.dataset.mode, Number(c.dataset.wallMs), !!c.querySelector('canvas')]));
  assert.deepEqual(cards.map((c) => c[0]), ['sequential', 'gil', 'free']);
  assert.ok(cards.every((c) => c[1] > 0 && c[2]));
});

test('Lesson 6: three 2-second downloads take about 2 s with threads', async (t) => {
  const { page } = browser;
  await pickPreset(page, 'lesson6');
  const r = await runOnce(page, { mode: 'gil' });
  t.diagnostic(r.text);
  between(r.data.wallMs, 1900, 2500, 'threaded wall time (ms)');
  assert.equal(r.data.oneByOneMs, 6000);
  assert.match(r.text, /took 2\.\d\d s, not 6\.00 s/);
});

test('Lesson 7: without join() main goes on; with join() it waits', async (t) => {
  const { page } = browser;
  await pickPreset(page, 'lesson7');
  const r = await runOnce(page, { mode: 'gil' });
  t.diagnostic(r.text);
  assert.ok(r.data.noJoinMs < r.data.firstMs - 300, 'without join(), main printed well before its thread finished');
  assert.ok(r.data.joinedMs >= r.data.secondMs, 'with join(), main printed after its thread finished');
  assert.ok(r.data.joinedMs >= 450, `with join(), main waited (${r.data.joinedMs} ms)`);
});

test('Convoy effect: the I/O thread is much slower beside a CPU-bound thread under the GIL', async (t) => {
  const { page } = browser;
  await pickPreset(page, 'convoy');
  const r = await runAllModes(page);
  t.diagnostic(r.text);
  between(r.data.sequential, 150, 600, 'alone: 200 sleeps of 1 ms (ms)');
  assert.ok(r.data.gil_over_alone > 2.5, `under the GIL only ${r.data.gil_over_alone.toFixed(2)}x slower`);
  assert.ok(r.data.free < r.data.gil / 2, `free-threaded (${r.data.free} ms) shows no relief from the convoy (GIL ${r.data.gil} ms)`);
});

test('Switch interval: a smaller interval means more GIL switches', async (t) => {
  const { page } = browser;
  await pickPreset(page, 'switch-interval');
  const at5 = await runOnce(page, { mode: 'gil' });
  t.diagnostic(at5.text);
  between(at5.data.everyMs, 2.5, 12, 'ms between switches at a 5 ms interval');
  // The slider for INTERVAL, moved to its lowest value, rewrites the literal to 0.0005.
  await page.focus('#param-INTERVAL');
  await page.keyboard.press('Home');
  assert.match(await code(page), /^INTERVAL = 0\.0005 {2}# param: 0\.0005\.\.0\.05$/m);
  const at05 = await runOnce(page, { mode: 'gil' });
  t.diagnostic(at05.text);
  assert.ok(at05.data.switches > at5.data.switches * 2, `${at05.data.switches} switches at 0.5 ms vs ${at5.data.switches} at 5 ms`);
  assert.ok(at05.data.everyMs < at5.data.everyMs / 2);
});

test('Race: without a lock free-threaded loses updates; with a Lock the count is exact', async (t) => {
  const { page } = browser;
  await pickPreset(page, 'race');
  const r = await runAllModes(page);
  t.diagnostic(r.text);
  const { free, gil, sequential } = r.data;
  assert.ok(free.unsafe.count < free.unsafe.expected, `free-threaded lost nothing: ${JSON.stringify(free)}`);
  for (const [mode, m] of Object.entries({ free, gil, sequential })) {
    assert.equal(m.safe.count, m.safe.expected, `${mode}: the locked count is exact`);
  }
  assert.equal(sequential.unsafe.count, sequential.unsafe.expected, 'sequential cannot race');
  assert.match(r.text, /free-threaded: lost [\d,]+ of [\d,]+ updates/);
});

test('Mixed CPU and I/O: threads hide the waiting under the GIL; free-threading also the computing', async (t) => {
  const { page } = browser;
  await pickPreset(page, 'mixed');
  const r = await runAllModes(page);
  t.diagnostic(r.text);
  assert.ok(r.data.gil_over_sequential < 0.8, `GIL ${r.data.gil_over_sequential.toFixed(2)}x of sequential: the waits did not overlap`);
  assert.ok(r.data.free < r.data.gil * 0.9, `free-threaded ${r.data.free} ms, GIL ${r.data.gil} ms`);
});

// ---- parameters <-> code ----------------------------------------------------------------

test('parameter controls and the code stay in sync both ways', async () => {
  const { page } = browser;
  await pickPreset(page, 'lesson5');
  // The control starts at the literal's value.
  const n0 = /^N = ([\d_]+) /m.exec(await code(page))[1];
  assert.equal(await page.textContent('#params [data-param="N"] output'), Number(n0.replace(/_/g, '')).toLocaleString('en-US'));
  // Slider -> code: End moves N to its maximum, written in the underscore style.
  await page.focus('#param-N');
  await page.keyboard.press('End');
  assert.match(await code(page), /^N = 200_000_000 {2}# param: 1_000\.\.200_000_000$/m);
  assert.equal(await page.textContent('#params [data-param="N"] output'), '200,000,000');
  await page.keyboard.press('Home');
  assert.match(await code(page), /^N = 1_000 {2}# param/m);
  // Code -> slider: select the literal in the editor and type a new one.
  await selectLiteral(page, 'N = ', '1_000');
  await page.keyboard.type('50_000');
  assert.equal(await page.textContent('#params [data-param="N"] output'), '50,000');
  const pos = Number(await page.inputValue('#param-N'));
  const max = Number(await page.getAttribute('#param-N', 'max'));
  // log scale from 1e3 to 2e8: 5e4 sits at log(50)/log(2e5) of the way
  between(pos / max, 0.30, 0.33, 'slider position of 50_000');
  // A new annotated literal adds a control; removing the annotation removes it.
  await page.evaluate(() => {
    const ed = window.playground.editor;
    ed.replace(0, 0, 'DELAY = 2.5  # param: 0.1..5\n');
  });
  await page.waitForSelector('#param-DELAY');
  assert.equal(await page.textContent('#params [data-param="DELAY"] output'), '2.5');
  await page.focus('#param-DELAY');
  await page.keyboard.press('ArrowRight');
  assert.match(await code(page), /^DELAY = 2\.51 {2}# param/m);
  await page.evaluate(() => window.playground.editor.replace(0, 'DELAY = 2.51  # param: 0.1..5\n'.length, ''));
  assert.equal(await page.$('#param-DELAY'), null);
  assert.ok(await page.$('#param-N'));
});

/** Selects the literal after `prefix` in the editor, as a mouse drag or shift+arrows would. */
async function selectLiteral(page, prefix, literal) {
  await page.evaluate(({ prefix, literal }) => {
    const { view } = window.playground.editor;
    const doc = view.state.doc.toString();
    const from = doc.indexOf(prefix + literal) + prefix.length;
    view.focus();
    view.dispatch({ selection: { anchor: from, head: from + literal.length } });
  }, { prefix, literal });
}

// ---- Stop ---------------------------------------------------------------------------------

async function stopAfter(page, ms) {
  await page.click('#run');
  await page.waitForFunction(() => document.body.classList.contains('is-running'));
  await page.waitForTimeout(ms);
  const elapsed = await page.textContent('#elapsed');
  const t0 = Date.now();
  await page.click('#stop');
  await page.waitForFunction(() => !document.body.classList.contains('is-running'), null, { timeout: 10_000 });
  return { stopMs: Date.now() - t0, elapsed };
}

test('Stop halts a long count promptly and the next run works', async (t) => {
  const { page } = browser;
  await pickPreset(page, 'lesson5');
  await page.check('input[name="mode"][value="gil"]');
  await setCode(page, (await code(page)).replace(/^N = .*$/m, 'N = 200_000_000  # param: 1_000..200_000_000'));
  const { stopMs, elapsed } = await stopAfter(page, 1500);
  t.diagnostic(`stopped ${stopMs} ms after the click; elapsed showed ${elapsed}`);
  assert.match(elapsed, /^[1-9]\.\d\d s$/, 'the elapsed time ticks while running');
  assert.ok(stopMs < 2000, `Stop took ${stopMs} ms`);
  assert.equal(await page.textContent('#run-state'), 'Stopped.');
  assert.equal(await page.isDisabled('#run'), false);
  assert.equal(await page.isDisabled('#stop'), true);
  await pickPreset(page, 'lesson2');
  const r = await runOnce(page, { mode: 'gil' });
  assert.deepEqual(r.data.names, ['MainThread', 'Thread-1 (task)', 'Thread-2 (task)']);
});

test('Stop halts a long sleep promptly and the next run works', async (t) => {
  const { page } = browser;
  await pickPreset(page, 'lesson6');
  await page.check('input[name="mode"][value="sequential"]');
  await setCode(page, (await code(page)).replace(/^LATENCY = .*$/m, 'LATENCY = 5.0  # param: 0.1..5'));
  const { stopMs } = await stopAfter(page, 800);
  t.diagnostic(`stopped ${stopMs} ms after the click`);
  assert.ok(stopMs < 2000, `Stop took ${stopMs} ms`);
  assert.equal(await page.textContent('#run-state'), 'Stopped.');
  await pickPreset(page, 'lesson7');
  const r = await runOnce(page, { mode: 'free' });
  assert.ok(r.data.joinedMs >= r.data.secondMs);
});

// ---- share links ---------------------------------------------------------------------------

test('a share link restores code, mode, switch interval and preset in a new page', async () => {
  const { page } = browser;
  await pickPreset(page, 'convoy');
  const custom = (await code(page)).replace('WAKEUPS = 200', 'WAKEUPS = 321') + '\nprint("ünïcödé ✓ — shared")\n';
  await setCode(page, custom);
  await page.check('input[name="mode"][value="free"]');
  await page.fill('#switch-interval', '12.5');
  await page.dispatchEvent('#switch-interval', 'change');
  await page.click('#share');
  await page.waitForSelector('#share-result:not([hidden])');
  const url = await page.inputValue('#share-url');
  assert.match(url, /#s=z\.[A-Za-z0-9_-]+$/, 'compressed with deflate-raw');
  assert.equal(await page.evaluate(() => location.href), url, 'the address bar has the link too');

  const other = await page.context().newPage();
  try {
    await other.goto(url);
    await other.waitForFunction(() => window.playground?.editor);
    assert.equal(await code(other), custom);
    assert.equal(await other.isChecked('input[name="mode"][value="free"]'), true);
    assert.equal(await other.inputValue('#switch-interval'), '12.5');
    assert.equal(await other.getAttribute('#lesson', 'data-preset'), 'convoy');
    assert.equal(await other.inputValue('#param-WAKEUPS').then(Number) > 0, true);
    assert.equal(await other.textContent('#params [data-param="WAKEUPS"] output'), '321');
    // The fallback for browsers without CompressionStream: plain base64url JSON, read back the same.
    const plain = await other.evaluate(async () => {
      const { encodeState } = await import('./js/share.js');
      return encodeState({ code: 'print("plain")\n', mode: 'sequential', switchInterval: 0.002, preset: null }, { compress: false });
    });
    assert.match(plain, /^s=j\./);
    await other.goto(`${server.url}#${plain}`);
    await other.waitForFunction(() => window.playground?.editor);
    assert.equal(await code(other), 'print("plain")\n');
    assert.equal(await other.isChecked('input[name="mode"][value="sequential"]'), true);
    assert.equal(await other.inputValue('#switch-interval'), '2');
    assert.equal(await other.getAttribute('#lesson', 'data-preset'), '');
  } finally {
    await other.close();
  }
});

// ---- errors, keyboard, responsiveness ---------------------------------------------------------

test('a syntax error is marked at its line and the page stays usable', async () => {
  const { page } = browser;
  await pickPreset(page, 'lesson2');
  await setCode(page, 'import threading\n\nprint("one"\nprint("two")\n');
  await runOnce(page, { mode: 'gil' });
  const line = await page.getAttribute('.cm-error-line', 'data-error-line');
  assert.ok(line === '3' || line === '4', `error marked at line ${line}`);
  assert.match(await page.textContent('.cm-error-message'), /SyntaxError/);
  assert.equal(await page.$$eval('.cm-error-gutter .cm-error-marker', (m) => m.length), 1);
  assert.match(await page.textContent('#console'), /SyntaxError/);
  await screenshot(page, 'playground-syntax-error.png');
  // Fixed, it runs, and the marks are gone.
  await setCode(page, 'import threading\n\nprint("one")\nprint("two")\n');
  await runOnce(page, { mode: 'gil' });
  assert.equal(await page.$('.cm-error-line'), null);
  assert.equal(await page.textContent('#console .line:last-child .text'), 'two');
});

test('an uncaught exception is marked at its line, its traceback in the stderr colour', async () => {
  const { page } = browser;
  await setCode(page, 'x = 1\ny = 0\nprint(x / y)\n');
  await runOnce(page, { mode: 'gil' });
  assert.equal(await page.getAttribute('.cm-error-line', 'data-error-line'), '3');
  assert.match(await page.textContent('.cm-error-message'), /ZeroDivisionError/);
  const stderr = await page.$$eval('#console .stderr', (ls) => ls.map((l) => l.textContent).join('\n'));
  assert.match(stderr, /ZeroDivisionError/);
  const [ink, normal] = await page.evaluate(() => [
    getComputedStyle(document.querySelector('#console .stderr .text')).color,
    getComputedStyle(document.getElementById('console')).color,
  ]);
  assert.notEqual(ink, normal);
});

test('keyboard: Ctrl+Enter runs, from the editor and from anywhere on the page', async () => {
  const { page } = browser;
  await pickPreset(page, 'lesson2');
  await page.click('.cm-content');
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(() => document.getElementById('reading').dataset.state === 'read');
  assert.match(await page.textContent('#reading'), /MainThread/);
  await page.click('#lesson-title');
  await page.evaluate(() => { document.getElementById('reading').dataset.state = 'waiting'; });
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(() => document.getElementById('reading').dataset.state === 'read');
  // Tab reaches the presets, the editor, the sliders and the run buttons, all real buttons/inputs.
  await page.evaluate(() => document.activeElement?.blur());
  const seen = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    seen.push(await page.evaluate(() => {
      const a = document.activeElement;
      return `${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ''}${a.classList.contains('cm-content') ? '.cm-content' : ''}${a.dataset.preset ? `[${a.dataset.preset}]` : ''}`;
    }));
    if (seen.at(-1) === 'div.cm-content') await page.keyboard.press('Escape');
  }
  for (const want of ['button[lesson1]', 'div.cm-content', 'input#param-THREADS', 'button#run', 'button#run-all', 'button#share']) {
    assert.ok(seen.includes(want), `Tab never reached ${want}: ${seen.join(' ')}`);
  }
  assert.ok(seen.indexOf('div.cm-content') < seen.indexOf('button#run'), 'the editor comes before Run');
  // Focus is visible: a keyboard-focused button has an outline.
  await page.focus('#run');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => {
    const cs = getComputedStyle(document.activeElement);
    return { id: document.activeElement.id, style: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
  });
  assert.equal(outline.id, 'run');
  assert.notEqual(outline.style, 'none');
  assert.ok(outline.width >= 2, `focus outline ${outline.width}px`);
});

test('Stop during "Run all three modes" stops the rest and says so on the cards', async () => {
  const { page } = browser;
  await pickPreset(page, 'lesson6');
  await page.click('#run-all');
  await page.waitForFunction(() => document.querySelector('#compare .card[data-mode="sequential"] .card-facts')?.textContent === 'running…');
  await page.waitForTimeout(700);
  await page.click('#stop');
  await page.waitForFunction(() => !document.body.classList.contains('is-running'), null, { timeout: 10_000 });
  await page.waitForFunction(() => document.querySelector('#compare .card[data-mode="sequential"] .card-facts')?.textContent !== 'running…');
  const facts = await page.$$eval('#compare .card .card-facts', (fs) => fs.map((f) => f.textContent));
  assert.deepEqual(facts, ['stopped (or failed)', 'not run', 'not run']);
  assert.equal(await page.textContent('#run-state'), 'Stopped.');
  assert.equal(await page.isDisabled('#run-all'), false);
});

test('the main thread never blocks for 50 ms while a program prints a lot', async (t) => {
  const { page } = browser;
  await setCode(page, `import threading

def chatter(n):
    for i in range(n):
        print("line", i)

threads = [threading.Thread(target=chatter, args=(5000,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
`);
  await page.evaluate(() => {
    window.longTasks = [];
    window.longTaskObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.longTasks.push({ start: e.startTime, duration: e.duration });
    });
    window.longTaskObserver.observe({ type: 'longtask' });
  });
  await runOnce(page, { mode: 'gil' });
  await page.waitForTimeout(300); // long-task entries arrive a little after their task
  // Only the tasks that began while the run was going (the page marks its start and end).
  const long = await page.evaluate(() => {
    window.longTaskObserver.disconnect();
    const start = Number(document.body.dataset.runStart);
    const end = Number(document.body.dataset.runEnd);
    return window.longTasks.filter((e) => e.start >= start && e.start < end).map((e) => e.duration);
  });
  const lines = Number(await page.getAttribute('#console', 'data-lines'));
  t.diagnostic(`${lines} lines printed; long tasks during the run: ${JSON.stringify(long.map(Math.round))}`);
  assert.equal(lines, 20_000);
  assert.deepEqual(long.filter((d) => d > 50), []);
});
