# multiprocessing.pool: Pool over worker processes fed by two queues (tasks in, results out),
# as in CPython. Workers are named SpawnPoolWorker-N. A daemon thread in the parent hands
# results to their AsyncResult objects. Where processes run one at a time (sequential mode,
# green threads; docs/processes.md) no worker can wait for work, so each submission runs the
# pool's workers in turn, round-robin from the one after the last used: each takes its share
# of the new tasks, without waiting, and ends; the parent then hands the results out at once.

import _multiprocessing as _mp
import os
import threading
from queue import Empty
import _mp_process as _process
from _mp_process import SpawnProcess
from _mp_queues import SimpleQueue
from _mp_context import TimeoutError

RUN = 0
CLOSE = 1
TERMINATE = 2

_job_counter = [0]


def _next_job():
    _job_counter[0] += 1
    return _job_counter[0]


def worker(inqueue, outqueue, initializer=None, initargs=(), limit=None):
    # limit: None, wait for tasks until the None sentinel; n, take at most n tasks that are
    # already queued and end (processes run one at a time).
    if initializer is not None:
        initializer(*initargs)
    while True:
        if limit is not None:
            if limit == 0:
                return
            limit -= 1
            try:
                task = inqueue.get(False)
            except Empty:
                return
        else:
            task = inqueue.get()
        if task is None:
            return
        job, i, func, args, kwds = task
        try:
            result = (True, func(*args, **kwds))
        except Exception as e:
            result = (False, e)
        try:
            outqueue.put((job, i, result))
        except Exception as e:
            outqueue.put((job, i, (False, MaybeEncodingError(e, result[1]))))


class MaybeEncodingError(Exception):
    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super().__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)


class ApplyResult(object):
    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._job = _next_job()
        self._callback = callback
        self._error_callback = error_callback
        self._success = None
        self._value = None
        pool._cache[self._job] = self

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, i, ok, value):
        self._success, self._value = ok, value
        self._finish()

    def _finish(self):
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._event.set()
        self._pool._cache.pop(self._job, None)


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    def __init__(self, pool, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback)
        self._value = [None] * length
        self._left = length
        self._success = True
        if length == 0:
            self._finish()

    def _set(self, i, ok, value):
        if not ok and self._success:
            self._success = False
            self._error = value
        if self._success:
            self._value[i] = value
        self._left -= 1
        if self._left == 0:
            if not self._success:
                self._value = self._error
            self._finish()


class IMapIterator(object):
    def __init__(self, pool, ordered):
        self._pool = pool
        self._cond = threading.Condition(threading.Lock())
        self._job = _next_job()
        self._ordered = ordered
        self._items = {}
        self._arrived = []
        self._index = 0
        self._delivered = 0
        self._length = None
        pool._cache[self._job] = self

    def __iter__(self):
        return self

    def next(self, timeout=None):
        with self._cond:
            while True:
                if self._index == self._length:
                    raise StopIteration
                if self._ordered and self._index in self._items:
                    ok, value = self._items.pop(self._index)
                    break
                if not self._ordered and self._arrived:
                    ok, value = self._arrived.pop(0)
                    break
                if not self._cond.wait(timeout):
                    raise TimeoutError
            self._index += 1
        if ok:
            return value
        raise value

    __next__ = next

    def _set(self, i, ok, value):
        with self._cond:
            if self._ordered:
                self._items[i] = (ok, value)
            else:
                self._arrived.append((ok, value))
            self._delivered += 1
            if self._delivered == self._length:
                self._pool._cache.pop(self._job, None)
            self._cond.notify()

    def _set_length(self, length):
        with self._cond:
            self._length = length
            if self._delivered == length:
                self._pool._cache.pop(self._job, None)
            self._cond.notify()


class Pool(object):
    _Process = SpawnProcess

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None, context=None):
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._initializer = initializer
        self._initargs = initargs
        self._inqueue = SimpleQueue()
        self._outqueue = SimpleQueue()
        self._cache = {}
        self._state = RUN
        self._one = _mp.one_at_a_time()
        self._next = 0
        self._pool = []
        self._names = []
        for _ in range(processes):
            w = self._worker()
            self._names.append(w.name)
            if not self._one:
                w.start()
                self._pool.append(w)
        self._handler = None
        if not self._one:
            self._handler = threading.Thread(target=self._handle_results, daemon=True)
            self._handler.start()

    def _worker(self, name=None, limit=None):
        w = self._Process(target=worker, args=(self._inqueue, self._outqueue, self._initializer, self._initargs, limit))
        w.name = name or w.name.replace('Process', 'PoolWorker')
        w.daemon = True
        return w

    def _handle_results(self):
        while True:
            item = self._outqueue.get()
            if item is None:
                return
            self._deliver(item)

    def _deliver(self, item):
        job, i, (ok, value) = item
        r = self._cache.get(job)
        if r is not None:
            r._set(i, ok, value)

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def _submit(self, result, tasks):
        try:
            for t in tasks:
                self._inqueue.put(t)
        except BaseException:
            self._cache.pop(result._job, None)
            raise
        if self._one:
            self._run_in_turn(len(tasks))

    def _run_in_turn(self, count):
        # The next min(count, processes) workers, one after the other (each runs to the end
        # inside start()), take fair shares of the count tasks just queued: 7 tasks on 3
        # workers are 3, 2 and 2; one task per apply_async goes to the next worker each time.
        turns = min(count, self._processes)
        for j in range(turns):
            share = -(-count // (turns - j))
            count -= share
            # A turn is the same worker again, so it takes no new process number.
            number = _process._counter[0]
            w = self._worker(self._names[self._next], share)
            _process._counter[0] = number
            self._next = (self._next + 1) % self._processes
            w.start()
        while self._outqueue.qsize():
            self._deliver(self._outqueue.get())

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        r = ApplyResult(self, callback, error_callback)
        self._submit(r, [(r._job, 0, func, tuple(args), dict(kwds))])
        return r

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def _map_async(self, func, iterable, star, callback, error_callback):
        self._check_running()
        items = list(iterable)
        r = MapResult(self, len(items), callback, error_callback)
        self._submit(r, [(r._job, i, func, tuple(x) if star else (x,), {}) for i, x in enumerate(items)])
        return r

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, False, callback, error_callback)

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, True, callback, error_callback)

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, False, None, None).get()

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, True, None, None).get()

    def _imap(self, func, iterable, ordered):
        self._check_running()
        it = IMapIterator(self, ordered)
        tasks = [(it._job, i, func, (x,), {}) for i, x in enumerate(iterable)]
        self._submit(it, tasks)
        it._set_length(len(tasks))
        return it

    def imap(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, True)

    def imap_unordered(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, False)

    def close(self):
        if self._state == RUN:
            self._state = CLOSE
            for _ in self._pool:
                self._inqueue.put(None)

    def terminate(self):
        self._state = TERMINATE
        for w in self._pool:
            w.terminate()
        for w in self._pool:
            w.join()
        self._stop_handler()

    def _stop_handler(self):
        if self._handler is not None:
            self._outqueue.put(None)
            self._handler.join()
            self._handler = None

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")
        for w in self._pool:
            w.join()
        self._stop_handler()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, *exc):
        self.terminate()

    def __repr__(self):
        state = {RUN: 'RUN', CLOSE: 'CLOSE', TERMINATE: 'TERMINATE'}[self._state]
        return '<%s.%s state=%s pool_size=%d>' % ('multiprocessing.pool', 'Pool', state, self._processes)


class ThreadPool(object):
    def __init__(self, *args, **kwargs):
        raise NotImplementedError('threadlab has no multiprocessing.pool.ThreadPool yet; use concurrent.futures.ThreadPoolExecutor')
