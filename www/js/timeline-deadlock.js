/**
 * The deadlock on the timeline (report.deadlock, docs/report.md): when every live thread was
 * blocked for good, a vertical marker at `t_ms` across the blocked lanes, each of them labelled
 * with what it waits for, and the same as text under the chart. Names and waits come from the
 * program (a thread's name, a lock's line), so they are drawn as canvas text or set as
 * textContent, never parsed as HTML.
 *
 *   const overlay = deadlockOverlay(root, report, lanes);   // after each render (null: none)
 *   overlay?.draw(ctx, { xOf, laneY, laneH, plotX, plotW, colors });  // after the lanes
 */

const MARK_COLOR = '#c62828'; // when the page sets no --deadlock colour
const LABEL_FONT = '11px system-ui, -apple-system, "Segoe UI", sans-serif';

/**
 * Reads `report.deadlock` against the drawn lanes ({name}), shows its text under the chart in
 * `root` (the timeline's root element) and returns what draw() needs, or null without one.
 */
export function deadlockOverlay(root, report, lanes) {
  const d = report?.deadlock;
  const t = Number(d?.t_ms);
  let caption = root.querySelector('.tl-deadlock');
  if (!d || !Array.isArray(d.threads) || !Number.isFinite(t)) {
    caption?.remove();
    delete root.dataset.deadlockAt;
    delete root.dataset.deadlockLanes;
    return null;
  }
  // A blocked thread's lane: the first not yet taken with its name (names may repeat).
  const taken = new Set();
  const marks = d.threads.map((th) => {
    const name = String(th?.name ?? '');
    const waits = String(th?.waits_for ?? '');
    const lane = lanes.findIndex((l, i) => !taken.has(i) && (l.kind ?? 'thread') === 'thread' && l.name === name);
    if (lane >= 0) taken.add(lane);
    return { name, waits, lane };
  });

  if (!caption) {
    caption = document.createElement('div');
    caption.className = 'tl-deadlock tl-rest';
    (root.querySelector('.tl-rest') ?? root.querySelector('.tl-plot')).after(caption);
  }
  const head = document.createElement('p');
  head.className = 'tl-deadlock-head';
  head.textContent = `Deadlock at ${fmtMs(t)}: every thread was waiting for another, so none could go on; the run was ended there.`;
  const list = document.createElement('ul');
  for (const m of marks) {
    const li = document.createElement('li');
    li.textContent = `${m.name} waits for ${m.waits}`;
    list.append(li);
  }
  caption.replaceChildren(head, list);
  root.dataset.deadlockAt = t.toFixed(3);
  root.dataset.deadlockLanes = marks.filter((m) => m.lane >= 0).map((m) => m.lane).join(',');

  return {
    t,
    marks,
    draw: (ctx, g) => draw(ctx, g, t, marks, markColor(root)),
  };
}

function draw(ctx, { xOf, laneY, laneH, plotX, plotW, colors }, t, marks, color) {
  const shown = marks.filter((m) => m.lane >= 0 && laneY[m.lane] !== undefined);
  if (!shown.length) return;
  const x = Math.round(xOf(t)) + 0.5;
  const inView = x >= plotX - 1 && x <= plotX + plotW + 1;
  const top = Math.min(...shown.map((m) => laneY[m.lane])) - 4;
  const bottom = Math.max(...shown.map((m) => laneY[m.lane])) + laneH + 4;
  ctx.save();
  if (inView) {
    ctx.strokeStyle = color;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, bottom);
    ctx.stroke();
  }
  ctx.font = LABEL_FONT;
  ctx.textBaseline = 'middle';
  // Each blocked lane: a notch on the marker, and the wait written over the lane just before it
  // (the blocked span ends there), or after it when the marker is near the lane's start.
  const anchor = Math.min(Math.max(x, plotX), plotX + plotW);
  for (const m of shown) {
    const y = laneY[m.lane];
    if (inView) {
      ctx.fillStyle = color;
      ctx.beginPath();
      ctx.arc(x, y + laneH / 2, 3.5, 0, Math.PI * 2);
      ctx.fill();
    }
    const before = anchor - plotX - 10;
    const after = plotX + plotW - anchor - 10;
    const leftSide = before >= Math.min(after, 160) || before > 120;
    const room = Math.max(0, leftSide ? before : after);
    const text = fitText(ctx, `waits for ${m.waits}`, room - 8);
    if (!text) continue;
    const w = ctx.measureText(text).width;
    const tx = leftSide ? anchor - 8 - w : anchor + 8;
    ctx.globalAlpha = 0.88;
    ctx.fillStyle = colors.background;
    ctx.fillRect(tx - 3, y + 3, w + 6, laneH - 6);
    ctx.globalAlpha = 1;
    ctx.fillStyle = colors.text;
    ctx.textAlign = 'left';
    ctx.fillText(text, tx, y + laneH / 2);
  }
  ctx.restore();
}

function markColor(root) {
  const v = getComputedStyle(root).getPropertyValue('--deadlock').trim();
  return v || MARK_COLOR;
}

/** `text`, or as much of it as fits `maxW` with an ellipsis ('' when nothing useful does). */
function fitText(ctx, text, maxW) {
  if (maxW < 24) return '';
  if (ctx.measureText(text).width <= maxW) return text;
  const lo = fittingPrefix(ctx, text, maxW);
  return lo ? `${text.slice(0, lo)}…` : '';
}

/** How many of `text`'s first characters fit `maxW` with an ellipsis after them. */
export function fittingPrefix(ctx, text, maxW) {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= maxW) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function fmtMs(ms) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(3)} s` : `${ms.toFixed(ms >= 100 ? 1 : 3)} ms`;
}
