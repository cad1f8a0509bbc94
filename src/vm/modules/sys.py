# The Python half of `sys`: version_info, a named tuple as in CPython.


class _version_info:
    __module__ = 'sys'
    _fields = ('major', 'minor', 'micro', 'releaselevel', 'serial')

    def __init__(self, values):
        object.__setattr__(self, '_values', values)
        for name, v in zip(self._fields, values):
            object.__setattr__(self, name, v)

    def __setattr__(self, name, value):
        raise AttributeError('readonly attribute')

    def __getitem__(self, i):
        return self._values[i]

    def __len__(self):
        return 5

    def __iter__(self):
        return iter(self._values)

    def __eq__(self, other):
        return self._values == (other._values if isinstance(other, _version_info) else other)

    def __lt__(self, other):
        return self._values < tuple(other)

    def __le__(self, other):
        return self._values <= tuple(other)

    def __gt__(self, other):
        return self._values > tuple(other)

    def __ge__(self, other):
        return self._values >= tuple(other)

    def __hash__(self):
        return hash(self._values)

    def __repr__(self):
        return 'sys.version_info(major=%r, minor=%r, micro=%r, releaselevel=%r, serial=%r)' % self._values


version_info = _version_info((3, 11, 7, 'final', 0))
del _version_info
