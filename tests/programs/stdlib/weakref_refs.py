# weakref: ref to instances, functions, classes and sets; dead references; the weak containers
import weakref
import gc


class Node:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return 'Node(%r)' % self.name


a = Node('a')
r = weakref.ref(a)
print(r() is a, r(), weakref.getweakrefcount(a), type(r).__name__, isinstance(r, weakref.ReferenceType))
del a
gc.collect()
print(r(), r() is None)


def f():
    return 42


rf = weakref.ref(f)
print(rf()(), weakref.ref(Node)().__name__, weakref.ref({1, 2})() is None)
for bad in [1, 'text', [1], {'k': 1}, (1,), None]:
    try:
        weakref.ref(bad)
    except TypeError as e:
        print('TypeError', e)

cache = weakref.WeakValueDictionary()
x, y = Node('x'), Node('y')
cache['x'] = x
cache['y'] = y
print(len(cache), sorted(cache.keys()), cache['x'], 'x' in cache, cache.get('zz', 'missing'))
del x
gc.collect()
print(len(cache), list(cache), 'x' in cache, cache.get('x'), [v.name for v in cache.values()])
try:
    cache['x']
except KeyError as e:
    print('KeyError', e)

meta = weakref.WeakKeyDictionary()
k1, k2 = Node('k1'), Node('k2')
meta[k1] = 'one'
meta[k2] = 'two'
print(len(meta), meta[k1], k2 in meta, sorted(v for v in meta.values()))
del k2
gc.collect()
print(len(meta), [k.name for k in meta], meta.get(k1))

ws = weakref.WeakSet()
n1, n2 = Node('n1'), Node('n2')
ws.add(n1)
ws.add(n2)
print(len(ws), n1 in ws)
del n1
gc.collect()
print(len(ws), [n.name for n in ws])
