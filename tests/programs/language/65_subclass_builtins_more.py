# Subclassing builtins, continued: layouts, hashing, conversions, copy, exceptions, in-place ops.
try:
    class X(bool): pass
except TypeError as e:
    print('TypeError:', e)
try:
    class X(list, dict): pass
except TypeError as e:
    print('TypeError:', e)
try:
    class X(int, str): pass
except TypeError as e:
    print('TypeError:', e)
class Stack(list): pass
try:
    hash(Stack())
except TypeError as e:
    print(e)
try:
    {Stack(): 1}
except TypeError as e:
    print(e)
class Rev(list):
    def __iter__(self):
        return iter(reversed(list.__iter__(self).__class__ and self[:]))
r = Rev([1, 2, 3])
print(list(r), [x for x in r], r)
class CI(str):
    def __eq__(self, other):
        return self.lower() == other.lower()
    def __hash__(self):
        return hash(self.lower())
d = {CI('Hello'): 1}
print(d.get(CI('HELLO')), CI('A') == 'a', CI('x') != 'X')
class Evens(list):
    def __contains__(self, x):
        return x % 2 == 0
print(3 in Evens(), 4 in Evens())
class Empty(list):
    def __len__(self):
        return 0
print(bool(Empty([1])), len(Empty([1])))
class D(dict):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.created = True
dd = D({'b': 2}, a=1)
print(dd, dict(dd), sorted(dd), list(dd.values()), dd.created, {**dd}, dd == {'a': 1, 'b': 2})
print(dict(sorted(dd.items())), len(dd), dd.pop('a'), dd)
import copy
s = Stack([1, [2]])
c = copy.copy(s)
print(type(c).__name__, c)
print(Stack.__name__, Stack.__bases__, Stack.__mro__)
print(str.__new__(str, 5), int.__new__(int, '7'), list.__new__(list), tuple.__new__(tuple, [1]))
class T(tuple): pass
t = T([1, 2])
print(t, t[0], t.count(1), t.index(2), len(t), sorted(t), max(t), min(t), t * 2, type(t * 2).__name__)
class I(int): pass
print(I(3) + I(4), type(I(3) + I(4)).__name__, I(7) // 2, I(7) % 3, I(2) ** 10, 1 - I(3), I(5) > 4, I(5) < 4.5, abs(I(-3)), I(3).bit_length())
print(isinstance(I(3), int), I('12'), I(3.9), float(I(2)), str(I(5)), repr(I(5)), f'{I(5):03d}', '%s %d %r' % (I(1), I(2), I(3)))
print(divmod(I(7), 2), I(10) & 3, I(1) << 4, ~I(0), int(I(3)) is not None)
class F(float): pass
print(F(1.5) * 2, F('2.5'), F(2) ** 0.5, F(1.5).is_integer(), F(3.0).is_integer(), round(F(2.567), 2))
class MyErr(Exception):
    pass
class Sub(MyErr):
    def __str__(self):
        return 'custom'
try:
    raise Sub('a', 'b')
except MyErr as e:
    print(repr(e), str(e), e.args, isinstance(e, Exception))
class KE(KeyError): pass
try:
    raise KE('k')
except LookupError as e:
    print(type(e).__name__, e)
print(issubclass(KE, LookupError), KE.__mro__)
class S(str):
    pass
x = S('a,b,c')
print(x.split(','), x.upper(), x.join(['1', '2']), ','.join(S('xyz')), x[0], x[::-1], x * 2, 'a' in x, S('b') < S('c'), sorted([S('b'), S('a')]))
print(x.replace('a', 'z'), x.startswith('a'), S('  y ').strip(), int(S('42')), float(S('1.5')), S('k') + S('j'), type(S('k') + S('j')).__name__)
print({S('a'): 1}['a'], {'a': 1}[S('a')], S('a') == 'a', 'a' == S('a'), hash(S('a')) == hash('a'))
class Q(set): pass
q = Q([1])
q |= {2}
print(q, type(q).__name__, q.union([3]), Q() == set(), q - {1})
s2 = Stack([1])
s2 *= 3
print(s2, type(s2).__name__)
