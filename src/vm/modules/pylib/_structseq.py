# The named-tuple-like results of the Rust modules (sys.version_info, time.struct_time):
# indexable, iterable, comparable with tuples, read-only, printed as `module.name(field=value)`.


class structseq:
    _fields = ()
    _name = 'structseq'

    def __init__(self, values):
        object.__setattr__(self, '_values', tuple(values))

    def __getattr__(self, name):
        fields = type(self)._fields
        if name in fields:
            return self._values[fields.index(name)]
        raise AttributeError("'%s' object has no attribute '%s'" % (self._name, name))

    def __setattr__(self, name, value):
        raise AttributeError('readonly attribute')

    def __getitem__(self, i):
        return self._values[i]

    def __len__(self):
        return len(self._values)

    def __iter__(self):
        return iter(self._values)

    def __eq__(self, other):
        if isinstance(other, structseq):
            return self._values == other._values
        if isinstance(other, tuple):
            return self._values == other
        return NotImplemented

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
        return '%s(%s)' % (self._name, ', '.join(
            '%s=%r' % (n, v) for n, v in zip(self._fields, self._values)))
