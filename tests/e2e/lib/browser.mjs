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

/**
 * Opens a fresh browser profile. Resolves with { page, context, logs, close }.
 * @param {object} [o]
 * @param {'allow'|'block'} [o.serviceWorkers]  'block': as where browsers offer none
 */
export async function openBrowser({ serviceWorkers = 'allow' } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'threadlab-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ARGS,
    headless: true,
    viewport: { width: 1000, height: 760 },
    serviceWorkers,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // Kept for failure messages: what the page and its workers said.
  const logs = [];
  page.on('console', (m) => logs.push(`console.${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  page.on('worker', (w) => logs.push(`worker started: ${w.url()}`));
  return {
    page,
    context,
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

/**
 * Records every Content-Security-Policy violation in the page and its frames (read them with
 * cspViolations(page)): a policy that blocks something the app needs shows up here.
 */
export async function watchCsp(context) {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
}

export function cspViolations(pageOrFrame) {
  return pageOrFrame.evaluate(() => window.__cspViolations ?? []);
}
