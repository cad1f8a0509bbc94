# The calendar half of `time` (struct_time, localtime, gmtime, mktime, strftime, asctime, ctime),
# on the Rust builtins _civil, _strftime, _timegm and _utc_offset (see time.rs).

from _structseq import structseq as _structseq

_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec',
           'tm_wday', 'tm_yday', 'tm_isdst')


class struct_time(_structseq):
    """The time value as returned by gmtime(), localtime(), and strptime()"""
    __module__ = 'time'
    _name = 'time.struct_time'
    _fields = _FIELDS
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __new__(cls, seq, zone=None, gmtoff=None):
        seq = tuple(seq)
        if len(seq) < 9:
            raise TypeError('time.struct_time() takes an at least 9-sequence (%d-sequence given)' % len(seq))
        if len(seq) > 11:
            raise TypeError('time.struct_time() takes an at most 11-sequence (%d-sequence given)' % len(seq))
        self = _structseq.__new__(cls, seq[:9])
        object.__setattr__(self, 'tm_zone', seq[9] if len(seq) > 9 else zone)
        object.__setattr__(self, 'tm_gmtoff', seq[10] if len(seq) > 10 else gmtoff)
        return self


def _make(secs, local):
    if secs is None:
        secs = time()
    elif not isinstance(secs, (int, float)):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(secs).__name__)
    c = _civil(secs, local)
    return struct_time(c[:9], c[9], c[10])


def localtime(secs=None):
    return _make(secs, True)


def gmtime(secs=None):
    return _make(secs, False)


_RANGES = ((1, 1, 12, 'month'), (2, 1, 31, 'day of month'), (3, 0, 23, 'hour'),
           (4, 0, 59, 'minute'), (5, 0, 61, 'seconds'), (6, 0, 6, 'day of week'),
           (7, 1, 366, 'day of year'))


def _fields(t, name):
    if t is None:
        return localtime()
    if isinstance(t, struct_time):
        return t
    if not isinstance(t, tuple):
        raise TypeError('Tuple or struct_time argument required')
    if len(t) != 9:
        raise TypeError('%s(): illegal time tuple argument' % name if False else
                        'function takes exactly 9 arguments (%d given)' % len(t))
    return struct_time(t)


def _checked(t, name):
    t = _fields(t, name)
    values = list(t)
    # CPython accepts 0 for month, day and yday (as 1) in strftime.
    for i, lo, hi, what in _RANGES:
        v = values[i]
        if i in (1, 2, 7) and v == 0:
            values[i] = 1
            continue
        if i == 6 and v < 0:
            raise ValueError('day of week out of range')
        if i == 6:
            values[i] = v % 7
            continue
        if v < lo or v > hi:
            raise ValueError('%s out of range' % what)
    zone = t.tm_zone if t.tm_zone is not None else tzname[0]
    gmtoff = t.tm_gmtoff if t.tm_gmtoff is not None else -timezone
    return tuple(values) + (zone, gmtoff)


def strftime(format, t=None):
    return _strftime(format, _checked(t, 'strftime'))


def asctime(t=None):
    return _strftime('%a %b %e %H:%M:%S %Y', _checked(t, 'asctime'))


def ctime(secs=None):
    return asctime(localtime(secs))


def mktime(t):
    t = _fields(t, 'mktime')
    utc = _timegm(t[0], t[1], t[2], t[3], t[4], t[5])
    return float(utc - _utc_offset(utc))


timezone = -_utc_offset(time())
altzone = timezone
daylight = 0
tzname = (localtime().tm_zone, localtime().tm_zone)
