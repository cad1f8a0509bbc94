# multiprocessing.synchronize: Lock, RLock, Semaphore, BoundedSemaphore over semaphores of the
# Rust core, shared by every process they are passed to.

import _multiprocessing as _mp
import threading as _threading


def _key():
    return '%s:%s' % (_mp.identity()[0], _threading.get_ident())


class SemLock(object):
    _recursive = False

    def __init__(self, value, maxvalue):
        self._sem = _mp.sem_new(value, maxvalue, self._recursive)

    def acquire(self, block=True, timeout=None):
        if not block:
            timeout = 0
        return _mp.sem_acquire(self._sem, _key(), timeout)

    def release(self):
        _mp.sem_release(self._sem, _key())

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()


class Semaphore(SemLock):
    def __init__(self, value=1, *, ctx=None):
        SemLock.__init__(self, value, 2 ** 62)

    def get_value(self):
        return _mp.sem_value(self._sem)


class BoundedSemaphore(SemLock):
    def __init__(self, value=1, *, ctx=None):
        SemLock.__init__(self, value, value)


class Lock(SemLock):
    def __init__(self, *, ctx=None):
        SemLock.__init__(self, 1, 1)

    def __repr__(self):
        return '<Lock(owner=%s)>' % ('None' if _mp.sem_value(self._sem) else 'SomeOtherProcess')


class RLock(SemLock):
    _recursive = True

    def __init__(self, *, ctx=None):
        SemLock.__init__(self, 1, 1)


class Event(object):
    def __init__(self, *, ctx=None):
        from _mp_sharedctypes import RawValue
        self._flag = RawValue('i', 0)

    def is_set(self):
        return bool(self._flag.value)

    def set(self):
        self._flag.value = 1

    def clear(self):
        self._flag.value = 0

    def wait(self, timeout=None):
        import time
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self._flag.value:
            if deadline is not None and time.monotonic() >= deadline:
                return False
            time.sleep(0.001)
        return True
