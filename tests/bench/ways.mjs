// "Threads, processes or asyncio?" natively: the preset's own program (www/js/ways.js), run
// six times (CPU/I-O job x threads/process pool/asyncio) by the native runner under the GIL,
// then python3 on the same six, alternating, REPS times; the medians go through the page's own
// reading code (waysReading), so the sentence printed is the one the page would show for them.
//
//   node tests/bench/ways.mjs [path/to/threadlab]     REPS=3 by default
//
// threadlab's time is the report's wall_ms (`--json`), as in the page; python3's is the whole
// process's wall time (start-up included, about 20 ms), so its column runs a little long.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir, loadavg, availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { RUNS, WAYS_CODE, variant, waysReading } from '../../www/js/ways.js';

const bin = resolve(process.argv[2] ?? 'target/release/threadlab');
const reps = Number(process.env.REPS ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'ways-'));
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

try {
  const files = Object.fromEntries(RUNS.map(({ key, job, way }) => {
    const file = join(dir, `${key}.py`);
    writeFileSync(file, variant(WAYS_CODE, job, way));
    return [key, file];
  }));
  const times = Object.fromEntries(RUNS.map(({ key }) => [key, { threadlab: [], python3: [] }]));
  const last = {};
  console.log(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${availableParallelism()} cores; REPS=${reps}`);
  for (let rep = 0; rep < reps; rep++) {
    for (const { key } of RUNS) {
      const report = JSON.parse(execFileSync(bin, ['run', '--mode', 'gil', '--json', files[key]], { encoding: 'utf8', maxBuffer: 1 << 28 }));
      if (report.error) throw new Error(`${key}: ${report.error.type}: ${report.error.message}`);
      times[key].threadlab.push(report.wall_ms);
      last[key] = report;
      const t0 = performance.now();
      const out = execFileSync('python3', [files[key]], { encoding: 'utf8' });
      times[key].python3.push(performance.now() - t0);
      if (out !== report.stdout) throw new Error(`${key}: threadlab printed ${JSON.stringify(report.stdout)}, python3 ${JSON.stringify(out)}`);
    }
  }
  console.log('\n| run | threadlab s (median) | python3 s (median) |\n|---|---|---|');
  for (const { key } of RUNS) {
    console.log(`| ${key} | ${(median(times[key].threadlab) / 1000).toFixed(2)} | ${(median(times[key].python3) / 1000).toFixed(2)} |`);
  }
  const reading = (col) => waysReading({
    reports: Object.fromEntries(RUNS.map(({ key }) => [key, { ...last[key], wall_ms: median(times[key][col]) }])),
    env: { cores: availableParallelism() },
  })?.text;
  console.log(`\nthreadlab's reading: ${reading('threadlab')}`);
  console.log(`python3's figures, read the same way: ${reading('python3')}`);
  console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
