// "Threads, processes or asyncio?" in headless Chromium: the preset as shipped, "Run the six" in
// the served (cross-origin isolated) page, REPS times; prints each round's six times and the
// reading the page shows. Usage: node tests/bench/ways-browser.mjs   (REPS=1 by default; needs
// www/pkg built: ./build.sh build; run by tests/bench/run.sh and ./build.sh bench)
import { loadavg } from 'node:os';
import { startIsolatedServer } from '../e2e/lib/servers.mjs';
import { openBrowser } from '../e2e/lib/browser.mjs';

const REPS = Number(process.env.REPS || 1);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const server = await startIsolatedServer();
const browser = await openBrowser();
try {
  const { page } = browser;
  await page.goto(server.url + '#preset=ways');
  await page.waitForSelector('#engine-chip[data-state="ready"]', { timeout: 90_000 });
  await page.waitForFunction(() => !document.getElementById('run-all').disabled);
  console.log(`cores (navigator.hardwareConcurrency): ${await page.evaluate(() => navigator.hardwareConcurrency)}`);
  for (let i = 0; i < REPS; i++) {
    const before = load();
    await page.evaluate(() => { document.getElementById('reading').dataset.state = 'waiting'; });
    await page.click('#run-all');
    await page.waitForFunction(() => !document.body.classList.contains('is-running') && document.getElementById('reading').dataset.state === 'read', null, { timeout: 300_000 });
    const data = JSON.parse(await page.getAttribute('#reading', 'data-reading'));
    const times = Object.entries(data.ms).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`).join(', ');
    console.log(`round ${i + 1} (load average ${before} -> ${load()}): ${times}`);
    console.log(`  reading: ${(await page.textContent('#reading')).trim()}`);
  }
} finally {
  await browser.close();
  await server.stop();
}
