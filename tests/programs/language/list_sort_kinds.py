# list.sort and sorted() on each kind of key (ints, big ints, strings, floats, mixed, tuples, a key
# function, reverse, a comparison that fails): one comparison path serves them all.
import functools
print(sorted([3, -1, 2, 10**30, -5]))
print(sorted(["b", "a", "ab", ""]))
print(sorted([2.5, -1.0, 3.25, 0.0]))
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]))
print(sorted([3, 1, 2], reverse=True))
print(sorted(["bb", "a", "ccc", "dd"], key=len))
print(sorted(["bb", "a", "ccc", "dd"], key=len, reverse=True))
print(sorted([1, 2.5, 0, -3.5]))
l = [5, 3, 9, 1]; l.sort(key=lambda x: -x); print(l)
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError", e)
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
