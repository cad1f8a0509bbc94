# Source: threadlab stdlib tests: ThreadPoolExecutor, Future, as_completed, wait, map errors
import concurrent.futures, threading, time
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED
names = set()
def task(n):
    # 0.2 s apart, so that as_completed's order and the pool's three workers hold on a loaded machine.
    time.sleep(0.2 * n)
    names.add(threading.current_thread().name)
    return n * n
with ThreadPoolExecutor(max_workers=3) as ex:
    futs = {ex.submit(task, n): n for n in [3, 1, 2]}
    for f in as_completed(futs):
        print(futs[f], f.result())
    print(list(ex.map(task, range(4))))
print(sorted(names))
ex = concurrent.futures.ThreadPoolExecutor(thread_name_prefix="w")
f = ex.submit(lambda: 1/0)
print(type(f.exception()).__name__, f.done(), f.cancelled(), f.running())
try:
    f.result()
except ZeroDivisionError as e:
    print("raised", e)
f2 = ex.submit(time.sleep, 0.2)
try:
    f2.result(timeout=0.01)
except concurrent.futures.TimeoutError:
    print("timeout")
done, not_done = wait([f, f2], return_when=FIRST_COMPLETED)
print(len(done), len(not_done))
f3 = concurrent.futures.Future(); f3.add_done_callback(lambda f: print("cb", f.result())); f3.set_result(5)
print(repr(f3).split(" at ")[0], repr(f3).split(" state=")[1])
ex.shutdown()
print(concurrent.futures.CancelledError, concurrent.futures.TimeoutError)
ex2 = ThreadPoolExecutor(1)
print(ex2.submit(threading.current_thread).result().name)
def bad(x):
    if x == 2: raise ValueError("bad %d" % x)
    return x
try:
    for r in ex2.map(bad, range(4)): print(r)
except ValueError as e: print("map raised", e)
