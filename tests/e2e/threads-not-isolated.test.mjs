// www/threadlab.js on a server without COOP/COEP: no shared memory, so no thread workers. The
// engine still runs programs without threads, Thread.start() says why it cannot, and Stop works
// by ending the engine worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPlainServer } from './lib/servers.mjs';
import { openBrowser } from './lib/browser.mjs';

let server;
let browser;

before(async () => {
  server = await startPlainServer();
  browser = await openBrowser();
  await browser.page.goto(`${server.url}threadlab/example.html`);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('without isolation: programs without threads run; threads explain COOP/COEP; Stop works', async () => {
  const r = await browser.page.evaluate(async () => {
    const threadlab = await import('/threadlab.js');
    const info = await threadlab.ready();
    const plain = await threadlab.run('print(sum(range(10)))');
    const threaded = await threadlab.run('import threading\nthreading.Thread(target=print).start()\n');
    const long = threadlab.run('import time\ntime.sleep(60)\n');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await threadlab.stop();
    const stopped = await long.then(() => 'resolved', (e) => e.message);
    const after = await threadlab.run('print("again")');
    return { info, plain, threaded, stopped, after };
  });
  assert.equal(r.info.isolated, false, browser.logs.join('\n'));
  assert.equal(r.info.warmWorkers, 0);
  assert.equal(r.plain.stdout, '45\n');
  assert.equal(r.threaded.error?.type, 'RuntimeError');
  assert.match(r.threaded.error.message, /can't start new thread \(this page is not cross-origin isolated/);
  assert.match(r.threaded.stderr, /Cross-Origin-Opener-Policy: same-origin/);
  assert.match(r.stopped, /stopped/);
  assert.equal(r.after.stdout, 'again\n');
});
