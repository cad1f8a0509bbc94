# Generator functions, next/send, StopIteration.value, return in a generator, repr and type.
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"

g = count(3)
print(type(g).__name__, repr(g).startswith("<generator object count at 0x"))
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print("again:", e.value, e.args)
print(next(count(0), "default"))
print(iter(g) is g, g.__iter__() is g, g.__next__ is not None)


def echo():
    received = yield "ready"
    while True:
        received = yield f"got {received!r}"

e = echo()
print(e.send(None), e.send(1), e.send("two"), next(e))
try:
    echo().send(5)
except TypeError as err:
    print("TypeError:", err)


def averager():
    total = count = 0
    average = None
    while True:
        term = yield average
        if term is None:
            return total, count
        total += term
        count += 1
        average = total / count

a = averager()
next(a)
for x in (10, 20, 30):
    print("avg", a.send(x))
try:
    a.send(None)
except StopIteration as s:
    print("result", s.value)


class Tree:
    def __init__(self, v, kids=()):
        self.v, self.kids = v, kids

    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k


t = Tree(1, [Tree(2, [Tree(3)]), Tree(4)])
print(list(t), 3 in t, sum(t))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(10)])
print(g.gi_running, g.gi_frame, count(1).gi_frame.f_lineno)


def nested_state():
    for i in range(2):
        for j in "ab":
            yield i, j

print(list(nested_state()))
lam = lambda: (yield 5)
print(list(lam()))
