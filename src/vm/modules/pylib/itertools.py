# itertools: iterator classes (count, cycle, repeat, chain, islice, accumulate, starmap,
# takewhile, dropwhile, filterfalse, compress, zip_longest, groupby, pairwise, tee), and the
# combinatoric ones as generators after the docs' equivalents: they read all their input first,
# as CPython does, then make each tuple when asked.

_marker = object()


class _Iterator:
    def __iter__(self):
        return self


class count(_Iterator):
    def __init__(self, start=0, step=1):
        if not isinstance(start, (int, float)):
            raise TypeError('a number is required')
        self._n = start
        self._step = step

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if self._step == 1:
            return 'count(%r)' % (self._n,)
        return 'count(%r, %r)' % (self._n, self._step)


class cycle(_Iterator):
    def __init__(self, iterable):
        self._it = iter(iterable)
        self._saved = []
        self._i = -1

    def __next__(self):
        if self._it is not None:
            for x in self._it:
                self._saved.append(x)
                return x
            self._it = None
        if not self._saved:
            raise StopIteration
        self._i = (self._i + 1) % len(self._saved)
        return self._saved[self._i]


class repeat(_Iterator):
    def __init__(self, object, times=None):
        self._obj = object
        self._left = times

    def __next__(self):
        if self._left is not None:
            if self._left <= 0:
                raise StopIteration
            self._left -= 1
        return self._obj

    def __len__(self):
        return max(self._left, 0) if self._left is not None else 0

    def __repr__(self):
        if self._left is None:
            return 'repeat(%r)' % (self._obj,)
        return 'repeat(%r, %d)' % (self._obj, max(self._left, 0))


class chain(_Iterator):
    def __init__(self, *iterables):
        self._sources = iter(iterables)
        self._it = None

    @classmethod
    def from_iterable(cls, iterable):
        c = cls()
        c._sources = iter(iterable)
        return c

    def __next__(self):
        while True:
            if self._it is None:
                self._it = iter(next(self._sources))
            for x in self._it:
                return x
            self._it = None


class islice(_Iterator):
    def __init__(self, iterable, *args):
        s = slice(*args)
        start, stop, step = s.start or 0, s.stop, 1 if s.step is None else s.step
        for v, what in ((start, 'Indices'), (stop, 'Stop argument')):
            if v is not None and (not isinstance(v, int) or v < 0):
                raise ValueError('Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.')
        if not isinstance(step, int) or step <= 0:
            raise ValueError('Step for islice() must be a positive integer or None.')
        self._it = iter(iterable)
        self._next = start
        self._stop = stop
        self._step = step
        self._i = 0

    def __next__(self):
        if self._stop is not None and self._next >= self._stop:
            raise StopIteration
        while self._i < self._next:
            next(self._it)
            self._i += 1
        x = next(self._it)
        self._i += 1
        self._next += self._step
        return x


class accumulate(_Iterator):
    def __init__(self, iterable, func=None, *, initial=None):
        self._it = iter(iterable)
        self._func = func
        self._total = initial
        self._started = initial is not None
        self._emit_initial = initial is not None

    def __next__(self):
        if self._emit_initial:
            self._emit_initial = False
            return self._total
        x = next(self._it)
        if not self._started:
            self._started = True
            self._total = x
        elif self._func is None:
            self._total = self._total + x
        else:
            self._total = self._func(self._total, x)
        return self._total


class starmap(_Iterator):
    def __init__(self, function, iterable):
        self._f = function
        self._it = iter(iterable)

    def __next__(self):
        return self._f(*next(self._it))


class takewhile(_Iterator):
    def __init__(self, predicate, iterable):
        self._p = predicate
        self._it = iter(iterable)
        self._done = False

    def __next__(self):
        if self._done:
            raise StopIteration
        x = next(self._it)
        if self._p(x):
            return x
        self._done = True
        raise StopIteration


class dropwhile(_Iterator):
    def __init__(self, predicate, iterable):
        self._p = predicate
        self._it = iter(iterable)
        self._dropping = True

    def __next__(self):
        if self._dropping:
            for x in self._it:
                if not self._p(x):
                    self._dropping = False
                    return x
            raise StopIteration
        return next(self._it)


class filterfalse(_Iterator):
    def __init__(self, predicate, iterable):
        self._p = bool if predicate is None else predicate
        self._it = iter(iterable)

    def __next__(self):
        for x in self._it:
            if not self._p(x):
                return x
        raise StopIteration


class compress(_Iterator):
    def __init__(self, data, selectors):
        self._d = iter(data)
        self._s = iter(selectors)

    def __next__(self):
        while True:
            x = next(self._d)
            if next(self._s):
                return x


class zip_longest(_Iterator):
    def __init__(self, *iterables, fillvalue=None):
        self._its = [iter(it) for it in iterables]
        self._active = len(self._its)
        self._fill = fillvalue

    def __next__(self):
        if not self._its or not self._active:
            raise StopIteration
        values = []
        for i, it in enumerate(self._its):
            if it is None:
                values.append(self._fill)
                continue
            try:
                values.append(next(it))
            except StopIteration:
                self._active -= 1
                if not self._active:
                    raise
                self._its[i] = None
                values.append(self._fill)
        return tuple(values)


class _Grouper(_Iterator):
    def __init__(self, parent, key):
        self._parent = parent
        self._key = key

    def __next__(self):
        p = self._parent
        if p._grouper is not self:
            raise StopIteration
        if p._pending is _marker:
            try:
                p._pending = next(p._it)
            except StopIteration:
                p._exhausted = True
                raise
            p._pending_key = p._keyfunc(p._pending)
        if p._pending_key != self._key:
            raise StopIteration
        x = p._pending
        p._pending = _marker
        return x


class groupby(_Iterator):
    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = (lambda x: x) if key is None else key
        self._pending = _marker
        self._pending_key = None
        self._grouper = None
        self._exhausted = False

    def __next__(self):
        # Skip what is left of the current group.
        if self._grouper is not None:
            cur = self._grouper._key
            while True:
                if self._pending is _marker:
                    self._pending = next(self._it)
                    self._pending_key = self._keyfunc(self._pending)
                if self._pending_key != cur:
                    break
                self._pending = _marker
        elif self._pending is _marker:
            self._pending = next(self._it)
            self._pending_key = self._keyfunc(self._pending)
        self._grouper = _Grouper(self, self._pending_key)
        return (self._pending_key, self._grouper)


class pairwise(_Iterator):
    def __init__(self, iterable):
        self._it = iter(iterable)
        self._last = _marker

    def __next__(self):
        if self._last is _marker:
            self._last = next(self._it)
        b = next(self._it)
        a = self._last
        self._last = b
        return (a, b)


class _Tee(_Iterator):
    def __init__(self, source, buffers, index):
        self._source = source
        self._buffers = buffers
        self._i = index

    def __next__(self):
        buf = self._buffers[self._i]
        if not buf:
            x = next(self._source)
            for b in self._buffers:
                b.append(x)
        return buf.pop(0)


def tee(iterable, n=2):
    if n < 0:
        raise ValueError('n must be >= 0')
    source = iter(iterable)
    buffers = [[] for _ in range(n)]
    return tuple(_Tee(source, buffers, i) for i in range(n))


def product(*iterables, repeat=1):
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    return _product([tuple(pool) for pool in iterables] * repeat)


def _product(pools):
    # An odometer over the pools: lazy, as CPython's C version is.
    if any(not pool for pool in pools):
        return
    indices = [0] * len(pools)
    while True:
        yield tuple(pool[i] for pool, i in zip(pools, indices))
        for k in reversed(range(len(pools))):
            indices[k] += 1
            if indices[k] < len(pools[k]):
                break
            indices[k] = 0
        else:
            return


def permutations(iterable, r=None):
    pool = tuple(iterable)
    r = len(pool) if r is None else r
    if r < 0:
        raise ValueError('r must be non-negative')
    return _permutations(pool, r)


def _permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def combinations(iterable, r):
    pool = tuple(iterable)
    if r < 0:
        raise ValueError('r must be non-negative')
    return _combinations(pool, r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    if r < 0:
        raise ValueError('r must be non-negative')
    return _combinations_with_replacement(pool, r)


def _combinations_with_replacement(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)
