# Source: threadlab stdlib tests: enum (Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, the functional API, _missing_; Planet is the Python docs' example)
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique, StrEnum
import enum

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, Color(2), Color['BLUE'], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color.RED in Color, repr(Color), Color, type(Color.RED), isinstance(Color.GREEN, Color))
print([m.name for m in Color], Color.__members__.keys(), f'{Color.RED}', '%s' % Color.BLUE, str(Color.GREEN))
print(Color.RED == Color.RED, Color.RED == 1, Color.RED is Color(1), hash(Color.RED) == hash('RED'), {Color.RED: 'r'}[Color.RED])
try:
    Color(7)
except ValueError as e:
    print('ValueError:', e)
try:
    Color['PINK']
except KeyError as e:
    print('KeyError:', e)

class Shape(Enum):
    SQUARE = auto()
    CIRCLE = auto()
    def describe(self):
        return f'{self.name} is {self.value}'
    @classmethod
    def default(cls):
        return cls.SQUARE
print(Shape.CIRCLE.value, Shape.CIRCLE.describe(), Shape.default())

class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        G = 6.67300E-11
        return G * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 2), Planet.MERCURY)

class Number(IntEnum):
    ONE = 1
    TWO = 2
print(Number.ONE, repr(Number.TWO), Number.ONE + 1, Number.TWO == 2, Number.ONE < Number.TWO, sorted([Number.TWO, Number.ONE]), int(Number.TWO), f'{Number.TWO:03d}', isinstance(Number.ONE, int), Number(2), [10, 20, 30][Number.TWO])

class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, list(rw), bool(Perm(0)), repr(Perm(0)), Perm.R.value, Perm.X.value, list(Perm), len(Perm), ~Perm.R, rw & Perm.W)

class IP(IntFlag):
    A = 1
    B = 2
print(IP.A | IP.B, repr(IP.A | IP.B), IP.A & 1, int(IP.B))

class Status(StrEnum):
    ACTIVE = auto()
    DONE = 'done'
print(Status.ACTIVE, repr(Status.ACTIVE), Status.DONE == 'done', Status('done'), Status.ACTIVE.upper())

try:
    @unique
    class Mistake(Enum):
        ONE = 1
        TWO = 2
        THREE = 2
except ValueError as e:
    print('ValueError:', e)

Animal = Enum('Animal', 'ANT BEE CAT')
print(Animal.BEE, repr(Animal.CAT), list(Animal))

class Weekday(Enum):
    MON = 1
    TUE = 2
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls[value.upper()]
print(Weekday('mon'), Weekday(2))
print(enum.EnumMeta is enum.EnumType, type(Color).__name__)
