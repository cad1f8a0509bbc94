# A generator dropped before it finishes runs its finally (and __exit__) at once, as CPython
# does when the last reference goes away.
class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self
    def __exit__(self, *exc):
        print("close", self.name, exc[0].__name__ if exc[0] else None)

def lines(name):
    with Resource(name):
        for i in range(5):
            yield f"{name}:{i}"

def numbers():
    try:
        yield 1
        yield 2
    finally:
        print("numbers finally")

for n in numbers():
    print("first number", n)
    break
print("after break")

g = numbers()
next(g)
del g
print("after del")

g = numbers()
next(g)
g = None
print("after rebinding")

def first(it):
    for x in it:
        return x

print(first(lines("a")))
print("after first()")

def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out

print(take(2, lines("b")))
print("after take()")

def plain():
    yield 1
    yield 2
p = plain()
next(p)
del p
print("plain generator dropped quietly")
keep = numbers()
next(keep)
print("end of program")
