# Source: threadlab stdlib tests: dataclasses' common uses (the first class is the Python docs' InventoryItem example)
from dataclasses import dataclass, field, fields, asdict, astuple, replace, FrozenInstanceError, is_dataclass, KW_ONLY
from typing import List, ClassVar

@dataclass
class InventoryItem:
    """Class for keeping track of an item in inventory."""
    name: str
    unit_price: float
    quantity_on_hand: int = 0

    def total_cost(self) -> float:
        return self.unit_price * self.quantity_on_hand

item = InventoryItem('widget', 3.0, 5)
print(item, item.total_cost(), item == InventoryItem('widget', 3.0, 5), item != InventoryItem('x', 1.0))
print(InventoryItem.__doc__)
print([f.name for f in fields(item)], asdict(item), astuple(item), replace(item, quantity_on_hand=1))

@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    tags: List[str] = field(default_factory=list, compare=False, repr=False)
    count: ClassVar[int] = 0
vs = [Version(2, 1), Version(1, 5), Version(2, 0)]
print(sorted(vs), Version(1) < Version(1, 1), max(vs), Version(1).tags, Version.count, len(fields(Version)))

@dataclass(frozen=True)
class Point:
    x: float
    y: float = 0.0
p = Point(1.5)
print(p, hash(p) == hash(Point(1.5, 0.0)), {p: 'a'}[Point(1.5)])
try:
    p.x = 2
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del p.y
except FrozenInstanceError as e:
    print(e)

@dataclass
class C:
    a: int
    b: int = field(init=False)
    def __post_init__(self):
        self.b = self.a * 2
c = C(3)
print(c, is_dataclass(c), is_dataclass(C), is_dataclass(3))
try:
    hash(c)
except TypeError as e:
    print(e)

@dataclass
class Base:
    x: int
    y: int = 1
@dataclass
class Derived(Base):
    z: int = 2
print(Derived(0), Derived(5, z=9))

@dataclass
class K:
    a: int
    _: KW_ONLY
    b: int = 3
    c: int
print(K(1, c=4))

@dataclass(kw_only=True)
class KO:
    a: int
    b: int = 2
print(KO(a=1))

@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)
n = Node(1, [Node(2), Node(3, [Node(4)])])
print(asdict(n))
print(astuple(n))

for bad in [lambda: InventoryItem(), lambda: InventoryItem('a', 1, 2, 3), lambda: InventoryItem('a', 1, z=3), lambda: InventoryItem('a', 1, name='b'), lambda: K(1), lambda: KO()]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
try:
    @dataclass
    class Bad:
        a: list = []
except ValueError as e:
    print('ValueError:', e)
try:
    @dataclass
    class Bad2:
        a: int = 1
        b: int
except TypeError as e:
    print('TypeError:', e)
try:
    replace(c, b=1)
except ValueError as e:
    print('ValueError:', e)
try:
    fields(3)
except TypeError as e:
    print('TypeError:', e)
try:
    field(default=1, default_factory=list)
except ValueError as e:
    print('ValueError:', e)
@dataclass
class WithRepr:
    a: int
    def __repr__(self):
        return 'custom'
print(WithRepr(1), WithRepr(1) == WithRepr(1))
@dataclass(eq=False)
class NoEq:
    a: int
print(NoEq(1) == NoEq(1), hash(NoEq(1)) is not None)
@dataclass(unsafe_hash=True)
class UH:
    a: int
print(hash(UH(1)) == hash((1,)))
