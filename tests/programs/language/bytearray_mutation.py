# bytearray: mutation, in-place operators, slices, methods returning bytearray, threads
import threading
ba = bytearray(b'hello')
print(ba, len(ba), ba[0], ba[-1], ba[1:3], repr(ba), str(ba), bytearray(), bytearray(3), bytearray([1, 2]))
ba.append(33)
ba.extend(b' world')
ba.extend([65, 66])
ba.extend(bytearray(b'C'))
print(ba)
print(ba.pop(), ba.pop(0), ba)
ba.insert(0, 72)
ba.insert(100, 46)
ba.remove(ord('o'))
print(ba)
ba[0] = 104
ba[1:3] = b'EE'
print(ba)
ba[1:3] = b''
print(ba)
ba[0:0] = [1, 2, 3]
print(ba)
ba[::2] = bytes(len(ba[::2]))
print(ba)
del ba[0]
del ba[:2]
del ba[::3]
print(ba)
ba += b'+more'
ba += bytearray(b'!')
print(ba)
b2 = bytearray(b'ab')
b2 *= 3
alias = b2
alias += b'c'
print(b2, alias is b2, b2 * 2, b2 + b'x', type(b2 + b'x').__name__, type(b'x' + b2).__name__)
print(b2.upper(), type(b2.upper()).__name__, b2.split(b'b'), b2.strip(b'a'), b2.replace(b'a', b'A'), b2.decode())
c = b2.copy()
c.reverse()
c.clear()
print(c, b2, b2 == b'abababc', b2 == bytearray(b'abababc'), bytes(b2))
print(bytearray(b'x') in [b'x'], b'x' == bytearray(b'x'))
errs = [
    lambda: ba.append(256),
    lambda: ba.append('a'),
    lambda: bytearray().pop(),
    lambda: ba.pop(99),
    lambda: ba.remove(250),
    lambda: ba.__setitem__(99, 1),
    lambda: ba.__setitem__(0, 300),
    lambda: ba.__setitem__(slice(0, 1), 5),
    lambda: ba.__setitem__(slice(None, None, 2), b'x'),
    lambda: ba.extend(5),
    lambda: ba.extend('ab'),
    lambda: ba[1000],
    lambda: bytearray([256]),
    lambda: bytearray(b'a') + 'x',
    lambda: {bytearray(b'a'): 1},
]
for e in errs:
    try:
        print('ok', e())
    except Exception as ex:
        print(type(ex).__name__, ex)
# Threads appending to one bytearray: each append is atomic, so none is lost.
shared = bytearray()
def worker(n):
    for _ in range(500):
        shared.append(n)
ts = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(shared), sorted(set(shared)), [shared.count(i) for i in range(4)])
