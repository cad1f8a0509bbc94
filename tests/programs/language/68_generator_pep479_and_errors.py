# PEP 479, "generator already executing", errors raised inside generators.
def leaks():
    yield 1
    next(iter([]))

try:
    list(leaks())
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", type(e.__cause__).__name__)

def explicit():
    yield 1
    raise StopIteration("x")

g = explicit()
next(g)
try:
    next(g)
except RuntimeError as e:
    print(e, repr(e.__cause__))

def selfish():
    yield next(me)

me = selfish()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)

def failing():
    yield 1
    1 / 0

try:
    for v in failing():
        print("value", v)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

def gen_in_except():
    yield 1

try:
    raise KeyError("outer")
except KeyError:
    print(list(gen_in_except()))

for n in [0, 1]:
    try:
        print(sum(1 / x for x in [1, n]))
    except ZeroDivisionError as e:
        print("in genexpr:", e)
result = []
def producer():
    for i in range(3):
        result.append(f"produce {i}")
        yield i
for item in producer():
    result.append(f"consume {item}")
print(result)
import sys
def exc_info_gen():
    print(sys.exc_info()[0])
    yield
    print(sys.exc_info()[0])
gi = exc_info_gen()
try:
    raise OSError
except OSError:
    next(gi)
next(gi, None)
