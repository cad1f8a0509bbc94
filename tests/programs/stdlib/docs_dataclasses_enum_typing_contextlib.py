# Python docs: dataclasses, enum, typing, contextlib examples
from dataclasses import dataclass, field, asdict, astuple, replace, fields, InitVar
from enum import Enum, IntEnum, Flag, auto, unique
from typing import NamedTuple, Optional, List, Dict
import contextlib, io
@dataclass(order=True)
class InventoryItem:
    name: str
    unit_price: float
    quantity_on_hand: int = 0
    tags: list = field(default_factory=list, compare=False)
    def total_cost(self) -> float:
        return self.unit_price * self.quantity_on_hand
i = InventoryItem('widget', 3.5, 4)
print(i, i.total_cost(), asdict(i), astuple(i), replace(i, quantity_on_hand=1))
print(InventoryItem('a', 1) < InventoryItem('b', 0), [f.name for f in fields(i)])
@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0
p = Point(1, 2)
try:
    p.x = 5
except Exception as e:
    print(type(e).__name__, e)
print(hash(p) == hash(Point(1, 2)), p == Point(1, 2))
@dataclass
class C:
    a: int
    b: int = field(init=False)
    scale: InitVar[int] = 1
    def __post_init__(self, scale):
        self.b = self.a * scale
print(C(3, 10))
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.GREEN), Color(3), Color['RED'], list(Color), Color.RED.name, Color.RED.value)
class Perm(Flag):
    R = 4
    W = 2
    X = 1
class Bits(Flag):
    A = 1
    B = 2
    C = 4
print(Bits.C | Bits.A, Bits(7))
print(Perm.R in (Perm.R | Perm.X), repr(Perm.R & Perm.W))
class Shape(IntEnum):
    CIRCLE = auto()
    SQUARE = auto()
print(Shape.SQUARE, Shape.SQUARE + 1, Shape.CIRCLE < Shape.SQUARE, [s.value for s in Shape])
try:
    @unique
    class Mistake(Enum):
        ONE = 1
        TWO = 1
except ValueError as e:
    print(e)
try:
    Color(7)
except ValueError as e:
    print(e)
class Employee(NamedTuple):
    name: str
    id: int = 3
print(Employee('Guido'), Employee._fields, Employee.__annotations__)
def greet(name: Optional[str] = None) -> List[str]:
    return [name or 'world']
print(greet(), greet.__annotations__)
@contextlib.contextmanager
def tag(name):
    print(f'<{name}>')
    yield name
    print(f'</{name}>')
with tag('h1') as t:
    print('hello', t)
with contextlib.suppress(KeyError):
    {}['x']
print('suppressed')
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print('captured')
print(repr(buf.getvalue()))
with contextlib.ExitStack() as stack:
    for n in ('a', 'b'):
        stack.enter_context(tag(n))
    stack.callback(print, 'callback')
with contextlib.closing(io.StringIO('x')) as s:
    print(s.read())
with contextlib.nullcontext(5) as v:
    print(v)
