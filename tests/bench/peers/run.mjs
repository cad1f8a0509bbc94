// Runs Python programs in a peer Python that runs in wasm under node (Pyodide or MicroPython,
// installed into tests/bench/peers/node_modules by `./build.sh bench`), loading the peer once and
// then running each FILE REPS times, one after the other. For each FILE it writes the program's
// stdout (from its last run) to FILE with ".py" replaced by ".PEER.out", and prints one line:
//   NAME <tab> seconds,seconds,... <tab> error       (a "-" for an empty field)
// Each time is the wall time of runPython() alone (compiling and running the program), so the
// peer's load time (printed first, as "load <tab> seconds") is not in it. The error is empty, or
// the last line of the Python traceback ("ImportError: no module named 'math'").
//
// usage: node tests/bench/peers/run.mjs pyodide|micropython REPS FILE...

import { readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const [peer, repsArg, ...files] = process.argv.slice(2);
const reps = Number(repsArg);
if (!(reps >= 1) || files.length === 0) {
  console.error("usage: node run.mjs pyodide|micropython REPS FILE...");
  process.exit(2);
}

let captured = "";
const decoder = new TextDecoder();
const capture = (bytes) => {
  captured += decoder.decode(bytes, { stream: true });
  return bytes.length;
};

// `run(source, file)` runs a program once on a fresh `__main__` namespace where the peer allows it.
async function load() {
  if (peer === "pyodide") {
    const url = pathToFileURL(join(here, "node_modules/pyodide/pyodide.mjs")).href;
    const { loadPyodide } = await import(url);
    const py = await loadPyodide();
    py.setStdout({ write: capture });
    py.setStderr({ write: (bytes) => bytes.length });
    const dict = py.globals.get("dict");
    return (source, file) => {
      const globals = dict();
      globals.set("__name__", "__main__");
      try {
        py.runPython(source, { globals, filename: file });
      } finally {
        globals.destroy();
      }
    };
  }
  if (peer === "micropython") {
    const url = pathToFileURL(join(here, "node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs")).href;
    const { loadMicroPython } = await import(url);
    // The default heap (1 MB) is too small for the benchmarks; MicroPython's own CLI default is 8 MB.
    const mp = await loadMicroPython({ heapsize: 256 * 1024 * 1024, linebuffer: false, stdout: capture, stderr: (b) => b.length });
    // MicroPython runs everything in one __main__: empty it first, or a name a run defined changes
    // the next one (pyaes's `try: xrange` then takes its Python 2 path).
    return (source) => {
      mp.runPython("globals().clear()\n__name__ = '__main__'");
      mp.runPython(source);
    };
  }
  throw new Error(`unknown peer '${peer}' (pyodide or micropython)`);
}

function lastLine(text) {
  const lines = String(text).split("\n").map((l) => l.trimEnd()).filter((l) => l.trim() !== "");
  return lines.length ? lines[lines.length - 1] : String(text);
}

let run;
try {
  const started = performance.now();
  run = await load();
  console.log(`load\t${((performance.now() - started) / 1000).toFixed(4)}`);
} catch (e) {
  console.log(`load\t-\t${lastLine(e && e.message !== undefined ? e.message : e)}`);
  process.exit(0);
}

for (const file of files) {
  const source = readFileSync(file, "utf8");
  const times = [];
  let stdout = "";
  let error = "";
  for (let i = 0; i < reps && !error; i++) {
    captured = "";
    const t0 = performance.now();
    try {
      run(source, file);
      times.push((performance.now() - t0) / 1000);
      if (i > 0 && captured !== stdout) error = "output differs between runs";
    } catch (e) {
      error = lastLine(e && e.message !== undefined ? e.message : e);
    }
    stdout = captured;
  }
  writeFileSync(file.replace(/\.py$/, `.${peer}.out`), stdout);
  const name = basename(file, ".py");
  // "-" for no times and no error: the shell reads these lines with IFS=tab, which merges empty fields.
  console.log(`${name}\t${times.map((t) => t.toFixed(4)).join(",") || "-"}\t${error.replace(/\s+/g, " ") || "-"}`);
}
// Pyodide keeps handles open; everything is printed, so end here.
process.exit(0);
