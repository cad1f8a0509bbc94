# itertools' combinatoric generators and heapq.merge, lazy as CPython's
import itertools, heapq
print(list(itertools.product("ab", range(2))), list(itertools.product()), list(itertools.product("ab", [], "c")))
print(list(itertools.permutations(range(3), 2)), list(itertools.combinations("abcd", 2)), list(itertools.combinations_with_replacement("ab", 2)))
p = itertools.product(range(10**6), repeat=3)
print(next(p), next(p))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(heapq.merge(["a", "bb"], ["ccc"], key=len)), list(heapq.merge([3, 1], [2], reverse=True)))
try:
    itertools.permutations("ab", -1)
except ValueError as e:
    print(e)
print(list(itertools.permutations("ab", 3)), list(itertools.combinations("", 0)))
