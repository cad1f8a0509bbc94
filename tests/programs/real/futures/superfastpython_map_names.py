# Source: SuperFastPython, "ThreadPoolExecutor in Python: The Complete Guide" (map, thread_name_prefix, worker names)
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def task(value):
    time.sleep(0.01 * (5 - value))
    return value * value, threading.current_thread().name.split('_')[0]


with ThreadPoolExecutor(4, thread_name_prefix='Downloader') as executor:
    for result in executor.map(task, range(5)):
        print(result)

names = set()


def name_task(i):
    # 0.3 s (the guide: 1 s): the pool reuses an idle worker, so each task must still run when the
    # next is submitted, or a loaded machine shows fewer names.
    time.sleep(0.3)
    names.add(threading.current_thread().name)


with ThreadPoolExecutor(max_workers=3) as executor:
    executor.map(name_task, range(3))
print(sorted(names))

with ThreadPoolExecutor(max_workers=2) as executor:
    print(executor._thread_name_prefix)
