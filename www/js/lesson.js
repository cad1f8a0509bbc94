// The lesson card: the list of presets, the chosen preset's claim, and the reading of the
// latest run(s) next to it.
import { PRESETS, genericReading } from './presets.js';

const el = (id) => document.getElementById(id);

export class Lesson {
  /** @param {(preset) => void} onPick  a preset was chosen from the list */
  constructor({ onPick }) {
    this.preset = null;
    this.buttons = new Map();
    const list = el('preset-list');
    for (const p of PRESETS) {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'preset';
      b.dataset.preset = p.id;
      b.setAttribute('aria-pressed', 'false');
      const [kind, ...rest] = p.title.split(': ');
      const small = document.createElement('span');
      small.className = 'preset-kind';
      small.textContent = kind;
      const name = document.createElement('span');
      name.className = 'preset-name';
      name.textContent = rest.join(': ') || kind;
      b.append(small, name);
      b.addEventListener('click', () => onPick(p));
      li.append(b);
      list.append(li);
      this.buttons.set(p.id, b);
    }
  }

  /**
   * Shows a preset's claim, or for null the free-form text: "Your program", or with `shared`
   * "A shared program" (a link's code that is not the lesson it names: never that lesson's title
   * and claim over someone else's program; `basedOn` is the lesson it names).
   */
  show(preset, { shared = false, basedOn = null } = {}) {
    this.preset = preset;
    for (const [id, b] of this.buttons) b.setAttribute('aria-pressed', String(preset?.id === id));
    el('lesson').dataset.preset = preset?.id ?? '';
    el('lesson').dataset.shared = String(!preset && shared);
    el('lesson-title').textContent = preset ? preset.title : shared ? 'A shared program' : 'Your program';
    el('claim').textContent = preset ? preset.claim
      : shared ? 'This program came from a share link. It is not one of the lessons, so there is no claim to check: read it, then run it.'
        : 'Write Python with threads, pick a mode, and run it.';
    el('preset-note').textContent = preset?.note
      ?? (shared && basedOn ? `The link names ${basedOn.title}, but its program is not that lesson's.` : '');
    // A claim that compares modes is shown by "Run all three modes": make that the main button.
    el('run-all').classList.toggle('primary', Boolean(preset?.runAll));
    el('run').classList.toggle('primary', !preset?.runAll);
    this.clearReading();
  }

  clearReading(text = 'Run it to see.') {
    const r = el('reading');
    r.textContent = text;
    r.dataset.state = 'empty';
    delete r.dataset.reading;
  }

  /** The reading of the runs so far: { reports: {mode: report, last}, params }. */
  read(context) {
    let reading = null;
    const last = context.reports[context.reports.last];
    try {
      if (last?.error) reading = errorReading(last);
      else reading = this.preset ? this.preset.reading(withoutFailedRuns(context)) : null;
    } catch (e) {
      console.error('reading failed', e);
    }
    reading ??= genericReading(context);
    const r = el('reading');
    if (!reading) {
      this.clearReading();
      return null;
    }
    r.textContent = reading.text;
    r.dataset.state = reading.data?.error ? 'error' : 'read';
    r.dataset.reading = JSON.stringify(reading.data ?? {});
    return reading;
  }
}

/** The context with only the runs that finished without an error (a lesson compares those). */
function withoutFailedRuns(context) {
  const reports = Object.fromEntries(Object.entries(context.reports).filter(([k, r]) => k === 'last' || !r?.error));
  return { ...context, reports };
}

/** A run that ended in an uncaught exception proves nothing about the claim: say what happened. */
function errorReading(report) {
  const { type, message, line } = report.error;
  return {
    text: `The program stopped with ${type}${line ? ` at line ${line}` : ''}: ${message}`,
    data: { error: report.error },
  };
}
