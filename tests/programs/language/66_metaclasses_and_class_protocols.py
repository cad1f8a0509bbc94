# Metaclasses, type(name, bases, ns), __prepare__, __init_subclass__, __set_name__, __class_getitem__, docstrings, annotations as strings (from __future__ import annotations).
from __future__ import annotations
import __future__
print(__future__.annotations)
class A:
    """Doc of A."""
    x: int = 3
    y: list[int]
    def f(self):
        "f doc"
        return 1
class A2(A):
    pass
print(A.__doc__, A.f.__doc__, A.__annotations__, A.__qualname__, A.__module__, A2.__doc__)
X = type('X', (A,), {'z': 5, 'hello': lambda self: 'hi ' + str(self.z)})
x = X()
print(X, X.__name__, X.__bases__, x.z, x.x, x.hello(), type(x) is X, isinstance(x, A), X.__module__)
print(type('E', (), {})().__class__.__name__)

class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        ns['added'] = name.lower()
        cls = super().__new__(mcs, name, bases, ns)
        cls.kw = kw
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.registered = True
    def describe(cls):
        return 'class ' + cls.__name__
class Base(metaclass=Meta, flag=1):
    pass
class Child(Base):
    pass
print(type(Base).__name__, Base.added, Child.added, Base.kw, Child.kw, Base.registered, Base.describe(), isinstance(Base, Meta), type(Child) is Meta)

class Singleton(type):
    _instances = {}
    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]
class Config(metaclass=Singleton):
    def __init__(self, v=0):
        self.v = v
a = Config(1); b = Config(2)
print(a is b, a.v, b.v)

class Ordered(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print('prepare', name, bases)
        return {'prepared': True}
    def __new__(mcs, name, bases, ns):
        print('keys', [k for k in ns if not k.startswith('__')])
        return super().__new__(mcs, name, bases, dict(ns))
class O(metaclass=Ordered):
    b = 1
    a = 2
print(O.prepared)

class Plugin:
    plugins = []
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.plugins.append(cls)
class P1(Plugin, name='first'): pass
class P2(Plugin): pass
print([p.__name__ for p in Plugin.plugins], P1.plugin_name, P2.plugin_name)
try:
    class Bad(x=1): pass
except TypeError as e:
    print('TypeError:', e)

class Field:
    def __set_name__(self, owner, name):
        self.name = '_' + name
        self.owner = owner.__name__
    def __get__(self, obj, objtype=None):
        return getattr(obj, self.name, None)
class M:
    age = Field()
print(M.__dict__['age'].name, M.__dict__['age'].owner)

class Box:
    def __class_getitem__(cls, item):
        return f'{cls.__name__}[{item.__name__}]'
print(Box[int], list[int] is not None)
try:
    A[int]
except TypeError as e:
    print(e)

class S:
    __slots__ = ('p',)
s = S(); s.p = 2
print(s.p, vars(A)['x'], 'f' in vars(A), sorted(k for k in vars(X) if not k.startswith('__')))
def g():
    """Docstring of g."""
print(g.__doc__, (lambda: 0).__doc__, len.__doc__ is None or True)
class Outer:
    class Inner:
        def m(self): pass
print(Outer.Inner.__qualname__, Outer.Inner.m.__qualname__, repr(Outer.Inner))
v: int = 5
print(__annotations__)
