# dict operations and methods (insertion order is part of the language).
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), d["a"], "b" in d, "z" not in d)
print(d.get("z"), d.get("z", 0), d.keys(), d.values(), d.items())
print(list(d), list(d.keys()), list(d.items()))
d["b"] = 20
print(d)
print(d.pop("b"), d, d.pop("missing", "default"))
d.update({"x": 9, "a": 10})
d.update(y=8)
print(d)
print(d.setdefault("a", 0), d.setdefault("n", []), d)
del d["n"]
print(d)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print(dict(a=1, b=2), dict([("k", "v"), ("k2", "v2")]), dict(zip("ab", [1, 2])))
print(dict.fromkeys(["x", "y"], 0))
copy = d.copy()
copy["new"] = 1
print(len(d), len(copy))
print({1: "int", 1.0: "float", True: "bool"})
print({} == dict(), {"a": 1} == {"a": 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1})
item = d.popitem()
print(item, d)
d.clear()
print(d)
nested = {"outer": {"inner": [1, 2]}}
nested["outer"]["inner"].append(3)
print(nested)
print(repr({"s": 's', 1: None, (1, 2): [1.5]}))
for k in sorted({"z": 1, "a": 2}):
    print(k)
