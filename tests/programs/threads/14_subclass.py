# A Thread subclass that overrides run() and calls super().__init__().
import threading

class Counter(threading.Thread):
    def __init__(self, label, n):
        super().__init__(name="counter-" + label)
        self.n = n
        self.total = 0

    def run(self):
        for i in range(self.n):
            self.total += i

class Plain(threading.Thread):
    def run(self):
        print("plain run in", threading.current_thread().name)

class Delegating(threading.Thread):
    def __init__(self, **kw):
        threading.Thread.__init__(self, **kw)

    def run(self):
        print("delegating to the target")
        super().run()

workers = [Counter("a", 10), Counter("b", 100)]
for w in workers:
    w.start()
for w in workers:
    w.join()
    print(w.name, w.total, w.is_alive())
p = Plain()
p.start()
p.join()
d = Delegating(target=print, args=("target called",))
d.start()
d.join()
print(d.name, p.name, isinstance(p, threading.Thread))
