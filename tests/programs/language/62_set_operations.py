s = {3, 1, 2}
s.add(4); s.discard(1)
print(s, s | {9}, s & {2, 3}, s - {3}, s ^ {2, 10})
print({10, 5, 100, 33, 17, 8, 1000, -1, -5}, set(range(20, 0, -1)), {(1, 2), (3, 4), (0, 0)})
a = set([5, 4, 3, 2, 1]); a |= {100, 50}; print(a)
a -= {5}; print(a); a ^= {1, 77}; print(a); a &= {77, 2, 3, 1000}; print(a)
print(set("aaa"), {1.5, 2.5, 1}, frozenset([3, 2, 1]), set(), {True, 0, 1, False})
b = {x * 7 % 13 for x in range(20)}
print(b, b.pop(), b.pop(), b)
print({1, 2, 3}.union([10, 9]), {1, 2, 3}.intersection({2, 3, 4}), {9, 8}.difference([8]), {1,2}.symmetric_difference({2,3}))
print(sorted({"b", "a"}), len({1, 2, 2}), {1, 2} < {1, 2, 3}, {1, 2} == {2, 1})
