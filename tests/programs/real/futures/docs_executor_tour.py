# Python docs (concurrent.futures): map, submit, as_completed, wait, exceptions, cancel, shutdown
import concurrent.futures as cf
import time
def square(x):
    return x * x
def fails(x):
    raise ValueError(f'bad {x}')
with cf.ThreadPoolExecutor(max_workers=3) as ex:
    print(list(ex.map(square, range(8))))
    print(list(ex.map(pow, [2, 3], [5, 2])))
    futs = {ex.submit(square, n): n for n in range(5)}
    out = sorted((futs[f], f.result()) for f in cf.as_completed(futs))
    print(out)
    f = ex.submit(fails, 1)
    try:
        f.result()
    except ValueError as e:
        print('caught', e, type(f.exception()).__name__, f.done())
    done, not_done = cf.wait([ex.submit(square, 3), ex.submit(square, 4)])
    print(sorted(x.result() for x in done), len(not_done))
    try:
        list(ex.map(fails, [1, 2]))
    except ValueError as e:
        print('map raised', e)
ex = cf.ThreadPoolExecutor(max_workers=1)
slow = ex.submit(time.sleep, 0.3)
pending = ex.submit(square, 9)
print(pending.cancel(), pending.cancelled(), pending.done())
try:
    pending.result()
except cf.CancelledError:
    print('CancelledError')
ex.shutdown(wait=True)
print(slow.done(), slow.result())
try:
    ex.submit(square, 2)
except RuntimeError as e:
    print(e)
f = cf.Future(); f.add_done_callback(lambda fut: print('callback', fut.result())); f.set_result(42)
try:
    cf.Future().result(timeout=0.01)
except cf.TimeoutError:
    print('TimeoutError')
with cf.ThreadPoolExecutor(2, thread_name_prefix='pool') as ex:
    import threading
    print(ex.submit(lambda: threading.current_thread().name).result().startswith('pool_'))
print(cf.FIRST_COMPLETED, cf.ALL_COMPLETED, cf.FIRST_EXCEPTION)
