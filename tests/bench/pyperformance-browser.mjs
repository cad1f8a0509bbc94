// threadlab's wasm engine in headless Chromium as one more "peer" of tests/bench/pyperformance.sh:
// the same protocol as peers/run.mjs. The engine is loaded once (the embedding example page on the
// isolated dev server, then threadlab.ready()); each FILE then runs REPS times with run(code),
// one after the other, after one run that is not counted (V8 tiers the wasm up while it runs).
// For each FILE it writes the program's stdout (last run) to FILE with ".py" replaced by
// ".chromium.out" and prints "NAME <tab> seconds,... <tab> error" ("-" for an empty field); the
// first line is "load <tab> seconds". Each time is run()'s wall time in the page, so neither the
// page's load nor ready() is in it (as for the peers, and unlike the native runs, whose times are
// whole processes: start-up is a few ms there).
//
// usage: node tests/bench/pyperformance-browser.mjs REPS FILE...   (needs www/pkg: ./build.sh build)
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { startIsolatedServer } from '../e2e/lib/servers.mjs';
import { openBrowser } from '../e2e/lib/browser.mjs';
import { ROOT } from '../e2e/lib/paths.mjs';

const [repsArg, ...files] = process.argv.slice(2);
const reps = Number(repsArg);
if (!(reps >= 1) || files.length === 0) {
  console.error('usage: node pyperformance-browser.mjs REPS FILE...');
  process.exit(2);
}

const lastLine = (text) => {
  const lines = String(text).split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
  return lines.length ? lines[lines.length - 1] : String(text);
};

// The error a run ended with, as the native runner prints it last on stderr.
const runError = (report) => (report.error ? lastLine(report.stderr || JSON.stringify(report.error)) : '');

async function main() {
  if (!existsSync(join(ROOT, 'www', 'pkg', 'threadlab.js'))) {
    console.log('load\t-\twww/pkg is not built: run ./build.sh build');
    return;
  }
  const server = await startIsolatedServer();
  const browser = await openBrowser();
  try {
    const page = await browser.page.context().newPage();
    const started = performance.now();
    await page.goto(`${server.url}threadlab/example.html`);
    await page.evaluate(async () => (await import('/threadlab.js')).ready());
    console.log(`load\t${((performance.now() - started) / 1000).toFixed(4)}`);
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      const { times, stdout, error } = await page.evaluate(
        async ([code, reps]) => {
          const tl = await import('/threadlab.js');
          const times = [];
          let stdout = '';
          for (let i = 0; i <= reps; i++) {
            const t0 = performance.now();
            const report = await tl.run(code, { mode: 'gil' });
            const secs = (performance.now() - t0) / 1000;
            if (report.error) return { times, stdout: report.stdout, error: report };
            if (i > 0) times.push(secs);
            stdout = report.stdout;
          }
          return { times, stdout, error: null };
        },
        [code, reps],
      );
      writeFileSync(file.replace(/\.py$/, '.chromium.out'), stdout);
      const why = error ? runError(error) : '';
      console.log(`${basename(file, '.py')}\t${times.map((t) => t.toFixed(4)).join(',') || '-'}\t${why.replace(/\s+/g, ' ') || '-'}`);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

main()
  .catch((e) => console.log(`load\t-\t${lastLine(e?.message ?? e)}`))
  .finally(() => process.exit(0));
