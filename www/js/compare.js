/**
 * "The lesson in one picture": the downloads preset (waiting work) and the counting preset
 * (computing work), each run in all three modes, in one grouped bar chart with a one-line
 * caption computed from what was measured.
 *
 * API
 *   import { runLessonInOnePicture, drawLessonPicture } from './js/compare.js';
 *   const results = await runLessonInOnePicture({
 *     run,             // async (code, {mode}) -> report (wall_ms, error, ...): the page's engine call
 *     counting, downloads,   // the two presets' source code
 *     onProgress,      // optional ({done, total, preset, mode, report}) after each of the 6 runs
 *   });
 *   // results = { downloads: {sequential, gil, free}, counting: {...} } in seconds (null if that
 *   //            run failed), plus results.reports[preset][mode] (the reports) and .errors
 *   drawLessonPicture(container, results) -> { caption }
 *
 * The six bars are always in this order: downloads (sequential, gil, free), then counting
 * (sequential, gil, free); each <rect> has data-group, data-mode and data-seconds.
 */

import { barChart } from './chart.js';
import { MODES, MODE_BAR_LABELS, MODE_BAR_SHORT } from './mode-names.js';

export const LESSON_PRESETS = ['downloads', 'counting'];
export const LESSON_MODES = MODES;

export async function runLessonInOnePicture({ run, counting, downloads, onProgress, modes = LESSON_MODES }) {
  const code = { downloads, counting };
  const results = { downloads: {}, counting: {}, reports: { downloads: {}, counting: {} }, errors: [] };
  let done = 0;
  // One at a time: runs side by side would compete for the same cores and skew every time.
  for (const preset of LESSON_PRESETS) {
    for (const mode of modes) {
      let report = null;
      try {
        report = await run(code[preset], { mode });
      } catch (e) {
        report = { wall_ms: NaN, error: { type: 'Error', message: String(e?.message ?? e) } };
      }
      const ok = report && !report.error && Number.isFinite(report.wall_ms);
      results[preset][mode] = ok ? report.wall_ms / 1000 : null;
      results.reports[preset][mode] = report;
      if (!ok) results.errors.push({ preset, mode, error: report?.error ?? { type: 'Error', message: 'no report' } });
      done++;
      onProgress?.({ done, total: LESSON_PRESETS.length * modes.length, preset, mode, report });
    }
  }
  return results;
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
  barChart(chartBox, {
    groups: LESSON_PRESETS.map((preset) => ({
      label: preset,
      sublabel: preset === 'downloads' ? 'waiting work' : 'computing work',
      bars: MODES.map((mode) => ({ label: MODE_BAR_LABELS[mode], short: MODE_BAR_SHORT[mode], mode, value: results?.[preset]?.[mode] ?? null })),
    })),
    unit: 's',
    title: 'Wall time: the same programs, three ways to run their threads',
    desc: text,
  });
  // data-group on the bars uses the preset's plain name, as tests and other code expect.
  chartBox.querySelectorAll('rect.bar-fill').forEach((rect, i) => {
    rect.dataset.group = LESSON_PRESETS[Math.floor(i / LESSON_MODES.length)];
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
  return parts.join(', ').replace(/, and/g, ' and');
}

function s(seconds) {
  return `${seconds < 10 ? seconds.toFixed(1) : seconds.toFixed(0)} s`;
}
