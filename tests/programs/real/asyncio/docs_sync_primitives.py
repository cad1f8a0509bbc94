# Source: Python docs, asyncio "Synchronization Primitives" (Lock, Event with waiter, Condition, Semaphore), made into a runnable program with short sleeps
import asyncio

async def waiter(event):
    print('waiting for it ...')
    await event.wait()
    print('... got it!')

async def main_event():
    event = asyncio.Event()
    waiter_task = asyncio.create_task(waiter(event))
    await asyncio.sleep(0.1)
    event.set()
    await waiter_task

asyncio.run(main_event())

async def main_lock():
    lock = asyncio.Lock()
    shared = []
    async def append(n):
        async with lock:
            v = len(shared)
            await asyncio.sleep(0.01)
            shared.append((n, v))
    await asyncio.gather(*(append(i) for i in range(4)))
    print(shared, lock.locked())

asyncio.run(main_lock())

async def main_condition():
    cond = asyncio.Condition()
    items = []
    async def consumer(name):
        async with cond:
            await cond.wait_for(lambda: items)
            print(name, "consumed", items.pop(0))
    async def producer():
        for i in range(2):
            await asyncio.sleep(0.02)
            async with cond:
                items.append(i)
                cond.notify()
    await asyncio.gather(consumer("c1"), consumer("c2"), producer())

asyncio.run(main_condition())

async def main_semaphore():
    sem = asyncio.Semaphore(2)
    active = 0
    peak = 0
    async def job(i):
        nonlocal active, peak
        async with sem:
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0.02)
            active -= 1
            return i
    print(await asyncio.gather(*(job(i) for i in range(5))), "peak", peak)

asyncio.run(main_semaphore())
