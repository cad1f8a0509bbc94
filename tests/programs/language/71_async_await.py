# async def, await, coroutine objects driven by hand (send/throw/close), __await__,
# generator-based awaitables, async for, async with, async comprehensions.
import types

class Suspend:
    """An awaitable that yields one request to whoever drives the coroutine."""
    def __init__(self, what):
        self.what = what
    def __await__(self):
        reply = yield self.what
        return f"reply to {self.what}: {reply}"

async def leaf(n):
    r = await Suspend(f"leaf {n}")
    return r.upper()

async def middle():
    a = await leaf(1)
    b = await leaf(2)
    return [a, b]

def run(coro, replies=()):
    replies = list(replies)
    try:
        request = coro.send(None)
        while True:
            print("driver got:", request)
            request = coro.send(replies.pop(0) if replies else None)
    except StopIteration as e:
        return e.value

c = middle()
print(type(c).__name__, repr(c).startswith("<coroutine object middle at 0x"))
print(run(c, ["x", "y"]))
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

@types.coroutine
def legacy_sleep():
    got = yield "legacy"
    return got

async def uses_legacy():
    return await legacy_sleep()

print(run(uses_legacy(), ["from driver"]))

async def catches():
    try:
        await Suspend("waiting")
    except ValueError as e:
        return f"caught {e}"

co = catches()
print(co.send(None))
try:
    co.throw(ValueError("cancelled"))
except StopIteration as e:
    print(e.value)

async def closing():
    try:
        await Suspend("hold")
    finally:
        print("coroutine finally")

co = closing()
co.send(None)
co.close()

class Ticker:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Suspend(f"tick {self.i}")
        return self.i

class Session:
    async def __aenter__(self):
        await Suspend("connect")
        print("session open")
        return self
    async def __aexit__(self, typ, exc, tb):
        await Suspend("disconnect")
        print("session closed", typ.__name__ if typ else None)
        return typ is KeyError

async def main():
    got = []
    async for i in Ticker(3):
        got.append(i)
    else:
        got.append("else")
    async with Session() as s:
        got.append(type(s).__name__)
    async with Session():
        raise KeyError("suppressed")
    squares = [i * i async for i in Ticker(2)]
    evens = {i async for i in Ticker(4) if i % 2 == 0}
    awaited = [await leaf(i) for i in range(2)]
    async for i in Ticker(5):
        if i == 2:
            break
    return got, squares, evens, awaited, i

print(run(main()))

async def nothing():
    pass

n = nothing()
try:
    n.send(None)
except StopIteration as e:
    print("returned", e.value)

async def bad_await():
    await 5

try:
    run(bad_await())
except TypeError as e:
    print("TypeError:", e)

unstarted = nothing()
try:
    next(iter(unstarted))
except TypeError as e:
    print("TypeError:", e)
unstarted.close()
