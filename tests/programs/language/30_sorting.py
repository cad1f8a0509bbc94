# Sorting with keys, reverse, stability and multi-key sorts.
people = [("Ann", 31), ("bob", 25), ("Cid", 31), ("dee", 19)]
print(sorted(people))
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people, key=lambda p: p[0].lower(), reverse=True))
names = [p[0] for p in people]
names.sort()
print(names)
names.sort(key=str.lower)
print(names)
nums = [5, -3, 2, -8, 0]
print(sorted(nums, key=abs), sorted(nums, reverse=True), nums)
nums.sort(key=lambda n: n % 3)
print(nums)
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words, key=len))
print(sorted(set(words)))
print(sorted({"b": 2, "a": 1}.items(), key=lambda kv: kv[1], reverse=True))
records = [{"n": "x", "v": 3}, {"n": "y", "v": 1}, {"n": "z", "v": 2}]
print([r["n"] for r in sorted(records, key=lambda r: r["v"])])
print(sorted([3.5, 1, 2.25, -1]), sorted(["b", "A", "a", "B"]))
print(max(people, key=lambda p: p[1]), min(people, key=lambda p: p[1]))
