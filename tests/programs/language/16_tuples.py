# tuples.
t = (1, "two", 3.0)
print(t, len(t), t[1], t[-1], t[0:2])
print(t + (4,), (0,) * 3, () == tuple(), tuple([1, 2]), tuple("ab"))
print(t.index("two"), (1, 1, 2).count(1), 3.0 in t)
print((1, 2) < (1, 3), (1, 2, 3) > (1, 2), max((1, 9), (2, 0)))
pairs = [(2, "b"), (1, "z"), (2, "a")]
print(sorted(pairs))
x, y = (10, 20)
print(x + y)
nested = ((1, 2), (3, 4))
print([a * b for a, b in nested])
print(repr(()), repr((1,)), repr((1, 2)))
print(hash((1, 2)) == hash((1, 2)))
d = {(0, 0): "origin", (1, 2): "point"}
print(d[(1, 2)], d[0, 0])
