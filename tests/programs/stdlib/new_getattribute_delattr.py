# Source: threadlab stdlib tests: __new__ (singleton), __getattribute__, __delattr__
import threading
class A:
    def __new__(cls, *args, **kw):
        self = object.__new__(cls)
        print("new", args)
        return self
    def __init__(self, x):
        print("init", x)
a = A(3)
class Singleton:
    _instance = None
    _lock = threading.Lock()
    def __new__(cls, *args, **kwargs):
        with cls._lock:
            if cls._instance is None:
                cls._instance = super().__new__(cls)
        return cls._instance
    def __init__(self, v=0):
        self.v = v
s1 = Singleton(1); s2 = Singleton(2); print(s1 is s2, s1.v)
class B:
    def __setattr__(self, k, v):
        print("set", k); object.__setattr__(self, k, v)
    def __delattr__(self, k): print("del", k); object.__delattr__(self, k)
    def __getattribute__(self, k):
        print("ga", k); return object.__getattribute__(self, k)
    def m(self): return 5
b = B(); b.x = 1; print(b.x); print(b.m()); del b.x
try: b.x
except AttributeError as e: print(e)
class C(B): pass
c = C(); c.y = 2; print(c.y)
class N:
    def __new__(cls): return 42
print(N())
print(object.__new__(A).__class__.__name__)
