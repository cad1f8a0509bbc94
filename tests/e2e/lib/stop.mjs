// Stop in each state a program can be in when the learner presses it: how long until run()
// settles, and what it settled with. Through the public API (www/threadlab.js) in the page.

// A thread that sleeps beside the wait: without it, a lock, event or condition nobody can release
// is a deadlock, which the engine names and ends by itself (src/runtime/deadlock.rs) before Stop.
const NAPPER = 'import threading, time\ndef nap():\n    time.sleep(60)\nthreading.Thread(target=nap, daemon=True).start()\n';

/** Programs that print "waiting" and then wait (or compute) for a minute or more. */
export const BLOCKED = {
  sleep: 'import time\nprint("waiting")\ntime.sleep(60)\nprint("woke")\n',
  lock: NAPPER + 'l = threading.Lock()\nl.acquire()\nprint("waiting")\nl.acquire()\nprint("woke")\n',
  // (A Python function as the target: with the builtin time.sleep itself as the target, a green
  // thread sleeps without letting the main thread run, an engine bug noted in issue 13's work.)
  join: 'import threading, time\ndef nap():\n    time.sleep(60)\nt = threading.Thread(target=nap)\nt.start()\nprint("waiting")\nt.join()\nprint("woke")\n',
  event: NAPPER + 'e = threading.Event()\nprint("waiting")\ne.wait()\nprint("woke")\n',
  condition: NAPPER + 'c = threading.Condition()\nwith c:\n    print("waiting")\n    c.wait()\nprint("woke")\n',
  'spinning thread': 'import threading\ndef spin():\n    while True:\n        pass\nt = threading.Thread(target=spin)\nt.start()\nprint("waiting")\nt.join()\nprint("woke")\n',
  // A builtin that ran 20 s and more after Stop before the engine checked the stop flag in it.
  'big pow': 'print("waiting")\nx = 10**(10**8)\nprint("woke")\n',
  // Never looks at the stop flag (a Rust loop): only the backstop can end it.
  backstop: 'import _threadlab\nprint("waiting")\n_threadlab.debug_crash("hang")\nprint("woke")\n',
};

/**
 * Runs `code` in `mode`, waits until it has printed "waiting" and `settleMs` more, then calls
 * stop(). Resolves with { ms (stop() called to run() settled), stopped, restarted, reason,
 * error, stdout, next (the stdout of print(6 * 7) run right after) }.
 */
export function stopLatency(page, code, { mode = 'gil', settleMs = 200 } = {}) {
  return page.evaluate(async ([code, mode, settleMs]) => {
    const threadlab = await import('/threadlab.js');
    let waiting;
    const reached = new Promise((resolve) => { waiting = resolve; });
    const running = threadlab.run(code, {
      mode,
      onOutput: (p) => { if (p.text.includes('waiting')) waiting(); },
    }).then((report) => ({ report }), (error) => ({ error }));
    await Promise.race([reached, running]);
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    const t0 = performance.now();
    await threadlab.stop();
    const outcome = await running;
    const ms = performance.now() - t0;
    const next = await threadlab.run('print(6 * 7)', { mode });
    const e = outcome.error;
    return {
      ms,
      stopped: e ? e.stopped === true : outcome.report.stopped,
      restarted: e?.restarted === true,
      reason: e?.reason ?? null,
      error: e ? String(e.message) : outcome.report.error?.type ?? null,
      stdout: outcome.report?.stdout ?? '',
      next: next.stdout,
    };
  }, [code, mode, settleMs]);
}
