#!/usr/bin/env bash
# Instructions executed by threadlab on the pyperformance programs that run and on the count loop,
# counted by valgrind (callgrind's Ir). The figure to quote for a speed change on a loaded machine:
# it does not depend on what else runs, where wall time does. (`perf stat -e instructions` needs a
# hardware PMU, which this VM does not expose; callgrind counts in software, ~10-50x slower.)
#
#   tests/bench/icount.sh [path/to/threadlab]
#   BENCH_FILTER=nbody   only the programs whose name contains this
#
# Sizes are smaller than manifest.txt's (callgrind is slow): each is a few hundred million
# instructions, far above start-up (~1 M). The table has one row per program: name, size, Ir.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${1:-${CARGO_TARGET_DIR:-$root/target}/release/threadlab}"
filter="${BENCH_FILTER:-}"

if ! command -v valgrind >/dev/null; then
    echo "(icount.sh: valgrind is not installed; no instruction counts)"
    exit 0
fi

# name and size (the program's BENCH_SIZE); "count" is tests/bench/count_function.py as it is.
sizes="count - nbody 2000 float 20000 spectral_norm 50 fannkuch 8 richards 1 richards_super 1 chaos 200
go 15 unpack_sequence 500 meteor_contest 1"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "| program | size | instructions (callgrind Ir) |"
echo "|---|---|---|"
set -- $sizes
while [[ $# -gt 0 ]]; do
    name="$1" size="$2"
    shift 2
    [[ "$name" == *"$filter"* ]] || continue
    if [[ "$name" == count ]]; then
        file="$here/count_function.py"
        size="10M"
    else
        file="$work/bm_$name.py"
        sed "s/^BENCH_SIZE = [0-9]*\$/BENCH_SIZE = $size/" "$here/pyperformance/bm_$name.py" >"$file"
    fi
    ir="$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" run "$file" 2>&1 >/dev/null |
        sed -n 's/.*Collected : //p')"
    echo "| $name | $size | ${ir:-failed} |"
done
