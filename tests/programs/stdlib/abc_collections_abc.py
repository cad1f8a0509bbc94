# Source: threadlab stdlib tests: abc (ABC, abstractmethod and CPython's instantiation TypeError, register) and collections.abc (isinstance by methods, registered builtins, Mapping/Sequence mixins)
from abc import ABC, abstractmethod, ABCMeta
from collections.abc import Iterable, Iterator, Sized, Mapping, MutableMapping, Sequence, Callable, Hashable, Container, Set, Generator
import collections.abc

class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    @abstractmethod
    def perimeter(self):
        ...
    def describe(self):
        return f'{type(self).__name__} with area {self.area()}'

class Square(Shape):
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side ** 2
    def perimeter(self):
        return 4 * self.side

class Half(Shape):
    def area(self):
        return 0

for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print('TypeError:', e)
sq = Square(3)
print(sq.describe(), sq.perimeter(), isinstance(sq, Shape), issubclass(Square, ABC), sorted(Shape.__abstractmethods__), Square.__abstractmethods__)

class Plugin(metaclass=ABCMeta):
    pass
class Thing:
    pass
Plugin.register(Thing)
print(isinstance(Thing(), Plugin), issubclass(Thing, Plugin), isinstance(1, Plugin))

class Bag:
    def __init__(self):
        self.items = [1, 2]
    def __iter__(self):
        return iter(self.items)
    def __len__(self):
        return len(self.items)
print(isinstance(Bag(), Iterable), isinstance(Bag(), Sized), isinstance(Bag(), Iterator), isinstance(iter([]), Iterator))
print(isinstance([], Sequence), isinstance({}, Mapping), isinstance({}, MutableMapping), isinstance((), Sequence), isinstance('s', Sequence), isinstance({1}, Set), isinstance(len, Callable), isinstance(1, Hashable), isinstance([], Hashable))
print(isinstance(3, (Iterable, int)), isinstance(3, (Iterable, str)), isinstance((x for x in []), Generator))

class MyMap(MutableMapping):
    def __init__(self):
        self._d = {}
    def __getitem__(self, k):
        return self._d[k]
    def __setitem__(self, k, v):
        self._d[k] = v
    def __delitem__(self, k):
        del self._d[k]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)
m = MyMap()
m['a'] = 1
m.update(b=2)
print(m.get('a'), m.get('z', 0), 'b' in m, sorted(m.keys()), m.pop('a'), len(m), m.setdefault('c', 3), dict(m.items()), m == {'b': 2, 'c': 3})

class Seq(Sequence):
    def __getitem__(self, i):
        return [10, 20, 30][i]
    def __len__(self):
        return 3
s = Seq()
print(list(s), 20 in s, s.index(30), s.count(10), list(reversed(s)))

class Meta2(ABCMeta):
    pass
class WithAbstractProp(ABC):
    @property
    @abstractmethod
    def name(self):
        ...
try:
    WithAbstractProp()
except TypeError as e:
    print('TypeError:', e)
