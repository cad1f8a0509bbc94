// www/dev/visuals.html's script (a file: the CSP allows no inline scripts).
import { createTimeline } from '../js/timeline.js';
import { createResults } from '../js/results.js';
import { drawLessonPicture } from '../js/compare.js';

/** A GIL-switching run made up in the page: `threads` CPU-bound threads taking turns. */
function syntheticGil({ spans = 10000, threads = 2, wallMs = 1000 } = {}) {
  const per = Math.floor(spans / threads);
  const slice = wallMs / per; // one span per slice per lane: a turn is one slice
  const lanes = Array.from({ length: threads }, (_, i) => ({ name: `Thread-${i + 1} (count)`, spans: [] }));
  for (let k = 0; k < per; k++) {
    lanes.forEach((lane, i) => {
      const state = k % threads === i ? 'running' : 'waiting_gil';
      const start = k * slice;
      const last = lane.spans[lane.spans.length - 1];
      // Jitter, as real switching has, so columns of sub-pixel spans mix unevenly.
      lane.spans.push({ state, start_ms: last ? last.end_ms : 0, end_ms: +(start + slice * (0.8 + 0.4 * ((k * 7919 + i) % 13) / 13)).toFixed(3) });
    });
  }
  lanes.forEach((l) => { l.spans[l.spans.length - 1].end_ms = wallMs; });
  return {
    wall_ms: wallMs, mode: 'gil', switch_interval: 0.005, stdout: '', output: [], gil_switches: per,
    error: null,
    threads: [{ name: 'MainThread', spans: [{ state: 'blocked_join', start_ms: 0, end_ms: wallMs }] }, ...lanes],
  };
}

const reports = new Map([['synthetic: 10,000 spans of GIL switching', syntheticGil()]]);
const select = document.getElementById('report-select');
const timeline = createTimeline(document.getElementById('timeline'), {
  onHover: (s) => { document.body.dataset.hover = s ? `${s.thread}|${s.state}` : ''; },
});

function refreshSelect(pick) {
  select.innerHTML = '';
  for (const name of reports.keys()) select.add(new Option(name, name));
  if (pick) select.value = pick;
}
function show(name) {
  const t0 = performance.now();
  timeline.render(reports.get(name));
  return performance.now() - t0;
}
select.addEventListener('change', () => show(select.value));
document.getElementById('report-file').addEventListener('change', async (e) => {
  const file = e.target.files[0];
  if (!file) return;
  reports.set(file.name, JSON.parse(await file.text()));
  refreshSelect(file.name);
  show(file.name);
});

const results = createResults(document.getElementById('results'), { storageKey: 'threadlab.dev-runs' });
document.getElementById('add-demo-runs').addEventListener('click', () => {
  const code = 'count.py';
  const params = { n: 3000000, threads: 2 };
  for (const [mode, s] of [['sequential', 1.5], ['gil', 1.56], ['free', 0.8]]) {
    results.add({ preset: 'counting', code, params, mode, switch_interval: 0.005, wall_ms: s * 1000, gil_switches: mode === 'gil' ? 290 : 0, error: null });
  }
});

const lessonDemo = {
  downloads: { sequential: 3.0, gil: 1.0, free: 1.0 },
  counting: { sequential: 1.5, gil: 1.56, free: 0.8 },
};
document.getElementById('lesson-demo').addEventListener('click', () => drawLessonPicture(document.getElementById('lesson'), lessonDemo));

refreshSelect();
show(select.value);

// For the tests and the console.
window.visuals = {
  timeline, results, drawLessonPicture, syntheticGil, show,
  addReports(map) {
    for (const [k, v] of Object.entries(map)) reports.set(k, v);
    refreshSelect(select.value);
  },
  showReport(name) { select.value = name; return show(name); },
};
document.body.dataset.ready = '1';
