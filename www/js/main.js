// Wires the playground: presets, editor, parameter controls, mode, run/stop, console, timeline,
// the three-mode comparison, share links, and the Engine (diagnostics) panel.
import { checkIsolation, describeIsolation } from './isolation.js';
import { startServiceWorker } from './service-worker.js';
import { showNotice } from './notice.js';
import { embedSnippet } from './embed-link.js';
import { showError } from './errors.js';
import { startDiagnostics } from './diagnostics.js';
import { createEditor } from './editor.js';
import { ParamControls } from './params.js';
import { ModeControls, MODES, DEFAULT_SWITCH_INTERVAL_MS } from './modes.js';
import { RunBar } from './runbar.js';
import { OutputConsole } from './console.js';
import { PRESETS, presetById } from './presets.js';
import { MODE_LABELS as MODE_NAMES, modeUnavailable } from './mode-names.js';
import { Lesson } from './lesson.js';
import { CompareCards } from './cards.js';
import { decodeState, shareUrl } from './share.js';
import { loadDraft, saveDraft, edited, keep, takeKept } from './draft.js';
import { parseParams } from './params.js';
import { loadEngine } from './runner.js';
import { describeRunFailure } from './run-failure.js';
import { createResults } from './results.js';
import { runLessonInOnePicture, drawLessonPicture, PROCESS_PROGRAMS } from './compare.js';
import { WaysPanel } from './ways-panel.js';
import { runWays, RUNS as WAY_RUNS } from './ways.js';

const el = (id) => document.getElementById(id);

const isolated = checkIsolation();
const chip = el('engine-chip');
function setChip(state, text) {
  chip.dataset.state = state;
  chip.textContent = text;
}
// The service worker first (dist/ builds): it may reload the page once to make it isolated, and
// nothing should start an engine that the reload would throw away. A page that is isolated
// already needs it only for the offline copy: it registers once the engine is ready, so that its
// install (which fetches the whole build, the wasm a second time) does not compete with the
// first load.
const swFirst = !self.crossOriginIsolated;
const registerServiceWorker = () => startServiceWorker({ onNotice: showNotice })
  .catch((e) => ({ state: 'unavailable', reason: String(e?.message ?? e) })); // never keep the engine from starting
const serviceWorker = swFirst ? registerServiceWorker() : Promise.resolve({ state: 'isolated' });
serviceWorker.then(() => startDiagnostics({ isolated, onState: setChip }));

// ---- state ------------------------------------------------------------------------------------

let engine = null; // the engine API (www/threadlab.js), once ready
let run = null; // the run going on: { stopRequested }
// The latest report of the current code in each mode: the readings and the cards use them.
let results = { code: null, reports: {}, last: null };

const outputConsole = new OutputConsole(el('console'));
const cards = new CompareCards(el('compare-panel'), el('compare'));
let timeline = null;
const ways = new WaysPanel(el('ways-panel'), {
  onShowTimeline: (report) => {
    timeline?.render(report);
    el('timeline').dataset.mode = report.mode;
  },
});
const lesson = new Lesson({ onPick: (preset) => loadPreset(preset, { focus: true }) });
const modes = new ModeControls({ onChange: () => settingsChanged() });
for (const mode of MODES) {
  const why = modeUnavailable(mode, { isolated });
  if (why) modes.setUnavailable(mode, why, { href: '#isolation-help', linkText: 'why' });
}
const runbar = new RunBar({ onRun: () => runOne(), onStop: stop, onRunAll: runAll, onShare: share });
const runHistory = createResults(el('history'));
const params = new ParamControls(el('params'), (param, text) => editor.replace(param.from, param.to, text));

// ---- the first program: a share link, #preset=ID, the saved draft, or the first lesson --------

/** Whether `code` is `preset`'s program, with at most its `# param:` values changed. */
function isPresetProgram(code, preset) {
  const shape = (text) => {
    let out = '';
    let at = 0;
    for (const p of parseParams(text)) {
      out += `${text.slice(at, p.from)}${p.name}`;
      at = p.to;
    }
    return out + text.slice(at);
  };
  return shape(code) === shape(preset.code);
}

/**
 * What the URL's fragment asks for: a share link's state, a preset (#preset=ID), or null. A
 * link whose code is not the preset it names is "a shared program", with no preset.
 */
async function stateFromHash(hash) {
  try {
    const shared = await decodeState(hash);
    if (shared) {
      const named = shared.preset ? presetById(shared.preset) ?? null : null;
      const isPreset = named && isPresetProgram(shared.code, named);
      return { ...shared, preset: isPreset ? named : null, basedOn: isPreset ? null : named, shared: true, link: hash };
    }
  } catch (e) {
    showError(`This share link could not be opened: ${e.message}.`);
    return null;
  }
  const id = /^#preset=([\w-]+)$/.exec(hash)?.[1];
  const preset = id && presetById(id);
  return preset ? { code: preset.code, preset, mode: preset.mode } : null;
}

/** A saved draft as a state for applyState. */
function stateFromDraft(d) {
  const preset = d.preset ? presetById(d.preset) ?? null : null;
  return {
    code: d.code,
    base: d.base,
    preset,
    shared: Boolean(d.link) && !preset,
    link: d.link ?? null,
    mode: d.mode,
    switchInterval: d.switchIntervalMs ? d.switchIntervalMs / 1000 : undefined,
  };
}

/** The draft of the program on screen (saved on every change; see draft.js). */
let draft = null;
/** Whether a reload with this fragment should bring `saved` back (the same link or lesson). */
const sameSource = (saved, linked) => (linked.link ? saved.link === linked.link : !saved.link && saved.preset === linked.preset?.id);

const saved = loadDraft();
const linked = await stateFromHash(location.hash);
let initial;
let keptAtLoad = false;
if (linked && saved && sameSource(saved, linked)) {
  initial = stateFromDraft(saved);
} else if (linked) {
  initial = linked;
  if (edited(saved) && saved.code !== linked.code) {
    keep(saved);
    keptAtLoad = true;
  }
} else {
  initial = saved ? stateFromDraft(saved) : { code: PRESETS[0].code, preset: PRESETS[0], mode: PRESETS[0].mode };
}

const editor = await createEditor(el('editor'), {
  doc: initial.code,
  label: 'Python program',
  onChange: codeChanged,
  onRun: () => runOne(),
});
el('editor').removeAttribute('tabindex');
applyState(initial, { setCode: false });
if (keptAtLoad) showKept('the link you opened');

/** Shows a program with its preset, mode and switch interval (a share link, a preset link, a draft). */
function applyState(state, { setCode = true } = {}) {
  // The draft first: setting the code reports a change, which saves the draft.
  draft = {
    code: state.code,
    base: state.base ?? state.code,
    preset: state.preset?.id ?? null,
    link: state.link ?? null,
    mode: state.mode,
    switchIntervalMs: state.switchInterval ? state.switchInterval * 1000 : DEFAULT_SWITCH_INTERVAL_MS,
  };
  if (setCode) editor.setCode(state.code);
  lesson.show(state.preset ?? null, { shared: state.shared, basedOn: state.basedOn });
  el('run-all').textContent = state.preset?.ways ? 'Run the six' : 'Run all three modes';
  ways.clear();
  modes.mode = MODES.includes(state.mode) ? state.mode : 'gil';
  modes.setSwitchInterval(draft.switchIntervalMs);
  draft.mode = modes.mode;
  params.update(state.code);
  results = { code: null, reports: {}, last: null };
  saveDraft(draft);
}

/**
 * Replaces the program on screen with `state`; the one it replaces is kept first if it holds
 * edits (a lesson or a link never silently overwrites them: "Restore it" brings them back).
 */
function replaceProgram(state, why) {
  if (edited(draft) && draft.code !== state.code) {
    keep(draft);
    showKept(why);
  }
  applyState(state);
}

function showKept(why) {
  el('kept-text').textContent = `Your edited program was kept when ${why} replaced it.`;
  el('kept').hidden = false;
}

el('kept-restore').addEventListener('click', () => {
  const back = takeKept();
  el('kept').hidden = true;
  if (!back) return;
  if (edited(draft) && draft.code !== back.code) keep(draft); // a swap: nothing is lost either way
  applyState(stateFromDraft(back));
  outputConsole.clear();
  cards.clear();
  timeline?.clear();
  history.replaceState(null, '', back.link ?? (back.preset ? `#preset=${back.preset}` : `${location.pathname}${location.search}`));
  el('run-state').textContent = 'Your edited program is back.';
});
el('kept-dismiss').addEventListener('click', () => { el('kept').hidden = true; });

function settingsChanged() {
  if (!draft) return;
  draft.mode = modes.mode;
  draft.switchIntervalMs = modes.switchIntervalMs;
  saveDraft(draft);
}

// A link to this same page with another fragment (pasted in the address bar, or clicked).
window.addEventListener('hashchange', async () => {
  const state = await stateFromHash(location.hash);
  if (!state || run) return;
  if (draft && sameSource(draft, state) && state.code === draft.base) return; // already on screen
  replaceProgram(state, 'the link you opened');
  outputConsole.clear();
  cards.clear();
  timeline?.clear();
});

// Timeline view (the timeline engineer's module). The page works without it.
try {
  const { createTimeline } = await import('./timeline.js');
  el('timeline').replaceChildren();
  timeline = createTimeline(el('timeline'));
} catch (e) {
  console.warn(`timeline unavailable: ${e.message}`);
}

function codeChanged(code) {
  if (draft) {
    draft.code = code;
    saveDraft(draft);
  }
  params.update(code);
  if (results.code !== null && code !== results.code && !run) {
    lesson.clearReading('The program changed: run it again to see.');
  }
}

function loadPreset(preset, { focus = false } = {}) {
  if (run) return;
  replaceProgram({ code: preset.code, preset, mode: preset.mode }, preset.title);
  outputConsole.clear();
  cards.clear();
  timeline?.clear();
  runbar.finished(preset.runAll ? 'Ready: “Run all three modes” shows the claim.' : 'Ready.');
  history.replaceState(null, '', `#preset=${preset.id}`);
  if (focus) el('run').focus();
}

// ---- the engine ----------------------------------------------------------------------------

setChip('loading', 'engine loading…');

/** The chip and the run bar for an engine that has just become ready. */
function engineReady(info, sw) {
  runbar.setReady(true);
  el('picture-run').disabled = false;
  if (info.isolated === false) {
    describeIsolation(info, sw);
    if (info.threads) {
      setChip('limited', 'engine ready, green threads');
      return 'Ready: threads take turns on one worker here (this page is not cross-origin isolated, see above).';
    }
    // Programs without threads still run; Thread.start() cannot (see the notice above).
    setChip('limited', 'engine ready, no threads');
    return 'Ready, without threads: this page is not cross-origin isolated (see above).';
  }
  setChip('ready', 'engine ready');
  return lesson.preset?.runAll ? 'Ready: “Run all three modes” shows the claim.' : 'Ready.';
}

serviceWorker
  .then(async (sw) => ({ sw, ...(await loadEngine()) }))
  .then(({ sw, api, info }) => {
    engine = api;
    runbar.finished(engineReady(info, sw));
    if (!swFirst) registerServiceWorker();
    // After a crash, or a Stop that had to end the engine, a new engine starts by itself: the
    // chip says so until it is ready (never "ready" for an engine that has ended).
    api.onEngineState?.((event) => {
      if (event.state === 'restarting') {
        setChip('loading', 'engine restarting…');
      } else if (event.state === 'ready') {
        engineReady(event.info, sw); // the status line keeps saying why it restarted
      } else if (event.state === 'failed') {
        setChip('error', 'engine failed');
        runbar.setReady(false);
        runbar.finished(`The engine cannot run: ${event.why}`);
      }
    });
  })
  .catch((e) => {
    setChip('error', 'engine unavailable');
    runbar.finished(`The engine could not start: ${e.message}`);
    showError(`The engine could not start: ${e.message}`);
  });

// ---- running ------------------------------------------------------------------------------

/**
 * One run in one mode; resolves with its report, or null if it was stopped or failed.
 * `program` runs something other than the editor's code (the lesson picture's presets): its
 * report goes to the console, timeline and history, not to the readings.
 */
async function runMode(mode, label, program = null) {
  const code = program?.code ?? editor.getCode();
  if (!program && results.code !== code) results = { code, reports: {}, last: null };
  editor.clearError();
  outputConsole.clear();
  runbar.started(label);
  let sawStderr = false;
  const started = performance.now();
  let report;
  try {
    report = await engine.run(code, {
      mode,
      switchInterval: modes.switchInterval,
      onOutput: (...args) => {
        const piece = normalizeOutput(args);
        if (piece.stream === 'stderr') sawStderr = true;
        outputConsole.write(piece);
      },
    });
  } catch (e) {
    outputConsole.flush();
    const said = describeRunFailure(e, {
      after: (performance.now() - started) / 1000,
      stopRequested: Boolean(run?.stopRequested),
      backstopMs: engine.STOP_BACKSTOP_MS,
    });
    outputConsole.note(said.note, said.stream);
    runbar.finished(said.status);
    return null;
  }
  outputConsole.flush();
  outputConsole.noteReportCut(report?.output_cut);
  if (run?.stopRequested || report?.stopped) {
    outputConsole.note(`Stopped after ${(report?.wall_ms / 1000 || (performance.now() - started) / 1000).toFixed(2)} s.`, 'note');
    runbar.finished('Stopped.', report?.wall_ms);
    return null;
  }
  if (report.error) {
    const { type, message, line } = report.error;
    if (!sawStderr) outputConsole.note(`${type}: ${message}${line ? ` (line ${line})` : ''}`, 'stderr');
    if (line && !program) editor.markError(line, `${type}: ${message}`);
  }
  if (!program) {
    results.reports[mode] = report;
    results.last = mode;
  }
  runbar.finished(
    report.error ? `${MODE_NAMES[mode]}: stopped by ${report.error.type}.` : `${MODE_NAMES[mode]}: finished.`,
    report.wall_ms,
  );
  // The views are drawn in tasks of their own, so no one task of the page runs long.
  await nextTask();
  timeline?.render(report);
  el('timeline').dataset.mode = mode;
  await nextTask();
  runHistory.add({
    preset: program?.preset ?? lesson.preset?.id ?? 'custom',
    params: program ? {} : params.values(),
    mode,
    switch_interval: modes.switchInterval,
    wall_ms: report.wall_ms,
    gil_switches: report.gil_switches,
    error: report.error,
    code,
  });
  return report;
}

// A new task (not a frame: frames stop in a hidden tab, and a run must still finish there).
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const capitalize = (text) => text.charAt(0).toUpperCase() + text.slice(1);

function normalizeOutput(args) {
  const [a, b, c, d] = args;
  const p = a !== null && typeof a === 'object' ? a : { thread: a, t_ms: b, text: c, stream: d };
  return {
    thread: String(p.thread ?? p.name ?? ''),
    t_ms: Number(p.t_ms ?? p.tMs ?? 0),
    text: String(p.text ?? ''),
    stream: p.stream === 'stderr' || p.stderr === true ? 'stderr' : 'stdout',
  };
}

function read() {
  lesson.read({ reports: { ...results.reports, last: results.last }, params: params.values() });
}

async function runOne() {
  if (!engine || run) return;
  run = { stopRequested: false };
  const mode = modes.mode;
  modes.setDisabled(true);
  cards.clear();
  try {
    const report = await runMode(mode, MODE_NAMES[mode]);
    if (report) read();
  } finally {
    run = null;
    modes.setDisabled(false);
    runbar.update();
  }
}

async function runAll() {
  if (lesson.preset?.ways) return runSix();
  if (!engine || run) return;
  run = { stopRequested: false };
  modes.setDisabled(true);
  const code = editor.getCode();
  results = { code, reports: {}, last: null };
  // Modes this page cannot run (free-threaded without isolation) get a card saying why.
  const runnable = MODES.filter((m) => modes.available(m));
  const unavailable = Object.fromEntries(modes.unavailable);
  cards.show({}, { running: runnable[0], unavailable });
  const total = performance.now();
  try {
    let stopped = null;
    for (const [i, mode] of runnable.entries()) {
      cards.show(results.reports, { running: mode, unavailable });
      const report = await runMode(mode, `${i + 1} of ${runnable.length}: ${MODE_NAMES[mode]}`);
      if (!report) {
        stopped = mode;
        break;
      }
      read();
    }
    cards.show(results.reports, { stopped, unavailable });
    const done = runnable.filter((m) => results.reports[m]);
    if (done.length === runnable.length) {
      // The timeline shows the mode the selector is on; the cards show all three.
      const shown = results.reports[modes.mode];
      if (shown) timeline?.render(shown);
      results.last = modes.mode;
      read();
      // A run that ended in an error is not compared with the others: say which failed.
      const failed = runnable.filter((m) => results.reports[m].error);
      const failures = failed.length
        ? ` ${capitalize(failed.map((m) => `${MODE_NAMES[m]} failed with ${results.reports[m].error.type}`).join(', '))}, so ${failed.length > 1 ? 'those runs are' : 'that run is'} not compared.`
        : '';
      runbar.finished((runnable.length === MODES.length
        ? `All three modes ran in ${seconds(performance.now() - total)}.`
        : `${runnable.map((m) => MODE_NAMES[m]).join(' and ')} ran in ${seconds(performance.now() - total)}; ${Object.keys(unavailable).map((m) => MODE_NAMES[m]).join(', ')} ${Object.values(unavailable)[0]}.`) + failures);
    }
  } finally {
    run = null;
    modes.setDisabled(false);
    runbar.update();
  }
}

// "Threads, processes or asyncio?": the program six times, JOB and WAY set for each (ways.js).
async function runSix() {
  if (!engine || run) return;
  run = { stopRequested: false };
  modes.setDisabled(true);
  cards.clear();
  const mode = modes.mode;
  const values = params.values();
  const done = {};
  results = { code: editor.getCode(), reports: {}, last: null };
  const total = performance.now();
  try {
    const { reports, errors } = await runWays({
      code: results.code,
      stopped: () => run.stopRequested,
      run: async (code, way) => {
        ways.show(done, { running: way.key, params: values });
        const label = `${WAY_RUNS.indexOf(way) + 1} of ${WAY_RUNS.length}: ${way.job}, ${way.way}, ${MODE_NAMES[mode]}`;
        const report = await runMode(mode, label, { code, preset: `ways/${way.key}` });
        if (report) {
          done[way.key] = report;
          ways.shown(way.key); // runMode has drawn its timeline
        }
        return report;
      },
    });
    ways.show(reports, { params: values });
    const last = WAY_RUNS.map((w) => w.key).filter((k) => reports[k]).at(-1);
    if (last) {
      ways.shown(last);
      lesson.read({ reports: { ...reports, last }, params: values, env: { cores: navigator.hardwareConcurrency || null } });
    }
    const unsettable = errors.find((e) => /no (JOB|WAY) = /.test(e.message));
    runbar.finished(unsettable ? `Cannot run the six: ${unsettable.message}.`
      : run.stopRequested ? 'Stopped.'
        : `The six ran in ${seconds(performance.now() - total)}${errors.length ? `; ${errors.map((e) => e.key).join(', ')} failed` : ''}.`);
  } finally {
    run = null;
    modes.setDisabled(false);
    runbar.update();
  }
}

// "The lesson in one picture": the downloads and counting presets, each in all three modes.
async function runPicture() {
  if (!engine || run) return;
  run = { stopRequested: false };
  modes.setDisabled(true);
  el('picture-run').disabled = true;
  const programs = { downloads: presetById('lesson6'), counting: presetById('lesson5') };
  const available = MODES.filter((m) => modes.available(m));
  const total = 2 * (available.length + 1);
  let step = 0;
  try {
    const picture = await runLessonInOnePicture({
      modes: available,
      downloads: programs.downloads.code,
      counting: programs.counting.code,
      processes: PROCESS_PROGRAMS,
      run: async (code, { mode, preset: name, way }) => {
        if (run.stopRequested) throw new Error('stopped');
        step++;
        const preset = programs[name];
        const how = way === 'processes' ? `with processes, ${MODE_NAMES[mode]}` : MODE_NAMES[mode];
        const report = await runMode(mode, `${step} of ${total}: ${preset.title.split(': ')[1]}, ${how}`,
          { code, preset: way === 'processes' ? `${preset.id}-processes` : preset.id });
        if (!report) throw new Error('stopped');
        return report;
      },
    });
    const { caption } = drawLessonPicture(el('picture'), picture);
    runbar.finished(run.stopRequested ? 'Stopped.' : `The ${total} runs are in the picture: ${caption}.`);
  } finally {
    run = null;
    modes.setDisabled(false);
    el('picture-run').disabled = !engine;
    runbar.update();
  }
}
el('picture-run').addEventListener('click', runPicture);
el('picture-downloads-code').textContent = PROCESS_PROGRAMS.downloads;
el('picture-counting-code').textContent = PROCESS_PROGRAMS.counting;

async function stop() {
  if (!run) return;
  run.stopRequested = true;
  runbar.state.textContent = 'Stopping…';
  try {
    await engine.stop();
  } catch (e) {
    showError(`Stop failed: ${e.message}`);
  }
}

document.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.defaultPrevented) {
    e.preventDefault();
    runOne();
  }
});

// ---- share links ----------------------------------------------------------------------------

async function share() {
  let url;
  try {
    url = await shareUrl({
      code: editor.getCode(),
      mode: modes.mode,
      switchInterval: modes.switchInterval,
      preset: lesson.preset?.id ?? draft?.preset ?? null,
    });
  } catch (e) {
    // Too long for a link (share.js caps them): say so, and make no link.
    el('share-result').hidden = true;
    el('run-state').textContent = e.message;
    return;
  }
  history.replaceState(null, '', url);
  // A reload of this link brings this draft back, edits and all.
  draft.link = new URL(url).hash;
  saveDraft(draft);
  const box = el('share-result');
  const input = el('share-url');
  input.value = url;
  box.hidden = false;
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    // No clipboard permission: the link is in the box, selected, ready to copy.
  }
  input.focus();
  input.select();
  box.dataset.copied = String(copied);
  el('run-state').textContent = copied ? 'Link copied to the clipboard.' : 'Link ready: copy it from the box.';
}

// ---- the embed snippet: an <iframe> of embed.html with this program and these settings --------

el('copy-embed').addEventListener('click', async () => {
  let snippet;
  try {
    snippet = await embedSnippet({
      code: editor.getCode(),
      preset: lesson.preset,
      mode: modes.mode,
      params: params.values(),
      base: document.baseURI,
    });
  } catch (e) {
    el('embed-result').hidden = true;
    el('run-state').textContent = e.message;
    return;
  }
  const box = el('embed-result');
  const input = el('embed-snippet');
  input.value = snippet;
  box.hidden = false;
  let copied = false;
  try {
    await navigator.clipboard.writeText(snippet);
    copied = true;
  } catch {
    // No clipboard permission: the snippet is in the box, selected, ready to copy.
  }
  input.focus();
  input.select();
  box.dataset.copied = String(copied);
  el('run-state').textContent = copied ? 'Embed snippet copied to the clipboard.' : 'Embed snippet ready: copy it from the box.';
});

// For the end-to-end tests and the curious: the page's parts.
window.playground = { editor, params, modes, lesson, history: runHistory, results: () => results, ways: () => ways.reports, engine: () => engine };
