# Generator expressions are lazy; only the first iterable is evaluated at once.
log = []

def src(n, name):
    log.append(f"src {name}")
    for i in range(n):
        log.append(f"{name} yields {i}")
        yield i

g = (x * 10 for x in src(3, "a"))
log.append("made")
print(log)
print(next(g), log[-1])
print(list(g))

try:
    (x for x in 5)
except TypeError as e:
    print("eager first iterable:", e)

gen = (y for x in [1] for y in undefined_name)
print("second iterable is lazy")
try:
    next(gen)
except NameError as e:
    print("NameError:", e)

x = 10
g = (x + i for i in range(3))
x = 20
print(list(g))
x = [1, 2]
g = (v for v in x)
x = [9]
print(list(g))

print(sum(i * i for i in range(10)))
print(max(len(w) for w in "a bb ccc".split()), min(w for w in ["b", "a"]))
print(any(i > 3 for i in range(5)), all(i < 3 for i in range(5)))
print(sorted((c for c in "hello"), reverse=True))
print(dict((k, len(k)) for k in ["ab", "c"]))
print(set(i % 3 for i in range(10)))
print(tuple(i for i in range(3) if i), ", ".join(str(i) for i in range(4)))
print(list(zip((i for i in "ab"), (i for i in range(5)))))
print(list(map(abs, (-i for i in range(3)))), list(enumerate(c for c in "xy")))
print(list(filter(None, (i % 2 for i in range(5)))))
a, *rest = (i for i in range(4))
print(a, rest)
print(3 in (i for i in range(5)), 9 in (i for i in range(5)))
nums = (n for n in range(6))
print(next(nums), list(n for n in nums if n % 2))
matrix = [[1, 2], [3, 4]]
print(list(v for row in matrix for v in row if v != 2))
print(list((i, j) for i in range(3) for j in range(i)))
g = (i for i in range(2))
print(type(g).__name__, g.__name__, g.__qualname__)
def outer():
    return (i for i in range(1))
print(outer().__qualname__)
