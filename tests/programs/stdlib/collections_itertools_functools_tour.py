# Python docs: collections, itertools and functools examples
from collections import deque, Counter, defaultdict, OrderedDict, namedtuple, ChainMap
import itertools, functools, operator
d = deque(maxlen=3)
for i in range(5): d.append(i)
print(d, d.maxlen); d.rotate(1); print(d); d.appendleft(9); print(d)
c = Counter('abracadabra'); print(c, c.most_common(2), c['z'], sorted(c.elements()))
c.update('aaz'); print(c); print(c - Counter('aaa'), c & Counter('ab'), +c, c.total())
dd = defaultdict(list)
for k, v in [('a', 1), ('b', 2), ('a', 3)]: dd[k].append(v)
print(dd, dict(dd))
od = OrderedDict.fromkeys('abcde'); od.move_to_end('b'); print(od, list(od)); od.popitem(last=False); print(od)
P = namedtuple('P', 'x y', defaults=[0]); p = P(1); print(p, p._asdict(), p._replace(y=5), P._fields, P._field_defaults)
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3}); print(cm['a'], cm['b'], cm, cm.new_child({'c': 4}))
print(list(itertools.accumulate([1, 2, 3, 4], operator.mul)), list(itertools.pairwise('ABCD')))
print(list(itertools.groupby('AAABBC')) and [(k, len(list(g))) for k, g in itertools.groupby('AAABBC')])
print(list(itertools.combinations_with_replacement('AB', 2)), list(itertools.product('ab', repeat=2)))
print(list(itertools.islice(itertools.cycle('xy'), 5)), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.zip_longest('ab', 'xyz', fillvalue='-')), list(itertools.compress('ABCDEF', [1, 0, 1, 0, 1, 1])))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(itertools.filterfalse(None, [0, 1, '', 'a'])), [list(t) for t in itertools.tee('ab', 2)])
@functools.lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
@functools.cache
def sq(x): return x * x
print(sq(3), sq(3), sq.cache_info())
print(functools.reduce(operator.add, range(10), 100), functools.partial(int, base=2)('1010'))
def deco(f):
    @functools.wraps(f)
    def w(*a, **k):
        """wrapper"""
        return f(*a, **k)
    return w
@deco
def hello(name):
    """Say hi."""
    return 'hi ' + name
print(hello('x'), hello.__name__, hello.__doc__, hello.__wrapped__.__name__)
@functools.total_ordering
class V:
    def __init__(s, v): s.v = v
    def __eq__(s, o): return s.v == o.v
    def __lt__(s, o): return s.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
print(sorted(['b', 'A', 'c'], key=functools.cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))))
@functools.singledispatch
def show(x): return 'obj'
@show.register
def _(x: int): return 'int'
@show.register(list)
def _(x): return 'list'
print(show(1), show([]), show('s'))
p = functools.partial(print, 'a', sep='-'); p('b', 'c'); print(p.func, p.args, p.keywords)
