# multiprocessing.sharedctypes: Value and Array of ints or floats, kept in the Rust core so
# every process that is passed one sees the same numbers.

import _multiprocessing as _mp
from _mp_synchronize import RLock

_FLOAT_CODES = {'d', 'f', 'c_double', 'c_float'}
_INT_CODES = {'i', 'l', 'q', 'h', 'b', 'I', 'L', 'Q', 'H', 'B', 'c_int', 'c_long', 'c_longlong'}
_INT_BITS = {'b': 8, 'h': 16, 'i': 32, 'l': 64, 'q': 64, 'B': 8, 'H': 16, 'I': 32, 'L': 64, 'Q': 64}


def _code(typecode_or_type):
    t = typecode_or_type
    if not isinstance(t, str):
        t = getattr(t, '_type_', None) or getattr(t, '__name__', '')
    if t in _FLOAT_CODES:
        return t, True
    if t in _INT_CODES:
        return t, False
    raise TypeError('threadlab shares only ints and floats between processes, not %r' % (typecode_or_type,))


def _wrap(code, v):
    bits = _INT_BITS.get(code)
    if bits is None:
        return v
    if isinstance(v, float):
        raise TypeError('int expected instead of float')
    v = int(v) & ((1 << bits) - 1)
    if code.islower() and v >= 1 << (bits - 1):
        v -= 1 << bits
    return v


class _Shared(object):
    def __init__(self, code, floats, values):
        self._code = code
        self._floats = floats
        self._shm = _mp.shm_new(floats, [float(v) if floats else _wrap(code, v) for v in values])


class RawValue(_Shared):
    def __init__(self, typecode_or_type, *args):
        code, floats = _code(typecode_or_type)
        _Shared.__init__(self, code, floats, [args[0] if args else 0])

    @property
    def value(self):
        return _mp.shm_get(self._shm, 0)

    @value.setter
    def value(self, v):
        _mp.shm_set(self._shm, 0, v if self._floats else _wrap(self._code, v))

    def __repr__(self):
        return '%s(%r)' % ('c_double' if self._floats else 'c_int', self.value)


class RawArray(_Shared):
    def __init__(self, typecode_or_type, size_or_initializer):
        code, floats = _code(typecode_or_type)
        if isinstance(size_or_initializer, int):
            values = [0] * size_or_initializer
        else:
            values = list(size_or_initializer)
        _Shared.__init__(self, code, floats, values)

    def __len__(self):
        return _mp.shm_len(self._shm)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(len(self))[i]]
        return _mp.shm_get(self._shm, i)

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            for j, x in zip(range(len(self))[i], v):
                self[j] = x
            return
        _mp.shm_set(self._shm, i, v if self._floats else _wrap(self._code, v))

    def __iter__(self):
        return iter([_mp.shm_get(self._shm, i) for i in range(len(self))])

    def __repr__(self):
        return '<threadlab.sharedctypes array of %d>' % len(self)


class _Synchronized(object):
    def __init__(self, lock):
        self._lock = RLock() if lock is True or lock is None else lock

    def acquire(self, *args):
        return self._lock.acquire(*args)

    def release(self):
        return self._lock.release()

    def get_lock(self):
        return self._lock

    def get_obj(self):
        return self._obj

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)


class Synchronized(_Synchronized):
    def __init__(self, obj, lock=None):
        _Synchronized.__init__(self, lock)
        self._obj = obj

    @property
    def value(self):
        return self._obj.value

    @value.setter
    def value(self, v):
        self._obj.value = v

    def __repr__(self):
        return '<Synchronized wrapper for %r>' % (self._obj,)


class SynchronizedArray(_Synchronized):
    def __init__(self, obj, lock=None):
        _Synchronized.__init__(self, lock)
        self._obj = obj

    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        return self._obj[i]

    def __setitem__(self, i, v):
        self._obj[i] = v

    def __iter__(self):
        return iter(self._obj)

    def __repr__(self):
        return '<SynchronizedArray wrapper for %r>' % (self._obj,)


def Value(typecode_or_type, *args, lock=True, ctx=None):
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    return Synchronized(obj, lock)


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    return SynchronizedArray(obj, lock)
