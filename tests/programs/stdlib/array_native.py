# array: the rest of CPython's array.array: deletion, extended slices, search, byte order,
# in-place operators on itself, comparisons across typecodes, copies, subclasses, and errors
import array
import copy

print(array.typecodes, array.ArrayType is array.array)
a = array.array('d', [1.0, 2.5, -3.0, 4.0, 2.5])
print(a, len(a), a.typecode, a.itemsize, list(a), 2.5 in a, 7 in a)
print(a.count(2.5), a.index(2.5), a.index(2.5, 2), a.index(2.5, -1), a.index(4.0, 0, 4))
del a[0]
print(a)
del a[::2]
print(a)
a.extend([7, 8.5, 9])
a[::2] = array.array('d', [0.0, 0.5, 1.0])
print(a, a[::-2], a[1:100], a[-100:2], a[5:1])
a.insert(0, 11)
a.insert(-1, 12)
a.insert(100, 13)
a.insert(-100, 14)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(11.0)
a.reverse()
print(a)
a += a
print(a)
a[:] = a
a *= 2
print(len(a), a[:3])
a[1:3] = array.array('d')
print(len(a))
a *= 0
print(a, repr(a), bool(a))

i = array.array('i', range(5))
j = array.array('l', range(5))
print(i == j, i != j, i < j, i <= j, i > j, i >= j, i == [0, 1, 2, 3, 4])
print(array.array('h', [1, 2]) < array.array('h', [1, 2, 0]), array.array('B', [3]) > array.array('b', [2, 9]))
print(array.array('d', [float('nan')]) == array.array('d', [float('nan')]))

f = array.array('f', [1.5, 2.25])
f.fromlist([3, 4.5])
print(f, f.tolist(), f.tobytes())
g = array.array('h', [1, 256, -2])
g.byteswap()
print(g, g.tobytes())
g.frombytes(b'\x01\x00')
g.frombytes(bytearray(b'\x00\x01'))
print(g)
q = array.array('Q', [2 ** 64 - 1, 0])
q.byteswap()
print(q, array.array('Q', [2 ** 64 - 1]) * 2, 3 * array.array('b', [-1]))
addr, n = q.buffer_info()
print(type(addr).__name__, n)

u = array.array('u', 'héllo')
u.append('!')
u.fromunicode(' ok')
print(u, u.tounicode(), u[1], u.index('l'), array.array('u'), len(u.tobytes()))

c = array.array('i', [3, 1, 2])
d = copy.copy(c)
e = copy.deepcopy(c)
c[0] = 99
print(c, d, e, d is c, type(d).__name__)
print(array.array('i', c), array.array('d', c), array.array('b', b'\x01\xff'))
it = iter(array.array('b', [5, 6]))
print(next(it), next(it), list(it))
print(sorted(array.array('i', [3, 1, 2])), sum(array.array('d', [0.5, 0.25])), max(array.array('H', [4, 9])))


class Samples(array.array):
    def mean(self):
        return sum(self) / len(self)


s = Samples('d', [1.0, 2.0, 6.0])
print(s, s.mean(), type(s[:2]).__name__, isinstance(s, array.array), s == array.array('d', [1, 2, 6]))


def err(f):
    try:
        f()
    except Exception as x:
        print(type(x).__name__, x)


err(lambda: array.array())
err(lambda: array.array('i', [], 3))
err(lambda: array.array('ii'))
err(lambda: array.array(5))
err(lambda: array.array('x'))
err(lambda: array.array('d', 'abc'))
err(lambda: array.array('b', array.array('u', 'a')))
err(lambda: array.array('i', [1])['a'])
err(lambda: array.array('i', [1]).__setitem__(5, 1))
err(lambda: array.array('i', [1]).__delitem__(5))
err(lambda: array.array('i', [1]).__setitem__(slice(0, 1), [1]))
err(lambda: array.array('i', [1, 2, 3]).__setitem__(slice(0, 3, 2), array.array('i', [1])))
err(lambda: array.array('i', [1]).__setitem__(slice(0, 1), array.array('l', [1])))
err(lambda: array.array('i', [1]) + array.array('d', [1]))
err(lambda: array.array('i', [1]).__iadd__([1]))
err(lambda: array.array('i', [1]) * 'x')
err(lambda: array.array('i').pop())
err(lambda: array.array('i', [1]).pop(3))
err(lambda: array.array('i', [1]).fromlist((1,)))
err(lambda: array.array('i', [1]).fromlist([1, 'a']))
err(lambda: array.array('i', [1]).tounicode())
err(lambda: array.array('i', [1]).fromunicode('a'))
err(lambda: array.array('u', 'a').append('ab'))
err(lambda: array.array('u', 'a').append(1))
err(lambda: array.array('d').append(2 ** 2000))
err(lambda: array.array('B', [256]))
err(lambda: array.array('I').append(-1))
err(lambda: array.array('i').frombytes('ab'))
err(lambda: array.array('h').frombytes(b'abc'))
x = array.array('i', [1, 2])
err(lambda: x.extend([3, 'no']))
print(x)
