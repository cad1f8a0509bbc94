# Tuple unpacking, starred targets, swaps and nested targets.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
x, y, z = "xyz"
print(x, y, z)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = (1, 2, 3)
print(init, last)
head, *middle, tail = range(6)
print(head, middle, tail)
(p, q), r = (1, 2), 3
print(p, q, r)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
a = b = c = 7
print(a, b, c)
t = 1, 2, 3
print(t, type(t).__name__)
single = 5,
print(single)
print(*[1, 2, 3])
print(*"ab", sep="|")
merged = [*range(3), *"ab"]
print(merged)
d = {**{"a": 1}, "b": 2, **{"a": 3}}
print(d)
