# for over range, list, tuple, dict, str, enumerate, zip, reversed, sorted.
for i in range(3):
    print("range", i)
for i in range(10, 0, -3):
    print("down", i)
for item in ["x", "y"]:
    print("list", item)
for item in (1.5, 2.5):
    print("tuple", item)
d = {"one": 1, "two": 2, "three": 3}
for k in d:
    print("key", k)
for k, v in d.items():
    print("item", k, v)
for v in d.values():
    print("value", v)
for ch in "hey":
    print("char", ch)
for i, ch in enumerate("ab"):
    print("enum", i, ch)
for i, ch in enumerate("ab", start=1):
    print("enum1", i, ch)
for a, b in zip([1, 2, 3], "xyz"):
    print("zip", a, b)
for a, b, c in zip(range(2), range(5), range(10, 20)):
    print("zip3", a, b, c)
for x in reversed([1, 2, 3]):
    print("rev", x)
for x in sorted([3, 1, 2], reverse=True):
    print("sorted", x)
print(list(range(5)), list(range(2, 5)), list(range(0, 10, 4)), list(range(5, 0, -2)))
print(range(5), range(1, 5), range(1, 5, 2), len(range(0, 10, 3)))
print(3 in range(5), 7 in range(5), range(10)[-1], range(10)[2:5])
