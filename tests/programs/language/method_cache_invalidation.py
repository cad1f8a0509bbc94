# Class attribute and method lookups after the classes change (the method cache must see
# every change: to the class, to a base, deletes, and changes made by another thread).
import threading


class Base:
    def who(self):
        return "base"

    kind = "b"


class Mid(Base):
    pass


class Leaf(Mid):
    pass


x = Leaf()
out = []
for step in range(6):
    out.append((x.who(), x.kind, Leaf.kind, getattr(x, "extra", None)))
    if step == 0:
        Base.who = lambda self: "base2"        # a base's method replaced
    elif step == 1:
        Mid.who = lambda self: "mid"           # a closer class shadows it
    elif step == 2:
        Leaf.kind = "leaf"                     # the class itself
        Base.extra = 1                         # a name that was absent appears
    elif step == 3:
        del Mid.who                            # the shadow goes: the base's shows again
        del Leaf.kind
    elif step == 4:
        x.who = lambda: "instance"             # an instance attribute shadows the method
print(out)

# Dunder lookups made from Rust (len, bool, getitem) after the class changes.
class Box:
    def __len__(self):
        return 1


b = Box()
seen = [len(b), bool(b)]
Box.__len__ = lambda self: 0
seen += [len(b), bool(b)]
Box.__bool__ = lambda self: True
seen.append(bool(b))
Box.__getitem__ = lambda self, i: i * 2
seen.append(b[21])
print(seen)


# A change made on another thread is seen here.
class Counter:
    def step(self):
        return 1


c = Counter()
before = c.step()
t = threading.Thread(target=lambda: setattr(Counter, "step", lambda self: 2))
t.start()
t.join()
print(before, c.step())

# Many classes and names (evicting entries must not mix them up).
classes = [type("C%d" % i, (Base,), {"v%d" % i: i, "who": (lambda i: lambda self: i)(i)}) for i in range(300)]
total = 0
for rep in range(3):
    for i, k in enumerate(classes):
        o = k()
        total += o.who() + getattr(o, "v%d" % i) + (getattr(o, "v%d" % (i + 1), 0))
print(total)
