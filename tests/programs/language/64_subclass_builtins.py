# Subclassing the builtin value types: payload, builtin methods, overridden dunders, super().
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]

s = Stack()
s.push(1); s.push(2); s.extend([3, 4])
print(s, len(s), s.peek(), s[1:3], type(s).__name__, isinstance(s, list))
print(repr(s), str(s), list(s), sum(s), 3 in s, sorted(s, reverse=True))
for x in s:
    print(x, end=' ')
print()
print(s == [1, 2, 3, 4], s + [5], bool(Stack()), bool(s))
s += [9]
print(s, type(s).__name__)
a, b, *rest = s
print(a, b, rest)

class MyList(list):
    def __init__(self, *args):
        super().__init__(*args)
        self.extra = 'x'
    def __repr__(self):
        return 'MyList(' + super().__repr__() + ')'
    def __getitem__(self, i):
        return super().__getitem__(i) * 10
    def __len__(self):
        return 100

m = MyList([1, 2, 3])
print(m, m[0], len(m), m.extra, str(m))
print(list.__len__(m), list.__getitem__(m, 1))

class D(dict):
    def __missing__(self, key):
        return key * 2
d = D(a=1)
print(d['a'], d['bb'], d, len(d), 'a' in d, isinstance(d, dict), d.get('zz'))

class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
    def __getitem__(self, k):
        return dict.__getitem__(self, k.upper())
u = Upper()
u['x'] = 1
print(u, u['x'], list(u.items()), u.keys())

class Name(str):
    def shout(self):
        return self.upper() + '!'
n = Name('bob')
print(n, repr(n), n.shout(), len(n), n + 'x', n == 'bob', hash(n) == hash('bob'), {n: 1}['bob'], f'{n:>5}|')

class Celsius(float):
    def fahrenheit(self):
        return self * 9 / 5 + 32
c = Celsius(100)
print(c, c.fahrenheit(), c + 1, round(c), int(c), f'{c:.2f}', type(c + 1).__name__)

class MyInt(int):
    def __new__(cls, value, label=''):
        obj = super().__new__(cls, value)
        obj.label = label
        return obj
    def __repr__(self):
        return f'MyInt({int(self)}, {self.label!r})'
i = MyInt(5, 'five')
print(i, i + 1, i * 2, i.label, i == 5, [10, 20, 30, 40, 50, 60][i], range(i), hash(i) == 5, -i, str(i), '%d' % i)

class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
p = Point(1, 2)
print(p, p.x, len(p), p + (3,), hash(p) == hash((1, 2)), p == (1, 2))
x, y = p
print(x, y)

class S(set):
    pass
ss = S([1, 2, 3])
print(sorted(ss), 2 in ss, len(ss), ss | {4}, isinstance(ss, set))
ss.add(5)
print(sorted(ss))

class F(frozenset):
    pass
print(sorted(F([3, 1])), hash(F([1])) == hash(frozenset([1])))

class MyError(ValueError):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise MyError('bad', 42)
except ValueError as e:
    print(type(e).__name__, e, e.code, e.args, repr(e))

class O(object):
    pass
print(type(O()).__name__, issubclass(Stack, list), issubclass(list, Stack), Stack.__mro__)
print(type(s) is Stack, type(s) == list)
class Counter2(dict):
    def __init__(self, it):
        super().__init__()
        for x in it:
            self[x] = self.get(x, 0) + 1
print(Counter2('hello'))
