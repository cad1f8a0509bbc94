# multiprocessing.queues: Queue, SimpleQueue, JoinableQueue over a channel of the Rust core.
# An item is pickled (reduction.dumps) when put and rebuilt when got, so the receiver gets a
# copy, as from CPython's pipe. The queue object itself pickles as its channel id.

import _multiprocessing as _mp
import time as _time
from queue import Empty, Full
import _mp_reduction as _reduction


class Queue(object):
    def __init__(self, maxsize=0, *, ctx=None):
        self._chan = _mp.chan_new()
        self._maxsize = maxsize

    def put(self, obj, block=True, timeout=None):
        _mp.chan_put(self._chan, _reduction.dumps(obj))

    def put_nowait(self, obj):
        return self.put(obj, False)

    def get(self, block=True, timeout=None):
        if not block:
            timeout = 0
        elif timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        ok, tree = _mp.chan_get(self._chan, timeout)
        if not ok:
            raise Empty
        return _reduction.loads(tree)

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        return _mp.chan_size(self._chan)

    def empty(self):
        return self.qsize() == 0

    def full(self):
        return bool(self._maxsize) and self.qsize() >= self._maxsize

    def close(self):
        pass

    def join_thread(self):
        pass

    def cancel_join_thread(self):
        pass


class SimpleQueue(Queue):
    def __init__(self, *, ctx=None):
        Queue.__init__(self)


class JoinableQueue(Queue):
    def __init__(self, maxsize=0, *, ctx=None):
        Queue.__init__(self, maxsize)
        # Unfinished-task count, shared: a counter plus a channel task_done() signals on.
        from _mp_sharedctypes import RawValue
        self._unfinished = RawValue('i', 0)
        self._lock = _mp.sem_new(1, 1, False)
        self._done = _mp.chan_new()

    def put(self, obj, block=True, timeout=None):
        _mp.sem_acquire(self._lock, '', None)
        self._unfinished.value += 1
        _mp.sem_release(self._lock, '')
        Queue.put(self, obj)

    def task_done(self):
        _mp.sem_acquire(self._lock, '', None)
        if self._unfinished.value <= 0:
            _mp.sem_release(self._lock, '')
            raise ValueError('task_done() called too many times')
        self._unfinished.value -= 1
        if self._unfinished.value == 0:
            _mp.chan_put(self._done, None)
        _mp.sem_release(self._lock, '')

    def join(self):
        while True:
            _mp.sem_acquire(self._lock, '', None)
            if self._unfinished.value == 0:
                _mp.sem_release(self._lock, '')
                return
            _mp.sem_release(self._lock, '')
            _mp.chan_get(self._done, 0.05)
