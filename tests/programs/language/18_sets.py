# sets (printed through sorted() where CPython's order is a hash detail).
s = {1, 2, 3}
s.add(4)
s.add(2)
print(sorted(s), len(s), 3 in s, 9 in s)
s.discard(1)
s.remove(4)
print(sorted(s))
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)))
print({1, 2} <= a, {1, 9} <= a, a >= {1}, {1, 2}.issubset(a), a.issuperset({2, 3}))
print(a.isdisjoint({7, 8}), set() == set(), {1, 2} == {2, 1})
print(sorted(set("hello")), len(set([1, 1, 1])))
print(set(), {1}, {3, 1, 2})
words = ["b", "a", "b", "c", "a"]
seen = set()
unique = []
for w in words:
    if w not in seen:
        seen.add(w)
        unique.append(w)
print(unique)
f = set([2, 1]) | set((3,))
print(sorted(f), sorted(f, reverse=True))
t = {x % 3 for x in range(10)}
print(sorted(t))
p = s.pop()
print(p in {2, 3}, len(s))
