# list operations and methods.
a = [3, 1, 4, 1, 5]
a.append(9)
a.extend([2, 6])
a.insert(0, 0)
print(a, len(a))
print(a.pop(), a.pop(0), a)
a.remove(1)
print(a, a.index(5), a.count(1))
a.sort()
print(a)
a.reverse()
print(a)
b = a.copy()
b.clear()
print(a, b)
print([1, 2] + [3], [0] * 3, [[0] * 2] * 2, 3 in a, 7 not in a)
print(min(a), max(a), sum(a), sorted(a), list(reversed(a)))
nested = [[1, 2], [3, [4, 5]]]
print(nested[1][1][0], len(nested))
c = list("abc")
c[1] = "B"
print(c, c == ["a", "B", "c"], [1, 2] < [1, 3], [1, 2] < [1, 2, 0])
del c[0]
print(c)
words = ["pear", "Apple", "fig"]
words.sort(key=str.lower)
print(words)
words.sort(key=len, reverse=True)
print(words)
e = []
print(e, bool(e), len(e))
m = [1, 2, 3]
n = m
n.append(4)
print(m is n, m)
print(list(range(3)) == [0, 1, 2], list((1, 2)), list({"a": 1}))
x = [5, 3, 8]
x[1:2] = [30, 31]
print(x)
print([1, 2, 3].index(3), [[1], [2]].count([1]))
print(repr([1, "a", 2.0, None, True, (1,), [], {}]))
