class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def __str__(self):
        return f"Animal({self.name})"
class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def speak(self):
        return super().speak() + " (woof)"
d = Dog("Rex", "lab")
print(d.speak(), d.kind, d, str(d), isinstance(d, Animal))
print(Dog.__name__, Dog.__mro__)
class P:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        return self._x
    @x.setter
    def x(self, v):
        self._x = v * 2
    @staticmethod
    def s(a):
        return a + 1
    @classmethod
    def c(cls):
        return cls.__name__
p = P()
p.x = 5
print(p.x, P.s(1), p.s(2), P.c(), p.c())
class MyErr(Exception):
    pass
class ValErr(ValueError):
    def __init__(self, v):
        super().__init__(f"bad value {v}")
        self.v = v
try:
    raise ValErr(3)
except ValueError as e:
    print("got", e, e.v, e.args, repr(e))
try:
    raise MyErr("boom")
except Exception as e:
    print(type(e).__name__, e)
try:
    try:
        {}["k"]
    except KeyError as e:
        print("key", e, repr(e))
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, repr(e.__cause__))
def fin():
    try:
        return "try"
    finally:
        print("finally runs")
print(fin())
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("fin", i)
class Ctx:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None, v)
        return True
with Ctx() as c:
    print("inside")
    raise ValueError("suppressed")
print("after with")
class V:
    def __init__(self, x): self.x = x
    def __eq__(self, o): return self.x == o.x
    def __lt__(self, o): return self.x < o.x
    def __add__(self, o): return V(self.x + o.x)
    def __repr__(self): return f"V{self.x}"
    def __len__(self): return self.x
    def __getitem__(self, i): return i * 10
print(V(1) == V(1), V(1) != V(2), sorted([V(3), V(1), V(2)]), V(1) + V(2), len(V(4)), V(1)[5])
print(max(V(3), V(9)), V(2) in [V(1), V(2)])
