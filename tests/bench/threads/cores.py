# How many cores this machine gives us right now: the lesson 5 count in one process, then in two
# processes at once. Prints "capacity X" = 2 * one / two (2.0 on two free cores, 1.0 on one).
import multiprocessing
import time

def count():
    total = 0
    for i in range(10_000_000):
        total += 1

if __name__ == "__main__":
    start = time.perf_counter()
    count()
    one = time.perf_counter() - start
    start = time.perf_counter()
    procs = [multiprocessing.Process(target=count) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    two = time.perf_counter() - start
    print(f"capacity {2 * one / two:.2f}")
