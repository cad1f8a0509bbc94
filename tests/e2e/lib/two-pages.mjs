// The same page twice: served with the isolation headers (threads on workers) and without them
// (green threads on the engine's one worker), each in a browser of its own.
import { startIsolatedServer, startPlainServer } from './servers.mjs';
import { openBrowser } from './browser.mjs';

/** Resolves with { workers: {page, logs, url}, green: {page, logs, url}, close }. */
export async function openTwoPages() {
  const [isolated, plain] = await Promise.all([startIsolatedServer(), startPlainServer()]);
  const [a, b] = await Promise.all([openBrowser(), openBrowser({ serviceWorkers: 'block' })]);
  await Promise.all([a.page.goto(isolated.url), b.page.goto(plain.url)]);
  return {
    workers: { ...a, url: isolated.url },
    green: { ...b, url: plain.url },
    close: async () => {
      await Promise.all([a.close(), b.close()]);
      await Promise.all([isolated.stop(), plain.stop()]);
    },
  };
}

/**
 * Watches the header's engine chip from now on; resolves with the `state:text` it showed, in
 * order, once it says ready again.
 */
export function chipUntilReady(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const chip = document.getElementById('engine-chip');
    const seen = [];
    new MutationObserver(() => {
      const now = `${chip.dataset.state}:${chip.textContent}`;
      if (seen.at(-1) !== now) seen.push(now);
      if (chip.dataset.state === 'ready') resolve(seen);
    }).observe(chip, { childList: true, characterData: true, subtree: true, attributes: true });
  }));
}
