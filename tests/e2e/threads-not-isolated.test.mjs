// www/threadlab.js on a server without COOP/COEP: no shared memory, so no thread workers. The
// engine runs programs, their threads as green threads on its own worker (green-threads.test.mjs
// has the lessons), and Stop works by ending the engine worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPlainServer } from './lib/servers.mjs';
import { closeServedPage, openServedPage } from './lib/served-page.mjs';

let server;
let browser;

before(async () => ({ server, browser } = await openServedPage({ start: startPlainServer, path: 'threadlab/example.html' })));

after(() => closeServedPage({ server, browser }));

test('without isolation: programs run, threads as green threads; Stop works', async () => {
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
  assert.equal(r.threaded.error, null, r.threaded.stderr);
  assert.equal(r.threaded.stdout, '\n');
  assert.equal(r.threaded.engine, 'green');
  assert.match(r.stopped, /stopped/);
  assert.equal(r.after.stdout, 'again\n');
});
