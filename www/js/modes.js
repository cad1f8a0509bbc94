// The mode selector (sequential / GIL / free-threaded) and the switch-interval control (ms).

export { MODES } from './mode-names.js';
export const DEFAULT_SWITCH_INTERVAL_MS = 5;

const el = (id) => document.getElementById(id);

export class ModeControls {
  constructor({ onChange }) {
    this.radios = [...document.querySelectorAll('input[name="mode"]')];
    this.interval = el('switch-interval');
    this.unavailable = new Map(); // mode -> why it cannot run on this page
    for (const r of this.radios) r.addEventListener('change', () => { this.sync(); onChange(); });
    this.interval.addEventListener('change', () => { this.setSwitchInterval(this.switchIntervalMs); onChange(); });
    this.sync();
  }

  get mode() {
    return this.radios.find((r) => r.checked)?.value ?? 'gil';
  }

  set mode(mode) {
    if (this.unavailable.has(mode)) mode = 'gil';
    const radio = this.radios.find((r) => r.value === mode);
    if (radio) radio.checked = true;
    this.sync();
  }

  /** The switch interval in milliseconds (what the control shows). */
  get switchIntervalMs() {
    const v = Number(this.interval.value);
    return Number.isFinite(v) && v > 0 ? v : DEFAULT_SWITCH_INTERVAL_MS;
  }

  /** In seconds, as the engine and sys.setswitchinterval take it. */
  get switchInterval() {
    return this.switchIntervalMs / 1000;
  }

  setSwitchInterval(ms) {
    const min = Number(this.interval.min);
    const max = Number(this.interval.max);
    const v = Number.isFinite(ms) && ms > 0 ? Math.min(max, Math.max(min, ms)) : DEFAULT_SWITCH_INTERVAL_MS;
    this.interval.value = String(Number(v.toPrecision(6)));
  }

  /** The interval only matters with a GIL: say so next to it. */
  sync() {
    el('switch-interval-field').classList.toggle('inactive', this.mode !== 'gil');
  }

  setDisabled(disabled) {
    for (const r of this.radios) r.disabled = disabled || this.unavailable.has(r.value);
    this.interval.disabled = disabled;
  }

  /** Whether a mode can run here (the others are shown, disabled, with the reason next to them). */
  available(mode) {
    return !this.unavailable.has(mode);
  }

  /**
   * Turns a mode off on this page: its radio is disabled, and the reason is shown next to it with
   * a link (`href`: where it does work, or where it is explained).
   */
  setUnavailable(mode, reason, { href, linkText }) {
    const radio = this.radios.find((r) => r.value === mode);
    if (!radio) return;
    this.unavailable.set(mode, reason);
    radio.disabled = true;
    const label = radio.closest('label');
    label.classList.add('unavailable');
    label.title = reason;
    const note = document.createElement('span');
    note.className = 'mode-unavailable';
    note.dataset.mode = mode;
    note.append(`${reason} · `);
    const a = document.createElement('a');
    a.href = href;
    a.textContent = linkText;
    note.append(a);
    label.after(note);
    if (radio.checked) this.mode = 'gil';
  }
}
