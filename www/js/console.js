// The output console: a run's output as it is printed, each line with its thread and time.
// Output can arrive thousands of times a second, so lines are queued and added to the DOM in
// batches: at most once a frame (requestAnimationFrame), and during a burst at most every
// MIN_GAP_MS, since each batch costs a layout. A batch adds at most BATCH_LINES lines (the
// newest; a marker says how many were skipped) and only the last MAX_LINES stay on screen, so a
// program printing 100,000 lines a second costs the page a few milliseconds a batch.
// What it is shown is bounded too: past MAX_SHOWN_CHARS of a stream in one run it shows no more
// of it and says so, so a program printing in a loop until Stop (or one endless line) cannot
// grow the page (docs/limits.md); the report's own cap is `output_cut` (docs/report.md).

const MAX_LINES = 500;
/** Characters of each stream shown per run: 4 Mi, the report's MAX_OUTPUT_BYTES. */
export const MAX_SHOWN_CHARS = 4 * 2 ** 20;
const BATCH_LINES = 100;
const MIN_GAP_MS = 100;

export class OutputConsole {
  /** @param {HTMLElement} list  the <ol> lines go into (it carries aria-live="polite") */
  constructor(list, { onFlush } = {}) {
    this.list = list;
    this.onFlush = onFlush;
    this.queue = [];
    this.frame = 0;
    this.open = new Map(); // "thread|stream" -> the <li> of a line not yet ended by a newline
    this.count = 0;
    this.lastFlush = 0;
    this.timer = 0;
    this.shown = { stdout: 0, stderr: 0 }; // characters taken this run, per stream
    this.cutNotes = []; // notes to add at the next flush: a stream reached MAX_SHOWN_CHARS
    this.list.dataset.outputCut = '';
  }

  clear() {
    this.queue = [];
    this.open.clear();
    this.count = 0;
    if (this.frame) cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
    this.frame = 0;
    this.timer = 0;
    this.list.replaceChildren();
    this.list.dataset.lines = '0';
    this.shown = { stdout: 0, stderr: 0 };
    this.cutNotes = [];
    this.reportCutNoted = false;
    this.list.dataset.outputCut = '';
  }

  /** One piece of output: { thread, t_ms, text, stream: 'stdout' | 'stderr' }. */
  write(piece) {
    const stream = piece.stream === 'stderr' ? 'stderr' : 'stdout';
    const room = MAX_SHOWN_CHARS - this.shown[stream];
    if (room <= 0) return;
    const text = String(piece.text);
    if (text.length >= room) {
      piece = { ...piece, text: text.slice(0, room) };
      this.cutNotes.push(stream);
      this.list.dataset.outputCut = [this.list.dataset.outputCut, stream].filter(Boolean).join(' ');
    }
    this.shown[stream] += Math.min(text.length, room);
    this.queue.push(piece);
    if (this.frame || this.timer) return;
    const wait = this.lastFlush + MIN_GAP_MS - performance.now();
    if (wait <= 0) this.frame = requestAnimationFrame(() => this.flush());
    else {
      this.timer = setTimeout(() => {
        this.timer = 0;
        this.frame = requestAnimationFrame(() => this.flush());
      }, wait);
    }
  }

  /** A line from the page itself (not the program), e.g. "stopped". */
  note(text, kind = 'note') {
    this.flush();
    const li = document.createElement('li');
    li.className = `line ${kind}`;
    const body = document.createElement('span');
    body.className = 'text';
    body.textContent = text;
    li.append(body);
    this.list.append(li);
    this.scroll();
  }

  /**
   * Adds what was queued since the last frame. The queue is first turned into lines without
   * touching the DOM, and only the last MAX_LINES of them become elements, so a burst of
   * 100,000 prints costs one frame of at most MAX_LINES new lines.
   */
  flush() {
    if (this.frame) cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
    this.frame = 0;
    this.timer = 0;
    if (!this.queue.length && !this.cutNotes.length) return;
    this.lastFlush = performance.now();
    const atBottom = this.isAtBottom();
    const fresh = []; // new lines: {thread, t_ms, text, stream}
    for (const piece of this.queue) this.split(piece, fresh);
    this.queue = [];
    const skipped = Math.max(0, fresh.length - BATCH_LINES);
    const shown = skipped ? fresh.slice(skipped) : fresh;
    const fragment = document.createDocumentFragment();
    if (skipped) {
      const li = document.createElement('li');
      li.className = 'line skipped';
      li.textContent = `… ${skipped.toLocaleString('en-US')} more line${skipped === 1 ? '' : 's'} (printed too fast to show) …`;
      fragment.append(li);
    }
    for (const line of shown) {
      line.li = this.line(line);
      fragment.append(line.li);
    }
    for (const stream of this.cutNotes) fragment.append(this.cutLine(stream));
    this.cutNotes = [];
    this.list.append(fragment);
    const extra = this.list.childElementCount - MAX_LINES;
    if (extra > 0) {
      const range = document.createRange();
      range.setStartBefore(this.list.firstElementChild);
      range.setEndAfter(this.list.children[extra - 1]);
      range.deleteContents();
    }
    this.list.dataset.lines = String(this.count);
    if (atBottom) this.scroll();
    this.onFlush?.();
  }

  /** Splits a piece at its newlines; text without a newline stays open for the next piece. */
  split({ thread, t_ms, text, stream }, fresh) {
    const key = `${thread}|${stream}`;
    const parts = String(text).split('\n');
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      if (last && part === '') return; // the text ended with a newline
      let line = this.open.get(key);
      if (line) {
        line.text += part;
        if (line.li) line.li.querySelector('.text').textContent = line.text;
      } else {
        line = { thread, t_ms, text: part, stream, li: null };
        fresh.push(line);
        this.count++;
      }
      if (last) this.open.set(key, line);
      else this.open.delete(key);
    });
  }

  /**
   * After a run: when the report kept less than the program printed (`report.output_cut`) and
   * the console did not already say it cut the output, says what the report kept.
   */
  noteReportCut(cut) {
    if (!cut || this.list.dataset.outputCut.includes('stdout')) return;
    const mb = fmtMb(Number(cut.bytes_kept) || 0);
    const n = (v) => (Number(v) || 0).toLocaleString('en-US');
    this.note(`Output cut after ${mb} in the run's report: it kept the first ${n(cut.pieces_kept)} of `
      + `${n(cut.pieces)} prints (${mb} of ${fmtMb(Number(cut.bytes) || 0)}).`, 'note output-cut');
    this.list.dataset.outputCut = [this.list.dataset.outputCut, 'report'].filter(Boolean).join(' ');
  }

  cutLine(stream) {
    const li = document.createElement('li');
    li.className = 'line note output-cut';
    li.dataset.stream = stream;
    const body = document.createElement('span');
    body.className = 'text';
    body.textContent = `${stream === 'stderr' ? 'Error output' : 'Output'} cut after ${fmtMb(MAX_SHOWN_CHARS)}: `
      + 'the program may go on printing, but the page shows no more of it in this run.';
    li.append(body);
    return li;
  }

  line({ thread, t_ms: tMs, text, stream }) {
    const li = document.createElement('li');
    li.className = stream === 'stderr' ? 'line stderr' : 'line';
    li.dataset.thread = thread;
    const time = document.createElement('span');
    time.className = 'time';
    time.textContent = `${Number(tMs).toFixed(1)} ms`;
    const who = document.createElement('span');
    who.className = 'thread';
    who.textContent = thread;
    who.title = thread;
    const body = document.createElement('span');
    body.className = 'text';
    body.textContent = text;
    li.append(time, who, body);
    return li;
  }

  isAtBottom() {
    const box = this.list.parentElement;
    return box.scrollHeight - box.scrollTop - box.clientHeight < 40;
  }

  /** Follows the output; setting a too-large scrollTop needs no read of scrollHeight. */
  scroll() {
    this.list.parentElement.scrollTop = 1e9;
  }
}

/** Bytes (or characters) in MB, as "4 MB" (binary megabytes, as the caps are set). */
function fmtMb(n) {
  const mb = n / 2 ** 20;
  return `${mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(1)} MB`;
}
