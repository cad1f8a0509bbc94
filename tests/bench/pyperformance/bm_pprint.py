# Adapted from pyperformance 1.14.0, benchmarks/bm_pprint/run_benchmark.py
# (https://github.com/python/pyperformance), MIT License: see LICENSE in this folder.
# Changes: pyperf and its timing removed; the program runs once at BENCH_SIZE (argv[1] overrides it)
# and prints a checksum of its results, never a time (see README.md in this folder).
"""Test the performance of pprint.PrettyPrinter.

This benchmark was available as `python -m pprint` until Python 3.12.

Authors: Fred Drake (original), Oleg Iarygin (pyperformance port).
"""

from pprint import PrettyPrinter


ITEM = ('string', (1, 2), [3, 4], {5: 6, 7: 8})
p = PrettyPrinter()


import sys

# The tiny size the smoke test runs (tests/pyperformance.rs). tests/bench/pyperformance.sh rewrites
# this line to the bench size in manifest.txt, since threadlab's runner passes no program arguments.
BENCH_SIZE = 10


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else BENCH_SIZE
    # The size is the length of the list printed (pyperformance: 100000).
    printable = [ITEM] * size
    text = p.pformat(printable)
    lines = text.splitlines()
    print(len(text), len(lines), lines[0], lines[-1])
