# array: typecodes, conversions, list-like methods, operators, and the range errors
import array

a = array.array('i', [1, 2, 3])
print(a, repr(array.array('d')), str(a), len(a), a[0], a[-1], a[1:], a[::-1], a * 2, 2 * a, a + a)
print(a.itemsize, a.typecode, a.tolist(), a.tobytes(), list(a), 2 in a, 7 in a, a.count(2), a.index(3))
a.append(4)
a.extend([5, 6])
a.extend(array.array('i', [7]))
a.insert(0, 0)
print(a, a.pop(), a.pop(0), a)
a.remove(3)
a.reverse()
print(a)
a[0] = 100
a[1:3] = array.array('i', [8, 9, 10])
del a[-1]
print(a)
a += array.array('i', [11])
a *= 2
print(a, a == array.array('i', a.tolist()), a != a, array.array('i', [1, 2]) < array.array('i', [1, 3]))
for tc in 'bBhHiIlLqQfd':
    x = array.array(tc, [1, 2])
    print(tc, x.itemsize, x.tobytes(), array.array(tc, x.tobytes()), x == array.array('d', [1, 2]))
f = array.array('f', [0.1, 1.5])
print(f, array.array('d', [0.1]), f.tolist())
u = array.array('u', 'hello')
print(u, u.tounicode(), u[1], u.tobytes()[:8])
b = array.array('B', b'\x01\x02\xff')
print(b, b.tobytes(), bytes(b.tobytes()))
h = array.array('h', [1, 256])
h.byteswap()
print(h)
d = array.array('d')
d.frombytes(array.array('d', [1.5, -2.0]).tobytes())
d.fromlist([3.0])
print(d, sum(d), max(d), sorted(array.array('i', [3, 1, 2])))
raytrace_like = array.array('B', [0] * 12)
raytrace_like[3] = 255
print(raytrace_like, len(raytrace_like.tobytes()))
for tc in 'bBhHiIlLqQ':
    for v in (2 ** 64, -2 ** 64, 300, -300, 70000, -70000, 2 ** 33, -2 ** 33):
        try:
            array.array(tc, [v])
        except OverflowError as e:
            print(tc, v, e)
errs = [
    lambda: array.array('i', [1.5]),
    lambda: array.array('d', ['x']),
    lambda: array.array('z'),
    lambda: array.array('i', [1]) + [1],
    lambda: array.array('i', [1]).extend(array.array('d')),
    lambda: array.array('i', [1]) + array.array('d'),
    lambda: array.array('i')[0],
    lambda: array.array('i', [1]).index(5),
    lambda: array.array('i', [1]).remove(5),
    lambda: array.array('i').pop(),
    lambda: array.array('i', b'abc'),
    lambda: array.array('b', 'ab'),
    lambda: array.array('i', [1]).__setitem__(0, 'x'),
]
for e in errs:
    try:
        print(e())
    except Exception as ex:
        print(type(ex).__name__, ex)
x = array.array('i', [1, 2, 3])
try:
    x[0:1] = [1]
except TypeError as e:
    print('TypeError', e)
