# Adapted from pyperformance 1.14.0, benchmarks/bm_coroutines/run_benchmark.py
# (https://github.com/python/pyperformance), MIT License: see LICENSE in this folder.
# Changes: pyperf and its timing removed; the program runs once at BENCH_SIZE (argv[1] overrides it)
# and prints a checksum of its results, never a time (see README.md in this folder).
"""
Benchmark for recursive coroutines.

Author: Kumar Aditya
"""


async def fibonacci(n: int) -> int:
    if n <= 1:
        return n
    return await fibonacci(n - 1) + await fibonacci(n - 2)


def bench_coroutines(loops: int, n: int) -> int:
    range_it = range(loops)
    for _ in range_it:
        coro = fibonacci(n)
        try:
            while True:
                coro.send(None)
        except StopIteration as stop:
            result = stop.value
    return result


import sys

# The tiny size the smoke test runs (tests/pyperformance.rs). tests/bench/pyperformance.sh rewrites
# this line to the bench size in manifest.txt, since threadlab's runner passes no program arguments.
BENCH_SIZE = 10


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else BENCH_SIZE
    # The size is n in fibonacci(n) (pyperformance: 25).
    print(bench_coroutines(1, size))
