# Class-body and module annotations (evaluated), docstrings, __slots__, vars(), type() argument errors, metaclass conflicts.
class A:
    """Doc of A."""
    x: int = 3
    y: str
    def f(self):
        "f doc"
        return 1
print(A.__doc__, A.f.__doc__, A.__qualname__, A.__module__)
print(A.__annotations__)
def g(a: int, b: 'str' = 'x') -> list:
    """g's doc"""
print(g.__doc__)
class B:
    class C:
        def m(self): pass
print(B.C.__qualname__, B.C.m.__qualname__)
a = A()
a.z = 1
print(vars(a), a.__dict__, 'x' in A.__dict__, vars(A)['x'])
class S:
    __slots__ = ('p', 'q')
s = S(); s.p = 1
print(s.p, S.__slots__)
x: int = 5
print(__annotations__)
for bad in [lambda: type('A', [], {}), lambda: type(1, (), {}), lambda: type('A', (), []), lambda: type(1, 2)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
class Meta(type):
    pass
class Other(type):
    pass
class A1(metaclass=Meta): pass
class B1(metaclass=Other): pass
try:
    class C1(A1, B1): pass
except TypeError as e:
    print('TypeError:', e)
print(type(A1), type(type), type(Meta), Meta.__mro__, Meta('Dyn', (), {'q': 1}).q, type(Meta('Dyn', (), {})))
"""Module doc."""
class NoDoc(A): pass
print(NoDoc.__doc__, A().__doc__)
