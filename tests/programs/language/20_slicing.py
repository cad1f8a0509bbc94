# Indexing and slicing: negative indices, steps, slice assignment and deletion.
a = list(range(10))
print(a[0], a[-1], a[-3], a[2:5], a[:3], a[7:], a[:], a[-3:], a[:-7])
print(a[::2], a[1::3], a[::-1], a[8:2:-2], a[-1:-4:-1], a[100:], a[-100:2])
s = "abcdefg"
print(s[1:-1], s[::-3], s[5:1:-1], s[:0], s[3:3])
t = (0, 1, 2, 3)
print(t[1:3], t[::-1])
a[2:4] = ["x", "y", "z"]
print(a)
a[:3] = []
print(a)
a[::2] = [0] * len(a[::2])
print(a)
del a[1]
del a[-2:]
print(a)
del a[::2]
print(a)
b = [1, 2, 3]
b[len(b):] = [4, 5]
print(b)
print("hello"[1:100], [1, 2][5:], len("x"[1:]))
r = range(10)
print(r[2:8:2], list(r[::-3]))
