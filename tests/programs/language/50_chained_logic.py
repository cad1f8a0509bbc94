# Boolean logic, short-circuiting, chained and membership comparisons.
def trace(name, value):
    print("eval", name)
    return value

print(trace("a", 0) and trace("b", 1))
print(trace("a", 1) and trace("b", 2))
print(trace("a", 0) or trace("b", 0) or trace("c", "last"))
print(trace("a", "first") or trace("b", 1))
x = 5
print(0 < x <= 5 < 10, 1 < x < 3, x in [1, 5], x not in (5,), "a" in {"a": 1})
print(trace("low", 1) < trace("mid", 2) < trace("high", 0))
print(trace("low", 3) < trace("mid", 2) < trace("high", 0))
print([] == [], [] is [], None is None, 1 != 1.0, "1" == 1)
print(not (x > 3 and x < 10), (x > 3) + (x < 10))
values = [0, "", None, [], 0.0, "0", [0]]
print([bool(v) for v in values])
print(x > 3 if x else "zero", 2 if 0 else 3 if 0 else 4)
