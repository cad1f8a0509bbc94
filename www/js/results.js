/**
 * The run history: a table and a bar chart of every run, kept across reloads.
 *
 * API
 *   import { createResults } from './js/results.js';
 *   const results = createResults(container, { storageKey: 'threadlab.runs', max: 200 });
 *   results.add(run)      -> the stored run (with id, time, key and speedup filled in)
 *   results.clear()       forgets every run (and the stored copy)
 *   results.runs()        -> runs, oldest first, each with its current speedup
 *   results.exportCSV()   -> string (RFC 4180: CRLF lines, fields quoted when needed)
 *   results.exportJSON()  -> string (an array of runs)
 *   results.onChange(cb)  cb(runs) after every add/clear (and when another tab changes them);
 *                         returns a function that unsubscribes
 *   results.destroy()
 *
 *   run = { preset, params, mode, switch_interval, wall_ms, gil_switches, error, code }
 *     preset  the preset's name, 'custom' if none;   params  an object (e.g. {n: 3000000})
 *     mode    'sequential' | 'gil' | 'free';         error   null | {type, message, line}
 *     code    the program's source: only its hash is kept (key), to match runs of the same
 *             program and parameters; pass key yourself instead if you have one.
 *     id, time (ISO string) are filled in when missing.
 *
 * Speedup: a run's wall time against the latest sequential run (without error) of the same code
 * and parameters, sequential_wall / wall; null until there is one. Computed when read, so runs
 * made before their sequential baseline get a speedup once it exists.
 *
 * The page must load css/results.css (mode colours, table).
 */

import { barChart } from './chart.js';
import { MODES, MODE_LABELS, MODE_BAR_LABELS, MODE_BAR_SHORT } from './mode-names.js';

const CSV_COLUMNS = ['id', 'time', 'preset', 'params', 'mode', 'switch_interval', 'wall_ms',
  'gil_switches', 'speedup', 'error', 'key'];
const CHART_GROUPS = 6; // the chart shows the latest programs only; the table shows all

export function createResults(container, { storageKey = 'threadlab.runs', max = 200 } = {}) {
  const root = document.createElement('div');
  root.className = 'results';
  root.innerHTML = `
    <div class="results-actions">
      <button type="button" data-action="csv">Export CSV</button>
      <button type="button" data-action="json">Export JSON</button>
      <button type="button" data-action="clear" class="results-clear">Clear history</button>
      <span class="results-status" aria-live="polite"></span>
    </div>
    <div class="results-chart"></div>
    <div class="results-table-wrap">
      <table class="results-table">
        <caption>Runs, newest first. Speedup is against the latest sequential run of the same program and parameters.</caption>
        <thead><tr>
          <th scope="col">Preset</th><th scope="col">Parameters</th><th scope="col">Mode</th>
          <th scope="col" class="num">Wall time</th><th scope="col" class="num">Speedup</th>
          <th scope="col" class="num">GIL switches</th>
        </tr></thead>
        <tbody></tbody>
      </table>
    </div>
    <p class="results-empty">No runs yet: each run you make is added here, so you can compare modes.</p>`;
  container.append(root);

  const tbody = root.querySelector('tbody');
  const chartBox = root.querySelector('.results-chart');
  const status = root.querySelector('.results-status');
  const clearButton = root.querySelector('[data-action=clear]');
  const listeners = new Set();
  let stored = load(storageKey);
  let counter = 0;

  function runs() {
    return withSpeedups(stored);
  }

  function add(run) {
    const entry = normalize(run, () => `${Date.now().toString(36)}-${(++counter).toString(36)}`);
    stored.push(entry);
    if (stored.length > max) stored = stored.slice(stored.length - max);
    save();
    return runs().find((r) => r.id === entry.id);
  }

  function clear() {
    stored = [];
    save();
  }

  function save() {
    try {
      localStorage.setItem(storageKey, JSON.stringify({ version: 1, runs: stored }));
    } catch {
      // Private mode or a full quota: the history still works for this page's life.
      status.textContent = 'Could not save the history in this browser; it lasts until you reload.';
    }
    changed();
  }

  function changed() {
    update();
    const all = runs();
    for (const cb of listeners) cb(all);
  }

  function update() {
    const all = runs();
    root.classList.toggle('results-has-runs', all.length > 0);
    root.dataset.count = String(all.length);
    tbody.replaceChildren(...[...all].reverse().map(row));
    if (all.length) drawChart(chartBox, all);
    else chartBox.replaceChildren();
  }

  // Another tab added or cleared runs: follow it.
  const onStorage = (e) => {
    if (e.key !== storageKey) return;
    stored = load(storageKey);
    changed();
  };
  window.addEventListener('storage', onStorage);

  // Clearing is two clicks: a stray tap should not lose the history.
  let armed = null;
  root.querySelector('.results-actions').addEventListener('click', (e) => {
    const action = e.target.closest('button')?.dataset.action;
    if (action === 'csv') download('threadlab-runs.csv', exportCSV(runs()), 'text/csv');
    else if (action === 'json') download('threadlab-runs.json', exportJSON(runs()), 'application/json');
    else if (action === 'clear') {
      if (armed) {
        clearTimeout(armed);
        armed = null;
        clearButton.textContent = 'Clear history';
        clear();
        status.textContent = 'History cleared.';
      } else {
        clearButton.textContent = `Click again to delete ${stored.length} run${stored.length === 1 ? '' : 's'}`;
        armed = setTimeout(() => {
          armed = null;
          clearButton.textContent = 'Clear history';
        }, 4000);
      }
    }
  });

  update();
  return {
    add,
    clear,
    runs,
    exportCSV: () => exportCSV(runs()),
    exportJSON: () => exportJSON(runs()),
    onChange(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    destroy() {
      window.removeEventListener('storage', onStorage);
      listeners.clear();
      root.remove();
    },
  };
}

// ---- runs --------------------------------------------------------------------------------

function normalize(run, newId) {
  const params = run.params && typeof run.params === 'object' ? run.params : {};
  return {
    id: run.id ?? newId(),
    time: run.time ?? new Date().toISOString(),
    preset: run.preset || 'custom',
    params,
    mode: run.mode,
    switch_interval: run.switch_interval ?? null,
    wall_ms: Number(run.wall_ms),
    gil_switches: run.gil_switches ?? 0,
    error: run.error ?? null,
    key: run.key ?? runKey(run.code ?? '', params),
  };
}

/** Same program, same parameters: the same key. Parameters in key order, so {a,b} = {b,a}. */
export function runKey(code, params) {
  return hash(`${code}\u0000${stableJSON(params ?? {})}`);
}

function withSpeedups(list) {
  // Each key's latest good sequential run is its baseline.
  const baseline = new Map();
  for (const r of list) {
    if (r.mode === 'sequential' && !r.error && r.wall_ms > 0) baseline.set(r.key, r);
  }
  return list.map((r) => {
    const base = baseline.get(r.key);
    const speedup = base && !r.error && r.wall_ms > 0 ? base.wall_ms / r.wall_ms : null;
    return { ...r, speedup };
  });
}

function load(key) {
  try {
    const data = JSON.parse(localStorage.getItem(key) ?? 'null');
    return Array.isArray(data?.runs) ? data.runs : [];
  } catch {
    return [];
  }
}

// ---- the table and the chart ---------------------------------------------------------------

function row(r) {
  const tr = document.createElement('tr');
  tr.dataset.id = r.id;
  tr.dataset.mode = r.mode;
  if (r.error) tr.classList.add('results-error');
  const cells = [
    ['Preset', r.preset],
    ['Parameters', fmtParams(r.params)],
    ['Mode', MODE_LABELS[r.mode] ?? r.mode],
    ['Wall time', r.error ? `${r.error.type ?? 'error'}` : fmtSeconds(r.wall_ms / 1000), 'num'],
    ['Speedup', r.speedup == null ? '–' : `${r.speedup.toFixed(2)}×`, 'num'],
    ['GIL switches', r.mode === 'gil' ? String(r.gil_switches) : '–', 'num'],
  ];
  for (const [label, text, cls] of cells) {
    const td = document.createElement('td');
    td.dataset.label = label;
    if (cls) td.className = cls;
    if (label === 'Mode') {
      const sw = document.createElement('span');
      sw.className = 'mode-swatch';
      sw.dataset.mode = r.mode;
      const wrap = document.createElement('span'); // one flex item in the narrow layout
      wrap.append(sw, ` ${text}`);
      td.append(wrap);
    } else td.textContent = text;
    if (label === 'Wall time' && r.error) td.title = r.error.message ?? '';
    tr.append(td);
  }
  return tr;
}

/** One group per program (latest first), one bar per mode: its latest run. */
function drawChart(box, all) {
  const groups = new Map();
  for (let i = all.length - 1; i >= 0; i--) {
    const r = all[i];
    if (!groups.has(r.key)) {
      if (groups.size >= CHART_GROUPS) continue;
      groups.set(r.key, { label: r.preset, sublabel: fmtParams(r.params), latest: {} });
    }
    const g = groups.get(r.key);
    if (!g.latest[r.mode]) g.latest[r.mode] = r;
  }
  const chartGroups = [...groups.values()].reverse().map((g) => ({
    label: g.label,
    sublabel: g.sublabel,
    bars: MODES.filter((m) => g.latest[m]).map((m) => ({
      label: MODE_BAR_LABELS[m],
      short: MODE_BAR_SHORT[m],
      mode: m,
      value: g.latest[m].error ? null : g.latest[m].wall_ms / 1000,
    })),
  }));
  barChart(box, { groups: chartGroups, unit: 's', title: 'Wall time of the latest run in each mode' });
}

function fmtParams(params) {
  return Object.entries(params ?? {}).map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : v}`).join(', ');
}

function fmtSeconds(s) {
  if (!Number.isFinite(s)) return '–';
  return s < 1 ? `${(s * 1000).toFixed(s < 0.01 ? 2 : 0)} ms` : `${s.toFixed(2)} s`;
}

// ---- export ------------------------------------------------------------------------------------

export function exportCSV(list) {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of list) {
    lines.push(CSV_COLUMNS.map((c) => {
      let v = r[c];
      if (c === 'params') v = stableJSON(v ?? {});
      else if (c === 'error') v = v ? `${v.type}: ${v.message}${v.line ? ` (line ${v.line})` : ''}` : '';
      else if (c === 'speedup') v = v == null ? '' : v.toFixed(4);
      return csvField(v);
    }).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, its quotes doubled. */
function csvField(v) {
  const s = v == null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function exportJSON(list) {
  return JSON.stringify(list, null, 2);
}

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---- helpers -------------------------------------------------------------------------------------

function stableJSON(v) {
  if (Array.isArray(v)) return `[${v.map(stableJSON).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stableJSON(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/** cyrb53: a fast 53-bit string hash; plenty to tell programs apart in one person's history. */
function hash(str) {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
