// What a run's report proves about the mechanism, whatever the machine's speed: who ran when
// (timeline spans), how often the GIL changed hands, and in which order things happened. The
// page tests assert these instead of wall-clock figures, which a quiet machine makes too small
// and a loaded one too large (timing claims live in `./build.sh bench` and BENCHMARKS.md).
import assert from 'node:assert/strict';

/** The lane of the thread named `name` (or the first whose name starts with it). */
export function lane(report, name) {
  const found = report.threads.find((t) => t.name === name) ?? report.threads.find((t) => t.name.startsWith(name));
  assert.ok(found, `no thread ${name} in ${report.threads.map((t) => t.name).join(', ')}`);
  return found;
}

/** The lanes of Python threads other than MainThread, in creation order. */
export const workerLanes = (report) => report.threads.filter((t) => t.name !== 'MainThread');

export const spansOf = (l, state) => l.spans.filter((s) => s.state === state);

// Each worker stamps spans with performance.timeOrigin + performance.now(), which Chromium
// coarsens (5 µs when isolated, plus jitter) and whose origins differ slightly per worker: two
// workers' stamps of one hand-off can disagree by some microseconds. Comparisons across threads
// allow this much.
export const CLOCK_SLACK_MS = 0.05;

const meets = (x, y) => x.start_ms < y.end_ms - CLOCK_SLACK_MS && y.start_ms < x.end_ms - CLOCK_SLACK_MS;

/** Whether some `state` span of lane `a` overlaps some `state` span of lane `b` in time. */
export const overlapIn = (a, b, state) => spansOf(a, state).some((x) => spansOf(b, state).some((y) => meets(x, y)));

/** From a thread's first span that is not `done` to the end of its last one. */
export function lifetime(l) {
  const live = l.spans.filter((s) => s.state !== 'done');
  return { start: live[0].start_ms, end: live.at(-1).end_ms };
}

/** How long the named threads were all alive at once, in ms (0 if never). */
export function aliveTogetherMs(report, names) {
  const lives = names.map((n) => lifetime(lane(report, n)));
  return Math.max(0, Math.min(...lives.map((l) => l.end)) - Math.max(...lives.map((l) => l.start)));
}

/**
 * Whether the named threads lived side by side long enough for the GIL to change hands a few
 * times (4 switch intervals). A loaded machine can start a thread's worker so late that the
 * first thread is done before the second begins (CPython can too): such a run shows nothing
 * about the GIL, so a test runs the program again rather than read it. Returns true, or why not.
 */
export function couldTrade(report, names) {
  const together = aliveTogetherMs(report, names);
  const need = 4 * report.switch_interval * 1000;
  return together >= need || `${names.join(' and ')} were alive together for ${together.toFixed(1)} ms only (${report.mode})`;
}

/** Runs `attempt()` up to 3 times until `ready(result)` is true (else it says why); fails after 3. */
export async function untilShown(t, what, attempt, ready) {
  for (let i = 1; i <= 3; i++) {
    const got = await attempt();
    const why = ready(got);
    if (why === true) return got;
    t.diagnostic(`attempt ${i}: ${why}; running again`);
  }
  assert.fail(`${what}: not one of 3 runs could show it (is the machine overloaded?)`);
}

/** GIL: one thread runs at a time — no two `running` spans of different threads overlap. */
export function assertOneRunnerAtATime(report) {
  const spans = report.threads.flatMap((t) => spansOf(t, 'running').map((s) => ({ ...s, thread: t.name })))
    .sort((a, b) => a.start_ms - b.start_ms);
  for (let i = 1; i < spans.length; i++) {
    // A hand-off is stamped by both sides: the next span starts where (or after) the previous
    // one ended, up to the workers' clock slack.
    assert.ok(spans[i].start_ms >= spans[i - 1].end_ms - CLOCK_SLACK_MS || spans[i].thread === spans[i - 1].thread,
      `${spans[i - 1].thread} ran ${spans[i - 1].start_ms}..${spans[i - 1].end_ms} while ${spans[i].thread} ran from ${spans[i].start_ms}`);
  }
}

/** GIL with CPU-bound threads: the GIL changed hands, and each thread waited for it while another ran. */
export function assertGilTraded(report, names) {
  assert.equal(report.mode, 'gil');
  assert.ok(report.gil_switches > 0, `no GIL switches: ${report.gil_switches}`);
  assertOneRunnerAtATime(report);
  for (const name of names) {
    const waits = spansOf(lane(report, name), 'waiting_gil');
    assert.ok(waits.length > 0, `${name} never waited for the GIL`);
    const others = report.threads.filter((t) => t.name !== lane(report, name).name);
    assert.ok(waits.some((w) => others.some((o) => spansOf(o, 'running').some((r) => meets(w, r)))),
      `${name} waited for the GIL, but never while another thread ran`);
  }
}

/** Sequential: each thread's life lies after the previous one's, in start order. */
export function assertOneAfterAnother(report, names) {
  assert.equal(report.gil_switches, 0);
  const lives = names.map((n) => lifetime(lane(report, n)));
  for (let i = 1; i < lives.length; i++) {
    assert.ok(lives[i].start >= lives[i - 1].end - CLOCK_SLACK_MS, `${names[i]} began at ${lives[i].start}, before ${names[i - 1]} ended at ${lives[i - 1].end}`);
  }
}

/** How many cores the browser says it has; free-threaded overlap needs at least 2. */
export async function cores(page) {
  return page.evaluate(() => navigator.hardwareConcurrency);
}

/** Free-threaded on 2+ cores: the named threads' `running` spans overlap. With 1 core, says why it skips. */
export function assertRanTogether(report, names, nCores, t) {
  assert.equal(report.mode, 'free');
  assert.equal(report.gil_switches, 0);
  if (nCores < 2) {
    t.diagnostic(`skipped the parallel-overlap check: navigator.hardwareConcurrency is ${nCores}`);
    return;
  }
  const [a, b] = names.map((n) => lane(report, n));
  assert.ok(overlapIn(a, b, 'running'), `${a.name} and ${b.name} never ran at the same time`);
}

/** `ms` as the page writes a duration: "250 ms" or "2.00 s" (www/js/presets.js). */
export const pageSeconds = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);

/** The reports the page's last runs produced, by mode. */
export const pageReports = (page) => page.evaluate(() => window.playground.results().reports);
