#!/usr/bin/env bash
# Threading benchmarks: threadlab (release build, native) in sequential / gil / free modes beside
# python3, in one run. Figures are measured inside the programs (time.perf_counter around the
# work) and are medians of REPS runs (default 3). GIL switch counts come from `--json`.
# Prints markdown tables. Usage: tests/bench/threads.sh [path/to/threadlab]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
progs="$here/threads"
bin="${1:-${CARGO_TARGET_DIR:-$root/target}/release/threadlab}"
reps="${REPS:-3}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

if [[ ! -x "$bin" ]]; then
    echo "no runner at $bin: build it with 'cargo build --release --bin threadlab'" >&2
    exit 1
fi

# "elapsed switches transitions" of one threadlab run (from its JSON report: the program prints
# "elapsed S"; transitions = recorded spans).
tl_once() {
    local file="$1" mode="$2" report
    # Captured first, then parsed: python3 starting up beside the run would take a core away
    # from free mode's two threads while they are being timed.
    report="$("$bin" run "$file" --mode "$mode" --json)"
    printf '%s' "$report" | python3 -c '
import json, sys
r = json.load(sys.stdin)
if r.get("error"):
    sys.exit("run failed: %s" % r["error"])
elapsed = [l for l in r["stdout"].splitlines() if l.startswith("elapsed ")][-1].split()[1]
print(elapsed, r["gil_switches"], sum(len(t["spans"]) for t in r["threads"]))'
}

py_once() {
    python3 "$1" | awk '/^elapsed / { print $2, "-", "-" }'
}

# Median (by elapsed) of REPS runs of `runner file mode`: "elapsed switches transitions min",
# min being the fastest run's elapsed (on a shared machine the fastest run is the one that got
# the cores it asked for).
median() {
    local runner="$1" file="$2" mode="${3:-}"
    for _ in $(seq "$reps"); do "$runner" "$file" "$mode"; done | sort -n \
        | awk '{ a[NR] = $0; if (NR == 1) m = $1 } END { print a[int((NR + 1) / 2)], m }'
}

field() { echo "$1" | awk -v i="$2" '{ print $i }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
ms() { awk -v s="$1" 'BEGIN { printf "%.0f", s * 1000 }'; }

convoy() {
    # convoy SPIN INTERVAL -> path of a variant of convoy.py
    local f="$tmp/convoy_${1}_${2}.py"
    sed -e "s/^SPIN = True/SPIN = $1/" -e "s/^INTERVAL = 0.005/INTERVAL = $2/" "$progs/convoy.py" >"$f"
    echo "$f"
}

echo "python3: $(python3 --version 2>&1); threadlab: $("$bin" --version); $(nproc) cores;" \
     "load average $(cut -d' ' -f1-3 /proc/loadavg); median of $reps runs"
echo

# ---- Lesson 5 -----------------------------------------------------------------------------
l5_seq=$(median tl_once "$progs/lesson5_threads.py" sequential)
l5_gil=$(median tl_once "$progs/lesson5_threads.py" gil)
l5_free=$(median tl_once "$progs/lesson5_threads.py" free)
l5_py=$(median py_once "$progs/lesson5_threads.py")
l5_py_plain=$(median py_once "$progs/lesson5_plain.py")
s=$(field "$l5_seq" 1); g=$(field "$l5_gil" 1); f=$(field "$l5_free" 1); p=$(field "$l5_py" 1); pp=$(field "$l5_py_plain" 1)
echo "### Lesson 5: two threads each counting to 10,000,000"
echo
echo "| run | median s | fastest s | GIL switches |"
echo "|---|---|---|---|"
echo "| threadlab sequential | $s | $(field "$l5_seq" 4) | $(field "$l5_seq" 2) |"
echo "| threadlab gil | $g | $(field "$l5_gil" 4) | $(field "$l5_gil" 2) |"
echo "| threadlab free | $f | $(field "$l5_free" 4) | $(field "$l5_free" 2) |"
echo "| python3, two threads | $p | $(field "$l5_py" 4) | |"
echo "| python3, one call after the other | $pp | $(field "$l5_py_plain" 4) | |"
echo
echo "- gil / sequential = **$(ratio "$g" "$s")** median, $(ratio "$(field "$l5_gil" 4)" "$(field "$l5_seq" 4)") fastest" \
     "(target 0.9-1.2); python3 threads / one-after-other = $(ratio "$p" "$pp")"
echo "- sequential / free = **$(ratio "$s" "$f")** median, $(ratio "$(field "$l5_seq" 4)" "$(field "$l5_free" 4)") fastest" \
     "(target >= 1.8 on 2 cores)"
# The parallelism the machine actually offered meanwhile (other jobs share the cores), and how
# many cores free mode's runs got (user CPU time / wall time of the whole process).
caps=$(for _ in $(seq "$reps"); do python3 "$progs/cores.py" | awk '{ print $2 }'; done | sort -n | tr '\n' ' ')
used=$(for _ in $(seq "$reps"); do
    /usr/bin/time -f "%U %e" "$bin" run "$progs/lesson5_threads.py" --mode free 2>&1 >/dev/null \
        | awk '{ printf "%.2f\n", $1 / $2 }'
done | sort -n | tr '\n' ' ')
echo "- cores available (python3, 2 processes vs 1, $reps tries, sorted): $caps"
echo "- cores used by threadlab free (user CPU / wall, $reps runs, sorted): $used"
echo

# ---- Lesson 6 -----------------------------------------------------------------------------
l6_gil=$(median tl_once "$progs/lesson6.py" gil)
l6_free=$(median tl_once "$progs/lesson6.py" free)
l6_seq=$(median tl_once "$progs/lesson6.py" sequential)
l6_py=$(median py_once "$progs/lesson6.py")
l6_py_plain=$(median py_once "$progs/lesson6_plain.py")
echo "### Lesson 6: three downloads of time.sleep(2)"
echo
echo "| run | s | off the ideal by |"
echo "|---|---|---|"
for row in "threadlab gil|$l6_gil|2" "threadlab free|$l6_free|2" "threadlab sequential|$l6_seq|6" \
           "python3 threads|$l6_py|2" "python3 one after the other|$l6_py_plain|6"; do
    IFS='|' read -r label res ideal <<<"$row"
    e=$(field "$res" 1)
    echo "| $label | $e | $(awk -v e="$e" -v i="$ideal" 'BEGIN { printf "%+.1f ms", (e - i) * 1000 }') (ideal $ideal s) |"
done
echo "(targets: gil within 10 ms of 2 s, sequential within 10 ms of 6 s)"
echo

# ---- Convoy -------------------------------------------------------------------------------
alone=$(convoy False 0.005)
spin=$(convoy True 0.005)
cv_gil_alone=$(median tl_once "$alone" gil)
cv_gil_spin=$(median tl_once "$spin" gil)
cv_free_alone=$(median tl_once "$alone" free)
cv_free_spin=$(median tl_once "$spin" free)
cv_py_alone=$(median py_once "$alone")
cv_py_spin=$(median py_once "$spin")
echo "### Convoy: 200 x time.sleep(0.001), alone vs beside one CPU-bound thread (interval 5 ms)"
echo
echo "| run | alone s | beside a spinner s | slowdown | GIL switches |"
echo "|---|---|---|---|---|"
echo "| threadlab gil | $(field "$cv_gil_alone" 1) | $(field "$cv_gil_spin" 1) | **$(ratio "$(field "$cv_gil_spin" 1)" "$(field "$cv_gil_alone" 1)")x** (target 4-8x) | $(field "$cv_gil_spin" 2) |"
echo "| threadlab free | $(field "$cv_free_alone" 1) | $(field "$cv_free_spin" 1) | **$(ratio "$(field "$cv_free_spin" 1)" "$(field "$cv_free_alone" 1)")x** (target < 1.5x) | |"
echo "| python3 | $(field "$cv_py_alone" 1) | $(field "$cv_py_spin" 1) | $(ratio "$(field "$cv_py_spin" 1)" "$(field "$cv_py_alone" 1)")x | |"
echo

# ---- Switch interval ----------------------------------------------------------------------
echo "### Switch interval: sys.setswitchinterval(S), gil mode"
echo
echo "Convoy = the 200 sleeps beside a spinner; lesson 5 = the two counting threads."
echo
echo "| S | convoy threadlab s | convoy threadlab switches | convoy python3 s | lesson 5 threadlab s | lesson 5 threadlab switches |"
echo "|---|---|---|---|---|---|"
for iv in 0.001 0.005 0.02; do
    f=$(convoy True "$iv")
    r=$(median tl_once "$f" gil)
    pr=$(median py_once "$f")
    l5="$tmp/lesson5_$iv.py"
    sed "s/^import time$/import time\nimport sys\nsys.setswitchinterval($iv)/" "$progs/lesson5_threads.py" >"$l5"
    lr=$(median tl_once "$l5" gil)
    echo "| $iv | $(field "$r" 1) | $(field "$r" 2) | $(field "$pr" 1) | $(field "$lr" 1) | $(field "$lr" 2) |"
done
echo

# ---- Recording overhead -------------------------------------------------------------------
cost=$(cd "$root" && cargo test --release --quiet --test threads_modes -- --ignored --nocapture transition_cost 2>/dev/null \
       | awk '/^transition_ns/ { print $2 }')
trans=$(field "$l5_gil" 3)
echo "### Timeline recording overhead (lesson 5, gil mode)"
echo
echo "Recording cannot be switched off; its cost is the transitions recorded times the cost of one."
echo
echo "| transitions recorded | ns per transition | total | share of the run |"
echo "|---|---|---|---|"
echo "| $trans | $cost | $(awk -v n="$trans" -v c="$cost" 'BEGIN { printf "%.3f ms", n * c / 1e6 }') | $(awk -v n="$trans" -v c="$cost" -v g="$g" 'BEGIN { printf "%.4f%%", n * c / 1e9 / g * 100 }') |"
