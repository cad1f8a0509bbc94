# Operator overloading through special methods.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __eq__(self, other):
        return isinstance(other, Vec) and self.x == other.x and self.y == other.y

    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __contains__(self, v):
        return v == self.x or v == self.y

    def __bool__(self):
        return self.x != 0 or self.y != 0

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

a = Vec(1, 2)
b = Vec(3, 4)
print(a + b, b - a, a * 3, a == Vec(1, 2), a != b, a == 5)
print(sorted([b, a, Vec(0, 9)]), len(a), a[0], a[-1], 2 in a, 7 in a)
print(bool(Vec(0, 0)), bool(a), "truthy" if a else "falsy")
total = Vec(0, 0)
for v in [a, b, Vec(5, 5)]:
    total += v
print(total, max([a, b]), min(b, a))

class Stack:
    def __init__(self):
        self.items = []

    def push(self, x):
        self.items.append(x)

    def pop(self):
        return self.items.pop()

    def __len__(self):
        return len(self.items)

    def __iter__(self):
        return iter(self.items)

    def __str__(self):
        return "Stack" + str(self.items)

s = Stack()
for i in range(4):
    s.push(i * i)
print(s, len(s), s.pop(), list(s), [x + 1 for x in s], sum(s))
print(bool(Stack()), "empty stack is falsy" if not Stack() else "")
