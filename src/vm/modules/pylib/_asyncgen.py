# The awaitables of async generators' __anext__/asend/athrow/aclose (CPython's
# async_generator_asend / async_generator_athrow, Objects/genobject.c), on one primitive:
# _threadlab.agen_step(agen, mode, arg) resumes the generator (mode 0: send arg, 1: throw arg,
# 2: close) and returns (True, value) for a `yield value`, or (False, x) for an `await` inside
# it that passes x up to whoever drives the coroutine; StopAsyncIteration when it returned.
import _threadlab

_SEND, _THROW, _CLOSE = 0, 1, 2


class _AsyncGenStep:
    def __init__(self, agen, mode, arg):
        self._agen = agen
        self._first = (mode, arg)
        self._done = False

    def __await__(self):
        return self

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)

    def _check(self):
        if self._done:
            raise RuntimeError("cannot reuse already awaited __anext__()/asend()")

    def send(self, value):
        self._check()
        if self._first is not None:
            mode, arg = self._first
            self._first = None
        else:
            mode, arg = _SEND, value
        return self._step(mode, arg)

    def throw(self, typ, val=None, tb=None):
        self._check()
        closing = self._first is not None and self._first[0] == _CLOSE
        self._first = None
        exc = typ if val is None else typ(val) if isinstance(typ, type) else typ
        return self._step(_CLOSE if closing else _THROW, exc)

    def close(self):
        self._done = True

    def _step(self, mode, arg):
        closing = mode == _CLOSE
        try:
            is_value, value = _threadlab.agen_step(self._agen, mode, arg)
        except (StopAsyncIteration, GeneratorExit):
            self._done = True
            if closing:
                raise StopIteration
            raise
        except BaseException:
            self._done = True
            raise
        if is_value:
            self._done = True
            if closing:
                raise RuntimeError("async generator ignored GeneratorExit")
            raise StopIteration(value)
        return value


def step(agen, mode, arg):
    return _AsyncGenStep(agen, mode, arg)
