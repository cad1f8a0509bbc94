/**
 * The run timeline: one lane per Python thread, each span coloured by its state, GIL hand-offs,
 * a time axis, a legend, a tooltip per span, zoom and pan. Canvas, drawn by hand.
 *
 * API
 *   import { createTimeline } from './js/timeline.js';
 *   const tl = createTimeline(container, { onHover });
 *   tl.render(report)   draws a run report ({wall_ms, mode, threads[{name, spans[{state, start_ms,
 *                       end_ms}]}], gil_switches, ...}, as the engine and `threadlab run --json`
 *                       return it); the view resets to the whole run. Synchronous.
 *   tl.clear()          back to the empty state.
 *   tl.destroy()        removes everything it added and every listener.
 *   tl.view()           -> {start_ms, end_ms}, the visible time range.
 *   tl.setView(a, b)    shows [a, b] ms (clamped to the run);  tl.zoom(factor, atMs?);  tl.resetZoom()
 *   tl.locate(lane, ms) -> {x, y} client coordinates of that time on that lane (for tests, pointers)
 *   onHover(info|null)  called with {thread, lane, state, start_ms, end_ms} as the pointer or the
 *                       keyboard moves over a span, null when it leaves.
 * The page must load css/states.css (state colours) and css/timeline.css.
 *
 * Reading it
 *   - Colours come from the CSS variables --state-<state> at every draw, so dark mode and any
 *     theme change apply; a prefers-color-scheme change redraws.
 *   - Spans narrower than a device pixel are not drawn one by one (200 GIL hand-offs a second
 *     would turn into noise): each pixel column shows the share of its time in each state as a
 *     small stacked bar. Zooming in brings back the individual spans.
 *   - In GIL mode a thin line joins two lanes where the GIL passed from one to the other.
 *   - A run with child processes (report.processes, report.threads[].process) groups its lanes
 *     under one heading per process ("Process-1 (pid 2)"), each group led by its process's GIL
 *     row (who held that GIL, the holder's name written on its spans). asyncio tasks
 *     (report.threads[].tasks) are lanes indented under the thread that runs their loop.
 *     A run with neither is drawn as before.
 *   - Keyboard: focus the chart, then arrows move between spans and lanes (the tooltip follows),
 *     + / - zoom, 0 resets. Pointer: wheel or pinch zooms, drag pans, shift+drag or a drag on the
 *     time axis zooms to the selection.
 */

import { MODE_LABELS } from './mode-names.js';
import { deadlockOverlay, fittingPrefix } from './timeline-deadlock.js';

const STATES = ['running', 'waiting_gil', 'sleeping', 'blocked_join', 'blocked_lock', 'done', 'ready', 'awaiting', 'gil_held'];
// Only in a run with asyncio tasks / GIL rows: in the legend when present.
const TASK_STATES = ['ready', 'awaiting'];
// Always in the legend, so a learner sees what could have happened, not only what did.
const BASIC_STATES = ['running', 'waiting_gil', 'sleeping', 'done'];
const STATE_LABELS = {
  running: 'running',
  waiting_gil: 'waiting for the GIL',
  sleeping: 'sleeping (I/O)',
  blocked_join: 'waiting in join()',
  blocked_lock: 'waiting for a lock',
  done: 'finished',
  ready: 'task ready (waiting for its loop)',
  awaiting: 'task awaiting (sleep or I/O)',
  gil_held: 'holds the GIL (GIL row)',
};
// Used when states.css is missing: Okabe-Ito, as states.css defines them.
const FALLBACK_COLORS = {
  running: '#009e73', waiting_gil: '#e69f00', sleeping: '#56b4e9',
  blocked_join: '#cc79a7', blocked_lock: '#d55e00', done: '#bdbdbd', ready: '#f0e442', awaiting: '#0072b2',
  gil_held: '#4d4d4d', unknown: '#888888',
};
const UNKNOWN = STATES.length; // index of any state this version does not know

// Layout, CSS pixels.
const AXIS_H = 26;
const LANE_H = 20;
const LANE_GAP = 8;
const STACKED_LABEL_H = 16; // narrow layout: the label sits above its lane
const HEAD_H = 22; // a process's heading, above its group of lanes
const TASK_INDENT = 14; // a task's label, indented under its thread's
/** Most asyncio task lanes drawn (over all threads); the rest are counted in a line below. */
export const MAX_TASK_LANES = 64;
const NARROW_PX = 560;
const PAD_R = 10;
const MIN_HANDOFF_GAP = 3; // hand-off lines closer than this merge into one
const DENSE_HANDOFF_PX = 6; // hand-offs closer than this on average: ticks, not connectors
const FONT = '12px system-ui, -apple-system, "Segoe UI", sans-serif';
/**
 * Most lanes drawn. A program that starts threads in a loop can report 100,000 threads: one lane
 * each would be a canvas millions of pixels tall and seconds to draw. Past this the timeline
 * draws the first MAX_LANES threads and sums up the rest in one line (and in the summary table).
 * 65: the main thread and the 64 threads that can be alive at once, so a program that keeps its
 * threads alive together is drawn whole.
 */
export const MAX_LANES = 65;

let idCounter = 0;

export function createTimeline(container, { onHover } = {}) {
  const uid = `tl-${++idCounter}`;
  const root = el('div', 'tl');
  root.innerHTML = `
    <div class="tl-toolbar">
      <div class="tl-zoom" role="group" aria-label="Zoom">
        <button type="button" class="tl-zoom-out" aria-label="Zoom out" title="Zoom out (-)">−</button>
        <button type="button" class="tl-zoom-in" aria-label="Zoom in" title="Zoom in (+)">+</button>
        <button type="button" class="tl-zoom-reset" title="Show the whole run (0)">Reset</button>
      </div>
      <span class="tl-range" aria-live="off"></span>
    </div>
    <ul class="tl-legend" aria-label="Legend"></ul>
    <div class="tl-plot">
      <canvas class="tl-canvas" role="img" tabindex="0" aria-describedby="${uid}-help"></canvas>
      <p class="tl-empty">Run a program to see its threads here.</p>
    </div>
    <p class="tl-rest" hidden></p>
    <p class="tl-help" id="${uid}-help">Wheel or pinch to zoom, drag to pan, shift+drag to zoom to a range. With the keyboard: arrows move between spans and threads, + and - zoom, 0 resets.</p>
    <div class="tl-tooltip" role="tooltip" id="${uid}-tip" hidden></div>
    <div class="tl-sr-only" aria-live="polite" data-role="announce"></div>
    <div class="tl-sr-only"><table class="tl-summary"></table></div>`;
  container.append(root);

  const $ = (sel) => root.querySelector(sel);
  const canvas = $('.tl-canvas');
  const ctx = canvas.getContext('2d');
  const plot = $('.tl-plot');
  const tip = $('.tl-tooltip');
  const announce = $('[data-role=announce]');
  const rangeOut = $('.tl-range');

  let model = null; // from buildModel(report)
  let deadlock = null; // from deadlockOverlay(): the report's deadlock, drawn over the lanes
  let v0 = 0; // visible range, ms
  let v1 = 1;
  let layout = null; // from computeLayout(), refreshed by draw()
  let focus = null; // {lane, index}: the keyboard's span
  let selection = null; // {a, b} ms while shift-dragging
  let rafPending = false;
  let bins = new Float32Array(0); // reused per lane: device column x state -> share of the column
  let colState = new Int8Array(0); // reused per lane: the state covering a column whole, or -1

  // ---- drawing -------------------------------------------------------------------------

  function draw() {
    rafPending = false;
    const cssW = Math.max(200, plot.clientWidth || container.clientWidth || 600);
    const dpr = window.devicePixelRatio || 1;
    if (!model) {
      canvas.width = 0;
      canvas.height = 0;
      canvas.style.height = '0px';
      return;
    }
    ctx.font = FONT;
    layout = computeLayout(cssW, model, ctx);
    const w = Math.round(cssW * dpr);
    const h = Math.round(layout.height * dpr);
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    canvas.style.height = `${layout.height}px`;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, cssW, layout.height);
    ctx.font = FONT;

    const colors = readColors(root);
    drawAxis(colors);
    const img = ctx.createImageData(
      Math.max(1, Math.min(Math.ceil(layout.plotW * dpr), w - Math.round(layout.plotX * dpr))),
      Math.round(LANE_H * dpr),
    );
    model.lanes.forEach((lane, i) => drawLane(lane, layout.laneY[i], colors, dpr, img));
    if (model.gil) drawHandoffs(colors);
    drawGilHolders(colors);
    drawLabels(colors);
    deadlock?.draw(ctx, { xOf, laneY: layout.laneY, laneH: LANE_H, plotX: layout.plotX, plotW: layout.plotW, colors });
    if (focus) drawFocus(colors);
    if (selection) drawSelection(colors);
    rangeOut.textContent = `${fmtTime(v0, v1 - v0)} – ${fmtTime(v1, v1 - v0)}`;
    root.dataset.viewStart = v0.toFixed(3);
    root.dataset.viewEnd = v1.toFixed(3);
  }

  function schedule() {
    if (rafPending) return;
    rafPending = true;
    requestAnimationFrame(draw);
  }

  const xOf = (ms) => layout.plotX + ((ms - v0) / (v1 - v0)) * layout.plotW;
  const msOf = (x) => v0 + ((x - layout.plotX) / layout.plotW) * (v1 - v0);

  function drawAxis(c) {
    const { plotX, plotW, height } = layout;
    const span = v1 - v0;
    ctx.fillStyle = c.muted;
    ctx.strokeStyle = c.grid;
    ctx.lineWidth = 1;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'center';
    let lastRight = -Infinity;
    for (const t of niceTicks(v0, v1, plotW, ctx)) {
      const x = Math.round(xOf(t)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(x, AXIS_H - 6);
      ctx.lineTo(x, height);
      ctx.stroke();
      const label = fmtTime(t, span);
      const half = ctx.measureText(label).width / 2;
      // Keep the first and last labels inside the canvas rather than cut in half; a label
      // pushed into its neighbour's room is left out (its grid line stays).
      const lx = Math.min(Math.max(x, half + 1), plotX + plotW + PAD_R - half - 1);
      if (lx - half < lastRight + 8) continue;
      lastRight = lx + half;
      ctx.fillText(label, lx, AXIS_H / 2 - 2);
    }
    ctx.beginPath();
    ctx.moveTo(plotX, AXIS_H - 0.5);
    ctx.lineTo(plotX + plotW, AXIS_H - 0.5);
    ctx.stroke();
  }

  /**
   * A lane is painted pixel by pixel (one putImageData), not with paths: thousands of tiny
   * rectangles cost the canvas more to rasterize than the rest of the draw. A device-pixel column
   * that one span covers whole takes that span's colour. The share of a partly covered column
   * (narrow spans, and the ends of wide ones) goes to per-column bins, and such a column is drawn
   * as a stack of its states' shares, in STATES order.
   */
  function drawLane(lane, y, c, dpr, img) {
    const cols = img.width;
    const rows = img.height;
    const ns = STATES.length + 1;
    if (bins.length < cols * ns) bins = new Float32Array(cols * ns);
    else bins.fill(0, 0, cols * ns);
    if (colState.length < cols) colState = new Int8Array(cols);
    colState.fill(-1, 0, cols);
    const colPerMs = cols / (v1 - v0);
    const addToBins = (a, b, s) => {
      for (let col = Math.floor(a); col < b; col++) bins[col * ns + s] += Math.min(b, col + 1) - Math.max(a, col);
    };

    const n = lane.start.length;
    for (let i = firstEndingAfter(lane.end, v0); i < n && lane.start[i] < v1; i++) {
      const s = lane.state[i];
      const c0 = (Math.max(lane.start[i], v0) - v0) * colPerMs;
      const c1 = Math.min((Math.min(lane.end[i], v1) - v0) * colPerMs, cols);
      if (!(c1 > c0)) continue;
      const full0 = Math.ceil(c0);
      const full1 = Math.floor(c1);
      if (full1 > full0) {
        colState.fill(s, full0, full1);
        addToBins(c0, full0, s);
        addToBins(full1, c1, s);
      } else addToBins(c0, c1, s);
    }

    const px = new Uint32Array(img.data.buffer);
    const bg = c.laneBgPx;
    for (let col = 0; col < cols; col++) {
      const full = colState[col];
      if (full >= 0) {
        const v = c.statePx[full];
        for (let r = 0, k = col; r < rows; r++, k += cols) px[k] = v;
        continue;
      }
      let total = 0;
      for (let s = 0; s < ns; s++) total += bins[col * ns + s];
      if (total <= 0) {
        for (let r = 0, k = col; r < rows; r++, k += cols) px[k] = bg;
        continue;
      }
      let row = 0;
      let acc = 0;
      for (let s = 0; s < ns; s++) {
        const v = bins[col * ns + s];
        if (v <= 0) continue;
        acc += v;
        const until = Math.round((acc / total) * rows);
        const color = c.statePx[s];
        for (let k = row * cols + col; row < until; row++, k += cols) px[k] = color;
      }
    }
    ctx.putImageData(img, Math.round(layout.plotX * dpr), Math.round(y * dpr));
  }

  /**
   * Where hand-offs are a few pixels apart or more, a line joins the two lanes (with an arrow head
   * when there is room). Denser than that, connectors would hatch over the spans, so each
   * hand-off becomes a short tick in the gap above the lane that took the GIL: a rug that still
   * shows where and how often the GIL moved. Zooming in brings the connectors back.
   */
  function drawHandoffs(c) {
    const list = model.handoffs;
    const { laneY, plotW } = layout;
    const i0 = firstAtOrAfter(model.handoffT, v0);
    const i1 = firstAtOrAfter(model.handoffT, v1 + 1e-9);
    const rug = (i1 - i0) * DENSE_HANDOFF_PX > plotW;
    ctx.strokeStyle = c.handoff;
    ctx.fillStyle = c.handoff;
    ctx.lineWidth = 1;
    const path = new Path2D();
    const heads = new Path2D();
    let lastX = -Infinity;
    let shown = 0;
    for (let i = i0; i < i1; i++) {
      const h = list[i];
      const x = Math.round(xOf(h.t)) + 0.5;
      if (x - lastX < (rug ? 2 : MIN_HANDOFF_GAP)) continue;
      lastX = x;
      shown++;
      if (rug) {
        path.moveTo(x, laneY[h.to] - 5);
        path.lineTo(x, laneY[h.to] - 1);
        continue;
      }
      const down = laneY[h.to] > laneY[h.from];
      const ya = laneY[h.from] + LANE_H / 2;
      const yb = down ? laneY[h.to] + 2 : laneY[h.to] + LANE_H - 2;
      path.moveTo(x, ya);
      path.lineTo(x, yb);
      const next = list[i + 1];
      if (!next || xOf(next.t) - x > 10) {
        const d = down ? -1 : 1;
        heads.moveTo(x, yb);
        heads.lineTo(x - 3, yb + 4 * d);
        heads.lineTo(x + 3, yb + 4 * d);
        heads.closePath();
      }
    }
    ctx.stroke(path);
    ctx.fill(heads);
    root.dataset.handoffsShown = String(shown);
    root.dataset.handoffStyle = rug ? 'rug' : 'connectors';
  }

  function drawLabels(c) {
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    model.lanes.forEach((lane, i) => {
      const y = layout.laneY[i];
      const indent = lane.kind === 'task' ? TASK_INDENT : 0;
      ctx.font = lane.kind === 'gil' ? `600 ${FONT}` : FONT;
      if (layout.stacked) {
        // Above the lane, where hand-off lines pass: a backing keeps the name readable.
        const text = fitText(ctx, lane.label, layout.plotW - 8 - indent);
        const ty = y - STACKED_LABEL_H / 2 - 1;
        ctx.fillStyle = c.background;
        ctx.fillRect(layout.plotX - 2 + indent, ty - 7, ctx.measureText(text).width + 6, 14);
        ctx.fillStyle = lane.kind === 'task' ? c.muted : c.text;
        ctx.fillText(text, layout.plotX + indent, ty);
      } else {
        ctx.fillStyle = lane.kind === 'task' ? c.muted : c.text;
        ctx.fillText(fitText(ctx, lane.label, layout.plotX - 14 - indent), 8 + indent, y + LANE_H / 2);
      }
    });
    ctx.font = `600 ${FONT}`;
    for (const h of layout.heads) {
      ctx.fillStyle = c.text;
      ctx.fillText(fitText(ctx, h.label, layout.plotX + layout.plotW - 8), 8, h.y + HEAD_H / 2);
      ctx.strokeStyle = c.grid;
      ctx.beginPath();
      ctx.moveTo(0, Math.round(h.y) + 0.5);
      ctx.lineTo(layout.plotX + layout.plotW, Math.round(h.y) + 0.5);
      ctx.stroke();
    }
    ctx.font = FONT;
  }

  /** On a GIL row: a hairline where the GIL changed hands, and the holder's name where it fits. */
  function drawGilHolders(c) {
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'center';
    model.lanes.forEach((lane, li) => {
      if (lane.kind !== 'gil') return;
      const y = layout.laneY[li];
      for (let i = firstEndingAfter(lane.end, v0); i < lane.start.length && lane.start[i] < v1; i++) {
        const x0 = Math.max(layout.plotX, xOf(lane.start[i]));
        const x1 = Math.min(layout.plotX + layout.plotW, xOf(lane.end[i]));
        if (x1 - x0 < 4) continue;
        ctx.fillStyle = c.background;
        if (lane.start[i] >= v0) ctx.fillRect(Math.round(x0), y, 1, LANE_H);
        const name = lane.holders[i];
        const w = ctx.measureText(name).width;
        if (w + 10 <= x1 - x0) {
          ctx.fillStyle = c.gilInk;
          ctx.fillText(name, (x0 + x1) / 2, y + LANE_H / 2);
        }
      }
    });
    ctx.textAlign = 'left';
  }

  function drawFocus(c) {
    const lane = model.lanes[focus.lane];
    const x0 = Math.max(layout.plotX, xOf(lane.start[focus.index]));
    const x1 = Math.min(layout.plotX + layout.plotW, xOf(lane.end[focus.index]));
    const y = layout.laneY[focus.lane];
    ctx.strokeStyle = c.text;
    ctx.lineWidth = 2;
    ctx.strokeRect(x0 - 1, y - 2, Math.max(2, x1 - x0) + 2, LANE_H + 4);
  }

  function drawSelection(c) {
    const xa = xOf(Math.min(selection.a, selection.b));
    const xb = xOf(Math.max(selection.a, selection.b));
    ctx.fillStyle = c.selection;
    ctx.fillRect(xa, 0, xb - xa, layout.height);
  }

  // ---- view ----------------------------------------------------------------------------

  function setView(a, b, { now = false } = {}) {
    if (!model) return;
    const full = model.wall;
    const minSpan = Math.max(full * 1e-5, 0.02);
    let span = Math.min(full, Math.max(minSpan, b - a));
    let start = Math.min(Math.max(0, a), full - span);
    if (!(span > 0)) span = full;
    if (!Number.isFinite(start)) start = 0;
    v0 = start;
    v1 = start + span;
    if (now) draw();
    else schedule();
  }

  function zoom(factor, at = (v0 + v1) / 2) {
    const a = at - (at - v0) / factor;
    const b = at + (v1 - at) / factor;
    setView(a, b);
  }

  const resetZoom = () => model && setView(0, model.wall);
  const isFull = () => !model || (v0 <= 0 && v1 >= model.wall);

  // ---- hit testing and the tooltip -------------------------------------------------------

  function laneAt(y) {
    if (!layout) return -1;
    for (let i = 0; i < layout.laneY.length; i++) {
      const top = layout.laneY[i];
      if (y >= top - LANE_GAP / 2 && y < top + LANE_H + LANE_GAP / 2) return i;
    }
    return -1;
  }

  function spanAt(laneIndex, ms) {
    const lane = model.lanes[laneIndex];
    const i = firstEndingAfter(lane.end, ms);
    if (i < lane.start.length && lane.start[i] <= ms) return i;
    return -1;
  }

  /** How many spans of the lane share the pixel column around ms (to say "zoom in"). */
  function spansInPixel(laneIndex, ms) {
    const lane = model.lanes[laneIndex];
    const half = ((v1 - v0) / layout.plotW) / 2;
    const a = firstEndingAfter(lane.end, ms - half);
    let b = a;
    while (b < lane.start.length && lane.start[b] < ms + half) b++;
    return b - a;
  }

  function spanInfo(laneIndex, i) {
    const lane = model.lanes[laneIndex];
    const info = {
      thread: lane.name,
      lane: laneIndex,
      state: lane.stateName[i],
      start_ms: lane.start[i],
      end_ms: lane.end[i],
    };
    if (lane.kind === 'task') info.task = lane.task;
    if (lane.kind === 'gil') info.holder = lane.holders[i];
    if (lane.processName) info.process = lane.processName;
    return info;
  }

  function showTip(laneIndex, i, clientX, clientY, crowd = 1) {
    const s = spanInfo(laneIndex, i);
    const stateLabel = STATE_LABELS[s.state] ?? s.state;
    tip.innerHTML = '';
    const head = el('div', 'tl-tip-thread');
    head.textContent = s.task ? `${s.task}, a task of ${s.thread}` : s.thread;
    if (s.process && !s.holder) head.textContent += `, ${s.process}`;
    const st = el('div', 'tl-tip-state');
    const sw = el('span', 'state-swatch');
    sw.dataset.state = s.state;
    st.append(sw, s.holder ? ` held by ${s.holder}` : ` ${stateLabel}`);
    const dl = el('dl', 'tl-tip-times');
    for (const [k, v] of [['start', fmtPrecise(s.start_ms)], ['end', fmtPrecise(s.end_ms)],
      ['duration', fmtPrecise(s.end_ms - s.start_ms)]]) {
      const dt = el('dt');
      dt.textContent = k;
      const dd = el('dd');
      dd.textContent = v;
      dl.append(dt, dd);
    }
    tip.append(head, st, dl);
    if (crowd > 1) {
      const more = el('div', 'tl-tip-more');
      more.textContent = `${crowd} spans in this pixel: zoom in to see each`;
      tip.append(more);
    }
    tip.dataset.thread = s.thread;
    tip.dataset.state = s.state;
    tip.hidden = false;
    placeTip(clientX, clientY);
    canvas.setAttribute('aria-describedby', `${uid}-tip ${uid}-help`);
    onHover?.(s);
    return s;
  }

  /** Beside the point, flipped and clamped so it never leaves the viewport. */
  function placeTip(x, y) {
    const r = tip.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    let left = x + 14;
    if (left + r.width > vw - 4) left = x - 14 - r.width;
    left = Math.max(4, Math.min(left, vw - r.width - 4));
    let top = y + 16;
    if (top + r.height > vh - 4) top = y - 12 - r.height;
    top = Math.max(4, top);
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  }

  function hideTip() {
    if (tip.hidden) return;
    tip.hidden = true;
    canvas.setAttribute('aria-describedby', `${uid}-help`);
    onHover?.(null);
  }

  // ---- pointer ---------------------------------------------------------------------------

  const pointers = new Map(); // pointerId -> {x, y}
  let drag = null; // {kind: 'pan'|'select'|'pinch', ...}

  function local(e) {
    const r = canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  function hover(e) {
    if (!model || !layout) return;
    const p = local(e);
    const lane = laneAt(p.y);
    if (lane < 0 || p.x < layout.plotX || p.x > layout.plotX + layout.plotW) {
      if (!focus) hideTip();
      canvas.style.cursor = p.y < AXIS_H ? 'col-resize' : 'grab';
      return;
    }
    canvas.style.cursor = 'grab';
    const ms = msOf(p.x);
    const i = spanAt(lane, ms);
    if (i < 0) {
      hideTip();
      return;
    }
    showTip(lane, i, e.clientX, e.clientY, spansInPixel(lane, ms));
  }

  function onPointerDown(e) {
    if (!model || !layout || e.button > 0) return;
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    canvas.setPointerCapture?.(e.pointerId);
    const p = local(e);
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      drag = { kind: 'pinch', dist: Math.hypot(a.x - b.x, a.y - b.y) || 1, v0, v1 };
      selection = null;
      return;
    }
    const kind = e.shiftKey || p.y < AXIS_H ? 'select' : 'pan';
    drag = { kind, x: p.x, v0, v1, moved: false };
    if (kind === 'select') selection = { a: msOf(p.x), b: msOf(p.x) };
    else canvas.style.cursor = 'grabbing';
  }

  function onPointerMove(e) {
    if (pointers.has(e.pointerId)) pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (!drag) return hover(e);
    const p = local(e);
    if (drag.kind === 'pinch' && pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      const dist = Math.hypot(a.x - b.x, a.y - b.y) || 1;
      const mid = (a.x + b.x) / 2 - canvas.getBoundingClientRect().left;
      const span = (drag.v1 - drag.v0) * (drag.dist / dist);
      const at = drag.v0 + ((mid - layout.plotX) / layout.plotW) * (drag.v1 - drag.v0);
      const frac = (mid - layout.plotX) / layout.plotW;
      setView(at - frac * span, at - frac * span + span);
      return;
    }
    if (Math.abs(p.x - drag.x) > 3) drag.moved = true;
    if (drag.kind === 'pan') {
      hideTip();
      const dms = ((p.x - drag.x) / layout.plotW) * (drag.v1 - drag.v0);
      setView(drag.v0 - dms, drag.v1 - dms);
    } else if (drag.kind === 'select') {
      selection.b = Math.max(0, Math.min(model.wall, msOf(p.x)));
      schedule();
    }
  }

  function onPointerUp(e) {
    pointers.delete(e.pointerId);
    if (!drag) return;
    const d = drag;
    drag = pointers.size ? drag : null;
    canvas.style.cursor = 'grab';
    if (d.kind === 'select') {
      const { a, b } = selection;
      selection = null;
      if (d.moved && Math.abs(b - a) > 0) setView(Math.min(a, b), Math.max(a, b));
      else schedule();
    } else if (d.kind === 'pan' && !d.moved) {
      hover(e); // a tap shows the span's tooltip (touch has no hover)
    }
  }

  function onWheel(e) {
    if (!model || !layout) return;
    const horizontal = Math.abs(e.deltaX) > Math.abs(e.deltaY);
    if (horizontal) {
      e.preventDefault();
      const dms = (e.deltaX / layout.plotW) * (v1 - v0);
      setView(v0 + dms, v1 + dms);
      return;
    }
    // Zooming out of the whole run is a no-op: let the page scroll instead of trapping it.
    if (e.deltaY > 0 && isFull()) return;
    e.preventDefault();
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
    const factor = Math.exp((-e.deltaY * unit) * 0.002);
    zoom(factor, msOf(local(e).x));
    hideTip();
  }

  // ---- keyboard --------------------------------------------------------------------------

  function focusSpan(laneIndex, i) {
    const lane = model.lanes[laneIndex];
    if (!lane || i < 0 || i >= lane.start.length) return;
    focus = { lane: laneIndex, index: i };
    // Bring the span into view, keeping the zoom level.
    const span = v1 - v0;
    if (lane.end[i] < v0 || lane.start[i] > v1) {
      const mid = (lane.start[i] + lane.end[i]) / 2;
      setView(mid - span / 2, mid + span / 2, { now: true });
    } else draw();
    const r = canvas.getBoundingClientRect();
    const x = Math.max(layout.plotX, Math.min(layout.plotX + layout.plotW, xOf(Math.max(lane.start[i], v0))));
    const s = showTip(laneIndex, i, r.left + x, r.top + layout.laneY[laneIndex] + LANE_H);
    announce.textContent = `${s.thread}: ${STATE_LABELS[s.state] ?? s.state} from ${fmtPrecise(s.start_ms)} to ${fmtPrecise(s.end_ms)}, ${fmtPrecise(s.end_ms - s.start_ms)}`;
  }

  function onKey(e) {
    if (!model) return;
    const key = e.key;
    if (key === '+' || key === '=') zoom(2);
    else if (key === '-' || key === '_') zoom(0.5);
    else if (key === '0') resetZoom();
    else if (key === 'Escape') {
      focus = null;
      hideTip();
      schedule();
    } else if (['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(key)) {
      const nLanes = model.lanes.length;
      if (!nLanes) return;
      let { lane, index } = focus ?? { lane: 0, index: -1 };
      const mid = focus ? (model.lanes[lane].start[index] + model.lanes[lane].end[index]) / 2 : v0;
      if (!focus) {
        index = Math.max(0, firstEndingAfter(model.lanes[0].end, v0));
      } else if (key === 'ArrowLeft') index -= 1;
      else if (key === 'ArrowRight') index += 1;
      else if (key === 'Home') index = 0;
      else if (key === 'End') index = model.lanes[lane].start.length - 1;
      else {
        // Up/down: the span of the next lane (that has spans) at the same moment.
        const step = key === 'ArrowUp' ? -1 : 1;
        let l = lane + step;
        while (l >= 0 && l < nLanes && model.lanes[l].start.length === 0) l += step;
        if (l < 0 || l >= nLanes) return e.preventDefault();
        lane = l;
        const lane2 = model.lanes[lane];
        index = Math.min(lane2.start.length - 1, firstEndingAfter(lane2.end, mid));
      }
      index = Math.max(0, Math.min(model.lanes[lane].start.length - 1, index));
      focusSpan(lane, index);
    } else return;
    e.preventDefault();
  }

  // ---- wiring ----------------------------------------------------------------------------

  const onLeave = () => {
    if (!drag && !focus) hideTip();
  };
  const onBlur = () => {
    focus = null;
    hideTip();
    schedule();
  };
  const onScroll = () => {
    if (!focus) hideTip();
  };
  $('.tl-zoom-in').addEventListener('click', () => zoom(2));
  $('.tl-zoom-out').addEventListener('click', () => zoom(0.5));
  $('.tl-zoom-reset').addEventListener('click', resetZoom);
  canvas.addEventListener('pointerdown', onPointerDown);
  canvas.addEventListener('pointermove', onPointerMove);
  canvas.addEventListener('pointerup', onPointerUp);
  canvas.addEventListener('pointercancel', onPointerUp);
  canvas.addEventListener('pointerleave', onLeave);
  canvas.addEventListener('wheel', onWheel, { passive: false });
  canvas.addEventListener('keydown', onKey);
  canvas.addEventListener('blur', onBlur);
  window.addEventListener('scroll', onScroll, { passive: true });
  // Redraw at a new width, and when the colour scheme (hence the CSS variables) changes.
  let lastWidth = 0;
  const resizer = new ResizeObserver(() => {
    const w = plot.clientWidth;
    if (w !== lastWidth) {
      lastWidth = w;
      if (model) draw();
    }
  });
  resizer.observe(plot);
  const scheme = window.matchMedia('(prefers-color-scheme: dark)');
  const onScheme = () => model && draw();
  scheme.addEventListener('change', onScheme);

  function render(report) {
    model = buildModel(report);
    focus = null;
    selection = null;
    hideTip();
    root.classList.toggle('tl-has-data', true);
    root.dataset.mode = model.mode;
    root.dataset.handoffs = String(model.handoffs.length);
    canvas.setAttribute('aria-label', describe(model));
    renderLegend($('.tl-legend'), model);
    renderSummaryTable($('.tl-summary'), model);
    const rest = restSummary(model);
    $('.tl-rest').textContent = rest ?? '';
    $('.tl-rest').hidden = !rest;
    root.dataset.drawnThreads = String(model.threadLanes);
    root.dataset.threads = String(model.threadLanes + model.rest.threads);
    root.dataset.processes = String(model.groups.length || 1);
    root.dataset.gilRows = String(model.lanes.filter((l) => l.kind === 'gil').length);
    root.dataset.tasks = String(model.lanes.filter((l) => l.kind === 'task').length);
    deadlock = deadlockOverlay(root, report, model.lanes);
    v0 = 0;
    v1 = model.wall;
    draw();
  }

  function clear() {
    model = null;
    layout = null;
    focus = null;
    deadlock = deadlockOverlay(root, null, []);
    hideTip();
    root.classList.remove('tl-has-data');
    canvas.removeAttribute('aria-label');
    $('.tl-legend').innerHTML = '';
    $('.tl-summary').innerHTML = '';
    $('.tl-rest').hidden = true;
    rangeOut.textContent = '';
    draw();
  }

  function destroy() {
    resizer.disconnect();
    scheme.removeEventListener('change', onScheme);
    window.removeEventListener('scroll', onScroll);
    root.remove();
  }

  function locate(laneIndex, ms) {
    const r = canvas.getBoundingClientRect();
    return { x: r.left + xOf(ms), y: r.top + layout.laneY[laneIndex] + LANE_H / 2 };
  }

  /** The drawn rows, top to bottom: {kind: 'thread'|'task'|'gil', name, task?, process} (for tests). */
  function rows() {
    return model ? model.lanes.map((l) => ({ kind: l.kind, name: l.name, task: l.task, process: l.process, label: l.label })) : [];
  }

  clear();
  return {
    render,
    clear,
    destroy,
    view: () => ({ start_ms: v0, end_ms: v1 }),
    setView: (a, b) => setView(a, b, { now: true }),
    zoom: (f, at) => {
      zoom(f, at);
      draw();
    },
    resetZoom: () => {
      resetZoom();
      draw();
    },
    locate,
    rows,
  };
}

// ---- the model: typed arrays per lane, hand-offs, totals --------------------------------

function buildModel(report) {
  const stateIndex = new Map(STATES.map((s, i) => [s, i]));
  let wall = Number(report?.wall_ms) || 0;
  const threads = Array.isArray(report?.threads) ? report.threads : [];
  const drawn = threads.slice(0, MAX_LANES);
  const processes = Array.isArray(report?.processes) ? report.processes : [];
  /** A lane's typed arrays from its spans ({state, start_ms, end_ms}). */
  const laneOf = (spans, extra) => {
    spans = Array.isArray(spans) ? spans : [];
    // Spans of one lane do not overlap and come in order; sort anyway, cheaply, if not.
    for (let i = 1; i < spans.length; i++) {
      if (spans[i].start_ms < spans[i - 1].start_ms) {
        spans = [...spans].sort((a, b) => a.start_ms - b.start_ms);
        break;
      }
    }
    const n = spans.length;
    const start = new Float64Array(n);
    const end = new Float64Array(n);
    const state = new Uint8Array(n);
    const stateName = new Array(n);
    const totals = new Float64Array(STATES.length + 1);
    let runEnd = 0;
    for (let i = 0; i < n; i++) {
      const s = spans[i];
      start[i] = s.start_ms;
      end[i] = Math.max(s.start_ms, s.end_ms, runEnd); // ends stay sorted for binary search
      runEnd = end[i];
      state[i] = stateIndex.get(s.state) ?? UNKNOWN;
      stateName[i] = s.state;
      totals[state[i]] += s.end_ms - s.start_ms;
    }
    if (n) wall = Math.max(wall, end[n - 1]);
    return { start, end, state, stateName, totals, ...extra };
  };

  // Processes in the order their lanes come (the program's first); one group each when there
  // are several, else no grouping at all (the timeline as it always was).
  const pids = [];
  for (const t of drawn) if (!pids.includes(t?.process)) pids.push(t?.process);
  const grouped = pids.length > 1;
  const lanes = [];
  const groups = [];
  let tasksLeft = MAX_TASK_LANES;
  let tasksNotDrawn = 0;
  for (const pid of grouped ? pids : [undefined]) {
    const proc = processes.find((p) => p?.pid === pid);
    const processName = grouped ? (proc?.name ?? 'Process') : undefined;
    if (grouped) {
      groups.push({ first: lanes.length, pid, label: `${processName} (pid ${pid})` });
      if (Array.isArray(proc?.gil)) {
        const spans = proc.gil.map((g) => ({ state: 'gil_held', start_ms: g.start_ms, end_ms: g.end_ms, lane: g.lane }));
        const lane = laneOf(spans, { kind: 'gil', name: `GIL of ${processName}`, label: 'GIL', process: pid, processName });
        // Holders in the lane's (sorted) span order.
        const sorted = [...spans].sort((a, b) => a.start_ms - b.start_ms);
        lane.holders = sorted.map((g) => String(threads[g.lane]?.name ?? '?'));
        lanes.push(lane);
      }
    }
    drawn.forEach((t) => {
      if (grouped && t?.process !== pid) return;
      const name = String(t?.name);
      lanes.push(laneOf(t?.spans, { kind: 'thread', name, label: name, process: t?.process, processName }));
      for (const task of Array.isArray(t?.tasks) ? t.tasks : []) {
        if (tasksLeft <= 0) {
          tasksNotDrawn++;
          continue;
        }
        tasksLeft--;
        const tname = String(task?.task);
        lanes.push(laneOf(task?.spans, { kind: 'task', name, task: tname, label: tname, process: t?.process, processName }));
      }
    });
  }
  for (const p of processes) tasksNotDrawn += Number(p?.tasks_dropped) || 0;
  // The threads past MAX_LANES: only their count and their time in each state.
  const rest = { threads: Math.max(0, threads.length - drawn.length), spans: 0, totals: new Float64Array(STATES.length + 1), tasks: tasksNotDrawn };
  for (let i = drawn.length; i < threads.length; i++) {
    const spans = Array.isArray(threads[i]?.spans) ? threads[i].spans : [];
    rest.spans += spans.length;
    for (const s of spans) {
      rest.totals[stateIndex.get(s.state) ?? UNKNOWN] += s.end_ms - s.start_ms;
      if (s.end_ms > wall) wall = s.end_ms;
    }
  }
  const mode = report?.mode ?? 'gil';
  const gil = mode === 'gil';
  const handoffs = gil ? findHandoffs(lanes) : [];
  const present = new Set();
  for (const lane of lanes) lane.totals.forEach((v, s) => v > 0 && present.add(s));
  // Zero-length spans still count as present (a thread that finished at once).
  for (const lane of lanes) lane.state.forEach((s) => present.add(s));
  return {
    lanes,
    threadLanes: lanes.filter((l) => l.kind === 'thread').length,
    groups,
    rest,
    wall: wall > 0 ? wall : 1,
    mode,
    gil,
    handoffs,
    handoffT: Float64Array.from(handoffs, (h) => h.t),
    present,
    gilSwitches: report?.gil_switches ?? 0,
  };
}

/** "99,872 more threads are not drawn: in all they ran 1.20 s, ..." (null when all are drawn). */
function restSummary(model) {
  const { rest } = model;
  const tasks = rest.tasks
    ? `${rest.tasks.toLocaleString('en')} more asyncio task${rest.tasks === 1 ? ' is' : 's are'} not drawn (the timeline shows the first ${MAX_TASK_LANES}).`
    : '';
  if (!rest.threads) return tasks || null;
  const parts = STATES.map((s, i) => [s, rest.totals[i]]).filter(([s, ms]) => ms > 0 && s !== 'done')
    .map(([s, ms]) => `${STATE_LABELS[s]} ${fmtPrecise(ms)}`);
  return `${rest.threads.toLocaleString('en')} more thread${rest.threads === 1 ? ' is' : 's are'} not drawn `
    + `(the timeline shows the first ${model.lanes.length}); in all, their ${rest.spans.toLocaleString('en')} spans add up to: `
    + `${parts.length ? parts.join(', ') : 'nothing but finishing'}.${tasks ? ` ${tasks}` : ''}`;
}

/**
 * In GIL mode one thread of a process runs at a time: each change of runner is a hand-off of
 * that process's GIL (threads' lanes only, never across processes: each has a GIL of its own).
 */
function findHandoffs(lanes) {
  const byProcess = new Map();
  const running = STATES.indexOf('running');
  lanes.forEach((lane, li) => {
    if (lane.kind !== 'thread') return;
    if (!byProcess.has(lane.process)) byProcess.set(lane.process, []);
    const runs = byProcess.get(lane.process);
    for (let i = 0; i < lane.start.length; i++) {
      if (lane.state[i] === running) runs.push({ lane: li, t: lane.start[i] });
    }
  });
  const out = [];
  for (const runs of byProcess.values()) {
    runs.sort((a, b) => a.t - b.t);
    for (let i = 1; i < runs.length; i++) {
      if (runs[i].lane !== runs[i - 1].lane) out.push({ t: runs[i].t, from: runs[i - 1].lane, to: runs[i].lane });
    }
  }
  out.sort((a, b) => a.t - b.t);
  return out;
}

function computeLayout(cssW, model, ctx) {
  const stacked = cssW < NARROW_PX;
  let plotX = 0;
  if (!stacked) {
    const widest = Math.max(60, ...model.lanes.map((l) => ctx.measureText(l.label).width + (l.kind === 'task' ? TASK_INDENT : 0)));
    plotX = Math.round(Math.min(widest + 22, cssW * 0.3));
  } else plotX = 4;
  const plotW = Math.max(50, cssW - plotX - PAD_R);
  const laneY = [];
  const heads = [];
  let y = AXIS_H + LANE_GAP;
  for (let i = 0; i < model.lanes.length; i++) {
    const group = model.groups.find((g) => g.first === i);
    if (group) {
      heads.push({ y: y - LANE_GAP / 2, label: group.label });
      y += HEAD_H;
    }
    if (stacked) y += STACKED_LABEL_H;
    laneY.push(y);
    y += LANE_H + LANE_GAP;
  }
  return { stacked, plotX, plotW, laneY, heads, height: y + 2 };
}

// ---- text for people and screen readers -------------------------------------------------

function describe(model) {
  const n = model.threadLanes + model.rest.threads;
  const procs = model.groups.length ? ` in ${model.groups.length} processes` : '';
  const head = `${n.toLocaleString('en')} thread${n === 1 ? '' : 's'}${procs} over ${fmtPrecise(model.wall)} (${modeName(model.mode)}` +
    (model.gil ? `, ${model.gilSwitches} GIL switches` : '') + ')';
  const parts = model.lanes.map((lane) => {
    const pct = (s) => Math.round((lane.totals[STATES.indexOf(s)] / model.wall) * 100);
    if (lane.kind === 'gil') return `${lane.name} held ${pct('gil_held')}% of the time`;
    if (lane.kind === 'task') {
      return `task ${lane.task} of ${lane.name} ran ${pct('running')}%, ready ${pct('ready')}%, awaiting ${pct('awaiting')}%`;
    }
    const bits = [`ran ${pct('running')}%`];
    if (pct('waiting_gil') >= 1) bits.push(`waited for the GIL ${pct('waiting_gil')}%`);
    if (pct('sleeping') >= 1) bits.push(`slept ${pct('sleeping')}%`);
    const blocked = pct('blocked_join') + pct('blocked_lock');
    if (blocked >= 1) bits.push(`was blocked ${blocked}%`);
    return `${lane.processName ? `${lane.processName} ` : ''}${lane.name} ${bits.join(', ')}`;
  });
  const rest = restSummary(model);
  return `${head}; ${parts.join('; ')}.${rest ? ` ${rest}` : ''}`;
}

function modeName(mode) {
  return `${MODE_LABELS[mode] ?? mode} mode`;
}

function renderLegend(ul, model) {
  ul.innerHTML = '';
  const hasTasks = model.lanes.some((l) => l.kind === 'task');
  STATES.forEach((s, i) => {
    const isPresent = model.present.has(i);
    // A run with tasks shows both task states, so the absent one can be read as not happening.
    if (!isPresent && !BASIC_STATES.includes(s) && !(hasTasks && TASK_STATES.includes(s))) return;
    const li = el('li', isPresent ? 'tl-legend-item' : 'tl-legend-item tl-absent');
    li.dataset.state = s;
    if (!isPresent) li.title = 'not in this run';
    const sw = el('span', 'state-swatch');
    sw.dataset.state = s;
    li.append(sw, ` ${STATE_LABELS[s]}`);
    ul.append(li);
  });
  if (model.gil) {
    const li = el('li', 'tl-legend-item tl-legend-handoff');
    li.dataset.marker = 'handoff';
    li.append(el('span', 'tl-handoff-swatch'), ` GIL hand-off (${model.handoffs.length})`);
    ul.append(li);
  }
}

function renderSummaryTable(table, model) {
  const cols = STATES.map((s, i) => [s, i]).filter(([, i]) => model.present.has(i));
  table.innerHTML = '';
  const cap = el('caption');
  cap.textContent = `Time in each state, per thread (${fmtPrecise(model.wall)} in all)`;
  const thead = el('thead');
  const hr = el('tr');
  for (const h of ['Thread', ...cols.map(([s]) => STATE_LABELS[s]), 'Spans']) {
    const th = el('th');
    th.scope = 'col';
    th.textContent = h;
    hr.append(th);
  }
  thead.append(hr);
  const tbody = el('tbody');
  for (const lane of model.lanes) {
    const tr = el('tr');
    const th = el('th');
    th.scope = 'row';
    th.textContent = lane.kind === 'task' ? `${lane.name} › task ${lane.task}` : lane.kind === 'gil' ? lane.name
      : lane.processName ? `${lane.processName} › ${lane.name}` : lane.name;
    tr.append(th);
    for (const [, i] of cols) {
      const td = el('td');
      td.textContent = `${fmtPrecise(lane.totals[i])} (${Math.round((lane.totals[i] / model.wall) * 100)}%)`;
      tr.append(td);
    }
    const td = el('td');
    td.textContent = String(lane.start.length);
    tr.append(td);
    tbody.append(tr);
  }
  if (model.rest.threads) {
    const tr = el('tr');
    const th = el('th');
    th.scope = 'row';
    th.textContent = `${model.rest.threads.toLocaleString('en')} more threads, together`;
    tr.append(th);
    for (const [, i] of cols) {
      const td = el('td');
      td.textContent = fmtPrecise(model.rest.totals[i]);
      tr.append(td);
    }
    const td = el('td');
    td.textContent = String(model.rest.spans);
    tr.append(td);
    tbody.append(tr);
  }
  table.append(cap, thead, tbody);
}

// ---- colours ----------------------------------------------------------------------------

function readColors(node) {
  const cs = getComputedStyle(node);
  const v = (name, fallback) => cs.getPropertyValue(name).trim() || fallback;
  const state = [...STATES, 'unknown'].map((s) => v(`--state-${s}`, FALLBACK_COLORS[s]));
  const laneBg = v('--tl-lane-bg', 'rgba(127,127,127,0.08)');
  return {
    state,
    statePx: Uint32Array.from(state, toPixel),
    laneBgPx: toPixel(laneBg),
    text: v('--tl-text', cs.color || '#1d1f21'),
    muted: v('--tl-muted', '#5f6368'),
    grid: v('--tl-grid', 'rgba(127,127,127,0.25)'),
    handoff: v('--tl-handoff', 'rgba(0,0,0,0.6)'),
    selection: v('--tl-selection', 'rgba(47,111,223,0.18)'),
    background: v('--tl-bg', '#ffffff'),
    gilInk: v('--state-gil_held-ink', '#ffffff'),
  };
}

const pixelCache = new Map();
let pixelCtx = null;
/** Any CSS colour as one ImageData pixel (RGBA bytes in a little-endian Uint32), via a 1x1 canvas. */
function toPixel(color) {
  let p = pixelCache.get(color);
  if (p !== undefined) return p;
  pixelCtx ??= Object.assign(document.createElement('canvas'), { width: 1, height: 1 }).getContext('2d', { willReadFrequently: true });
  pixelCtx.clearRect(0, 0, 1, 1);
  pixelCtx.fillStyle = '#000';
  pixelCtx.fillStyle = color;
  pixelCtx.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = pixelCtx.getImageData(0, 0, 1, 1).data;
  p = ((a << 24) | (b << 16) | (g << 8) | r) >>> 0;
  pixelCache.set(color, p);
  return p;
}

// ---- time: ticks and formats -------------------------------------------------------------

/** Ticks at 1, 2 or 5 x 10^k ms, as many as fit without their labels touching. */
export function niceTicks(a, b, widthPx, ctx) {
  const span = b - a;
  if (!(span > 0)) return [];
  const labelW = ctx ? ctx.measureText(fmtTime(b, span)).width + 18 : 70;
  const maxTicks = Math.max(2, Math.floor(widthPx / Math.max(labelW, 56)));
  const raw = span / maxTicks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out = [];
  for (let t = Math.ceil(a / step) * step; t <= b + step * 1e-9; t += step) out.push(+t.toPrecision(12));
  return out;
}

/** An axis label: seconds for views of 2 s and more, else ms; decimals follow the zoom. */
export function fmtTime(ms, span) {
  if (span >= 2000) {
    const d = span >= 20000 ? 0 : span >= 2000 ? 1 : 2;
    return `${(ms / 1000).toFixed(d)} s`;
  }
  const d = span >= 20 ? 0 : span >= 2 ? 1 : span >= 0.2 ? 2 : 3;
  return `${ms.toFixed(d)} ms`;
}

/** A duration or instant for a person: µs, ms or s with 3 significant-ish digits. */
export function fmtPrecise(ms) {
  if (ms < 1) return `${Math.round(ms * 1000)} µs`;
  if (ms < 1000) return `${ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0)} ms`;
  return `${(ms / 1000).toFixed(ms < 10000 ? 2 : 1)} s`;
}

// ---- small helpers -----------------------------------------------------------------------

/** First index whose end is after t (ends are sorted). */
function firstEndingAfter(ends, t) {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function firstAtOrAfter(sorted, t) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function fitText(ctx, text, maxW) {
  if (ctx.measureText(text).width <= maxW) return text;
  return `${text.slice(0, fittingPrefix(ctx, text, maxW))}…`;
}

function el(tag, className) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  return e;
}
