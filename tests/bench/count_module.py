# The same loop at module level: `total` and `i` are globals (dict lookups in CPython).
total = 0
for i in range(10_000_000):
    total += 1
print(total)
