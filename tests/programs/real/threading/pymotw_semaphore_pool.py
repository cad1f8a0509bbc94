# Source: PyMOTW-3, threading (Limiting Concurrent Access to Resources: ActivePool with Semaphore)
import threading
import time


class ActivePool:

    def __init__(self):
        super(ActivePool, self).__init__()
        self.active = []
        self.most = 0
        self.lock = threading.Lock()

    def makeActive(self, name):
        with self.lock:
            self.active.append(name)
            self.most = max(self.most, len(self.active))

    def makeInactive(self, name):
        with self.lock:
            self.active.remove(name)


def worker(s, pool):
    with s:
        name = threading.current_thread().name
        pool.makeActive(name)
        time.sleep(0.02)
        pool.makeInactive(name)


pool = ActivePool()
s = threading.Semaphore(2)
for i in range(4):
    t = threading.Thread(target=worker, name=str(i), args=(s, pool))
    t.start()
for t in threading.enumerate():
    if t is not threading.main_thread():
        t.join()
print('most at once:', pool.most, 'active now:', pool.active)
print('threads left:', threading.active_count(), threading.main_thread().name)
