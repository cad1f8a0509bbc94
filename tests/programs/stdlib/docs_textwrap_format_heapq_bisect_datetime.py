# Python docs: textwrap, string formatting, heapq, bisect, datetime basics
import textwrap, string, heapq, bisect, datetime
s = "The textwrap module provides some convenience functions, as well as TextWrapper, the class that does all the work."
print(textwrap.fill(s, width=30)); print(textwrap.wrap(s, 40)); print(textwrap.shorten(s, width=40, placeholder=' [...]'))
print(textwrap.indent('a\nb\n\nc', '> ')); print(repr(textwrap.dedent('    x\n      y\n')))
print('{:<10}|{:^10}|{:>10}'.format('left', 'center', 'right'), '{:*^12}'.format('mid'))
print('{0:,} {0:_} {1:.3e} {1:08.2f} {2:x} {2:#o} {2:b} {3:%}'.format(1234567, 3.14159, 255, 0.25))
print(f'{"x"!r:>5} {3.0:g} {1e20:g} {-0.5:+.1f} {12:03d} {"abc":.2}', format(1234.5, ',.1f'))
print(string.Template('$who likes $what').substitute(who='tim', what='kung pao'), string.ascii_letters[:5], string.punctuation[:5])
print(string.capwords('hello   world'), '%s %r %5.2f %-4d| %x %c' % ('s', 'r', 2.345, 7, 255, 65))
h = [5, 1, 8, 3, 2]; heapq.heapify(h); print(h, heapq.heappop(h), heapq.nlargest(2, h), heapq.nsmallest(2, h))
heapq.heappush(h, 0); print(heapq.heappushpop(h, 9), heapq.heapreplace(h, 4), h, list(heapq.merge([1, 4], [2, 3])))
def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(score) for score in [33, 99, 77, 70, 89, 90, 100]])
a = [1, 2, 4, 4, 8]; bisect.insort(a, 5); print(a, bisect.bisect_left(a, 4), bisect.bisect_right(a, 4))
d = datetime.date(2024, 2, 28); print(d + datetime.timedelta(days=2), d.isoformat(), d.weekday(), d.strftime('%A %d %B %Y'))
dt = datetime.datetime(2023, 12, 31, 23, 59, 30); print(dt + datetime.timedelta(seconds=45), dt.replace(year=2000), repr(dt))
td = datetime.timedelta(days=1, hours=3, minutes=4); print(td, td.total_seconds(), repr(td), td * 2, -td)
print(datetime.datetime.strptime('2021-03-04 05:06', '%Y-%m-%d %H:%M'), datetime.date.fromisoformat('2020-01-15').toordinal())
print(datetime.datetime(2020, 1, 1) - datetime.datetime(2019, 12, 25), datetime.time(13, 5), dt.date(), dt.time())
