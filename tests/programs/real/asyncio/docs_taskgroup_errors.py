# Source: Python docs, "Coroutines and Tasks" > "Task Groups" (the delays far apart, so a loaded machine cannot make two of them fall due in one loop pass; a failing task cancels the rest; the errors arrive as an ExceptionGroup, caught here with except ExceptionGroup since threadlab has no except*)
# compare: unordered
import asyncio

async def worker(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(f"{name} failed")
        print(f"{name} finished")
        return name
    except asyncio.CancelledError:
        print(f"{name} was cancelled")
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("fast", 0.05))
            tg.create_task(worker("broken", 0.1, fail=True))
            tg.create_task(worker("slow", 3.0))
            tg.create_task(worker("also broken", 0.1 + 0.5, fail=True))
    except ExceptionGroup as eg:
        print("caught:", eg)
        for e in eg.exceptions:
            print("  ", type(e).__name__, e)
        values, others = eg.split(ValueError)
        print(values is not None, others)

    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(worker(f"w{i}", 0.01 * i)) for i in range(3)]
    print([t.result() for t in tasks])

asyncio.run(main())
