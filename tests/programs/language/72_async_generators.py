# Async generators: async for over them, asend/athrow/aclose, async generator expressions,
# driven by hand (asyncio has its own tests).
class Suspend:
    def __init__(self, what):
        self.what = what
    def __await__(self):
        return (yield self.what)

async def ticker(n):
    try:
        for i in range(n):
            got = await Suspend(f"tick {i}")
            yield i, got
    finally:
        print("ticker finally")

def run(coro):
    replies = iter(range(100, 200))
    try:
        request = coro.send(None)
        while True:
            print("driver:", request)
            request = coro.send(next(replies))
    except StopIteration as e:
        return e.value

async def main():
    out = []
    async for item in ticker(3):
        out.append(item)
    agen = ticker(5)
    print(type(agen).__name__, agen.__aiter__() is agen)
    first = await agen.__anext__()
    second = await agen.asend("sent")
    await agen.aclose()
    try:
        await agen.__anext__()
    except StopAsyncIteration:
        out.append("exhausted after aclose")
    async def echo():
        try:
            while True:
                try:
                    v = yield "ready"
                    print("echo got", v)
                except ValueError as e:
                    yield f"caught {e}"
        finally:
            print("echo closed")
    e = echo()
    out.append(await e.asend(None))
    out.append(await e.asend(1))
    out.append(await e.athrow(ValueError("bad")))
    await e.aclose()
    squares = [x * x async for x, _ in ticker(2)]
    agen_expr = (x + 1 async for x, _ in ticker(2))
    print(type(agen_expr).__name__)
    plus = [y async for y in agen_expr]
    return out, first, second, squares, plus

print(run(main()))

async def bad():
    yield 1
    raise StopAsyncIteration

async def use_bad():
    try:
        async for _ in bad():
            pass
    except RuntimeError as e:
        return str(e)

print(run(use_bad()))
