# Source: threadlab stdlib tests: functools, itertools, copy, string, sched, contextlib
import functools, itertools, copy, string, sched, time, contextlib, operator
@functools.lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n-1) + fib(n-2)
print(fib(80), fib.cache_info())
@functools.cache
def sq(x): return x * x
print(sq(4), sq(4), sq.cache_info())
def deco(f):
    @functools.wraps(f)
    def w(*a, **k): return f(*a, **k)
    return w
@deco
def hello(x):
    "doc"
    return x
print(hello.__name__, hello(3), hello.__wrapped__.__name__)
p = functools.partial(int, base=2); print(p("101"), p)
print(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(lambda a, b: a * b, [1, 2, 3], 10))
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
print(list(itertools.islice(itertools.count(5, 2), 4)), list(itertools.chain([1], (2, 3))), list(itertools.chain.from_iterable([[1], [2]])))
print(list(itertools.product('ab', repeat=2)), list(itertools.permutations([1, 2, 3], 2)), list(itertools.combinations('abcd', 2)))
print([(k, list(g)) for k, g in itertools.groupby('aaabbc')], list(itertools.accumulate([1, 2, 3])), list(itertools.zip_longest('ab', 'c', fillvalue='-')))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(itertools.repeat('x', 3)), list(itertools.starmap(pow, [(2, 3)])))
a, b = itertools.tee([1, 2, 3]); print(list(a), list(b), list(itertools.pairwise('abc')), list(itertools.compress('abc', [1, 0, 1])))
c = itertools.cycle('ab'); print([next(c) for _ in range(5)], list(itertools.combinations_with_replacement('ab', 2)), list(itertools.filterfalse(None, [0, 1, 2])))
x = [[1, 2], {'a': [3]}]; y = copy.deepcopy(x); y[0].append(9); z = copy.copy(x); print(x, y, z[0] is x[0])
class P:
    def __init__(self): self.l = [1]
q = copy.deepcopy(P()); print(q.l, type(q).__name__)
print(string.ascii_letters, string.digits, string.punctuation, string.capwords("hello world"))
print(string.Template("$who likes ${what}!").substitute(who="tim", what="kung pao"), string.Template("$a $b").safe_substitute(a=1))
s = sched.scheduler(time.time, time.sleep)
s.enter(0.02, 1, print, argument=("second",)); s.enter(0.01, 1, print, argument=("first",)); s.run()
with contextlib.suppress(KeyError): {}['x']
with contextlib.nullcontext(5) as n: print(n)
print(functools.partial(max, 1)(2), itertools.count(3))
