/**
 * The "Threads, processes or asyncio?" panel: the six times on one bar chart (CPU-bound and
 * I/O-bound, each as threads, a process pool and asyncio tasks), and a card per run with its
 * small timeline and a button that shows the run's whole timeline in the Timeline panel.
 *
 * API
 *   const panel = new WaysPanel(sectionEl, { onShowTimeline(report, key) });
 *   panel.show(reports, { running, params })   reports: {key: report} (ways.js RUNS keys)
 *   panel.clear()                               hides it
 *   panel.shown(key)                            marks the card whose timeline is on screen
 * Each bar's <rect> has data-group (cpu | io), data-way and data-seconds; each card data-key
 * and, once measured, data-wall-ms.
 */
import { barChart } from './chart.js';
import { drawMini } from './cards.js';
import { RUNS, WAYS, JOBS, JOB_LABELS, processesOneAtATime } from './ways.js';

const WAY_LABELS = { threads: 'threads', processes: 'processes', asyncio: 'asyncio' };
/** Under a bar too narrow for the whole word (a phone). */
export const WAY_SHORT = { threads: 'thr.', processes: 'proc.', asyncio: 'async' };

export class WaysPanel {
  constructor(panel, { onShowTimeline }) {
    this.panel = panel;
    this.chartBox = panel.querySelector('.ways-chart');
    this.host = panel.querySelector('.ways-cards');
    this.onShowTimeline = onShowTimeline;
    this.reports = {};
    this.current = null;
    const redraw = () => this.drawTimelines();
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', redraw);
    new ResizeObserver(redraw).observe(this.host);
  }

  clear() {
    this.reports = {};
    this.current = null;
    this.host.replaceChildren();
    this.chartBox.replaceChildren();
    this.panel.hidden = true;
  }

  show(reports, { running = null, params = {} } = {}) {
    this.reports = reports;
    this.panel.hidden = false;
    this.drawChart(params);
    this.host.replaceChildren(...RUNS.map((r) => this.card(r, running)));
    this.drawTimelines();
  }

  shown(key) {
    this.current = key;
    for (const b of this.host.querySelectorAll('button[data-key]')) b.setAttribute('aria-pressed', String(b.dataset.key === key));
  }

  drawChart(params) {
    const n = params.N ?? 10_000_000;
    const tasks = params.TASKS ?? 4;
    const value = (key) => {
      const r = this.reports[key];
      return r && !r.error ? r.wall_ms / 1000 : null;
    };
    if (!RUNS.some((r) => this.reports[r.key])) {
      this.chartBox.replaceChildren();
      return;
    }
    barChart(this.chartBox, {
      groups: JOBS.map((job) => ({
        label: JOB_LABELS[job],
        sublabel: job === 'cpu' ? `${tasks} counts to ${n.toLocaleString('en-US')}` : `${tasks} waits of ${params.LATENCY ?? 2} s`,
        bars: WAYS.map((way) => ({ label: WAY_LABELS[way], short: WAY_SHORT[way], mode: way, value: value(`${job}-${way}`) })),
      })),
      unit: 's',
      title: 'Wall time: two jobs, three ways',
    });
    this.chartBox.querySelectorAll('rect.bar-fill').forEach((rect, i) => {
      const run = RUNS[i];
      rect.dataset.group = run.job;
      rect.dataset.way = run.way;
    });
  }

  card(run, running) {
    const r = this.reports[run.key];
    const card = document.createElement('article');
    card.className = 'card ways-card';
    card.dataset.key = run.key;
    card.dataset.way = run.way;
    const h = document.createElement('h3');
    const swatch = document.createElement('span');
    swatch.className = 'mode-swatch';
    swatch.dataset.mode = run.way;
    h.append(swatch, ` ${JOB_LABELS[run.job]}, ${WAY_LABELS[run.way]}`);
    const facts = document.createElement('p');
    facts.className = 'card-facts';
    card.append(h, facts);
    if (r?.error) {
      card.classList.add('card-failed');
      card.dataset.failed = 'true';
      const what = document.createElement('strong');
      what.className = 'card-wall';
      what.textContent = 'failed';
      const message = document.createElement('span');
      message.className = 'card-error mono';
      message.textContent = `${r.error.type}: ${r.error.message}`;
      facts.append(what, document.createElement('br'), message);
    } else if (r) {
      card.dataset.wallMs = String(r.wall_ms);
      const wall = document.createElement('strong');
      wall.className = 'card-wall mono';
      wall.textContent = `${(r.wall_ms / 1000).toFixed(2)} s`;
      facts.append(wall);
      const threads = this.reports[`${run.job}-threads`];
      const extra = [];
      if (run.way !== 'threads' && threads && !threads.error) {
        const ratio = threads.wall_ms / r.wall_ms;
        extra.push(ratio >= 1.1 ? `${ratio.toFixed(1)}× faster than threads` : ratio <= 0.9 ? `${(1 / ratio).toFixed(1)}× slower than threads` : 'about as fast as threads');
      }
      const processes = new Set((r.threads ?? []).map((t) => t.process ?? 0)).size;
      if (processes > 1) extra.push(`${processes - 1} processes`);
      else if (run.way === 'threads') extra.push(`${(r.threads ?? []).length - 1} threads`);
      if (processesOneAtATime(r)) extra.push('one at a time here');
      if (extra.length) facts.append(` ${extra.join(' · ')}`);
    } else {
      facts.textContent = run.key === running ? 'running…' : 'not run';
      facts.classList.add('hint');
    }
    if (r) {
      const canvas = document.createElement('canvas');
      canvas.className = 'mini-timeline';
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', `${JOB_LABELS[run.job]} as ${run.way}: ${(r.threads ?? []).length} threads over ${(r.wall_ms / 1000).toFixed(2)} s`);
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'small';
      button.dataset.key = run.key;
      button.setAttribute('aria-pressed', String(this.current === run.key));
      button.textContent = 'Show its timeline';
      button.addEventListener('click', () => {
        this.shown(run.key);
        this.onShowTimeline(r, run.key);
      });
      card.append(canvas, button);
    }
    return card;
  }

  drawTimelines() {
    const walls = RUNS.map((r) => this.reports[r.key]?.wall_ms).filter((v) => v > 0);
    const scale = Math.max(1, ...walls);
    for (const card of this.host.querySelectorAll('.card')) {
      const canvas = card.querySelector('canvas');
      const r = this.reports[card.dataset.key];
      if (canvas && r) drawMini(canvas, r, scale);
    }
  }
}
