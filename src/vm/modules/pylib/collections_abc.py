# collections.abc: the abstract base classes of containers, written for threadlab from CPython
# 3.11's Lib/_collections_abc.py: isinstance()/issubclass() by the methods a class defines
# (__subclasshook__), register()ed builtin types, and the mixin methods of Mapping,
# MutableMapping, Sequence, MutableSequence, Set and MutableSet. Not here: the view classes,
# ByteString, Buffer.

from abc import ABCMeta, abstractmethod

__all__ = ['Awaitable', 'Coroutine', 'AsyncIterable', 'AsyncIterator', 'AsyncGenerator',
           'Hashable', 'Iterable', 'Iterator', 'Generator', 'Reversible', 'Sized', 'Container',
           'Callable', 'Collection', 'Set', 'MutableSet', 'Mapping', 'MutableMapping',
           'Sequence', 'MutableSequence']


def _check_methods(C, *methods):
    mro = C.__mro__
    for method in methods:
        for B in mro:
            if method in B.__dict__:
                if B.__dict__[method] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


def _abc(name, methods, bases=(), body=None, hook=True):
    # hook: a "one-trick pony" recognised by its methods; the others only by inheritance and
    # register(), as in CPython.
    ns = dict(body or {})
    ns['__module__'] = 'collections.abc'
    ns['__slots__'] = ()
    for m in methods:
        if m not in ns:
            def stub(self, *args):
                raise NotImplementedError
            ns[m] = abstractmethod(stub)
    check = tuple(methods)

    def __subclasshook__(cls, C):
        if hook and cls is klass[0]:
            return _check_methods(C, *check)
        return NotImplemented
    ns['__subclasshook__'] = classmethod(__subclasshook__)
    klass = [ABCMeta(name, bases, ns)]
    return klass[0]


Hashable = _abc('Hashable', ['__hash__'])
Awaitable = _abc('Awaitable', ['__await__'])
Coroutine = _abc('Coroutine', ['__await__', 'send', 'throw'], (Awaitable,))
AsyncIterable = _abc('AsyncIterable', ['__aiter__'])
AsyncIterator = _abc('AsyncIterator', ['__aiter__', '__anext__'], (AsyncIterable,))
AsyncGenerator = _abc('AsyncGenerator', ['__aiter__', '__anext__', 'asend', 'athrow'], (AsyncIterator,))
Iterable = _abc('Iterable', ['__iter__'])
Iterator = _abc('Iterator', ['__iter__', '__next__'], (Iterable,), {'__iter__': lambda self: self})
Reversible = _abc('Reversible', ['__reversed__', '__iter__'], (Iterable,))
Generator = _abc('Generator', ['__iter__', '__next__', 'send', 'throw', 'close'], (Iterator,))
Sized = _abc('Sized', ['__len__'])
Container = _abc('Container', ['__contains__'])
Collection = _abc('Collection', ['__len__', '__iter__', '__contains__'], (Sized, Iterable, Container))
Callable = _abc('Callable', ['__call__'])


def _set_le(self, other):
    if not isinstance(other, Set):
        return NotImplemented
    if len(self) > len(other):
        return False
    for elem in self:
        if elem not in other:
            return False
    return True


def _set_eq(self, other):
    if not isinstance(other, Set):
        return NotImplemented
    return len(self) == len(other) and _set_le(self, other)


def _set_from(self, it):
    return self._from_iterable(it) if hasattr(self, '_from_iterable') else set(it)


Set = _abc('Set', ['__contains__', '__iter__', '__len__'], (Collection,), {
    '__le__': _set_le,
    '__ge__': lambda self, other: _set_le(other, self) if isinstance(other, Set) else NotImplemented,
    '__eq__': _set_eq,
    '__and__': lambda self, other: _set_from(self, [v for v in other if v in self]),
    '__or__': lambda self, other: _set_from(self, [e for s in (self, other) for e in s]),
    '__sub__': lambda self, other: _set_from(self, [v for v in self if v not in other]),
    'isdisjoint': lambda self, other: all(v not in self for v in other),
}, hook=False)
Set.__hash__ = None


def _mset_remove(self, value):
    if value not in self:
        raise KeyError(value)
    self.discard(value)


def _mset_clear(self):
    for value in list(self):
        self.discard(value)


def _mset_ior(self, it):
    for value in it:
        self.add(value)
    return self


MutableSet = _abc('MutableSet', ['__contains__', '__iter__', '__len__', 'add', 'discard'], (Set,), {
    'remove': _mset_remove,
    'clear': _mset_clear,
    '__ior__': _mset_ior,
}, hook=False)


def _map_get(self, key, default=None):
    try:
        return self[key]
    except KeyError:
        return default


def _map_contains(self, key):
    try:
        self[key]
    except KeyError:
        return False
    return True


def _map_eq(self, other):
    if not isinstance(other, Mapping):
        return NotImplemented
    return dict(self.items()) == dict(other.items())


Mapping = _abc('Mapping', ['__getitem__', '__iter__', '__len__'], (Collection,), {
    'get': _map_get,
    '__contains__': _map_contains,
    'keys': lambda self: list(self),
    'items': lambda self: [(k, self[k]) for k in self],
    'values': lambda self: [self[k] for k in self],
    '__eq__': _map_eq,
}, hook=False)
Mapping.__hash__ = None
Mapping.__reversed__ = None

_marker = object()


def _mm_pop(self, key, default=_marker):
    try:
        value = self[key]
    except KeyError:
        if default is _marker:
            raise
        return default
    del self[key]
    return value


def _mm_popitem(self):
    try:
        key = next(iter(self))
    except StopIteration:
        raise KeyError from None
    value = self[key]
    del self[key]
    return key, value


def _mm_update(self, other=(), /, **kwds):
    if isinstance(other, Mapping) or hasattr(other, 'keys'):
        for key in other.keys():
            self[key] = other[key]
    else:
        for key, value in other:
            self[key] = value
    for key, value in kwds.items():
        self[key] = value


def _mm_setdefault(self, key, default=None):
    try:
        return self[key]
    except KeyError:
        self[key] = default
    return default


def _mm_clear(self):
    try:
        while True:
            self.popitem()
    except KeyError:
        pass


MutableMapping = _abc('MutableMapping', ['__getitem__', '__setitem__', '__delitem__', '__iter__', '__len__'], (Mapping,), {
    'pop': _mm_pop,
    'popitem': _mm_popitem,
    'update': _mm_update,
    'setdefault': _mm_setdefault,
    'clear': _mm_clear,
}, hook=False)


def _seq_iter(self):
    i = 0
    try:
        while True:
            v = self[i]
            yield v
            i += 1
    except IndexError:
        return


def _seq_index(self, value, start=0, stop=None):
    i = start
    while stop is None or i < stop:
        try:
            v = self[i]
        except IndexError:
            break
        if v is value or v == value:
            return i
        i += 1
    raise ValueError


Sequence = _abc('Sequence', ['__getitem__', '__len__'], (Reversible, Collection), {
    '__iter__': _seq_iter,
    '__contains__': lambda self, value: any(v is value or v == value for v in self),
    '__reversed__': lambda self: iter([self[i] for i in range(len(self) - 1, -1, -1)]),
    'index': _seq_index,
    'count': lambda self, value: sum(1 for v in self if v is value or v == value),
}, hook=False)


def _mseq_extend(self, values):
    if values is self:
        values = list(values)
    for v in values:
        self.append(v)


def _mseq_pop(self, index=-1):
    v = self[index]
    del self[index]
    return v


def _mseq_clear(self):
    while len(self):
        self.pop()


def _mseq_reverse(self):
    n = len(self)
    for i in range(n // 2):
        self[i], self[n - i - 1] = self[n - i - 1], self[i]


def _mseq_iadd(self, values):
    _mseq_extend(self, values)
    return self


MutableSequence = _abc('MutableSequence', ['__getitem__', '__setitem__', '__delitem__', '__len__', 'insert'], (Sequence,), {
    'append': lambda self, value: self.insert(len(self), value),
    'extend': _mseq_extend,
    'pop': _mseq_pop,
    'remove': lambda self, value: self.__delitem__(self.index(value)),
    'clear': _mseq_clear,
    'reverse': _mseq_reverse,
    '__iadd__': _mseq_iadd,
}, hook=False)

for _t in (tuple, str, range, list):
    Sequence.register(_t)
MutableSequence.register(list)
Mapping.register(dict)
MutableMapping.register(dict)
Set.register(frozenset)
Set.register(set)
MutableSet.register(set)
Iterator.register(type(iter([])))
for _t in (type(len), type(_check_methods), type([].append), type):
    Callable.register(_t)
del _t
