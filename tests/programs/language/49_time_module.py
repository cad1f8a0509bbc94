# The time module: sleep and clocks, printing only derived, deterministic facts.
import time

t0 = time.perf_counter()
m0 = time.monotonic()
time.sleep(0.02)
t1 = time.perf_counter()
m1 = time.monotonic()
print("perf_counter advanced:", t1 > t0)
print("slept >= 15 ms:", t1 - t0 >= 0.015)
print("monotonic advanced:", m1 >= m0)
print("sleep returns None:", time.sleep(0) is None)
print("time is recent:", time.time() > 1_600_000_000)
print("elapsed under a minute:", t1 - t0 < 60)
