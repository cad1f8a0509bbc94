/**
 * A small grouped bar chart in SVG, drawn by hand: one group per label, one bar per mode.
 *
 * API
 *   import { barChart } from './js/chart.js';
 *   barChart(container, {
 *     groups: [{ label: 'counting', sublabel?: 'n=3000000', bars: [{ label: 'GIL', value: 1.56, mode: 'gil', short? }, ...] }, ...],
 *     unit: 's',            // appended to value labels and the axis
 *     title: 'Wall time',   // the SVG's <title> (and a visible heading unless showTitle: false)
 *     desc,                 // optional <desc>; by default a sentence listing every value
 *     digits,               // optional decimals of value labels (default: 2 under 10, else 1)
 *   }) -> { svg, bars }     // bars: the <rect> elements, in group then bar order
 * Replaces whatever the container held; redraws itself at the container's new width.
 * A bar's `short` label is used when its label does not fit under it (e.g. 'seq.' for 'sequential').
 * A bar with value null/NaN is drawn as a "no value" mark (e.g. a run that failed).
 *
 * Reading it
 *   - Colours: --mode-sequential, --mode-gil, --mode-free, and for ways of running --mode-threads,
 *     --mode-processes, --mode-asyncio (css/results.css). Colour is never the only cue: each
 *     also has its own pattern, and every bar is labelled under it.
 *   - Every bar carries data-group, data-mode, data-label and data-value (and data-seconds when
 *     unit is 's'), so tests and other code can read the chart back.
 */

const NS = 'http://www.w3.org/2000/svg';
// Ways of running (the three-ways preset, the picture's processes column) are styled as modes.
const MODE_PATTERN = { sequential: 'none', gil: 'hatch', free: 'dots', threads: 'hatch', processes: 'stripes', asyncio: 'dots' };
const observers = new WeakMap(); // container -> ResizeObserver of its last chart
let chartCounter = 0;
// Must match .bar-label and .bar-group-label in css/results.css: labels are fitted with these.
const BAR_FONT = '11px system-ui, -apple-system, "Segoe UI", sans-serif';
const GROUP_FONT = '600 12px system-ui, -apple-system, "Segoe UI", sans-serif';

export function barChart(container, options) {
  observers.get(container)?.disconnect();
  const result = draw(container, options);
  // Redraw at a new width: the SVG is drawn in real pixels so text keeps its size on phones.
  let lastWidth = container.clientWidth;
  const ro = new ResizeObserver(() => {
    if (container.clientWidth !== lastWidth && container.isConnected) {
      lastWidth = container.clientWidth;
      const again = draw(container, options);
      result.svg = again.svg;
      result.bars = again.bars;
    }
  });
  ro.observe(container);
  observers.set(container, ro);
  return result;
}

function draw(container, { groups = [], unit = '', title = '', desc, digits, showTitle = true }) {
  const id = `chart-${++chartCounter}`;
  const width = Math.max(260, container.clientWidth || 600);
  const narrow = width < 480;
  const values = groups.flatMap((g) => g.bars.map((b) => b.value)).filter(isNum);
  const max = Math.max(0, ...values);
  const ticks = niceScale(max, 4);
  const top = ticks[ticks.length - 1] || 1;

  const fmt = (v) => `${v.toFixed(digits ?? (v < 10 ? 2 : 1))}${unit ? ` ${unit}` : ''}`;
  const axisW = 44;
  const hasSub = groups.some((g) => g.sublabel);
  const pad = { top: 22, right: 8, bottom: hasSub ? 58 : 44, left: axisW };
  const plotH = narrow ? 170 : 210;
  const height = pad.top + plotH + pad.bottom;
  const plotW = width - pad.left - pad.right;
  const nBars = groups.reduce((n, g) => n + g.bars.length, 0);
  const groupGap = Math.min(40, plotW * 0.08);
  const barGap = 4;
  const barW = Math.max(14, Math.min(72, (plotW - groupGap * groups.length - barGap * nBars) / Math.max(1, nBars)));
  const y = (v) => pad.top + plotH - (v / top) * plotH;

  const svg = svgEl('svg', {
    class: 'bar-chart',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-labelledby': `${id}-title ${id}-desc`,
  });
  const sentence = desc ?? groups.map((g) =>
    `${g.label}${g.sublabel ? ` (${g.sublabel})` : ''}: ${g.bars.map((b) => `${b.label} ${isNum(b.value) ? fmt(b.value) : 'no value'}`).join(', ')}`).join('; ');
  svg.append(svgEl('title', { id: `${id}-title` }, title), svgEl('desc', { id: `${id}-desc` }, sentence));
  svg.append(patterns(id));

  // Value axis: grid lines and labels.
  const axis = svgEl('g', { class: 'bar-chart-axis', 'aria-hidden': 'true' });
  for (const t of ticks) {
    axis.append(svgEl('line', { x1: pad.left, x2: width - pad.right, y1: y(t), y2: y(t), class: t === 0 ? 'baseline' : 'grid' }));
    axis.append(svgEl('text', { x: pad.left - 6, y: y(t), 'text-anchor': 'end', 'dominant-baseline': 'middle' },
      `${+t.toPrecision(3)}${unit ? ` ${unit}` : ''}`));
  }
  svg.append(axis);

  const bars = [];
  // Groups share the width; bars are centred in their group.
  const used = nBars * barW + (nBars - groups.length) * barGap;
  const slack = plotW - used;
  const gap = groups.length ? slack / groups.length : 0;
  let x = pad.left + gap / 2;
  for (const g of groups) {
    const gEl = svgEl('g', { class: 'bar-group', 'data-group': g.label });
    const gx0 = x;
    for (const b of g.bars) {
      const mode = b.mode ?? 'sequential';
      const ok = isNum(b.value);
      const h = ok ? Math.max(ok && b.value > 0 ? 1 : 0, plotH * (b.value / top)) : 0;
      const barG = svgEl('g', { class: `bar mode-${mode}` });
      barG.append(svgEl('title', {}, `${g.label}, ${b.label}: ${ok ? fmt(b.value) : 'no value'}`));
      const rect = svgEl('rect', {
        x, y: pad.top + plotH - h, width: barW, height: h, rx: 2,
        class: 'bar-fill',
        'data-group': g.label, 'data-mode': mode, 'data-label': b.label,
        'data-value': ok ? String(b.value) : '',
      });
      if (unit === 's') rect.setAttribute('data-seconds', ok ? String(b.value) : '');
      barG.append(rect);
      if (MODE_PATTERN[mode] && MODE_PATTERN[mode] !== 'none') {
        barG.append(svgEl('rect', { x, y: pad.top + plotH - h, width: barW, height: h, rx: 2, fill: `url(#${id}-${MODE_PATTERN[mode]})`, class: 'bar-pattern', 'aria-hidden': 'true' }));
      }
      barG.append(svgEl('text', { x: x + barW / 2, y: pad.top + plotH - h - 5, 'text-anchor': 'middle', class: 'bar-value' },
        ok ? fmt(b.value) : '×'));
      barG.append(svgEl('text', { x: x + barW / 2, y: pad.top + plotH + 14, 'text-anchor': 'middle', class: 'bar-label' },
        fitLabel(b.short && b.label.length > b.short.length && textWidth(b.label, BAR_FONT) > barW + barGap ? b.short : b.label, barW + barGap, BAR_FONT)));
      gEl.append(barG);
      bars.push(rect);
      x += barW + barGap;
    }
    const gx1 = x - barGap;
    const room = gx1 - gx0 + gap - 8;
    gEl.append(svgEl('text', { x: (gx0 + gx1) / 2, y: pad.top + plotH + 32, 'text-anchor': 'middle', class: 'bar-group-label' },
      fitLabel(g.label, room, GROUP_FONT)));
    if (g.sublabel) {
      gEl.append(svgEl('text', { x: (gx0 + gx1) / 2, y: pad.top + plotH + 47, 'text-anchor': 'middle', class: 'bar-group-sublabel' },
        fitLabel(g.sublabel, room, BAR_FONT)));
    }
    svg.append(gEl);
    x += gap - barGap;
  }

  // Value labels may not fit above a bar as wide as the text: shrink them on narrow charts.
  if (barW < 40) svg.classList.add('bar-chart-tight');

  container.replaceChildren();
  if (showTitle && title) {
    const h = document.createElement('p');
    h.className = 'bar-chart-title';
    h.setAttribute('aria-hidden', 'true'); // the SVG's <title> already names it
    h.textContent = title;
    container.append(h);
  }
  container.append(svg);
  return { svg, bars };
}

/** Hatching for GIL (one at a time), dots for free-threaded, upright stripes for processes
 * (side by side); sequential stays plain. */
function patterns(id) {
  const defs = svgEl('defs');
  const hatch = svgEl('pattern', { id: `${id}-hatch`, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
  hatch.append(svgEl('rect', { width: 2, height: 6, class: 'pattern-ink' }));
  const dots = svgEl('pattern', { id: `${id}-dots`, width: 6, height: 6, patternUnits: 'userSpaceOnUse' });
  dots.append(svgEl('circle', { cx: 3, cy: 3, r: 1.3, class: 'pattern-ink' }));
  const stripes = svgEl('pattern', { id: `${id}-stripes`, width: 5, height: 6, patternUnits: 'userSpaceOnUse' });
  stripes.append(svgEl('rect', { width: 1.5, height: 6, class: 'pattern-ink' }));
  defs.append(hatch, dots, stripes);
  return defs;
}

/** 0 and 3-5 round steps (1, 2, 2.5 or 5 x 10^k) covering max. */
export function niceScale(max, count = 4) {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw);
  const out = [];
  for (let v = 0; v < max + step * 0.999; v += step) out.push(+v.toPrecision(12));
  return out;
}

let measureCtx = null;
/** The text, cut with an ellipsis to fit widthPx in the given font (measured, not guessed). */
function fitLabel(text, widthPx, font) {
  measureCtx ??= document.createElement('canvas').getContext('2d');
  measureCtx.font = font;
  if (measureCtx.measureText(text).width <= widthPx) return text;
  let n = text.length;
  while (n > 1 && measureCtx.measureText(`${text.slice(0, n)}…`).width > widthPx) n--;
  return `${text.slice(0, n)}…`;
}

function textWidth(text, font) {
  measureCtx ??= document.createElement('canvas').getContext('2d');
  measureCtx.font = font;
  return measureCtx.measureText(text).width;
}

const isNum = (v) => typeof v === 'number' && Number.isFinite(v);

function svgEl(tag, attrs = {}, text) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}
