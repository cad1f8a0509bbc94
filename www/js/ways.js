/**
 * "Threads, processes or asyncio?": one program that does a computing job or a waiting job, in
 * one of three ways; the six runs (2 jobs x 3 ways) and the reading of their measured times.
 * No DOM here (the panel is ways-panel.js), so node can import it too.
 *
 * API
 *   WAYS_CODE                      the program (a preset's code: real Python, editable)
 *   JOBS, WAYS, RUNS               ['cpu', 'io'], ['threads', 'processes', 'asyncio'],
 *                                  [{key: 'cpu-threads', job, way}, ...] in the order they run
 *   variant(code, job, way)        the program with its JOB = / WAY = lines set (throws if it
 *                                  has none: the user removed them)
 *   await runWays({ code, run, onProgress, stopped })
 *                                  runs the six one at a time; run(variantCode, {key, job, way})
 *                                  -> report; resolves { reports: {key: report}, errors }
 *   waysReading({ reports, params, env })  the reading of six runs ({key: report}), or of one run
 *                                  ({mode: report, last}); env: { cores }. -> { text, data } | null
 */

export const JOBS = ['cpu', 'io'];
export const WAYS = ['threads', 'processes', 'asyncio'];
export const RUNS = JOBS.flatMap((job) => WAYS.map((way) => ({ key: `${job}-${way}`, job, way })));
export const JOB_LABELS = { cpu: 'CPU-bound', io: 'I/O-bound' };

/** What the engine prints on stderr where processes cannot run in parallel (docs/processes.md). */
const ONE_AT_A_TIME = /processes run one at a time here/;

// The imports live in the functions that use them: a process re-runs the file's top level
// (spawn), and importing asyncio in every pool process would make the processes pay for it.
export const WAYS_CODE = `# The same two jobs, three ways. "Run the six" runs this program six times,
# setting JOB and WAY for each run, and compares the times.
import time

JOB = "cpu"      # "cpu": counting (computing); "io": waiting, as a download does
WAY = "threads"  # "threads", "processes" or "asyncio"

TASKS = 4  # param: 1..8
N = 10_000_000  # param: 100_000..100_000_000
LATENCY = 2.0  # param: 0.1..5


def count(n):
    total = 0
    for i in range(n):
        total += 1
    return total


def download(name):
    time.sleep(LATENCY)  # a thread that waits lets go of the GIL
    return f"{name} downloaded"


async def count_async(n):
    return count(n)  # no await inside: the loop runs no other task meanwhile


async def download_async(name):
    import asyncio
    await asyncio.sleep(LATENCY)  # the loop runs the other tasks meanwhile
    return f"{name} downloaded"


# Each process runs this file's top level again (the "spawn" start method), so every
# way imports what it needs where it runs: the processes import no asyncio.

def with_threads(work, items):
    import threading
    results = [None] * len(items)

    def task(i):
        results[i] = work(items[i])

    threads = [threading.Thread(target=task, args=(i,)) for i in range(len(items))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def with_processes(work, items):
    from concurrent.futures import ProcessPoolExecutor
    # One process per task: each has its own interpreter and its own GIL.
    with ProcessPoolExecutor(max_workers=len(items)) as pool:
        return list(pool.map(work, items))


def with_asyncio(work, items):
    import asyncio

    async def main():
        return await asyncio.gather(*(work(item) for item in items))

    return asyncio.run(main())


if __name__ == "__main__":
    if JOB == "cpu":
        items = [N] * TASKS
        work, async_work = count, count_async
    else:
        items = [f"file{i + 1}.mp4" for i in range(TASKS)]
        work, async_work = download, download_async

    if WAY == "threads":
        results = with_threads(work, items)
    elif WAY == "processes":
        results = with_processes(work, items)
    else:
        results = with_asyncio(async_work, items)

    print(f"{JOB} job, {WAY}: {len(results)} tasks")
    print(results)
`;

const settingRe = (name) => new RegExp(`^(${name}[ \\t]*=[ \\t]*)(["'])[^"'\\n]*\\2`, 'm');

/** The program with `JOB = "job"` and `WAY = "way"`; an Error if either line is gone. */
export function variant(code, job, way) {
  let out = code;
  for (const [name, value] of [['JOB', job], ['WAY', way]]) {
    const re = settingRe(name);
    if (!re.test(out)) throw new Error(`the program has no ${name} = "..." line to set (“Run the six” sets JOB and WAY)`);
    out = out.replace(re, (_, head, quote) => `${head}${quote}${value}${quote}`);
  }
  return out;
}

/** The six runs, one at a time (side by side they would share the cores and skew every time). */
export async function runWays({ code, run, onProgress, stopped = () => false }) {
  const reports = {};
  const errors = [];
  let done = 0;
  for (const r of RUNS) {
    if (stopped()) break;
    let report;
    try {
      report = await run(variant(code, r.job, r.way), r);
    } catch (e) {
      report = null;
      errors.push({ key: r.key, message: String(e?.message ?? e) });
    }
    if (report) {
      reports[r.key] = report;
      if (report.error) errors.push({ key: r.key, message: `${report.error.type}: ${report.error.message}` });
    } else if (!errors.some((x) => x.key === r.key)) {
      errors.push({ key: r.key, message: 'stopped' });
    }
    done++;
    onProgress?.({ done, total: RUNS.length, ...r, report });
    if (!report) break; // stopped, or the engine failed: the rest would not compare
  }
  return { reports, errors };
}

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const x = (ratio) => `${ratio.toFixed(1)}×`;
const ok = (r) => r && !r.error && Number.isFinite(r.wall_ms) && r.wall_ms > 0;
const MODE_WORDS = { sequential: 'Sequential', gil: 'GIL', free: 'Free-threaded' };

/**
 * Why processes that could run in parallel were not faster, from the figures: what starting
 * them cost is what the I/O job's processes took beyond its threads (the same pool, waiting).
 */
function startCost(ms, ct, cp) {
  const cost = ms['io-processes'] && ms['io-threads'] ? ms['io-processes'] - ms['io-threads'] : null;
  if (!(cost > 0)) return ': other programs may have had the cores';
  return cp - cost < ct * 0.83
    ? `: starting them cost about ${s(cost)} (the I/O job's processes against its threads), more than counting in parallel saved`
    : `, even leaving out the ${s(cost)} starting them cost (the I/O job's processes against its threads): other programs may have had the cores`;
}

/** Whether the run's processes had to take turns (the engine says so on stderr). */
export const processesOneAtATime = (report) => ONE_AT_A_TIME.test(report?.stderr ?? '');

/** The reading: of the six runs when they are there, else of the one run made with Run. */
export function waysReading({ reports, params = {}, env = {} }) {
  if (RUNS.some((r) => reports[r.key])) return sixReading(reports, params, env);
  return oneReading(reports);
}

function oneReading(reports) {
  const mode = reports.last ?? Object.keys(reports).find((k) => MODE_WORDS[k]);
  const r = reports[mode];
  if (!ok(r)) return null;
  const m = /^(cpu|io) job, (threads|processes|asyncio): (\d+) tasks$/m.exec(r.stdout ?? '');
  const what = m ? `the ${m[1] === 'cpu' ? 'CPU-bound' : 'I/O-bound'} job as ${m[2]}` : 'this program';
  return {
    text: `${MODE_WORDS[mode] ?? mode}: ${what} took ${s(r.wall_ms)}. “Run the six” runs both jobs all three ways and compares them.`,
    data: { mode, wallMs: r.wall_ms, job: m?.[1] ?? null, way: m?.[2] ?? null },
  };
}

function sixReading(reports, params, env) {
  const ms = Object.fromEntries(RUNS.filter((r) => ok(reports[r.key])).map((r) => [r.key, reports[r.key].wall_ms]));
  const mode = reports[RUNS.find((r) => reports[r.key])?.key]?.mode ?? 'gil';
  const cores = env.cores ?? null;
  const oneAtATime = RUNS.some((r) => r.way === 'processes' && processesOneAtATime(reports[r.key]));
  const tasks = params.TASKS ?? 4;
  const latency = params.LATENCY ?? 2;
  const data = { mode, cores, oneAtATime, ms, tasks, latency };
  const parts = [];

  // CPU: the processes against the threads, then asyncio against the threads.
  const [ct, cp, ca] = WAYS.map((w) => ms[`cpu-${w}`]);
  const cpu = [];
  if (ct && cp) {
    const speedup = ct / cp;
    data.cpuProcessesSpeedup = speedup;
    const where = '';
    if (speedup >= 1.2) {
      cpu.push(`processes ${x(speedup)} faster than threads${where} (${s(cp)} vs ${s(ct)})`);
    } else {
      const why = oneAtATime ? ', because processes run one at a time on this page (it is not cross-origin isolated)'
        : mode === 'sequential' ? ', because sequential mode runs each process to completion in turn'
          : mode === 'free' ? ', because free-threaded the threads run in parallel too'
            : cores === 1 ? ', because this machine has one core'
              : startCost(ms, ct, cp);
      cpu.push(`processes were not faster than threads${where} (${s(cp)} vs ${s(ct)})${why}`);
    }
  } else if (ct || cp) cpu.push(`${ct ? 'threads' : 'processes'} ${s(ct || cp)}`);
  if (ca && ct) {
    const r = ca / ct;
    data.cpuAsyncioOverThreads = r;
    cpu.push(r > 0.8 && r < 1.25 ? `asyncio ${s(ca)}, no faster than threads (one task at a time)`
      : `asyncio ${s(ca)} (${r < 1 ? `${x(1 / r)} faster` : `${x(r)} slower`} than threads)`);
  } else if (ca) cpu.push(`asyncio ${s(ca)}`);
  if (cpu.length) parts.push(`CPU: ${cpu.join('; ')}`);

  // I/O: threads and asyncio against the waits one after the other; then the processes.
  const [it, ip, ia] = WAYS.map((w) => ms[`io-${w}`]);
  const serialMs = tasks * latency * 1000;
  data.ioOneByOneMs = serialMs;
  const io = [];
  const overlapped = [['asyncio', ia], ['threads', it]].filter(([, v]) => v);
  if (overlapped.length === 2 && Math.max(ia, it) / Math.min(ia, it) < 1.15) {
    io.push(`asyncio and threads both about ${s((ia + it) / 2)} (${s(ia)}, ${s(it)})`);
  } else if (overlapped.length) {
    io.push(overlapped.map(([w, v]) => `${w} ${s(v)}`).join(', '));
  }
  if (overlapped.length) io[io.length - 1] += `, not the ${s(serialMs)} of the ${tasks} waits of ${latency} s one after the other`;
  if (ip) {
    io.push(processesOneAtATime(reports['io-processes']) ? `processes ${s(ip)}: one at a time on this page, so their waits added up`
      : `processes ${s(ip)}${it && ip > it * 1.1 ? ' (starting an interpreter per task costs)' : ''}`);
  }
  if (io.length) parts.push(`I/O: ${io.join('; ')}`);

  const missing = RUNS.filter((r) => !ms[r.key]).map((r) => `${r.job} ${r.way}`);
  if (missing.length) data.missing = missing;
  if (!parts.length) return null;
  const tail = missing.length ? ` Not measured: ${missing.join(', ')}.` : '';
  const head = `${MODE_WORDS[mode] ?? mode}${cores ? `, ${cores} core${cores === 1 ? '' : 's'}` : ''}`;
  return { text: `${head}. ${parts.join('. ')}.${tail}`, data };
}
