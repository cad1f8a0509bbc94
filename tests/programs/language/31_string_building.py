# Building strings: concatenation in loops, join, repetition, formatting tables.
line = ""
for i in range(5):
    line += str(i)
print(line)
parts = []
for word in ["alpha", "beta", "gamma"]:
    parts.append(word[0].upper() + word[1:])
print(", ".join(parts))
print("=" * 20)
header = f"{'name':<10}{'qty':>5}{'price':>9}"
print(header)
print("-" * len(header))
rows = [("apples", 3, 1.25), ("pears", 12, 0.5), ("kiwis", 100, 12.125)]
total = 0
for name, qty, price in rows:
    total += qty * price
    print(f"{name:<10}{qty:>5}{price:>9.2f}")
print(f"{'total':<10}{'':>5}{total:>9.2f}")
grid = "\n".join("".join("#" if (r + c) % 2 else "." for c in range(6)) for r in range(3))
print(grid)
words = "a man a plan a canal panama".split()
acronym = "".join(w[0] for w in words).upper()
print(acronym)
s = "racecar"
print(s == s[::-1], "".join(sorted(s)), s.count("a"))
csv = "\n".join(",".join(str(x * y) for x in range(1, 4)) for y in range(1, 4))
print(csv)
bar = ""
for pct in (0, 25, 50, 100):
    bar = "[" + "#" * (pct // 10) + " " * (10 - pct // 10) + "]"
    print(f"{bar} {pct:3d}%")
