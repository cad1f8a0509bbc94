// The learner's code is never lost, links say what they are, and failed runs are not compared:
// - the editor's content and settings survive a reload, and a reload after an engine crash;
// - a lesson picked over edits keeps them, and "Restore it" brings them back (so does a link);
// - a share link whose code is not the lesson it names shows as "a shared program";
// - share links are capped in size, with a message, both ways (making and opening);
// - "Run all three modes" with a run that failed says it failed, never "faster" (isolated page
//   and the page without isolation, the case in issue 13's table).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from './lib/browser.mjs';
import { openTwoPages } from './lib/two-pages.mjs';

let pages;
let page;
let url;

before(async () => {
  pages = await openTwoPages();
  ({ page, url } = pages.workers);
});

after(() => pages?.close());

async function open(p, address) {
  await p.goto(address);
  await p.waitForSelector('#engine-chip[data-state="ready"], #engine-chip[data-state="limited"]', { timeout: 90_000 });
}

/** A fresh start: no saved draft, nothing kept, the first lesson. */
async function fresh(p = page, address = url) {
  // Cleared once the page has settled, or its start-up would save its draft again after it.
  await open(p, url);
  await p.evaluate(() => localStorage.clear());
  await open(p, address);
}

const code = (p = page) => p.evaluate(() => window.playground.editor.getCode());
/** Types at the end of the program, as a person would (the editor's own input path). */
async function type(p, text) {
  await p.click('.cm-content');
  await p.keyboard.press('Control+End');
  await p.keyboard.type(text);
}

async function runAndWait(p, button = '#run') {
  await p.evaluate(() => { document.getElementById('run-state').textContent = 'waiting for the test'; });
  await p.click(button);
  // Done when the status line has its final word: not "Running…", and no card still running.
  await p.waitForFunction(() => !/^(Running|waiting for the test)/.test(document.getElementById('run-state').textContent)
    && !document.body.classList.contains('is-running')
    && ![...document.querySelectorAll('#compare .card-facts')].some((f) => f.textContent === 'running…'), null, { timeout: 120_000 });
}

test('the code and the settings survive a reload', async () => {
  await fresh();
  await type(page, '\nprint("kept across a reload")\n');
  await page.check('input[name="mode"][value="free"]');
  await page.fill('#switch-interval', '7.5');
  await page.dispatchEvent('#switch-interval', 'change');
  const before = await code();
  assert.match(before, /kept across a reload/);
  await open(page, url);
  assert.equal(await code(), before);
  assert.equal(await page.isChecked('input[name="mode"][value="free"]'), true);
  assert.equal(await page.inputValue('#switch-interval'), '7.5');
  // It is still the lesson it was edited from (the learner's own edits, not a stranger's).
  assert.equal(await page.getAttribute('#lesson', 'data-preset'), 'lesson1');
});

test('a reload after the engine crashed keeps the code', async () => {
  await fresh();
  const crashing = 'import _threadlab\nprint("about to crash")\n_threadlab.debug_crash("panic")\n';
  await page.evaluate((c) => window.playground.editor.setCode(c), crashing);
  await runAndWait(page);
  assert.match(await page.textContent('#run-state'), /crashed/);
  await open(page, url);
  assert.equal(await code(), crashing);
});

test('a lesson picked over edits keeps them, and "Restore it" brings them back', async () => {
  await fresh();
  assert.equal(await page.isHidden('#kept'), true);
  // No edits: picking another lesson keeps nothing and says nothing.
  await page.click('.preset[data-preset="lesson2"]');
  assert.equal(await page.isHidden('#kept'), true);
  await type(page, '\nprint("my edit")\n');
  const mine = await code();
  await page.click('.preset[data-preset="lesson5"]');
  assert.equal(await page.getAttribute('#lesson', 'data-preset'), 'lesson5');
  assert.doesNotMatch(await code(), /my edit/);
  assert.equal(await page.isVisible('#kept'), true);
  assert.match(await page.textContent('#kept-text'), /^Your edited program was kept when Lesson 5: .* replaced it\.$/);
  await screenshot(page, 'keep-code-kept.png');
  // Still there after a reload (it is in localStorage), and it comes back.
  await page.click('#kept-restore');
  assert.equal(await code(), mine);
  assert.equal(await page.getAttribute('#lesson', 'data-preset'), 'lesson2');
  assert.equal(await page.isHidden('#kept'), true);
  assert.equal(await page.evaluate(() => location.hash), '#preset=lesson2');
  await open(page, `${url}#preset=lesson2`);
  assert.equal(await code(), mine, 'the restored program is the saved draft');
});

test('opening a link over edits keeps them too', async () => {
  await fresh();
  await type(page, '\nprint("before the link")\n');
  const mine = await code();
  const link = await page.evaluate(async () => {
    const { encodeState } = await import('./js/share.js');
    return encodeState({ code: 'print("from a link")\n', mode: 'gil', switchInterval: 0.005, preset: null });
  });
  await open(page, `${url}#${link}`);
  assert.equal(await code(), 'print("from a link")\n');
  assert.equal(await page.isVisible('#kept'), true);
  assert.match(await page.textContent('#kept-text'), /the link you opened/);
  await page.click('#kept-restore');
  assert.equal(await code(), mine);
});

test('a link whose code is not the lesson it names shows as a shared program', async () => {
  await fresh();
  const links = await page.evaluate(async () => {
    const { encodeState } = await import('./js/share.js');
    const { presetById } = await import('./js/presets.js');
    const lesson6 = presetById('lesson6').code;
    return {
      stranger: await encodeState({ code: 'print("not lesson 6 at all")\n', mode: 'gil', switchInterval: 0.005, preset: 'lesson6' }),
      // Only a `# param:` value moved: still Lesson 6, and it says so.
      params: await encodeState({ code: lesson6.replace(/LATENCY = [\d.]+/, 'LATENCY = 0.5'), mode: 'gil', switchInterval: 0.005, preset: 'lesson6' }),
      changedLesson: lesson6 !== lesson6.replace(/LATENCY = [\d.]+/, 'LATENCY = 0.5'),
    };
  });
  assert.equal(links.changedLesson, true, 'lesson 6 has a LATENCY parameter');
  await open(page, `${url}#${links.stranger}`);
  assert.equal(await page.textContent('#lesson-title'), 'A shared program');
  assert.equal(await page.getAttribute('#lesson', 'data-preset'), '');
  assert.equal(await page.getAttribute('#lesson', 'data-shared'), 'true');
  const claim = await page.textContent('#claim');
  const lesson6 = await page.evaluate(async () => (await import('./js/presets.js')).presetById('lesson6'));
  assert.notEqual(claim, lesson6.claim);
  assert.match(claim, /share link/);
  assert.match(await page.textContent('#preset-note'), /names Lesson 6: downloads, but its program is not that lesson's/);
  assert.equal(await page.getAttribute('.preset[data-preset="lesson6"]', 'aria-pressed'), 'false');
  await screenshot(page, 'keep-code-shared-program.png');
  await open(page, `${url}#${links.params}`);
  assert.equal(await page.textContent('#lesson-title'), lesson6.title);
  assert.equal(await page.textContent('#claim'), lesson6.claim);
});

test('share links are capped: too long to make, too long to open, too large to unpack', async () => {
  await fresh();
  const caps = await page.evaluate(async () => {
    const { MAX_LINK_CHARS, MAX_PROGRAM_BYTES } = await import('./js/share.js');
    return { MAX_LINK_CHARS, MAX_PROGRAM_BYTES };
  });
  // Text that does not compress: random letters, more than the link may hold.
  const big = await page.evaluate((n) => {
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(97 + Math.floor(Math.random() * 26));
    return `x = "${s}"\nprint(len(x))\n`;
  }, caps.MAX_LINK_CHARS * 2);
  await page.evaluate((c) => window.playground.editor.setCode(c), big);
  await page.click('#share');
  await page.waitForFunction(() => /too long for a share link/.test(document.getElementById('run-state').textContent));
  assert.match(await page.textContent('#run-state'), /the link would be \d+ KB, and links are capped at 64 KB/);
  assert.equal(await page.isHidden('#share-result'), true, 'no link made');
  assert.doesNotMatch(await page.evaluate(() => location.hash), /^#s=/);
  await screenshot(page, 'keep-code-share-too-long.png');

  // Opening: a link past the cap is refused with a message, and the page still works.
  const long = `s=j.${'A'.repeat(caps.MAX_LINK_CHARS + 10)}`;
  await fresh(page, `${url}#${long}`);
  assert.match(await page.textContent('#errors-text'), /This share link could not be opened: the link is 65 KB long, and threadlab opens share links up to 64 KB\./);
  // A small link that unpacks to more than the cap (it compresses 1000:1) is refused too.
  const bomb = await page.evaluate(async (n) => {
    const { encodeState } = await import('./js/share.js');
    // Made under the cap, then its JSON grown past it by compressing by hand.
    const json = JSON.stringify({ v: 1, code: ' '.repeat(n + 1), mode: 'gil', si: 0.005, p: null });
    const out = new Blob([new TextEncoder().encode(json)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(out).arrayBuffer());
    let bin = '';
    for (const b of bytes) bin += String.fromCharCode(b);
    void encodeState;
    return `s=z.${btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
  }, caps.MAX_PROGRAM_BYTES);
  assert.ok(bomb.length < 4096, `the bomb is small: ${bomb.length}`);
  await fresh(page, `${url}#${bomb}`);
  assert.match(await page.textContent('#errors-text'), /This share link could not be opened: its program is larger than 256 KB, the most a share link may hold\./);
});

// Sequential runs the thread inside start(), so `done` is set before the check; with threads
// (GIL, free-threaded) the main thread checks at once, while the thread still sleeps: it fails.
const FAILS_WITH_THREADS = `import threading, time
done = []
def work():
    time.sleep(0.5)
    done.append(1)
t = threading.Thread(target=work, daemon=True)
t.start()
if not done:
    raise RuntimeError("the thread has not finished")
print("finished")
`;

for (const which of ['workers', 'green']) {
  test(`"Run all three modes": a failed run says it failed, never "faster" (${which === 'green' ? 'page not isolated' : 'isolated page'})`, async () => {
    const p = pages[which].page;
    await fresh(p, pages[which].url);
    await p.evaluate((c) => window.playground.editor.setCode(c), FAILS_WITH_THREADS);
    await runAndWait(p, '#run-all');
    const cards = await p.$$eval('#compare .card', (list) => list.map((c) => ({
      mode: c.dataset.mode, failed: c.dataset.failed === 'true', text: c.querySelector('.card-facts').textContent,
    })));
    const seq = cards.find((c) => c.mode === 'sequential');
    assert.equal(seq.failed, false, JSON.stringify(cards));
    const threaded = which === 'green' ? ['gil'] : ['gil', 'free'];
    for (const mode of threaded) {
      const card = cards.find((c) => c.mode === mode);
      assert.equal(card.failed, true, JSON.stringify(card));
      assert.match(card.text, /^failed with RuntimeError at line 9 after \d/);
      assert.match(card.text, /RuntimeError: the thread has not finished/);
      assert.doesNotMatch(card.text, /faster|× the sequential time/);
    }
    const status = await p.textContent('#run-state');
    assert.match(status, /GIL failed with RuntimeError/);
    assert.match(status, /not compared/);
    assert.doesNotMatch(await p.textContent('#reading'), /faster/);
    await screenshot(p, `keep-code-failed-card-${which}.png`);
  });
}
