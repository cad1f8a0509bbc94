# Source: Python docs, asyncio "Queues" example (three workers sleeping for random times; random seeded and the docs' 20 items of 0.05-1.0 s, so that "in parallel for less than the total" holds with seconds to spare on a loaded machine, and the output is deterministic; which worker takes which item depends on timer ties, so the workers' names are not printed)
# compare: unordered
import asyncio
import random
import time

async def worker(name, queue):
    while True:
        sleep_for = await queue.get()
        await asyncio.sleep(sleep_for)
        queue.task_done()
        print(f'a worker has slept for {sleep_for:.2f} seconds')

async def main():
    random.seed(4)
    queue = asyncio.Queue()
    total_sleep_time = 0
    for _ in range(20):
        sleep_for = round(random.uniform(0.05, 1.0), 2)
        total_sleep_time += sleep_for
        queue.put_nowait(sleep_for)
    tasks = []
    for i in range(3):
        task = asyncio.create_task(worker(f'worker-{i}', queue))
        tasks.append(task)
    started_at = time.monotonic()
    await queue.join()
    total_slept_for = time.monotonic() - started_at
    for task in tasks:
        task.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print('====')
    print(f'3 workers slept in parallel for less than the total: {total_slept_for < total_sleep_time}')
    print(f'total expected sleep time: {total_sleep_time:.2f} seconds')
    print([type(r).__name__ for r in results])

asyncio.run(main())
