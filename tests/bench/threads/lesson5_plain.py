# Lesson 5's work one call after the other, without threads (CPython's sequential baseline).
import time

def count():
    total = 0
    for i in range(10_000_000):
        total += 1

start = time.perf_counter()
count()
count()
print(f"elapsed {time.perf_counter() - start:.4f}")
