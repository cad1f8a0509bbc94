// The standard modules written in Python are not in the page's wasm (feature lazy-pylib,
// src/vm/modules/pylib.rs): the engine fetches each one's file from pkg/pylib/ the first time a
// run imports it, on whichever worker imports it (the engine worker, a thread worker, or the
// engine worker with green threads), and never again in that engine. The output matches
// python3's; nothing is fetched before a program imports; a file that cannot be fetched is an
// ImportError naming it, and the next run works.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startStaticServer, ISOLATED_PAGE_HEADERS } from './lib/static-server.mjs';
import { ROOT } from './lib/paths.mjs';
import { closeServedPage, openServedPage } from './lib/served-page.mjs';

const WWW = join(ROOT, 'www');
const CORP = [['Cross-Origin-Resource-Policy', 'cross-origin']];

// collections and datetime on the main thread, textwrap first imported on another thread, and
// json (a package: pylib/json/__init__.py).
const PROGRAM = `import collections, datetime, threading
counts = collections.Counter("mississippi")
print(sorted(counts.items()))
print(datetime.date(2024, 2, 28) + datetime.timedelta(days=2))
out = []
def worker():
    import textwrap, json
    out.append(textwrap.fill("the quick brown fox jumps over the lazy dog", width=12))
    out.append(json.dumps({"b": [1, 2.5, None], "a": "x"}, sort_keys=True))
t = threading.Thread(target=worker)
t.start()
t.join()
print("\\n".join(out))
`;
const FILES = ['/pkg/pylib/collections.py', '/pkg/pylib/datetime.py', '/pkg/pylib/textwrap.py', '/pkg/pylib/json/__init__.py'];

const expected = execFileSync('python3', ['-c', PROGRAM], { encoding: 'utf8' });
const pylibRequests = (server) => server.requests.filter((p) => p.startsWith('/pkg/pylib/'));

async function runIn(page, code, options) {
  return page.evaluate(async ([c, o]) => {
    const threadlab = await import('/threadlab.js');
    return threadlab.run(c, o);
  }, [code, options]);
}

for (const [name, headers, mode] of [
  ['cross-origin isolated (thread workers)', [...ISOLATED_PAGE_HEADERS, ...CORP], 'free'],
  ['not isolated (green threads on the engine worker)', [], 'gil'],
]) {
  describe(name, () => {
    let server;
    let browser;
    before(async () => {
      ({ server, browser } = await openServedPage({
        start: () => startStaticServer({ root: WWW, headers }),
        path: 'threadlab/example.html',
      }));
      await browser.page.evaluate(async () => (await import('/threadlab.js')).ready());
    });
    after(() => closeServedPage({ server, browser }));

    test('modules load when first imported, once per engine, and run as in python3', async () => {
      const { page, logs } = browser;
      assert.equal(await page.evaluate(() => crossOriginIsolated), headers.length > 0);
      const atStart = pylibRequests(server);
      assert.deepEqual(atStart.filter((f) => FILES.includes(f)), [], `fetched before a program imported them: ${atStart}`);
      const first = await runIn(page, PROGRAM, { mode });
      assert.equal(first.stdout, expected, `${first.stderr}\n${logs.join('\n')}`);
      assert.equal(first.error, null);
      if (mode === 'free') assert.ok(first.threads[1].native_id > 0, 'the thread ran on a thread worker');
      // Each file once, including the ones these modules import themselves.
      const fetched = pylibRequests(server);
      for (const f of FILES) assert.ok(fetched.includes(f), `${f} not fetched: ${fetched}`);
      assert.deepEqual(fetched, [...new Set(fetched)], 'a file fetched twice');
      const second = await runIn(page, PROGRAM, { mode });
      assert.equal(second.stdout, expected, second.stderr);
      assert.deepEqual(pylibRequests(server), fetched, 'the second run fetched nothing');
    });
  });
}

describe('a module file that cannot be fetched', () => {
  let server;
  let browser;
  before(async () => ({ server, browser } = await openServedPage({
    start: () => startStaticServer({ root: WWW, headers: [...ISOLATED_PAGE_HEADERS, ...CORP] }),
    path: 'threadlab/example.html',
  })));
  after(() => closeServedPage({ server, browser }));

  test('is an ImportError naming the file, and a later run imports it', async () => {
    const { page, context } = browser;
    await context.route('**/pkg/pylib/heapq.py', (route) => route.fulfill({ status: 404, body: 'gone' }));
    const failed = await runIn(page, 'import heapq\n', { mode: 'gil' });
    assert.equal(failed.error?.type, 'ImportError', failed.stderr);
    assert.match(failed.error.message, /^cannot load module 'heapq': pylib\/heapq\.py: HTTP 404/);
    await context.unroute('**/pkg/pylib/heapq.py');
    const later = await runIn(page, 'import heapq\nh = [5, 1, 3]\nheapq.heapify(h)\nprint(heapq.heappop(h), h)\n', { mode: 'gil' });
    assert.equal(later.stdout, '1 [3, 5]\n', later.stderr);
  });
});
