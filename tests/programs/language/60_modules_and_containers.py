import time
import sys
from time import sleep as zz
print(sys.getswitchinterval(), sys.maxsize, type(time.time()).__name__)
t0 = time.perf_counter()
zz(0.01)
print(time.perf_counter() - t0 >= 0.01)
x = 10
def g():
    global x
    x += 5
g()
print(x)
while x > 0:
    x -= 4
else:
    print("while-else", x)
for i in range(3):
    if i == 5:
        break
else:
    print("for-else")
n = 0
while True:
    n += 1
    if n > 3:
        break
print(n)
print(2 ** 64, -2 ** 63, 10 ** 20 // 3, (2 ** 70) % 1000, 3 * (2 ** 62), 9223372036854775807 + 1)
big = 1
for i in range(1, 30):
    big *= i
print(big, big // 10 ** 20, str(big)[:5])
lst = [5, 3, 8]
lst.append(1); lst.extend([9, 0]); lst.insert(0, 7); lst.remove(8)
print(lst, lst.pop(), lst.pop(0), lst.index(3), lst.count(3))
lst.sort(); print(lst); lst.reverse(); print(lst, lst.copy(), lst[1:3])
lst[0:2] = [100]; print(lst); del lst[0]; print(lst)
d = {}
d["a"] = 1; d.setdefault("b", []).append(2); d.update({"c": 3}, e=5)
print(d, d.get("z"), d.get("z", 0), list(d.keys()), list(d.values()), d.items())
print(d.pop("a"), "a" in d, len(d), d.keys())
for k, v in d.items():
    print(k, v)
s = {3, 1, 2}
s.add(4); s.discard(1)
print(sorted(s), 2 in s, len(s), s | {9}, s & {2, 3})
t = (1, 2, 3)
print(t, t[1:], t + (4,), t * 2, (1,), ())
print(1 < 2 < 3, 1 < 3 < 2, 1 == 1.0, "a" < "b", [1, 2] < [1, 3], (1, 2) == (1, 2))
print(None is None, [] is [], not None, 5 if x else 6)
print("abc" * 3, [0] * 3, "a" in "cat", "ab".startswith("a"), "x,y,,z".split(","), " a b ".split())
print(f"{3.14159:.2f} {42:05d} {'hi':^6}| {1234567:,} {0.5:%} {255:x} {'a'!r} {x=}")
