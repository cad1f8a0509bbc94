#!/usr/bin/env bash
# The counting-loop benchmarks: python3 against the release-built native runner, REPS runs each.
# Prints a markdown table (median and min wall time; ratio = python3 / threadlab, >1 means
# threadlab is faster). Usage: tests/bench/count.sh [path/to/threadlab]   (REPS=5 by default)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${1:-${CARGO_TARGET_DIR:-$root/target}/release/threadlab}"
reps="${REPS:-5}"

if [[ ! -x "$bin" ]]; then
    echo "no runner at $bin: build it with 'cargo build --release --bin threadlab'" >&2
    exit 1
fi

# Wall time of one run in milliseconds; the program's output must match the expected text, so a
# broken run cannot pass for a fast one.
time_ms() {
    local expected="$1"; shift
    local start end out
    start=$(date +%s%N)
    out="$("$@" 2>/dev/null)" || true
    end=$(date +%s%N)
    if [[ "$out" != "$expected" ]]; then
        echo "unexpected output from $*: ${out:0:80}" >&2
        return 1
    fi
    echo $(( (end - start) / 1000000 ))
}

# "median min" of the numbers on stdin.
median_min() {
    sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; print m, a[1] }'
}

bench() {
    local label="$1" file="$2" expected="$3"; shift 3
    local py_times=() tl_times=() t
    # python3 and threadlab runs alternate, so a change in machine load hits both alike.
    for _ in $(seq "$reps"); do
        if ! t=$(time_ms "$expected" python3 "$here/$file"); then
            printf '| %s | failed | | |\n' "$label"
            return
        fi
        py_times+=("$t")
        if ! t=$(time_ms "$expected" "$bin" run "$here/$file" "$@"); then
            printf '| %s | | failed (wrong output) | |\n' "$label"
            return
        fi
        tl_times+=("$t")
    done
    read -r py_med py_min <<<"$(printf '%s\n' "${py_times[@]}" | median_min)"
    read -r tl_med tl_min <<<"$(printf '%s\n' "${tl_times[@]}" | median_min)"
    ratio=$(awk -v p="$py_med" -v t="$tl_med" 'BEGIN { printf "%.2f", p / t }')
    min_ratio=$(awk -v p="$py_min" -v t="$tl_min" 'BEGIN { printf "%.2f", p / t }')
    printf '| %s | %s (%s) | %s (%s) | %s (%s) |\n' "$label" "$py_med" "$py_min" "$tl_med" "$tl_min" "$ratio" "$min_ratio"
}

echo "python3: $(python3 --version 2>&1), threadlab: $("$bin" --version), $reps runs each, wall ms"
echo
echo "| benchmark | python3 median (min) ms | threadlab median (min) ms | python3 / threadlab, median (min) |"
echo "|---|---|---|---|"
bench "count() in a function, N=10M" count_function.py 10000000
bench "module-level loop, N=10M" count_module.py 10000000
bench "lesson 5: two threads x 10M, --mode gil" count_two_threads.py Done --mode gil
bench "lesson 5: two threads x 10M, --mode free" count_two_threads.py Done --mode free
