# map/filter/zip/enumerate chains, consumed by list, sum, sorted and loops.
nums = list(range(1, 11))
print(list(map(lambda n: n * n, filter(lambda n: n % 2, nums))))
print(sum(map(int, "12345")), list(map(str, nums[:3])), list(map(len, ["a", "bb"])))
print(list(zip(*[(1, "a"), (2, "b")])))
print(dict(enumerate("abc")), list(enumerate(zip("ab", "cd"))))
print(sorted(map(lambda s: s.upper(), {"b": 1, "a": 2})))
pairs = list(zip(range(3), reversed(range(3))))
print(pairs, [a * b for a, b in pairs])
print(list(filter(str.isdigit, "a1b2c3")), "".join(filter(str.isalpha, "a1b2c3")))
print(max(map(abs, [-7, 3])), min(zip([3, 1], "xy")))
m = map(lambda x: x + 1, [1, 2, 3])
print(list(m), list(m))
total = 0
for i, (a, b) in enumerate(zip([1, 2], [3, 4]), 1):
    total += i * a * b
print(total)
