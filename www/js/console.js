// The output console: a run's output as it is printed, each line with its thread and time.
// Output can arrive thousands of times a second, so lines are queued and added to the DOM at
// most once a frame (requestAnimationFrame), and only the last MAX_LINES are kept on screen.

const MAX_LINES = 2000;

export class OutputConsole {
  /** @param {HTMLElement} list  the <ol> lines go into (it carries aria-live="polite") */
  constructor(list, { onFlush } = {}) {
    this.list = list;
    this.onFlush = onFlush;
    this.queue = [];
    this.frame = 0;
    this.open = new Map(); // "thread|stream" -> the <li> of a line not yet ended by a newline
    this.count = 0;
  }

  clear() {
    this.queue = [];
    this.open.clear();
    this.count = 0;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.list.replaceChildren();
    this.list.dataset.lines = '0';
  }

  /** One piece of output: { thread, t_ms, text, stream: 'stdout' | 'stderr' }. */
  write(piece) {
    this.queue.push(piece);
    if (!this.frame) this.frame = requestAnimationFrame(() => this.flush());
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

  flush() {
    this.frame = 0;
    if (!this.queue.length) return;
    const atBottom = this.isAtBottom();
    const fragment = document.createDocumentFragment();
    for (const piece of this.queue) this.add(piece, fragment);
    this.queue = [];
    this.list.append(fragment);
    while (this.list.childElementCount > MAX_LINES) this.list.firstElementChild.remove();
    this.list.dataset.lines = String(this.count);
    if (atBottom) this.scroll();
    this.onFlush?.();
  }

  add({ thread, t_ms, text, stream }, fragment) {
    const key = `${thread}|${stream}`;
    const parts = String(text).split('\n');
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      if (last && part === '') return; // the text ended with a newline
      let li = this.open.get(key);
      if (li) {
        li.querySelector('.text').textContent += part;
      } else {
        li = this.line(thread, t_ms, part, stream);
        fragment.append(li);
        this.count++;
      }
      if (last) this.open.set(key, li);
      else this.open.delete(key);
    });
  }

  line(thread, tMs, text, stream) {
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

  scroll() {
    const box = this.list.parentElement;
    box.scrollTop = box.scrollHeight;
  }
}
