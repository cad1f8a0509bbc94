// One server and one browser for a test file, the set-up most e2e files share.
import { startIsolatedServer } from './servers.mjs';
import { openBrowser } from './browser.mjs';

export const ENGINE_READY = '#engine-chip[data-state="ready"]';

/**
 * Starts a server (`start`, the isolated dev server unless told) and a fresh browser; with
 * `path`, opens server.url + path; with `readyTimeout` (ms), waits for the engine chip to say
 * ready. Resolves with { server, browser }. What it started is stopped again if a step fails,
 * as the file's after() would have done.
 */
export async function openServedPage({ start = startIsolatedServer, browserOptions, path, readyTimeout } = {}) {
  const server = await start();
  let browser;
  try {
    browser = await openBrowser(browserOptions);
    if (path !== undefined) await browser.page.goto(`${server.url}${path}`);
    if (readyTimeout) await browser.page.waitForSelector(ENGINE_READY, { timeout: readyTimeout });
  } catch (e) {
    await closeServedPage({ server, browser });
    throw e;
  }
  return { server, browser };
}

export async function closeServedPage({ server, browser }) {
  await browser?.close();
  await server?.stop();
}
