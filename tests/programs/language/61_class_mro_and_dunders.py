class Counter:
    instances = 0
    def __init__(self, start=0):
        self.value = start
        Counter.instances += 1
    def increment(self, by=1):
        self.value += by
        return self
    def __repr__(self):
        return f"{type(self).__name__}({self.value})"
    def __str__(self):
        return f"Counter at {self.value}"
c = Counter().increment().increment(5)
print(c, repr(c), [c], {"c": c}, (c,), Counter.instances, c.__class__.__name__, self_name if False else "ok")
class Base:
    def __init__(self):
        self.log = ["Base"]
    def who(self):
        return "base"
class Mid(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Mid")
    def who(self):
        return "mid>" + super().who()
class Leaf(Mid):
    def __init__(self):
        super().__init__()
        self.log.append("Leaf")
    def who(self):
        return "leaf>" + super().who()
l = Leaf()
print(l.log, l.who(), isinstance(l, Base), isinstance(l, (int, Mid)), issubclass(Leaf, Base), [k.__name__ for k in Leaf.__mro__])
class A:
    def hello(self): return "A"
class B(A):
    def hello(self): return "B" + super().hello()
class C(A):
    def hello(self): return "C" + super().hello()
class D(B, C):
    def hello(self): return "D" + super().hello()
print(D().hello(), [k.__name__ for k in D.__mro__])
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __add__(self, o):
        return Point(self.x + o.x, self.y + o.y)
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
pts = {Point(1, 2), Point(1, 2), Point(0, 0)}
print(len(pts), Point(1, 2) in pts, Point(1, 2) + Point(3, 4), sorted([Point(2, 1), Point(1, 5)]), Point(0, 1) == Point(0, 1))
print(min([Point(3, 3), Point(1, 9)]), {Point(1, 1): "a"}[Point(1, 1)])
class Shape:
    def area(self):
        raise NotImplementedError("subclass must implement")
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
for sh in [Sq(3), Shape()]:
    try:
        print(sh.area())
    except NotImplementedError as e:
        print("NotImplementedError:", e)
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temp(); t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print(e)
try:
    t.fahrenheit = 3
except AttributeError as e:
    print("AttributeError:", e)
class Acc:
    @classmethod
    def make(cls, n):
        o = cls(); o.n = n; return o
    @staticmethod
    def helper(x):
        return x * 2
a = Acc.make(4)
print(a.n, Acc.helper(5), a.helper(6), type(a).__name__, hasattr(a, "n"), getattr(a, "zz", "default"))
setattr(a, "zz", 9); print(a.zz, vars(a))
print(print, len)
class Node:
    def __init__(self, val, nxt=None):
        self.val, self.next = val, nxt
def build(n):
    head = None
    for i in range(n):
        head = Node(i, head)
    return head
h = build(5); out = []
while h:
    out.append(h.val); h = h.next
print(out)
class Stack:
    def __init__(self): self.items = []
    def push(self, x): self.items.append(x)
    def pop(self): return self.items.pop()
    def __len__(self): return len(self.items)
    def __bool__(self): return bool(self.items)
    def __iter__(self): return iter(self.items)
    def __contains__(self, x): return x in self.items
s = Stack(); s.push(1); s.push(2)
print(len(s), bool(s), list(s), 2 in s, 5 in s, [x * 10 for x in s], s.pop(), len(s))
class It:
    def __init__(self, n): self.n = n; self.i = 0
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n: raise StopIteration
        self.i += 1
        return self.i
print(list(It(3)), sum(It(4)), [x for x in It(2)])
d = {"a": 1, "b": 2}
print(d.keys(), d.values(), d.items(), "a" in d.keys(), list(d.items())[0], len(d.keys()))
print(*[1, 2, 3], sep=", ", end="!\n")
print("a", "b", sep="")
print()
first, *rest = "hello"
print(first, rest)
for a, *b in [(1, 2, 3), (4, 5)]:
    print(a, b)
x = [1, 2, 3]
del x[1]
y = x
y.append(9)
print(x, x is y, x == [1, 3, 9], [1, 2] + [3], [[0] * 2] * 2)
import sys
sys.stdout.write("written\n")
print("err line", file=sys.stderr)
