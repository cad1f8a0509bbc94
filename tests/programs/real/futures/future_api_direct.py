# Source: Python docs, concurrent.futures "Future Objects" (set_result, set_exception, InvalidStateError, as_completed timeout)
import threading
import time
from concurrent.futures import Future, as_completed, TimeoutError, InvalidStateError

f = Future()
print(f.done(), f.running(), f.cancelled())


def resolve():
    time.sleep(0.05)
    f.set_result('hello')


threading.Thread(target=resolve).start()
print('result:', f.result(timeout=5))
try:
    f.set_result('again')
except InvalidStateError as e:
    print('InvalidStateError:', type(e).__module__)
g = Future()
g.set_exception(KeyError('k'))
print(repr(g.exception()))
h = Future()
try:
    for x in as_completed([h], timeout=0.05):
        print('unexpected', x)
except TimeoutError as e:
    print('TimeoutError:', e)
print(h.cancel(), h.cancelled(), h.done())
order = []
k = Future()
k.add_done_callback(lambda fut: order.append('first'))
k.add_done_callback(lambda fut: order.append('second'))
k.set_result(None)
k.add_done_callback(lambda fut: order.append('immediately'))
print(order)
