# One attribute site sees instances whose dicts hold the name at different indexes, instances
# that lack it (class attribute, __getattr__), and attributes added, deleted and re-added; every
# read must give the value of the instance at hand.

class Base:
    shared = "class value"

    def get(self):
        return self.x

    def put(self, v):
        self.x = v


class WithGetattr(Base):
    def __getattr__(self, name):
        return "fallback " + name


def make(order):
    o = Base()
    for name in order:
        setattr(o, name, name.upper())
    return o


objs = [make("x"), make("ax"), make("abcx"), make("xab"), make("ab")]
for round_ in range(3):
    for i, o in enumerate(objs):
        try:
            print(round_, i, o.get())
        except AttributeError as e:
            print(round_, i, "AttributeError", e)

# Stores through one site into instances of different layouts.
for i, o in enumerate(objs):
    o.put(i * 10)
print([o.get() for o in objs])
print([sorted(vars(o).items()) for o in objs])

# Delete and re-add: the name moves to the end of the dict.
o = objs[2]
del o.a
print(o.get(), sorted(vars(o)))
del o.x
try:
    o.get()
except AttributeError as e:
    print("AttributeError", e)
o.put("back")
print(o.get(), list(vars(o)))

# Instance attribute shadowing a class attribute at the same site, then removed.
def read_shared(o):
    return o.shared

b = Base()
print(read_shared(b))
b.shared = "instance value"
print(read_shared(b))
del b.shared
print(read_shared(b))

w = WithGetattr()
print(w.get())
w.put(5)
print(w.get(), w.y)

# A property defined after instances exist takes over reads and writes at a site.
class P:
    def __init__(self):
        self.v = 1

    def read(self):
        return self.v

p = P()
print([p.read() for _ in range(3)])
P.v = property(lambda self: "property", lambda self, val: print("setter", val))
print(p.read())
p.v = 7
print(p.read(), vars(p))

# Attributes of other kinds of objects at a shared site.
import types
def attr_x(o):
    return o.x

ns = types.SimpleNamespace(x="namespace")
def f():
    pass
f.x = "function"
class C:
    x = "class"
for o in (ns, f, C, make("x"), make("qqx")):
    print(attr_x(o))
