# throw (both signatures), close, GeneratorExit, finally on close, yield inside try/with.
def worker():
    try:
        while True:
            try:
                x = yield
                print("got", x)
            except ValueError as e:
                print("handled ValueError:", e)
    except GeneratorExit:
        print("GeneratorExit inside")
        raise
    finally:
        print("worker cleanup")

w = worker()
next(w)
w.send(1)
w.throw(ValueError("first"))
w.throw(ValueError, "second")
w.throw(ValueError, ValueError("third"))
w.close()
w.close()
print("closed twice ok")
try:
    w.send(2)
except StopIteration:
    print("send after close: StopIteration")

def no_catch():
    yield 1
    yield 2

n = no_catch()
next(n)
try:
    n.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
try:
    next(n)
except StopIteration:
    print("finished after throw")

def ignore_exit():
    try:
        yield
    except GeneratorExit:
        print("ignoring")
    yield "after GeneratorExit"

i = ignore_exit()
next(i)
try:
    i.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def return_on_throw():
    try:
        yield 1
    except ZeroDivisionError:
        return "recovered"

r = return_on_throw()
next(r)
try:
    r.throw(ZeroDivisionError)
except StopIteration as s:
    print("StopIteration from throw:", s.value)

def yield_in_except():
    try:
        raise KeyError("x")
    except KeyError:
        yield "in except"
        raise

y = yield_in_except()
print(next(y))
try:
    next(y)
except KeyError as e:
    print("re-raised", e)

class Ctx:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None)
        return False

def with_gen():
    with Ctx():
        yield 1
        yield 2

wg = with_gen()
print(next(wg))
wg.close()
wg2 = with_gen()
print(list(wg2))
fresh = no_catch()
fresh.close()
print(list(fresh))
def unstarted():
    try:
        yield 1
    finally:
        print("never printed")
u = unstarted()
try:
    u.throw(IndexError("early"))
except IndexError as e:
    print("throw before start:", e)
print(list(u))
