# Source: Python docs, asyncio "Running in Threads" (asyncio.to_thread with blocking_io) and "Executing code in thread or process pools" (loop.run_in_executor); the wall-clock prints replaced by what the elapsed times show
import asyncio
import concurrent.futures
import threading
import time

def blocking_io():
    print("start blocking_io")
    time.sleep(0.3)
    print("blocking_io complete")
    return threading.current_thread().name.startswith("asyncio")

async def main():
    print("started main")
    on_worker, _ = await asyncio.gather(
        asyncio.to_thread(blocking_io),
        asyncio.sleep(0.1))
    elapsed = time.monotonic() - T0
    print(f"finished main after at least 0.3 s: {elapsed >= 0.3}, blocking_io ran on an asyncio worker: {on_worker}")

T0 = time.monotonic()
asyncio.run(main())

def cpu_bound():
    return sum(i * i for i in range(10 ** 5))

async def main_executor():
    loop = asyncio.get_running_loop()
    result = await loop.run_in_executor(None, blocking_io)
    print('default thread pool', result)
    with concurrent.futures.ThreadPoolExecutor() as pool:
        result = await loop.run_in_executor(pool, cpu_bound)
        print('custom thread pool', result)

T0 = time.monotonic()
asyncio.run(main_executor())
