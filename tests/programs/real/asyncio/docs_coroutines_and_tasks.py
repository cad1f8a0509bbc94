# Source: Python docs, "Coroutines and Tasks" (say_after with await and create_task, gather with factorial, shield, wait_for eternity; the wall-clock prints replaced by whole elapsed seconds, with the docs' 1 s and 2 s delays, so a loaded machine cannot change them)
import asyncio
import time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    start = time.monotonic()
    print("started")
    await say_after(1, 'hello')
    await say_after(2, 'world')
    print(f"finished after {int(time.monotonic() - start)} s")

asyncio.run(main())

async def main_tasks():
    task1 = asyncio.create_task(say_after(1, 'hello'))
    task2 = asyncio.create_task(say_after(2, 'world'))
    start = time.monotonic()
    print("started")
    await task1
    await task2
    print(f"finished after {int(time.monotonic() - start)} s")

asyncio.run(main_tasks())

async def factorial(name, number):
    f = 1
    for i in range(2, number + 1):
        print(f"Task {name}: Compute factorial({number}), currently i={i}...")
        await asyncio.sleep(0.01)
        f *= i
    print(f"Task {name}: factorial({number}) = {f}")
    return f

async def main_gather():
    L = await asyncio.gather(
        factorial("A", 2),
        factorial("B", 3),
        factorial("C", 4),
    )
    print(L)

asyncio.run(main_gather())

async def eternity():
    await asyncio.sleep(3600)
    print('yay!')

async def main_wait_for():
    try:
        await asyncio.wait_for(eternity(), timeout=0.1)
    except asyncio.TimeoutError:
        print('timeout!')

asyncio.run(main_wait_for())

async def main_timeout():
    try:
        async with asyncio.timeout(0.1):
            await eternity()
    except TimeoutError:
        print("The long operation timed out, but we've handled it.")
    print("This statement will run regardless.")

asyncio.run(main_timeout())

async def main_taskgroup():
    async with asyncio.TaskGroup() as tg:
        task1 = tg.create_task(factorial("X", 2))
        task2 = tg.create_task(factorial("Y", 3))
    print(f"Both tasks have completed now: {task1.result()}, {task2.result()}")

asyncio.run(main_taskgroup())

async def main_shield():
    inner = asyncio.create_task(say_after(0.1, "shielded work done"))
    outer = asyncio.shield(inner)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled, inner cancelled:", inner.cancelled())
    await inner

asyncio.run(main_shield())
