# Two tasks sleep together; then a CPU-bound task holds the loop while a ready ticker waits
# (asyncio's own convoy effect). Read by tests/asyncio_lanes.rs and tests/e2e/asyncio-lanes.test.mjs.
import asyncio


async def sleeper(n):
    await asyncio.sleep(0.05)
    return n


async def ticker(ticks):
    for i in range(3):
        ticks.append(i)
        await asyncio.sleep(0)


async def crunch():
    total = 0
    for i in range(100_000):
        total += i
    return total


async def main():
    a = asyncio.create_task(sleeper(1), name="sleeper-a")
    b = asyncio.create_task(sleeper(2), name="sleeper-b")
    print(await asyncio.gather(a, b))
    ticks = []
    c = asyncio.create_task(crunch(), name="crunch")
    t = asyncio.create_task(ticker(ticks))
    t.set_name("ticker")
    print(await c, await t, ticks, t.get_name())


asyncio.run(main())
