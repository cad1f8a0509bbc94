# Flag combinations are named, and iterate, in definition order when the members were not
# defined in ascending value order (CPython 3.11), and by value otherwise.
from enum import Flag, IntFlag, auto


class Perm(Flag):
    R = 4
    W = 2
    X = 1


class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()


class Mode(IntFlag):
    EXEC = 1
    WRITE = 2
    READ = 4


rw = Perm.R | Perm.W
print(rw, repr(rw), [m.name for m in rw], len(rw))
print(Perm.X | Perm.R, list(Perm.X | Perm.W | Perm.R))
print(Color.BLUE | Color.RED, list(Color.RED | Color.GREEN | Color.BLUE))
print(Mode.READ | Mode.EXEC, [m.name for m in Mode(7)])
print(Perm.W in rw, Perm.X in rw, bool(Perm(0)))
