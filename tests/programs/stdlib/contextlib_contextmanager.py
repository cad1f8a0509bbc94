# contextlib.contextmanager and ExitStack (CPython 3.11's Lib/contextlib.py, on threadlab's generators)
from contextlib import contextmanager, ExitStack, suppress, closing, nullcontext, asynccontextmanager, AsyncExitStack
import contextlib

@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")

with tag("h1") as t:
    print("inside", t)

@contextmanager
def swallow():
    try:
        yield
    except ZeroDivisionError as e:
        print("swallowed", e)

with swallow():
    1 / 0
print("after swallow")

@contextmanager
def passthrough():
    yield

try:
    with passthrough():
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))

@tag("decorated")
def f():
    print("in f")
f()
f()

with ExitStack() as stack:
    names = [stack.enter_context(tag(n)) for n in "abc"]
    stack.callback(print, "callback ran")
    print(names)

@contextmanager
def broken():
    yield
    yield

try:
    with broken():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)

@contextmanager
def noyield():
    if False:
        yield

try:
    with noyield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)

with suppress(KeyError):
    {}["x"]
print(tag.__name__, tag("x").__class__.__name__)
import threading
lock = threading.Lock()
@contextmanager
def locked():
    with lock:
        yield lock.locked()
with locked() as state:
    print("locked:", state)
print("unlocked:", lock.locked())
@contextmanager
def raising_stop():
    yield
try:
    with raising_stop():
        raise StopIteration("inner")
except StopIteration as e:
    print("StopIteration kept:", e)
