# import x, import x as y, from x import y — with time and sys; only derived booleans are printed.
import time
import sys
import time as t
from time import sleep, perf_counter
from time import monotonic as mono
import sys as system, time as clock

start = t.perf_counter()
sleep(0.01)
elapsed = perf_counter() - start
print("elapsed positive:", elapsed > 0)
print("slept at least 5 ms:", elapsed >= 0.005)
print("monotonic is float:", isinstance(mono(), float))
print("time.time is float:", isinstance(time.time(), float))
print("same module:", t is time, clock is time)
print("switch interval:", sys.getswitchinterval())
sys.setswitchinterval(0.001)
print("new interval:", sys.getswitchinterval())
print("sys alias:", system is sys)
