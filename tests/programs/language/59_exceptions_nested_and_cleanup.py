def risky(n):
    if n == 0:
        raise ValueError("zero!")
    return 10 / n
for n in [2, 0, "a"]:
    try:
        r = risky(n)
    except ValueError as e:
        print("ValueError:", e)
    except (TypeError, ZeroDivisionError) as e:
        print("Other:", type(e).__name__, e)
    else:
        print("ok", r)
    finally:
        print("done", n)
def nested():
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally")
    except LookupError as e:
        print("caught lookup", repr(e))
        return "returned"
    finally:
        print("outer finally")
print(nested())
class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("close", self.name, exc_type.__name__ if exc_type else "clean")
        return False
try:
    with Resource("a") as r1, Resource("b") as r2:
        print("using", r1.name, r2.name)
        raise RuntimeError("fail inside")
except RuntimeError as e:
    print("propagated:", e)
def loop_with():
    for i in range(3):
        with Resource(str(i)):
            if i == 1:
                return i
print(loop_with())
try:
    raise
except RuntimeError as e:
    print(e)
e = None
try:
    [].pop()
except IndexError as err:
    e = err
print(repr(e), e.args, str(e))
try:
    int("x1")
except ValueError as err:
    print(err)
try:
    None + 1
except TypeError as err:
    print(err)
try:
    [1, 2].index(5)
except ValueError as err:
    print(err)
try:
    {}.pop("k")
except KeyError as err:
    print("KeyError", err)
try:
    assert False
except AssertionError as err:
    print("assert", repr(err))
class E1(Exception): pass
class E2(E1): pass
try:
    raise E2("x")
except E1 as err:
    print("caught subclass", type(err).__name__, isinstance(err, Exception), E2.__mro__[1].__name__)
def reraiser():
    try:
        1 / 0
    except ZeroDivisionError:
        print("handling")
        raise
try:
    reraiser()
except ZeroDivisionError as err:
    print("re-raised", err)
try:
    try:
        1 / 0
    except ZeroDivisionError as first:
        raise ValueError("second") from first
except ValueError as err:
    print(err, "cause:", repr(err.__cause__), err.__context__ is err.__cause__)
print(issubclass(KeyError, LookupError), issubclass(RecursionError, RuntimeError), ZeroDivisionError.__bases__)
