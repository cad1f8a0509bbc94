# Source: Python docs, queue module (Queue.get/put with block and timeout; Empty and Full)
import queue
import threading
import time

q = queue.Queue(maxsize=2)
q.put_nowait('a')
q.put('b', block=False)
try:
    q.put('c', timeout=0.05)
except queue.Full:
    print('Full after timeout; qsize =', q.qsize())
try:
    q.put_nowait('c')
except queue.Full as e:
    print('put_nowait raised', type(e).__name__, repr(e))
print(q.get(), q.get_nowait())
try:
    q.get(timeout=0.05)
except queue.Empty:
    print('Empty after timeout')
try:
    q.get(block=False)
except queue.Empty as e:
    print('get(block=False) raised', type(e).__name__)


def late_put():
    time.sleep(0.05)
    q.put('late')


threading.Thread(target=late_put).start()
print('waited for:', q.get(timeout=5))
try:
    q.get(timeout=-1)
except ValueError as e:
    print('ValueError:', e)
sq = queue.SimpleQueue()
sq.put(1)
sq.put(2)
print(sq.get(), sq.qsize(), sq.empty())
try:
    q.task_done()
    q.task_done()
    q.task_done()
    q.task_done()
except ValueError as e:
    print('ValueError:', e)
q.get_nowait()
