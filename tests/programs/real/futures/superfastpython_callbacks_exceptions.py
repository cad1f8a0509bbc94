# Source: SuperFastPython, "ThreadPoolExecutor in Python" (add_done_callback, exception(), result() re-raises)
# compare: unordered
from time import sleep
from concurrent.futures import ThreadPoolExecutor


def work(value):
    sleep(0.02)
    if value == 3:
        raise ValueError('Something bad happened with %d' % value)
    return value * 10


def custom_callback(future):
    if future.exception() is None:
        print(f'Callback got: {future.result()}')
    else:
        print(f'Callback saw an error: {future.exception()}')


with ThreadPoolExecutor(max_workers=1) as executor:
    futures = [executor.submit(work, i) for i in range(5)]
    for f in futures:
        f.add_done_callback(custom_callback)
    for f in futures:
        try:
            print('result:', f.result())
        except ValueError as e:
            print('result() raised:', type(e).__name__, e)
    print('done:', all(f.done() for f in futures), 'running:', any(f.running() for f in futures))

with ThreadPoolExecutor(2) as executor:
    try:
        for r in executor.map(work, [1, 3, 4]):
            print('map gave', r)
    except ValueError as e:
        print('map re-raised', e)
