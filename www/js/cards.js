// "Run all three modes": one summary card per mode, side by side, each with a small timeline
// (a canvas: one lane per thread, coloured by state, on a time axis shared by the three cards so
// their lengths compare at a glance).
import { seconds } from './presets.js';
import { MODES, MODE_LABELS as MODE_NAMES } from './mode-names.js';

const LANE_H = 10;
const LANE_GAP = 3;
/** Most lanes a card's small timeline draws (a run can have 100,000 threads; see timeline.js). */
const MINI_MAX_LANES = 32;

export class CompareCards {
  constructor(panel, host) {
    this.panel = panel;
    this.host = host;
    this.reports = {};
    this.redraw = () => this.drawAll();
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', this.redraw);
    new ResizeObserver(() => this.drawAll()).observe(host);
  }

  clear() {
    this.reports = {};
    this.host.replaceChildren();
    this.panel.hidden = true;
  }

  /** Shows a card per mode: finished, running (pending) or not yet run. */
  show(reports, { running = null, stopped = null, unavailable = {} } = {}) {
    this.reports = reports;
    this.panel.hidden = false;
    this.host.replaceChildren();
    // The sequential run is the baseline only if it finished without an error.
    const seqFailed = Boolean(reports.sequential?.error);
    const seq = seqFailed ? null : reports.sequential?.wall_ms;
    for (const mode of MODES) {
      const r = reports[mode];
      const card = document.createElement('article');
      card.className = 'card';
      card.dataset.mode = mode;
      const h = document.createElement('h3');
      h.textContent = MODE_NAMES[mode];
      card.append(h);
      const facts = document.createElement('p');
      facts.className = 'card-facts';
      if (r?.error) {
        // It failed: no time to compare, and never "faster" (it did not do the same work).
        card.dataset.failed = 'true';
        card.classList.add('card-failed');
        const what = document.createElement('strong');
        what.className = 'card-wall';
        what.textContent = 'failed';
        facts.append(what, ` with ${r.error.type}${r.error.line ? ` at line ${r.error.line}` : ''} after ${seconds(r.wall_ms)}`);
        const message = document.createElement('span');
        message.className = 'card-error mono';
        message.textContent = `${r.error.type}: ${r.error.message}`;
        facts.append(document.createElement('br'), message);
      } else if (r) {
        card.dataset.wallMs = String(r.wall_ms);
        const wall = document.createElement('strong');
        wall.className = 'card-wall mono';
        wall.textContent = seconds(r.wall_ms);
        facts.append(wall);
        const extra = [];
        if (seq && mode !== 'sequential') {
          const ratio = r.wall_ms / seq;
          extra.push(ratio < 0.8 ? `${(seq / r.wall_ms).toFixed(2)}× faster` : `${ratio.toFixed(2)}× the sequential time`);
        } else if (seqFailed && mode !== 'sequential') {
          extra.push('not compared: the sequential run failed');
        }
        if (mode === 'gil') extra.push(`${r.gil_switches} GIL switches`);
        if (extra.length) facts.append(` ${extra.join(' · ')}`);
      } else {
        facts.textContent = unavailable[mode] ? `not run: ${unavailable[mode]}`
          : mode === running ? 'running…' : mode === stopped ? 'stopped (or failed)' : 'not run';
        facts.classList.add('hint');
      }
      card.append(facts);
      if (r) {
        const canvas = document.createElement('canvas');
        canvas.className = 'mini-timeline';
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', describe(r));
        card.append(canvas);
      }
      this.host.append(card);
    }
    this.drawAll();
  }

  drawAll() {
    const walls = MODES.map((m) => this.reports[m]?.wall_ms).filter((x) => x > 0);
    const scale = Math.max(1, ...walls);
    for (const card of this.host.querySelectorAll('.card')) {
      const canvas = card.querySelector('canvas');
      const r = this.reports[card.dataset.mode];
      if (canvas && r) drawMini(canvas, r, scale);
    }
  }
}

export function describe(r) {
  const n = (r.threads ?? []).length;
  const drawn = n > MINI_MAX_LANES ? ` (the first ${MINI_MAX_LANES} drawn)` : '';
  return `${MODE_NAMES[r.mode] ?? r.mode}: ${n} threads over ${seconds(r.wall_ms)}${drawn}`;
}

/** A run's small timeline on `canvas`, scaleMs wide (cards drawn side by side share one scale). */
export function drawMini(canvas, report, scaleMs) {
  const threads = (report.threads ?? []).slice(0, MINI_MAX_LANES);
  const cssW = canvas.clientWidth || 240;
  const cssH = Math.max(1, threads.length) * (LANE_H + LANE_GAP) + LANE_GAP;
  const dpr = window.devicePixelRatio || 1;
  canvas.style.height = `${cssH}px`;
  canvas.width = Math.round(cssW * dpr);
  canvas.height = Math.round(cssH * dpr);
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const css = getComputedStyle(canvas);
  const color = (s) => css.getPropertyValue(`--state-${s}`).trim() || '#888';
  const colors = {};
  const x = (ms) => (ms / scaleMs) * cssW;
  threads.forEach((t, i) => {
    const y = LANE_GAP + i * (LANE_H + LANE_GAP);
    ctx.fillStyle = css.getPropertyValue('--lane-bg').trim() || 'rgba(127,127,127,0.1)';
    ctx.fillRect(0, y, cssW, LANE_H);
    for (const s of t.spans ?? []) {
      if (s.state === 'done') continue;
      const w = x(s.end_ms) - x(s.start_ms);
      if (w <= 0) continue;
      ctx.fillStyle = colors[s.state] ??= color(s.state);
      ctx.fillRect(x(s.start_ms), y, Math.max(w, 0.5), LANE_H);
    }
  });
}
