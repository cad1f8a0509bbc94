# yield from: delegation of next/send/throw/close and the return value.
def inner():
    try:
        x = yield "i1"
        print("inner got", x)
        y = yield "i2"
        print("inner got", y)
    except ValueError as e:
        print("inner caught", e)
        yield "after-catch"
    finally:
        print("inner finally")
    return "inner-result"

def outer():
    r = yield from inner()
    print("outer got result", r)
    yield "o-last"

o = outer()
print(next(o))
print(o.send("A"))
print(o.send("B"))
print(next(o, "end"))

o = outer()
next(o)
print(o.throw(ValueError("v")))
print(next(o))

o = outer()
next(o)
o.close()
print("closed delegating generator")

def chain(*its):
    for it in its:
        yield from it

print(list(chain([1, 2], "ab", range(2), (x for x in [9]))))

def depth(n):
    if n:
        r = yield from depth(n - 1)
        return r + 1
    yield "bottom"
    return 0

d = depth(5)
print(next(d))
try:
    next(d)
except StopIteration as s:
    print("depth", s.value)

class Iterator:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration(self.n)
        return self.n

def from_iterator():
    r = yield from Iterator()
    print("class iterator returned", r)

print(list(from_iterator()))

def gen_return_only():
    return 5
    yield

def takes():
    v = yield from gen_return_only()
    yield v

print(list(takes()))
def flatten(items):
    for x in items:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x

print(list(flatten([1, [2, [3, [4]], 5]])))
print(outer().gi_yieldfrom)
o = outer()
next(o)
print(type(o.gi_yieldfrom).__name__)
