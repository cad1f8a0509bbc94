# Python docs (threading): Condition producer/consumer, BoundedSemaphore, Event, Timer, enumerate
import threading, time
items = []
cv = threading.Condition()
def consumer(name, results):
    with cv:
        cv.wait_for(lambda: len(items) > 0)
        results.append((name, items.pop(0)))
def producer(n):
    for i in range(n):
        with cv:
            items.append(i)
            cv.notify()
results = []
cs = [threading.Thread(target=consumer, args=(f'c{i}', results), name=f'consumer-{i}') for i in range(3)]
for t in cs: t.start()
p = threading.Thread(target=producer, args=(3,)); p.start(); p.join()
for t in cs: t.join()
print(sorted(v for _, v in results), len(results))
sem = threading.BoundedSemaphore(2)
sem.acquire(); sem.release()
try:
    sem.release()
except ValueError as e:
    print('ValueError:', e)
s = threading.Semaphore(0)
print(s.acquire(timeout=0.01), s.acquire(blocking=False))
ev = threading.Event(); print(ev.is_set(), ev.wait(0.01)); ev.set(); print(ev.is_set(), ev.wait())
fired = []
t = threading.Timer(0.05, fired.append, args=['fired']); t.start(); t.join(); print(fired)
t2 = threading.Timer(10, fired.append, args=['never']); t2.start(); t2.cancel(); t2.join(); print(fired, t2.is_alive())
print(threading.current_thread().name, threading.main_thread() is threading.current_thread(), threading.active_count())
print([th.name for th in threading.enumerate()])
class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__(name=f'Worker-{n}', daemon=False)
        self.n = n
        self.result = None
    def run(self):
        self.result = sum(range(self.n))
ws = [Worker(n) for n in (10, 100, 1000)]
for w in ws: w.start()
for w in ws: w.join()
print([(w.name, w.result, w.is_alive()) for w in ws])
rl = threading.RLock()
with rl:
    with rl:
        print('reentrant ok')
lk = threading.Lock(); print(lk.acquire(), lk.locked(), lk.acquire(False)); lk.release(); print(lk.locked())
b = threading.Barrier(3, action=lambda: print('barrier passed'))
def w(): b.wait()
ts = [threading.Thread(target=w) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(b.parties, b.n_waiting, b.broken)
loc = threading.local(); loc.x = 'main'
def f(): loc.x = 'thread'; print('in thread', loc.x)
t = threading.Thread(target=f); t.start(); t.join(); print('in main', loc.x)
print(threading.get_ident() == threading.current_thread().ident, isinstance(threading.get_native_id(), int))
print(threading.TIMEOUT_MAX > 0, repr(threading.Thread(name='x')).startswith('<Thread(x, initial'))
