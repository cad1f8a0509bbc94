#!/usr/bin/env bash
# Builds the release runner and runs every benchmark script in tests/bench/ (called by
# `./build.sh bench`). Timing claims live only in these scripts' output and BENCHMARKS.md.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
cargo build --release --bin threadlab
bin="${CARGO_TARGET_DIR:-$root/target}/release/threadlab"

# The browser benchmarks (and pyperformance.sh's chromium column) need the wasm engine in
# www/pkg, built from this checkout.
"$root/build.sh" build >&2

history_row="$(mktemp)"
trap 'rm -f "$history_row"' EXIT
echo "## $(date -u +%Y-%m-%d) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
for script in "$here"/*.sh; do
    [[ "$(basename "$script")" == "run.sh" ]] && continue
    echo
    echo "### $(basename "$script")"
    HISTORY_ROW_FILE="$history_row" bash "$script" "$bin"
done

echo
echo "### browser.mjs (headless Chromium)"
node "$here/browser.mjs"

# "Threads, processes or asyncio?": the preset's reading natively and in the page.
echo
echo "### ways.mjs (the preset's six runs natively, beside python3)"
node --no-warnings "$here/ways.mjs" "$bin"
echo
echo "### ways-browser.mjs (the preset's six runs in headless Chromium)"
node --no-warnings "$here/ways-browser.mjs"

# First load of the static site, isolated and not (dist/ from this checkout).
echo
echo "### firstload.mjs (dist/ in headless Chromium)"
"$root/build.sh" dist >&2
node "$here/firstload.mjs"

# BENCHMARKS.md's pyperformance history takes the run's row when the machine was quiet (the
# 1-minute load average under 1.5 on 2 cores when the suite ended: the row's third cell). The
# suite's own single-threaded runs keep one core busy, so a machine doing nothing else reads
# about 1.0 at the end; a build or a second benchmark beside it reads 2 or more.)
echo
if [[ -s "$history_row" ]]; then
    load="$(cut -d'|' -f4 "$history_row" | awk '{ print $1 }')"
    if awk -v l="$load" 'BEGIN { exit !(l < 1.5) }'; then
        python3 - "$root/BENCHMARKS.md" "$(cat "$history_row")" <<'PY'
import sys
path, row = sys.argv[1], sys.argv[2]
lines = open(path).read().split("\n")
start = next(i for i, l in enumerate(lines) if l.startswith("### History"))
header = next(i for i in range(start, len(lines)) if lines[i].startswith("| date"))
end = header + 2
while end < len(lines) and lines[end].startswith("|"):
    end += 1
lines.insert(end, row)
open(path, "w").write("\n".join(lines))
PY
        echo "History row appended to BENCHMARKS.md: $(cat "$history_row")"
    else
        echo "History row NOT appended to BENCHMARKS.md: load average $load at the end (not quiet):"
        cat "$history_row"
    fi
fi
