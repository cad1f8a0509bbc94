# Source: Python docs, concurrent.futures (wait with FIRST_COMPLETED / FIRST_EXCEPTION, cancel, shutdown(cancel_futures=True))
import time
from concurrent.futures import (ThreadPoolExecutor, wait, FIRST_COMPLETED, FIRST_EXCEPTION,
                                ALL_COMPLETED, CancelledError, TimeoutError)


def sleeper(t, fail=False):
    time.sleep(t)
    if fail:
        raise RuntimeError('failed after %s' % t)
    return t


with ThreadPoolExecutor(max_workers=3) as ex:
    fs = [ex.submit(sleeper, t) for t in (0.3, 0.02, 0.2)]
    done, not_done = wait(fs, return_when=FIRST_COMPLETED)
    print('first done:', [f.result() for f in done], 'still running:', len(not_done))
    done, not_done = wait(fs, return_when=ALL_COMPLETED)
    print('all done:', sorted(f.result() for f in done), len(not_done))

with ThreadPoolExecutor(max_workers=2) as ex:
    fs = [ex.submit(sleeper, 0.02, True), ex.submit(sleeper, 0.3)]
    done, not_done = wait(fs, return_when=FIRST_EXCEPTION)
    print('first exception:', [str(f.exception()) for f in done], len(not_done))

with ThreadPoolExecutor(max_workers=1) as ex:
    running = ex.submit(sleeper, 0.1)
    queued = ex.submit(sleeper, 0.1)
    print('cancel queued:', queued.cancel(), queued.cancelled())
    try:
        queued.result()
    except CancelledError:
        print('CancelledError from a cancelled future')
    try:
        running.result(timeout=0.01)
    except TimeoutError:
        print('TimeoutError while it runs; running() =', running.running())
    print('cancel running:', running.cancel())

ex = ThreadPoolExecutor(max_workers=1)
fs = [ex.submit(sleeper, 0.05) for _ in range(4)]
time.sleep(0.01)
ex.shutdown(wait=True, cancel_futures=True)
print('cancelled by shutdown:', [f.cancelled() for f in fs])
try:
    ex.submit(sleeper, 0)
except RuntimeError as e:
    print('RuntimeError:', e)
