# Nested containers 2,000 deep: repr, str, comparisons, `in` and formatting raise RecursionError
# with CPython's messages (tuple hashing is not counted by CPython and succeeds), in the main
# thread and in a thread.
import threading


def deep(n, make):
    x = make(None)
    for _ in range(n):
        x = make(x)
    return x


def probe(where):
    for name, make in [("list", lambda x: [x]), ("tuple", lambda x: (x,)), ("dict", lambda x: {1: x})]:
        x, y = deep(2000, make), deep(2000, make)
        for op, f in [("repr", lambda: repr(x)), ("str", lambda: str(x)), ("eq", lambda: x == y),
                      ("lt", lambda: x < y), ("hash", lambda: hash(x)), ("in", lambda: y in [x]),
                      ("%", lambda: "%s" % (x,)), ("f-string", lambda: f"{x}"), ("format", lambda: format(x)),
                      ("print", lambda: print(x))]:
            try:
                f()
                print(where, name, op, "ok")
            except (RecursionError, TypeError) as e:
                print(where, name, op, type(e).__name__, e)
    # Shallower than the limit: fine.
    print(where, len(repr(deep(900, lambda x: [x]))), deep(900, lambda x: [x]) == deep(900, lambda x: [x]))


probe("main")
t = threading.Thread(target=probe, args=("thread",))
t.start()
t.join()
