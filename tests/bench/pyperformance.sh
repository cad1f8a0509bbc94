#!/usr/bin/env bash
# pyperformance's pure-Python benchmarks (tests/bench/pyperformance/, sizes in manifest.txt):
# python3 against threadlab natively, then threadlab's wasm in headless Chromium, Pyodide and
# MicroPython in node, on the same programs. Prints one markdown table for BENCHMARKS.md, and the
# history row (to HISTORY_ROW_FILE too, if set). Never fails on a slow or broken benchmark: it
# reports it.
#
#   tests/bench/pyperformance.sh [path/to/threadlab]
#   REPS=3             paired runs per benchmark (median)
#   PEERS="chromium pyodide micropython"   peers to time ("" for none). chromium is threadlab's
#                      wasm in headless Chromium (pyperformance-browser.mjs; needs www/pkg, from
#                      ./build.sh build); pyodide and micropython need tests/bench/peers/node_modules,
#                      which ./build.sh bench installs (npm ci --prefix tests/bench/peers)
#   BENCH_FILTER=nbody only the benchmarks whose name contains this
#   TIMEOUT=300        seconds before one run is killed
#   SIZES=tiny         the programs' own tiny sizes instead of manifest.txt's (to try the script)
#
# Timing: python3 and threadlab are timed as whole processes (wall time from fork to exit, start-up
# included: a few ms), one run after the other, never side by side; each pair runs python3 first,
# then threadlab. Peers are timed inside node around runPython() after the peer loaded (see
# peers/run.mjs), because loading Pyodide alone takes seconds. Every run's stdout must equal
# python3's, so a broken run cannot pass for a fast one.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${1:-${CARGO_TARGET_DIR:-$root/target}/release/threadlab}"
reps="${REPS:-3}"
peers="${PEERS-chromium pyodide micropython}"
filter="${BENCH_FILTER:-}"
limit="${TIMEOUT:-300}"
programs="$here/pyperformance"

if [[ ! -x "$bin" ]]; then
    echo "no runner at $bin: build it with 'cargo build --release --bin threadlab'" >&2
    exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# "name size" for each benchmark in the manifest, in its order.
names=()
while read -r name size _; do
    [[ -z "$name" || "$name" == \#* ]] && continue
    [[ "$name" == *"$filter"* ]] || continue
    # The bench size replaces the program's tiny BENCH_SIZE line (threadlab's runner passes no
    # arguments to the program, so sys.argv cannot carry it).
    if [[ "$(grep -c '^BENCH_SIZE = [0-9]*$' "$programs/bm_$name.py")" != 1 ]]; then
        echo "bm_$name.py has no single 'BENCH_SIZE = N' line" >&2
        exit 1
    fi
    [[ "${SIZES:-}" == tiny ]] && size='\1'
    sed "s/^BENCH_SIZE = \([0-9]*\)\$/BENCH_SIZE = $size/" "$programs/bm_$name.py" >"$work/bm_$name.py"
    names+=("$name")
done <"$programs/manifest.txt"

# Runs a command with stdout and stderr to files; prints its wall time in seconds and returns
# its exit status.
run_timed() {
    local out="$1" err="$2" start end rc=0
    shift 2
    start=$(date +%s%N)
    timeout "$limit" "$@" >"$out" 2>"$err" </dev/null || rc=$?
    end=$(date +%s%N)
    awk -v ns="$((end - start))" 'BEGIN { printf "%.4f", ns / 1e9 }'
    return "$rc"
}

median() {
    tr ',' '\n' | sed '/^$/d' | sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) exit; m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.3f", m }'
}

# Why a run is not "ok": the error a runner printed last (`ModuleNotFoundError: ...`), a
# timeout, or output that is not python3's.
failure() {
    local rc="$1" err="$2" out="$3" expected="$4"
    if [[ "$rc" == 124 ]]; then
        echo "timed out after ${limit} s"
    elif [[ "$rc" != 0 ]]; then
        local line
        # The last line of the error, not threadlab's note under a ModuleNotFoundError
        # (MISSING_MODULE_NOTE in src/vm/modules/mod.rs).
        line="$(sed '/^[[:space:]]*$/d; /^threadlab has no such module: /d' "$err" | tail -n 1 | tr '|' '/' | cut -c1-120)"
        echo "${line:-exit status $rc}"
    elif ! cmp -s "$out" "$expected"; then
        echo "checksum differs"
    fi
}

declare -A py_time tl_time tl_status peer_time peer_status peer_load
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"

for name in "${names[@]}"; do
    file="$work/bm_$name.py"
    py_times="" tl_times="" status="ok"
    for i in $(seq "$reps"); do
        if ! t=$(run_timed "$work/$name.py.out" "$work/$name.py.err" python3 "$file"); then
            status="python3 failed: $(failure 1 "$work/$name.py.err" /dev/null /dev/null)"
            break
        fi
        if [[ "$i" == 1 ]]; then
            cp "$work/$name.py.out" "$work/$name.expected"
        elif ! cmp -s "$work/$name.py.out" "$work/$name.expected"; then
            status="python3's own output changes between runs"
            break
        fi
        py_times+="$t,"
        rc=0
        t=$(run_timed "$work/$name.tl.out" "$work/$name.tl.err" "$bin" run "$file") || rc=$?
        why="$(failure "$rc" "$work/$name.tl.err" "$work/$name.tl.out" "$work/$name.expected")"
        if [[ -n "$why" ]]; then
            # No point timing a run that fails; python3's time is still reported.
            status="$why"
            [[ -n "$tl_times" ]] && status="$why (in run $i)"
            tl_times=""
            break
        fi
        tl_times+="$t,"
    done
    py_time[$name]="$(median <<<"$py_times")"
    tl_time[$name]="$(median <<<"$tl_times")"
    tl_status[$name]="$status"
done

for peer in $peers; do
    files=()
    for name in "${names[@]}"; do files+=("$work/bm_$name.py"); done
    if [[ "$peer" == chromium ]]; then
        runner=(node "$here/pyperformance-browser.mjs" "$reps" "${files[@]}")
    elif [[ ! -d "$here/peers/node_modules" ]]; then
        echo "(skipping $peer: run 'npm ci --prefix tests/bench/peers' or ./build.sh bench)" >&2
        continue
    else
        runner=(node "$here/peers/run.mjs" "$peer" "$reps" "${files[@]}")
    fi
    while IFS=$'\t' read -r name times error; do
        [[ "$times" == - ]] && times=""
        [[ "$error" == - ]] && error=""
        if [[ "$name" == load ]]; then
            peer_load[$peer]="${times:-failed: $error}"
            continue
        fi
        name="${name#bm_}"
        key="$peer/$name"
        if [[ -n "$error" ]]; then
            peer_status[$key]="$(tr '|' '/' <<<"$error" | cut -c1-120)"
        elif ! cmp -s "$work/bm_$name.$peer.out" "$work/$name.expected"; then
            peer_status[$key]="checksum differs"
        else
            peer_status[$key]="ok"
            peer_time[$key]="$(median <<<"$times")"
        fi
    # One node process per peer (loading Pyodide takes seconds); a benchmark it never finishes
    # leaves the rest "not run".
    done < <(timeout "$((limit * reps * ${#names[@]}))" "${runner[@]}" || true)
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# The geometric mean of the ratios on stdin (one a line), with how many there were.
geomean() {
    awk '{ s += log($1); n++ } END { if (n) printf "%.2f (%d benchmarks)", exp(s / n), n; else printf "-" }'
}

peer_names=""
for peer in $peers; do
    [[ -n "${peer_load[$peer]:-}" ]] && peer_names+="$peer "
done

# The peer's version, as pinned in peers/package.json.
peer_version() {
    local package="$1"
    if [[ "$package" == chromium ]]; then
        "${CHROMIUM:-/usr/bin/chromium}" --version 2>/dev/null | awk '{ print $2 }'
        return
    fi
    [[ "$package" == micropython ]] && package="@micropython/micropython-webassembly-pyscript"
    node -p "require('$here/peers/package.json').devDependencies['$package']"
}

versions="python3: $(python3 --version 2>&1), threadlab: $("$bin" --version)"
for peer in $peer_names; do
    versions+=", $peer $(peer_version "$peer") (loaded in ${peer_load[$peer]} s)"
done
echo "$versions"
echo "$reps paired runs, median wall seconds; ratio = python3 time / other time (above 1: faster than python3)."
echo "Load average at the start: $load_start; at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
echo
header="| benchmark | python3 s | threadlab s | python3 / threadlab | threadlab status |"
rule="|---|---|---|---|---|"
for peer in $peer_names; do
    header+=" $peer s | python3 / $peer |"
    rule+="---|---|"
    # The wasm engine against the native one on the same program (target >= 0.8).
    if [[ "$peer" == chromium ]]; then
        header+=" threadlab native / chromium |"
        rule+="---|"
    fi
done
echo "$header"
echo "$rule"
tl_ratios="" wasm_ratios=""
declare -A peer_ratios=() peer_geomean=()
for name in "${names[@]}"; do
    row="| $name | ${py_time[$name]:--} | "
    if [[ "${tl_status[$name]}" == ok ]]; then
        r="$(ratio "${py_time[$name]}" "${tl_time[$name]}")"
        tl_ratios+="$r"$'\n'
        row+="${tl_time[$name]} | $r | ok |"
    else
        row+="- | - | ${tl_status[$name]} |"
    fi
    for peer in $peer_names; do
        key="$peer/$name"
        if [[ "${peer_status[$key]:-}" == ok ]]; then
            r="$(ratio "${py_time[$name]}" "${peer_time[$key]}")"
            peer_ratios[$peer]+="$r"$'\n'
            row+=" ${peer_time[$key]} | $r |"
        else
            row+=" - | ${peer_status[$key]:-not run} |"
        fi
        if [[ "$peer" == chromium ]]; then
            if [[ "${peer_status[$key]:-}" == ok && "${tl_status[$name]}" == ok ]]; then
                r="$(ratio "${tl_time[$name]}" "${peer_time[$key]}")"
                wasm_ratios+="$r"$'\n'
                row+=" $r |"
            else
                row+=" - |"
            fi
        fi
    done
    echo "$row"
done
tl_geomean="$(printf '%s' "$tl_ratios" | sed '/^$/d' | geomean)"
row="| **geometric mean** (over the benchmarks each runs) | | | $tl_geomean | |"
wasm_geomean="$(printf '%s' "$wasm_ratios" | sed '/^$/d' | geomean)"
for peer in chromium pyodide micropython; do
    peer_geomean[$peer]="$(printf '%s' "${peer_ratios[$peer]:-}" | sed '/^$/d' | geomean)"
done
for peer in $peer_names; do
    row+=" | ${peer_geomean[$peer]} |"
    [[ "$peer" == chromium ]] && row+=" $wasm_geomean |"
done
echo "$row"

# BENCHMARKS.md's history table takes one row per quiet run; the load average tells which.
lowest="$(printf '%s' "$tl_ratios" | sed '/^$/d' | sort -g | head -n 1)"
echo
history="| $(date -u '+%Y-%m-%d %H:%M') | $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?') | $(cut -d' ' -f1-3 /proc/loadavg) | $(printf '%s' "$tl_ratios" | sed '/^$/d' | wc -l) of ${#names[@]} | ${tl_geomean%% (*} | ${lowest:--} | ${peer_geomean[chromium]%% (*} | ${wasm_geomean%% (*} | ${peer_geomean[pyodide]%% (*} | ${peer_geomean[micropython]%% (*} |"
echo "History row for BENCHMARKS.md (tests/bench/run.sh appends it when the load average at the end was under 1.5):"
echo
echo "$history"
[[ -n "${HISTORY_ROW_FILE:-}" ]] && echo "$history" >"$HISTORY_ROW_FILE"
exit 0
