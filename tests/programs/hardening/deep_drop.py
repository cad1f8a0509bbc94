# Structures nested up to 10**6 deep are freed without recursing (CPython's trashcan): lists, tuples,
# dicts, linked instances and long __cause__ / __context__ chains, in the main thread and in a
# thread, and at the end of the run.
import threading


def deep(n, make):
    x = None
    for _ in range(n):
        x = make(x)
    return x


class Node:
    def __init__(self, next):
        self.next = next


def exception_chain(n, attr):
    # Set directly: raising inside `except` would make CPython walk the whole chain each time.
    e = None
    for i in range(n):
        err = ValueError(i)
        setattr(err, attr, e)
        e = err
    return e


def build_and_drop(where, n):
    # One structure 10**6 deep in the main thread; the rest 10x smaller to keep the suite quick.
    for name, make, size in [("list", lambda x: [x], n), ("tuple", lambda x: (x,), n // 10),
                             ("dict", lambda x: {"k": x}, n // 10), ("set of tuples", lambda x: (x, frozenset([1])), n // 10),
                             ("instance", Node, n // 10)]:
        if where == "thread":
            size //= 10
        x = deep(size, make)
        del x
        print(where, name, "freed")
    e = exception_chain(n // 10, '__cause__')
    depth = 0
    while e is not None:
        e, depth = e.__cause__, depth + 1
    print(where, "cause chain", depth)
    e = exception_chain(n // 10, '__context__')
    del e
    print(where, "context chain freed")


build_and_drop("main", 10**6)
t = threading.Thread(target=build_and_drop, args=("thread", 10**5))
t.start()
t.join()
# Left for the end of the run to free.
kept = deep(10**5, lambda x: [x])
kept_too = deep(10**4, Node)
print("end")
