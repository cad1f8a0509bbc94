// embed.html: one program in a documentation page's iframe (see the comment in embed.html).
//
// Lazy by design: a docs page may hold five embeds, and five engines with eight workers each
// would take the page's CPU and memory on load. So www/threadlab.js is imported on load (a few
// KB) but the engine (wasm, workers) starts only on the first Run, or with autorun=1 once the
// embed is scrolled into view.
import { checkIsolationQuietly, stillWorks } from './isolation.js';
import { startServiceWorker } from './service-worker.js';
import { createEditor } from './editor.js';
import { ModeControls, MODES } from './modes.js';
import { MODE_LABELS, modeUnavailable } from './mode-names.js';
import { OutputConsole } from './console.js';
import { CompareCards } from './cards.js';
import { presetById } from './presets.js';
import { runWays, waysReading, RUNS as WAY_RUNS } from './ways.js';
import { withParams } from './params.js';
import { decodeCode, shareUrl } from './share.js';
import { PANELS, DEFAULT_PANELS } from './embed-link.js';
import * as threadlab from '../threadlab.js';
import { describeRunFailure } from './run-failure.js';

const el = (id) => document.getElementById(id);
const query = new URLSearchParams(location.search);
const isolated = checkIsolationQuietly();
const inFrame = window.parent !== window;

// The page around the embed cannot see its content, so the embed says how tall it is whenever
// that changes (a run adds a timeline): { type: 'threadlab:height', height } in CSS pixels. A docs
// page may size the iframe by it (www/js/docs-example.js does); ignoring it just keeps the
// iframe's own height, with a scroll bar.
if (inFrame) {
  let sent = 0;
  // The body's own height, margins included: the document's scrollHeight never drops below the
  // iframe's, so it could grow the frame but never shrink it to its content.
  const contentHeight = () => {
    const style = getComputedStyle(document.body);
    return Math.ceil(document.body.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom));
  };
  new ResizeObserver(() => {
    const height = contentHeight();
    if (height === sent) return;
    sent = height;
    window.parent.postMessage({ type: 'threadlab:height', height }, '*');
  }).observe(document.body);
}

function fail(text) {
  el('embed-error').textContent = text;
  el('embed-error').hidden = false;
}

// ---- what to show: a preset or code=, then mode, param.NAME, panels -------------------------

async function programFromQuery() {
  const presetId = query.get('preset');
  const preset = presetId ? presetById(presetId) ?? null : null;
  if (presetId && !preset) fail(`There is no preset "${presetId}": showing an empty program.`);
  let code = preset?.code ?? '';
  if (query.has('code')) {
    try {
      code = await decodeCode(query.get('code'));
    } catch (e) {
      fail(`The program in this embed's address could not be read: ${e.message}`);
    }
  }
  const values = {};
  for (const [key, value] of query) {
    if (key.startsWith('param.')) values[key.slice('param.'.length)] = Number(value);
  }
  const { code: withValues, unknown } = withParams(code, values);
  if (unknown.length) fail(`This program has no parameter ${unknown.join(', ')}.`);
  // A preset whose code was replaced is not that preset any more: say so, not its claim.
  const isPreset = preset && !query.has('code');
  return { preset: isPreset ? preset : null, code: withValues, values };
}

const { preset, code, values: paramValues } = await programFromQuery();
el('embed-title').textContent = preset ? preset.title : 'A Python program';
el('embed-claim').textContent = preset?.claim ?? '';
document.title = `${el('embed-title').textContent} · threadlab`;

const panels = (query.get('panels') ?? DEFAULT_PANELS.join(',')).split(',').filter((p) => PANELS.includes(p));
for (const p of panels) el(`panel-${p}`).hidden = false;
el('run-all').hidden = !panels.includes('compare');
// The same words as the full page (main.js): a ways preset's "run all" is its six runs.
if (preset?.ways) el('run-all').textContent = 'Run the six';

const modes = new ModeControls({ onChange: () => {} });
const fullPage = new URL('index.html', document.baseURI);
for (const mode of MODES) {
  const why = modeUnavailable(mode, { isolated });
  if (why) modes.setUnavailable(mode, why, { href: fullPage.href, linkText: 'full page' });
}
const asked = query.get('mode');
modes.mode = MODES.includes(asked) ? asked : preset?.mode ?? 'gil';

const editor = await createEditor(el('editor'), {
  doc: code,
  label: 'Python program',
  onChange: () => {},
  onRun: () => runOne(),
});

// "Open in threadlab": the full page with this program, as a share link.
async function updateFullPageLink() {
  const base = new URL(fullPage);
  base.hash = '';
  const url = await shareUrl({ code: editor.getCode(), mode: modes.mode, switchInterval: modes.switchInterval, preset: preset?.id ?? null }, base);
  el('full-page').href = url;
}
updateFullPageLink();
el('full-page').addEventListener('focus', updateFullPageLink);
el('full-page').addEventListener('pointerenter', updateFullPageLink);

// ---- the engine: started on demand ------------------------------------------------------------

const serviceWorker = startServiceWorker()
  .catch((e) => ({ state: 'unavailable', reason: String(e?.message ?? e) })); // never keep the engine from starting
let engineInfo = null;
let starting = null;

/** Starts the engine once; shows the one-line notice when this page is not isolated. */
function startEngine() {
  starting ??= (async () => {
    await serviceWorker;
    el('run-state').textContent = 'Starting the engine…';
    engineInfo = await threadlab.ready();
    if (!engineInfo.isolated) {
      const notice = el('embed-notice');
      notice.replaceChildren(`Not cross-origin isolated: ${stillWorks(engineInfo, { short: true })} `);
      const a = document.createElement('a');
      a.href = el('full-page').href;
      a.target = '_blank';
      a.rel = 'noopener';
      a.textContent = 'Open the full page';
      notice.append(a, '.');
      notice.hidden = false;
    }
    return engineInfo;
  })();
  return starting;
}

const outputConsole = new OutputConsole(el('console'));
const cards = new CompareCards(el('panel-compare'), el('compare'));
el('panel-compare').hidden = !panels.includes('compare');
let timeline = null;
if (panels.includes('timeline')) {
  const { createTimeline } = await import('./timeline.js');
  timeline = createTimeline(el('timeline'));
}

let running = false;
let lastReport = null;

function setRunning(on) {
  running = on;
  el('run').disabled = on;
  el('run-all').disabled = on;
  el('stop').disabled = !on;
  modes.setDisabled(on);
}

/** One run in one mode: the console, the timeline, and the report to the parent page. */
async function runMode(mode, { code = editor.getCode(), label = MODE_LABELS[mode] } = {}) {
  outputConsole.clear();
  editor.clearError();
  el('run-state').textContent = `Running ${label}…`;
  const report = await threadlab.run(code, {
    mode,
    switchInterval: modes.switchInterval,
    onOutput: (piece) => outputConsole.write(piece),
  });
  outputConsole.flush();
  outputConsole.noteReportCut(report?.output_cut);
  if (report.error) {
    const { type, message, line } = report.error;
    if (!report.stderr) outputConsole.note(`${type}: ${message}${line ? ` (line ${line})` : ''}`, 'stderr');
    if (line) editor.markError(line, `${type}: ${message}`);
  }
  el('run-state').textContent = report.stopped
    ? 'Stopped.'
    : `${MODE_LABELS[mode]}: ${report.error ? `stopped by ${report.error.type}` : 'finished'} in ${(report.wall_ms / 1000).toFixed(2)} s.`;
  timeline?.render(report);
  lastReport = report;
  // The page around the embed learns what happened (the same object run() returns).
  if (inFrame) window.parent.postMessage({ type: 'threadlab:report', report }, '*');
  return report;
}

async function guarded(body) {
  if (running) return;
  setRunning(true);
  const started = performance.now();
  stopRequested = false;
  try {
    await startEngine();
    await body();
  } catch (e) {
    outputConsole.flush();
    const said = describeRunFailure(e, { after: (performance.now() - started) / 1000, stopRequested, backstopMs: threadlab.STOP_BACKSTOP_MS });
    outputConsole.note(said.note, said.stream);
    el('run-state').textContent = said.status;
  } finally {
    setRunning(false);
  }
}

const runOne = () => guarded(() => runMode(modes.mode));

/** A ways preset's six runs (JOB and WAY set for each, ways.js), then their reading. */
async function runSix() {
  await guarded(async () => {
    const mode = modes.mode;
    const { reports, errors } = await runWays({
      code: editor.getCode(),
      stopped: () => stopRequested,
      run: (code, way) => runMode(mode, { code, label: `${WAY_RUNS.indexOf(way) + 1} of ${WAY_RUNS.length}: ${way.job}, ${way.way}, ${MODE_LABELS[mode]}` }),
    });
    const reading = waysReading({ reports, params: paramValues, env: { cores: navigator.hardwareConcurrency || null } });
    const failed = errors.length ? ` (${errors.map((e) => `${e.key}: ${e.message}`).join('; ')})` : '';
    el('run-state').textContent = stopRequested ? 'Stopped.' : `${reading?.text ?? 'The six did not run.'}${failed}`;
  });
}

async function runAll() {
  if (preset?.ways) return runSix();
  await guarded(async () => {
    const runnable = MODES.filter((m) => modes.available(m));
    const unavailable = Object.fromEntries(modes.unavailable);
    const reports = {};
    for (const mode of runnable) {
      cards.show(reports, { running: mode, unavailable });
      const report = await runMode(mode);
      if (report.stopped) break;
      reports[mode] = report;
    }
    cards.show(reports, { unavailable });
  });
}

el('run').addEventListener('click', runOne);
el('run-all').addEventListener('click', runAll);
let stopRequested = false;
el('stop').addEventListener('click', () => {
  stopRequested = true;
  threadlab.stop();
});

// autorun=1: run once the embed is on screen (not before: five embeds must not start five engines).
if (query.get('autorun') === '1') {
  const seen = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) {
      seen.disconnect();
      runOne();
    }
  });
  seen.observe(document.body);
}

// For the end-to-end tests: what this embed did.
window.embed = {
  editor,
  modes,
  engineStarted: () => starting !== null,
  info: () => engineInfo,
  lastReport: () => lastReport,
};
