// The page's Run does not wait for the editor bundle: a plain textarea holds the program first,
// and CodeMirror replaces it once www/vendor/codemirror.js has loaded, keeping what the learner
// typed meanwhile, and where the cursor was. The bundle is held back here until the test lets it go.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from './lib/browser.mjs';
import { closeServedPage, openServedPage } from './lib/served-page.mjs';

let server;
let browser;

before(async () => ({ server, browser } = await openServedPage()));
after(() => closeServedPage({ server, browser }));

test('Run is enabled before CodeMirror loads; an edit made in the textarea survives the swap and is what runs', async () => {
  const { page } = browser;
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/vendor/codemirror.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(server.url);
  await page.waitForFunction(() => !document.getElementById('run').disabled, null, { timeout: 90_000 });
  assert.equal(await page.locator('.cm-content').count(), 0, 'CodeMirror is held back');
  const area = page.locator('#editor textarea.plain-editor');
  await area.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nprint("typed before the swap")\n');
  await screenshot(page, 'editor-before-swap.png');
  const typed = await page.evaluate(() => window.playground.editor.getCode());
  assert.match(typed, /print\("typed before the swap"\)\n$/);

  release();
  await page.waitForSelector('#editor .cm-content');
  assert.equal(await area.count(), 0, 'the textarea is gone');
  const after = await page.evaluate(() => {
    const { view } = window.playground.editor;
    return { code: view.state.doc.toString(), head: view.state.selection.main.head, focused: view.hasFocus };
  });
  assert.equal(after.code, typed);
  assert.equal(after.head, typed.length, 'the cursor stays at the end, where the typing left it');
  assert.equal(after.focused, true);
  // Typing goes on where it was, in CodeMirror now.
  await page.keyboard.type('print("typed after")');
  await page.click('#run');
  await page.waitForFunction(() => /typed after/.test(document.getElementById('console').textContent), null, { timeout: 60_000 });
  assert.match(await page.textContent('#console'), /typed before the swap[\s\S]*typed after/);
  await screenshot(page, 'editor-after-swap.png');
});
