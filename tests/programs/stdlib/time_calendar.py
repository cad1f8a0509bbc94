# Source: threadlab stdlib tests: time's calendar functions on fixed times (no clock readings printed)
import time
for t in (0, 86399, 951782400, 1234567890.5, 2**31, -86400 * 365):
    g = time.gmtime(t)
    print(g, tuple(g), g.tm_yday, g.tm_wday)
    print(time.strftime('%Y-%m-%d %H:%M:%S %a %A %b %B %j %p %I %y %U %W %w %u %%', g))
    print(time.asctime(g), time.strftime('%c|%x|%X|%D|%T|%R|%e|%F', g))
print(time.strftime('%Y', (2020, 1, 1, 0, 0, 0, 0, 1, 0)))
for bad in [(2020, 13, 1, 0, 0, 0, 0, 1, 0), (2020, 1, 1, 25, 0, 0, 0, 1, 0)]:
    try:
        time.strftime('%Y', bad)
    except ValueError as e:
        print('ValueError:', e)
print(time.mktime(time.gmtime(1e9)) - time.timezone == 1e9 - time.timezone + 0 if time.timezone == 0 else True)
t0 = time.monotonic(); p0 = time.perf_counter(); n0 = time.time_ns()
time.sleep(0.01)
print(time.monotonic() - t0 >= 0.01, time.perf_counter() - p0 >= 0.01, time.time_ns() > n0, type(time.perf_counter_ns()).__name__)
print(type(time.localtime()).__name__, len(time.localtime()), time.localtime(0).tm_year in (1969, 1970))
