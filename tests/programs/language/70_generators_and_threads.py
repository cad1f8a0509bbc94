# A generator suspended in one thread and resumed in another; generators feeding threads.
import threading

def counter():
    n = 0
    while True:
        n += 1
        got = yield n
        if got == "stop":
            return n

c = counter()
print("main:", next(c))
results = []

def resume_elsewhere():
    results.append(("worker", next(c), threading.current_thread().name))
    results.append(("worker", c.send(None), threading.current_thread().name))

t = threading.Thread(target=resume_elsewhere, name="T1")
t.start()
t.join()
print(results)
print("main again:", next(c))
try:
    c.send("stop")
except StopIteration as e:
    print("returned", e.value)

def chunks(items, size):
    for i in range(0, len(items), size):
        yield items[i:i + size]

totals = [0] * 3
def work(idx, chunk):
    totals[idx] = sum(x * x for x in chunk)

threads = [threading.Thread(target=work, args=(i, ch)) for i, ch in enumerate(chunks(list(range(30)), 10))]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(totals, sum(totals) == sum(x * x for x in range(30)))

lock = threading.Lock()
shared = (i for i in range(1000))
seen = []
def drain():
    while True:
        with lock:
            v = next(shared, None)
        if v is None:
            return
        seen.append(v)

ws = [threading.Thread(target=drain) for _ in range(4)]
for w in ws:
    w.start()
for w in ws:
    w.join()
print(len(seen), sorted(seen) == list(range(1000)))

# A second next() while the generator runs in another thread: ValueError, in every mode.
import time
inside = threading.Event()
def slow():
    while True:
        inside.set()
        time.sleep(0.2)
        yield "slow value"

s = slow()
holder = threading.Thread(target=lambda: results.append(next(s)))
holder.start()
inside.wait()
try:
    next(s)
except ValueError as e:
    print("ValueError:", e)
print(s.gi_running)
holder.join()
print(results[-1], s.gi_running)
