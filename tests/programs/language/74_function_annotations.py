# Function annotations: every place a parameter or return annotation can stand, and __annotations__.
def f(x: int = 1, *args: int, y: str = "a", **kw: str) -> str:
    return str(x) + y
print(f(2))
print(f.__annotations__)
class C:
    a: int = 3
    b: str
print(C.__annotations__)
x: int = 5
print(__annotations__)
def f(a: int, /, b: str, *c: float, d: list, **e: dict) -> None: pass
print(f.__annotations__)
def g(): pass
print(g.__annotations__, g.__annotations__ is g.__annotations__)
print((lambda x: x).__annotations__)
def outer():
    T = int
    def inner(x: T) -> T: return x
    return inner
print(outer().__annotations__)
class C:
    def m(self, other: "C") -> "C": return self
    async def am(self, x: int = 3): pass
print(C.m.__annotations__, C.am.__annotations__, C.am.__defaults__)
import functools
@functools.wraps(f)
def w(*a): pass
print(w.__annotations__)
