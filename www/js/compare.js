/**
 * "The lesson in one picture": the downloads preset (waiting work) and the counting preset
 * (computing work), each run in all three modes, and the same two programs with processes
 * instead of threads (under the GIL), in one grouped bar chart with a one-line caption computed
 * from what was measured.
 *
 * API
 *   import { runLessonInOnePicture, drawLessonPicture, PROCESS_PROGRAMS } from './js/compare.js';
 *   const results = await runLessonInOnePicture({
 *     run,             // async (code, {mode, preset, way}) -> report (wall_ms, error, stderr, ...):
 *                      // the page's engine call; way is 'threads' or 'processes'
 *     counting, downloads,   // the two presets' source code
 *     processes,       // optional { counting, downloads }: the same work with processes
 *                      // (PROCESS_PROGRAMS), each run once, under the GIL, after its preset's modes
 *     onProgress,      // optional ({done, total, preset, mode, way, report}) after each run
 *   });
 *   // results = { downloads: {sequential, gil, free, processes?}, counting: {...} } in seconds
 *   //            (null if that run failed), plus results.reports[preset][column] and .errors
 *   drawLessonPicture(container, results) -> { caption }
 *
 * The bars are always in this order: downloads (sequential, gil, free, then processes when
 * measured), then counting (the same); each <rect> has data-group, data-mode and data-seconds
 * (the processes bars: data-mode="processes").
 */

import { barChart } from './chart.js';
import { MODES, MODE_BAR_LABELS, MODE_BAR_SHORT } from './mode-names.js';
import { processesOneAtATime } from './ways.js';

export const LESSON_PRESETS = ['downloads', 'counting'];
export const LESSON_MODES = MODES;
/** The mode the processes column runs in: the one where threads cannot count in parallel. */
export const PROCESSES_MODE = 'gil';

/**
 * Lesson 6 and Lesson 5 with multiprocessing.Process where they have threading.Thread (and the
 * `if __name__ == "__main__":` guard every spawned process needs), at the lessons' own values.
 */
export const PROCESS_PROGRAMS = {
  downloads: `import multiprocessing
import time

FILES = 3
LATENCY = 2.0

def download(file):
    print(f"Downloading {file}")
    time.sleep(LATENCY)
    print(f"Finished {file}")

if __name__ == "__main__":
    files = [f"{c}.mp4" for c in "abcdefghijkl"[:FILES]]

    processes = []
    for f in files:
        p = multiprocessing.Process(target=download, args=(f,))
        processes.append(p)
        p.start()

    for p in processes:
        p.join()

    print("All downloads complete")
`,
  counting: `import multiprocessing

N = 10_000_000

def count():
    total = 0
    for i in range(N):
        total += 1

if __name__ == "__main__":
    p1 = multiprocessing.Process(target=count)
    p2 = multiprocessing.Process(target=count)

    p1.start()
    p2.start()

    p1.join()
    p2.join()

    print("Done")
`,
};

export async function runLessonInOnePicture({ run, counting, downloads, processes = null, onProgress, modes = LESSON_MODES }) {
  const code = { downloads, counting };
  const results = { downloads: {}, counting: {}, reports: { downloads: {}, counting: {} }, errors: [] };
  const plan = LESSON_PRESETS.flatMap((preset) => [
    ...modes.map((mode) => ({ preset, column: mode, mode, way: 'threads', code: code[preset] })),
    ...(processes ? [{ preset, column: 'processes', mode: PROCESSES_MODE, way: 'processes', code: processes[preset] }] : []),
  ]);
  let done = 0;
  // One at a time: runs side by side would compete for the same cores and skew every time.
  for (const step of plan) {
    const { preset, column, mode, way } = step;
    let report = null;
    try {
      report = await run(step.code, { mode, preset, way });
    } catch (e) {
      report = { wall_ms: NaN, error: { type: 'Error', message: String(e?.message ?? e) } };
    }
    const ok = report && !report.error && Number.isFinite(report.wall_ms);
    results[preset][column] = ok ? report.wall_ms / 1000 : null;
    results.reports[preset][column] = report;
    if (!ok) results.errors.push({ preset, mode: column, error: report?.error ?? { type: 'Error', message: 'no report' } });
    done++;
    onProgress?.({ done, total: plan.length, preset, mode, way, report });
  }
  return results;
}

/** The columns the picture draws: the three modes, and processes once there is a figure for them. */
function columnsOf(results) {
  const withProcesses = LESSON_PRESETS.some((p) => results?.[p] && 'processes' in results[p]);
  return withProcesses ? [...MODES, 'processes'] : MODES;
}

export function drawLessonPicture(container, results) {
  const figure = document.createElement('figure');
  figure.className = 'lesson-picture';
  const chartBox = document.createElement('div');
  const caption = document.createElement('figcaption');
  caption.className = 'lesson-caption';
  const text = lessonCaption(results);
  caption.textContent = text;
  figure.append(chartBox, caption);
  container.replaceChildren(figure);
  const columns = columnsOf(results);
  const bar = (preset, column) => (column === 'processes'
    ? { label: 'processes', short: 'proc.', mode: 'processes', value: results?.[preset]?.processes ?? null }
    : { label: MODE_BAR_LABELS[column], short: MODE_BAR_SHORT[column], mode: column, value: results?.[preset]?.[column] ?? null });
  barChart(chartBox, {
    groups: LESSON_PRESETS.map((preset) => ({
      label: preset,
      sublabel: preset === 'downloads' ? 'waiting work' : 'computing work',
      bars: columns.map((column) => bar(preset, column)),
    })),
    unit: 's',
    title: columns.includes('processes')
      ? 'Wall time: the same programs, with threads in three modes and with processes (GIL)'
      : 'Wall time: the same programs, three ways to run their threads',
    desc: text,
  });
  // data-group on the bars uses the preset's plain name, as tests and other code expect.
  chartBox.querySelectorAll('rect.bar-fill').forEach((rect, i) => {
    rect.dataset.group = LESSON_PRESETS[Math.floor(i / columns.length)];
  });
  figure.dataset.caption = text;
  return { caption: text };
}

/**
 * "threads help the waiting work (downloads: 2.0 s vs 6.0 s) and not the computing work
 * (counting: GIL 1.02x of sequential), unless the GIL is gone (free-threaded 1.9x faster)",
 * with each clause following the measurements when they say otherwise (a busy machine).
 */
export function lessonCaption(results) {
  const d = results?.downloads ?? {};
  const c = results?.counting ?? {};
  const ok = (...v) => v.every((x) => typeof x === 'number' && Number.isFinite(x) && x > 0);
  const parts = [];

  if (ok(d.gil, d.sequential)) {
    const helped = d.gil < d.sequential * 0.8;
    parts.push(`threads ${helped ? 'help' : 'did not help'} the waiting work (downloads: ${s(d.gil)} vs ${s(d.sequential)})`);
  } else parts.push('the downloads could not be measured');

  if (ok(c.gil, c.sequential)) {
    const ratio = c.gil / c.sequential;
    const clause = ratio > 0.85 ? 'and not the computing work' : 'and, this time, the computing work too';
    parts.push(`${clause} (counting: GIL ${ratio.toFixed(2)}x of sequential)`);
  } else parts.push('and the counting could not be measured');

  if (ok(c.free, c.sequential)) {
    const speedup = c.sequential / c.free;
    parts.push(speedup >= 1.2
      ? `unless the GIL is gone (free-threaded ${speedup.toFixed(1)}x faster)`
      : `and even without the GIL it was not faster here (free-threaded ${speedup.toFixed(1)}x): a busy or single-core machine?`);
  }
  const caption = parts.join(', ').replace(/, and/g, ' and');
  const processes = processesClause(results);
  if (!processes) return caption;
  // After a question, a new sentence.
  return caption.endsWith('?') ? `${caption} ${processes[0].toUpperCase()}${processes.slice(1)}` : `${caption}; ${processes}`;
}

/**
 * "processes help the waiting work too (downloads: 2.1 s) and the computing work even under the
 * GIL (counting: 1.9x faster than GIL threads)", or what was measured instead; null without a
 * processes column.
 */
function processesClause(results) {
  const d = results?.downloads ?? {};
  const c = results?.counting ?? {};
  if (!('processes' in d) && !('processes' in c)) return null;
  const ok = (...v) => v.every((x) => typeof x === 'number' && Number.isFinite(x) && x > 0);
  const parts = [];
  if (ok(d.processes, d.sequential)) {
    parts.push(d.processes < d.sequential * 0.8
      ? `processes help the waiting work too (downloads: ${s(d.processes)})`
      : `processes did not help the waiting work (downloads: ${s(d.processes)} vs ${s(d.sequential)})`);
  } else parts.push('the downloads with processes could not be measured');
  if (ok(c.processes, c.gil)) {
    const speedup = c.gil / c.processes;
    const oneAtATime = processesOneAtATime(results.reports?.counting?.processes);
    parts.push(speedup >= 1.2
      ? `and the computing work even under the GIL, each with a GIL of its own (counting: ${speedup.toFixed(1)}x faster than GIL threads)`
      : `but not the computing work here (counting: ${speedup.toFixed(1)}x of GIL threads${oneAtATime ? ', because this page runs processes one at a time: it is not cross-origin isolated' : ': starting the processes costs, and a busy machine may not give each one a core'})`);
  } else parts.push('and the counting with processes could not be measured');
  return parts.join(' ');
}

function s(seconds) {
  return `${seconds < 10 ? seconds.toFixed(1) : seconds.toFixed(0)} s`;
}
