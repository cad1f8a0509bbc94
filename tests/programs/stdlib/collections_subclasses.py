# collections' dict subclasses (Counter, defaultdict, OrderedDict), namedtuple as a tuple subclass, and the structseq results.
from collections import Counter, defaultdict, OrderedDict, namedtuple
import sys, time
c = Counter('abracadabra')
print(c, isinstance(c, dict), c['a'], c['zz'], c.most_common(2), len(c), sorted(c.elements())[:4])
c.update('aaz')
print(c, c.total(), c == Counter(c), dict(c) == c, c - Counter('aaaa'), +c, c.copy())
print(Counter(a=1) + Counter(a=2, b=1), Counter(a=3) & Counter(a=1), Counter() == {}, repr(Counter()))
del c['a']
print(c, 'a' in c, list(c.keys()))
d = defaultdict(list)
d['x'].append(1)
d['y'].append(2)
print(d, isinstance(d, dict), dict(d), d.get('q'), 'q' in d, len(d), d.default_factory)
dd = defaultdict(int)
for w in 'a b a c a'.split():
    dd[w] += 1
print(dd, sorted(dd.items()), dd.copy(), type(dd.copy()).__name__)
o = OrderedDict()
o['b'] = 1; o['a'] = 2; o['c'] = 3
o.move_to_end('b')
print(o, isinstance(o, dict), list(o), o.popitem(), o.popitem(last=False), o)
o2 = OrderedDict([('x', 1), ('y', 2)])
o2.move_to_end('y', last=False)
print(o2, o2 == OrderedDict([('y', 2), ('x', 1)]), o2 == {'x': 1, 'y': 2}, OrderedDict())
P = namedtuple('P', 'x y')
p = P(1, y=2)
print(p, p.x, p.y, p[0], isinstance(p, tuple), p == (1, 2), hash(p) == hash((1, 2)), p._asdict(), p._replace(x=5), P._make([3, 4]), P._fields)
x, y = p
print(x, y, len(p), list(p), p + (3,), sorted([P(2, 1), P(1, 2)]), max(p), tuple(p))
for bad in [lambda: P(1), lambda: P(1, 2, 3), lambda: P(1, 2, z=3)]:
    try:
        bad()
    except TypeError as e:
        print(e)
try:
    p.x = 3
except AttributeError as e:
    print(e)
class Point(namedtuple('Point', ['x', 'y'])):
    __slots__ = ()
    @property
    def hypot(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __str__(self):
        return 'Point: x=%6.3f  y=%6.3f  hypot=%6.3f' % (self.x, self.y, self.hypot)
for pt in Point(3, 4), Point(14, 5/7):
    print(pt)
E = namedtuple('E', 'a b c', defaults=[0])
print(E(1, 2), E._field_defaults)
print(sys.version_info[:2] >= (3, 0), sys.version_info.major, isinstance(sys.version_info, tuple))
t = time.gmtime(0)
print(t, t.tm_year, t[0], tuple(t)[:3], len(t))
