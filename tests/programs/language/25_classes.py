# classes: __init__, methods, class attributes, __str__/__repr__, isinstance.
class Point:
    dims = 2

    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __str__(self):
        return f"({self.x}, {self.y})"

p = Point(3, 4)
print(p.x, p.y, p.norm2(), Point.dims, p.dims)
q = p.moved(1, -1)
print(q, repr(q), [q], str(q))
print(f"{p} {p!r}")
print(isinstance(p, Point), isinstance(3, Point), type(p).__name__, type(p) is Point)
Point.dims = 3
print(p.dims)
p.dims = 99
print(p.dims, Point.dims, q.dims)
p.label = "new attribute"
print(p.label)

class Counter:
    instances = 0

    def __init__(self):
        Counter.instances += 1
        self.value = 0

    def add(self, n=1):
        self.value += n
        return self

c = Counter().add().add(5)
Counter()
print(c.value, Counter.instances)

class Plain:
    pass

obj = Plain()
print(type(obj).__name__, isinstance(obj, object))
print(hasattr(p, "x"), hasattr(p, "z"), getattr(p, "y"), getattr(p, "z", "default"))
setattr(p, "z", 7)
print(p.z)
method = p.norm2
print(method())
