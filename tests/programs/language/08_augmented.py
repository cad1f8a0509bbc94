# Augmented assignment on locals, globals, attributes and subscripts.
g = 10

def f():
    global g
    g -= 3
    g *= 2

f()
print(g)

class Box:
    def __init__(self):
        self.n = 1
        self.items = []

b = Box()
b.n += 5
b.n **= 2
b.items += [1, 2]
b.items *= 2
print(b.n, b.items)

lst = [1, 2, 3]
lst[0] += 10
lst[-1] *= 3
print(lst)

d = {"k": 1}
d["k"] += 1
d["new"] = d.get("new", 0) + 5
print(d)

x = 17
x //= 3
print(x)
x %= 4
print(x)
x <<= 3
print(x)
x >>= 1
print(x)
x |= 1
x &= 7
x ^= 2
print(x)
s = "ab"
s += "cd"
s *= 2
print(s)
f = 1.5
f /= 2
print(f)
t = (1,)
t += (2,)
print(t)
