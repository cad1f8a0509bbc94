// Parameter controls generated from annotated literals in the program:
//
//   N = 10_000_000  # param: 1_000..200_000_000
//   LATENCY = 2.0  # param: 0.1..5
//   INTERVAL = 0.005  # param: 0.0005..0.1 log
//
// An int range whose ends are 100x or more apart gets a log-scale slider (so does a float one);
// `log` or `linear` after the range forces either. Moving a slider rewrites the literal in the
// code (big ints keep the underscore style); editing the literal moves the slider.

const NUM = String.raw`-?\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][-+]?\d+)?`;
const LITERAL = String.raw`-?\d[\d_]*(?:\.[\d_]*)?(?:[eE][-+]?\d+)?`;
const LINE_RE = new RegExp(
  String.raw`^([ \t]*)([A-Za-z_]\w*)([ \t]*=[ \t]*)(${LITERAL})([ \t]*#[ \t]*param:[ \t]*)(${NUM})[ \t]*\.\.[ \t]*(${NUM})[ \t]*(log|linear)?[ \t]*$`,
);

/** Positions of a log slider (each a step of the same ratio); linear ones step by a round amount. */
const LOG_STEPS = 200;
const MAX_STEPS = 1000;

const toNumber = (text) => Number(text.replace(/_/g, ''));
const isFloatText = (text) => /[.eE]/.test(text);

/**
 * Finds every annotated literal. Positions are offsets into `code` (for the editor).
 * @returns {Array<{name, line, from, to, text, value, min, max, kind, log, underscores}>}
 */
export function parseParams(code) {
  const params = [];
  let offset = 0;
  const lines = code.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = LINE_RE.exec(lines[i]);
    if (m) {
      const [, indent, name, eq, text, , lo, hi, scale] = m;
      let min = toNumber(lo);
      let max = toNumber(hi);
      const value = toNumber(text);
      if ([min, max, value].every(Number.isFinite) && min !== max) {
        if (min > max) [min, max] = [max, min];
        const kind = isFloatText(text) || isFloatText(lo) || isFloatText(hi) ? 'float' : 'int';
        const log = scale === 'log' || (scale !== 'linear' && min > 0 && max / min >= 100);
        const from = offset + indent.length + name.length + eq.length;
        const decimals = Math.max(decimalsOf(text), decimalsOf(lo), decimalsOf(hi));
        params.push({
          name,
          line: i + 1,
          from,
          to: from + text.length,
          text,
          value,
          min,
          max,
          kind,
          log,
          underscores: text.includes('_'),
          decimals,
          steps: stepsOf(kind, log, min, max, decimals),
        });
      }
    }
    offset += lines[i].length + 1;
  }
  return params;
}

function decimalsOf(text) {
  const m = /\.(\d[\d_]*)/.exec(text);
  return m ? m[1].replace(/_/g, '').length : 0;
}

function stepsOf(kind, log, min, max, decimals) {
  if (log) return LOG_STEPS;
  const step = kind === 'int' ? 1 : linearStep(min, max, decimals);
  return Math.max(1, Math.min(MAX_STEPS, Math.round((max - min) / step)));
}

/** What identifies the set of controls: when it changes, the controls are drawn again. */
export function paramsKey(params) {
  return params.map((p) => `${p.name}:${p.kind}:${p.min}..${p.max}:${p.log}:${p.steps}`).join('|');
}

/** A slider position (0..p.steps) for a value. */
export function positionOf(p, value) {
  const v = Math.min(p.max, Math.max(p.min, value));
  const f = p.log ? Math.log(v / p.min) / Math.log(p.max / p.min) : (v - p.min) / (p.max - p.min);
  return Math.round(f * p.steps);
}

/** The value at a slider position, rounded to something a person would type. */
export function valueAt(p, position) {
  const f = position / p.steps;
  let v = p.log ? p.min * (p.max / p.min) ** f : p.min + f * (p.max - p.min);
  if (p.log) v = roundSignificant(v, 2);
  else if (p.kind === 'float') v = roundTo(v, linearStep(p.min, p.max, p.decimals));
  if (p.kind === 'int') v = Math.round(v);
  return Math.min(p.max, Math.max(p.min, v));
}

function linearStep(min, max, decimals) {
  const step = 10 ** (Math.floor(Math.log10(max - min)) - 2);
  return Math.max(step, 10 ** -(Math.max(decimals, 1) + 1));
}

function roundTo(v, step) {
  return Math.round(v / step) * step;
}

function roundSignificant(v, digits) {
  if (v === 0) return 0;
  const scale = 10 ** (Math.floor(Math.log10(Math.abs(v))) - digits + 1);
  return Math.round(v / scale) * scale;
}

/** Python source for a value, in the literal's own style. */
export function formatValue(p, value) {
  if (p.kind === 'int') {
    const n = Math.round(value);
    const plain = String(Math.abs(n));
    const grouped = p.underscores || Math.abs(n) >= 100_000
      ? plain.replace(/\B(?=(\d{3})+(?!\d))/g, '_')
      : plain;
    return (n < 0 ? '-' : '') + grouped;
  }
  // Floats: no exponent, no float noise (0.30000000000000004), at least one decimal.
  let text = Number(value.toPrecision(12)).toString();
  if (/e/.test(text)) text = value.toFixed(Math.min(20, Math.max(p.decimals, 6))).replace(/0+$/, '');
  if (!text.includes('.')) text += '.0';
  if (text.endsWith('.')) text += '0';
  return text;
}

/**
 * The code with some parameters set (`values`: name -> number, clamped to each range); names that
 * are not parameters of the code are left out of `unknown`.
 * @returns {{code: string, unknown: string[]}}
 */
export function withParams(code, values) {
  const params = parseParams(code);
  const unknown = Object.keys(values).filter((name) => !params.some((p) => p.name === name));
  let out = code;
  // From the end, so earlier offsets stay valid.
  for (const p of [...params].reverse()) {
    if (!(p.name in values) || !Number.isFinite(values[p.name])) continue;
    const v = Math.min(p.max, Math.max(p.min, values[p.name]));
    out = out.slice(0, p.from) + formatValue(p, v) + out.slice(p.to);
  }
  return { code: out, unknown };
}

/** A short human reading of a value for the label next to a slider. */
export function describeValue(p, value) {
  return p.kind === 'int' ? formatValue({ ...p, underscores: true }, value).replace(/_/g, ',') : formatValue(p, value);
}

// ---------------------------------------------------------------------------------------------
// The controls.

export class ParamControls {
  /**
   * @param {HTMLElement} container
   * @param {(param, newText: string) => void} onChange  rewrite param's literal to newText
   */
  constructor(container, onChange) {
    this.container = container;
    this.onChange = onChange;
    this.params = [];
    this.key = null;
    this.inputs = new Map(); // name -> {input, output}
  }

  /** Called on every document change, with the new code. */
  update(code) {
    const params = parseParams(code);
    const key = paramsKey(params);
    this.params = params;
    if (key !== this.key) {
      this.key = key;
      this.render();
      return;
    }
    for (const p of params) {
      const c = this.inputs.get(p.name);
      if (!c) continue;
      c.param = p;
      if (document.activeElement !== c.input || !c.dragging) c.input.value = String(positionOf(p, p.value));
      this.describe(c, p.value);
    }
  }

  render() {
    this.container.replaceChildren();
    this.inputs.clear();
    this.container.hidden = this.params.length === 0;
    for (const p of this.params) {
      const id = `param-${p.name}`;
      const row = document.createElement('div');
      row.className = 'param';
      row.dataset.param = p.name;
      const label = document.createElement('label');
      label.htmlFor = id;
      label.className = 'param-name mono';
      label.textContent = p.name;
      const input = document.createElement('input');
      input.type = 'range';
      input.id = id;
      input.min = '0';
      input.max = String(p.steps);
      input.step = '1';
      input.value = String(positionOf(p, p.value));
      const output = document.createElement('output');
      output.htmlFor = id;
      output.className = 'param-value mono';
      const range = document.createElement('span');
      range.className = 'param-range';
      range.textContent = `${describeValue(p, p.min)} – ${describeValue(p, p.max)}${p.log ? ' (log)' : ''}`;
      row.append(label, input, output, range);
      this.container.append(row);
      const c = { input, output, param: p, dragging: false };
      this.inputs.set(p.name, c);
      this.describe(c, p.value);
      input.addEventListener('input', () => {
        c.dragging = true;
        const value = valueAt(c.param, Number(input.value));
        const text = formatValue(c.param, value);
        if (text !== c.param.text) this.onChange(c.param, text);
        c.dragging = false;
      });
    }
  }

  describe(c, value) {
    c.output.textContent = describeValue(c.param, value);
    c.input.setAttribute('aria-valuetext', `${c.param.name} = ${describeValue(c.param, value)}`);
  }

  /** The current value of a parameter, or undefined. */
  value(name) {
    return this.params.find((p) => p.name === name)?.value;
  }

  values() {
    return Object.fromEntries(this.params.map((p) => [p.name, p.value]));
  }
}
