# typing: NamedTuple class syntax and call form, Generic[T] subclassing and Box[int](...) (PEP 560 __mro_entries__)
from typing import NamedTuple, List, Optional, TypeVar, Generic, Protocol, Dict
class P(NamedTuple):
    x: int
    y: int = 0
    def norm(self): return self.x + self.y
p = P(1)
print(p, p.norm(), p._replace(y=5), p._asdict(), P._fields)
T = TypeVar('T')
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
s = Stack[int]()
s.push(1)
print(s.items)
def g(a: Optional[int] = None) -> Dict[str, int]: return {}
class Pr(Protocol):
    def m(self) -> int: ...
import collections
Pt = collections.namedtuple('Pt', 'x y z', defaults=[0])
print(Pt(1,2), Pt._field_defaults, Pt(1,2)._asdict())
from typing import NamedTuple, TypeVar, Generic, List
class Employee(NamedTuple):
    """Represents an employee."""
    name: str
    id: int = 3
    def __repr__(self) -> str:
        return f'<Employee {self.name}, id={self.id}>'
print(Employee('Guido'), Employee.__annotations__, Employee.__doc__)
E2 = NamedTuple('E2', [('name', str), ('id', int)])
print(E2('a', 1), E2._fields)
a, b = Employee('x', 5)
print(a, b, isinstance(Employee('y'), tuple))
T = TypeVar('T')
class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item
    def get(self) -> T:
        return self.item
b = Box[int](3)
print(b.get(), Box[int], Box.__orig_bases__ if hasattr(Box, '__orig_bases__') else None)
class IntBox(Box[int]):
    pass
print(IntBox(4).get(), IntBox.__mro__[1].__name__)
try:
    class Bad(NamedTuple):
        x: int = 1
        y: int
except TypeError as e:
    print(e)
