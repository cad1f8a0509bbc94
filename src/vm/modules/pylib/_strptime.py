# _strptime: datetime.strptime's parser for the C locale (English names), threadlab's own
# (CPython's needs locale and calendar). Directives: %Y %y %m %d %H %I %M %S %f %p %b %B %a
# %A %j %z %Z %% and %c %x %X as the C locale writes them; errors as CPython words them.

import re as _re
from datetime import date as _date, datetime as _datetime_cls, timedelta as _timedelta, timezone as _timezone

_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
           'october', 'november', 'december']
_DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']


def _alts(names):
    return '|'.join(sorted(names, key=len, reverse=True))


_DIRECTIVES = {
    'd': r'(?P<d>3[01]|[12]\d|0[1-9]|[1-9]| [1-9])',
    'f': r'(?P<f>[0-9]{1,6})',
    'H': r'(?P<H>2[0-3]|[0-1]\d|\d)',
    'I': r'(?P<I>1[0-2]|0[1-9]|[1-9])',
    'j': r'(?P<j>36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])',
    'm': r'(?P<m>1[0-2]|0[1-9]|[1-9])',
    'M': r'(?P<M>[0-5]\d|\d)',
    'S': r'(?P<S>6[0-1]|[0-5]\d|\d)',
    'w': r'(?P<w>[0-6])',
    'u': r'(?P<u>[1-7])',
    'y': r'(?P<y>\d\d)',
    'Y': r'(?P<Y>\d\d\d\d)',
    'z': r'(?P<z>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z))',
    'A': '(?P<A>' + _alts(_DAYS) + ')',
    'a': '(?P<a>' + _alts([d[:3] for d in _DAYS]) + ')',
    'B': '(?P<B>' + _alts(_MONTHS) + ')',
    'b': '(?P<b>' + _alts([m[:3] for m in _MONTHS]) + ')',
    'p': '(?P<p>am|pm)',
    'Z': '(?P<Z>utc|gmt)',
    '%': '%',
}
_COMPOSITE = {'c': '%a %b %d %H:%M:%S %Y', 'x': '%m/%d/%y', 'X': '%H:%M:%S'}

_cache = {}


def _pattern(format):
    regex = _cache.get(format)
    if regex is not None:
        return regex
    for k, v in _COMPOSITE.items():
        format = format.replace('%' + k, v)
    out = []
    seen = set()
    i = 0
    n = len(format)
    while i < n:
        c = format[i]
        if c == '%':
            if i + 1 >= n:
                raise ValueError("stray % in format '%s'" % format)
            d = format[i + 1]
            if d not in _DIRECTIVES:
                raise ValueError("'%s' is a bad directive in format '%s'" % (d, '%' + d if d else format))
            part = _DIRECTIVES[d]
            if d in seen and d != '%':
                raise _re.error("redefinition of group name %r as group %d; was group %d" % (d, 0, 0))
            seen.add(d)
            out.append(part)
            i += 2
        elif c.isspace():
            while i < n and format[i].isspace():
                i += 1
            out.append(r'\s+')
        else:
            out.append(_re.escape(c))
            i += 1
    regex = _re.compile(''.join(out), _re.IGNORECASE)
    _cache[format] = regex
    return regex


def _strptime(data_string, format="%a %b %d %H:%M:%S %Y"):
    for index, arg in enumerate([data_string, format]):
        if not isinstance(arg, str):
            msg = "strptime() argument {} must be str, not {}"
            raise TypeError(msg.format(index, type(arg).__name__))
    found = _pattern(format).match(data_string)
    if not found:
        raise ValueError("time data %r does not match format %r" % (data_string, format))
    if len(data_string) != found.end():
        raise ValueError("unconverted data remains: %s" % data_string[found.end():])
    g = found.groupdict()
    year = 1900
    month = day = 1
    hour = minute = second = fraction = 0
    tz = None
    gmtoff = None
    weekday = julian = None
    if g.get('y') is not None:
        year = int(g['y'])
        year += 2000 if year <= 68 else 1900
    if g.get('Y') is not None:
        year = int(g['Y'])
    if g.get('m') is not None:
        month = int(g['m'])
    if g.get('B') is not None:
        month = _MONTHS.index(g['B'].lower()) + 1
    if g.get('b') is not None:
        month = [m[:3] for m in _MONTHS].index(g['b'].lower()) + 1
    if g.get('d') is not None:
        day = int(g['d'])
    if g.get('H') is not None:
        hour = int(g['H'])
    if g.get('I') is not None:
        hour = int(g['I'])
        ampm = (g.get('p') or '').lower()
        if ampm == 'pm' and hour != 12:
            hour += 12
        elif ampm == 'am' and hour == 12:
            hour = 0
    if g.get('M') is not None:
        minute = int(g['M'])
    if g.get('S') is not None:
        second = int(g['S'])
    if g.get('f') is not None:
        fraction = int(g['f'] + '0' * (6 - len(g['f'])))
    if g.get('A') is not None:
        weekday = _DAYS.index(g['A'].lower())
    if g.get('a') is not None:
        weekday = [d[:3] for d in _DAYS].index(g['a'].lower())
    if g.get('j') is not None:
        julian = int(g['j'])
    if g.get('z') is not None:
        z = g['z']
        if z == 'Z' or z == 'z':
            gmtoff = 0
        else:
            sign = -1 if z[0] == '-' else 1
            body = z[1:].replace(':', '')
            hours = int(body[0:2])
            minutes = int(body[2:4])
            seconds = int(body[4:6] or 0)
            gmtoff = sign * ((hours * 60 + minutes) * 60 + seconds)
    if julian is not None and g.get('m') is None and g.get('b') is None and g.get('B') is None:
        d = _date.fromordinal(_date(year, 1, 1).toordinal() + julian - 1)
        month, day = d.month, d.day
    if weekday is None:
        weekday = _date(year, month, day).weekday()
    if julian is None:
        julian = _date(year, month, day).toordinal() - _date(year, 1, 1).toordinal() + 1
    return (year, month, day, hour, minute, second, weekday, julian, tz, gmtoff), fraction


def _strptime_datetime(cls, data_string, format="%a %b %d %H:%M:%S %Y"):
    tt, fraction = _strptime(data_string, format)
    args = tt[:6] + (fraction,)
    gmtoff = tt[9]
    if gmtoff is not None:
        args += (_timezone(_timedelta(seconds=gmtoff)),)
    return cls(*args)
