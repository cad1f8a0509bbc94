// Headless Chromium from the system (build.sh finds it and sets CHROMIUM), driven by playwright-core.
import { chromium } from 'playwright-core';
import { mkdtemp, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCREENSHOTS } from './paths.mjs';

// Without the background-networking flags Chromium floods a closed network with refused
// connections (docs/wasm-threads.md, "Testing").
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Opens a fresh browser profile. Resolves with { page, logs, close }. */
export async function openBrowser() {
  const profile = await mkdtemp(join(tmpdir(), 'threadlab-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ARGS,
    headless: true,
    viewport: { width: 1000, height: 760 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // Kept for failure messages: what the page and its workers said.
  const logs = [];
  page.on('console', (m) => logs.push(`console.${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  page.on('worker', (w) => logs.push(`worker started: ${w.url()}`));
  return {
    page,
    logs,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, name);
  await page.screenshot({ path, fullPage: true });
  return path;
}
