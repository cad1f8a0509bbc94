# Source: threadlab stdlib tests: Barrier, local, excepthook
import threading, time
b = threading.Barrier(3, timeout=5)
out = []
lock = threading.Lock()
def w(i):
    idx = b.wait()
    with lock: out.append(idx)
ts = [threading.Thread(target=w, args=(i,)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(out), b.parties, b.n_waiting, b.broken)
b2 = threading.Barrier(2)
try:
    b2.wait(timeout=0.05)
except threading.BrokenBarrierError:
    print("broken", b2.broken)
b2.reset(); print(b2.broken)
b2.abort(); print(b2.broken)
print(repr(b).split(" at ")[0], repr(b).split(": ")[1])
data = threading.local()
data.x = "main"
def f():
    data.x = threading.current_thread().name
    time.sleep(0.01)
    print("in thread", data.x, hasattr(data, 'y'))
data.y = 1
t = threading.Thread(target=f, name="T1"); t.start(); t.join()
print("main", data.x, data.y, data.__dict__)
class My(threading.local):
    n = 2
    def __init__(self, **kw):
        self.__dict__.update(kw)
    def sq(self): return self.n ** 2
m = My(color="red")
def g():
    print(m.color, m.sq()); m.n = 11; print(m.sq())
t = threading.Thread(target=g); t.start(); t.join()
print(m.n, m.sq())
def hook(args):
    print("hook:", args.exc_type.__name__, args.exc_value, args.thread.name)
threading.excepthook = hook
def bad(): raise ValueError("oops")
t = threading.Thread(target=bad, name="Bad"); t.start(); t.join()
threading.excepthook = threading.__excepthook__
t = threading.Thread(target=bad, name="Bad2"); t.start(); t.join()
print("end")
