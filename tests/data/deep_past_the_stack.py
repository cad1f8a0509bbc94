# With the recursion limit raised far past what any thread's stack holds, nesting 10**5 deep
# must still end in RecursionError, not a stack overflow (CPython itself crashes here).
import sys, threading
sys.setrecursionlimit(10**6)


def deep(n, make):
    x = None
    for _ in range(n):
        x = make(x)
    return x


def probe(where):
    x, y, t = deep(10**5, lambda x: [x]), deep(10**5, lambda x: [x]), deep(10**5, lambda x: (x,))
    for op, f in [("repr", lambda: repr(x)), ("eq", lambda: x == y), ("lt", lambda: x < y),
                  ("hash", lambda: hash(t)), ("set", lambda: {t}), ("dict key", lambda: {t: 1})]:
        try:
            f()
            print(where, op, "ok")
        except RecursionError:
            print(where, op, "RecursionError")


probe("main")
th = threading.Thread(target=probe, args=("thread",))
th.start()
th.join()
