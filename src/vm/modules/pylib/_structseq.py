# The named-tuple-like results of the Rust modules (sys.version_info, time.struct_time): tuple
# subclasses (indexing, iteration, comparison and hashing are the tuple's) with read-only
# fields by name, printed as `module.name(field=value)`. collections.namedtuple is not used:
# these name themselves with a dotted module prefix and take one sequence argument, as
# CPython's structseq types do.


class structseq(tuple):
    _fields = ()
    _name = 'structseq'

    def __new__(cls, values):
        return tuple.__new__(cls, values)

    def __getattr__(self, name):
        fields = type(self)._fields
        if name in fields:
            return self[fields.index(name)]
        raise AttributeError("'%s' object has no attribute '%s'" % (self._name, name))

    def __setattr__(self, name, value):
        raise AttributeError('readonly attribute')

    def __repr__(self):
        return '%s(%s)' % (self._name, ', '.join(
            '%s=%r' % (n, v) for n, v in zip(self._fields, self)))
