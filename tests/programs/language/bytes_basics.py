# bytes literals, repr, indexing, slicing, operators, hashing, constructors
a = b'hello'
print(a, type(a), len(a), repr(a), str(a))
print(b'\x00a\\', b"it's", b'say "hi"', b'both \' and "', b'\t\n\r\x7f\x80\xff')
print(rb'\x00\n', Rb'raw\d', b'\777', b'\u1234', b'\N{DASH}', b'oct\101\0')
print(b'con' b'cat', b'multi'
      b'line')
print(b'''triple
quoted''')
print(a[0], a[-1], a[1:3], a[::-1], a[::2], a[10:], a[:])
print(a + b' world', a * 2, 3 * b'ab', b'' * 5, a + bytearray(b'!'))
print(b'ell' in a, 104 in a, 0 in a, b'' in a, bytearray(b'lo') in a)
print(a == b'hello', a != b'hello', a == 'hello', a < b'help', b'abc' <= b'abd', b'b' > b'abc', b'' < b'\x00')
print(a == bytearray(b'hello'), bytearray(b'a') < b'b')
print(hash(a) == hash(b'hello'), {a: 1}[b'hello'], len({b'x', b'x', b'y'}))
print(list(a), [c for c in b'AB'], tuple(b'\x01\x02'), sorted(b'cab'), max(b'xyz'), sum(b'\x01\x02\x03'))
print(bool(b''), bool(b'\x00'), not b'')
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes(b'copy'), bytes(bytearray(b'ba')))
print(bytes('héllo', 'utf-8'), bytes('abc', encoding='ascii'), bytes((1, 2)), bytes(iter([9])))
print(f'{a}', f'{a!r}', '%s' % a, '%r' % b'x', str(b'q'), format(b'f'), [b'in list'], (b'k', b"v"))
print(isinstance(a, bytes), isinstance(a, bytearray), type(a) is bytes, bytes is type(b''))
x, y = b'xy'
print(x, y)
for c in b'hi':
    print(c, chr(c))
print(b'%s and %d and %5.2f and %x and %b' % (b'bytes', 42, 3.14159, 255, b'B'))
print(b'%s' % b'one', b'100%%')
print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, byteorder='little'), (255).to_bytes(), (-1).to_bytes(2, 'big', signed=True))
print((0).to_bytes(0, 'big'), (2**70).to_bytes(9, 'big'), (-129).to_bytes(2, 'little', signed=True))
print(int.from_bytes(b'\x04\x00', 'big'), int.from_bytes(b'\x04\x00', 'little'), int.from_bytes(b'\xff\xff', 'big', signed=True))
print(int.from_bytes([1, 0], 'big'), int.from_bytes(b'', 'big'), int.from_bytes(b'\x01' * 12, 'little'))
tests = [
    lambda: b'a' + 'b',
    lambda: 'a' + b'b',
    lambda: b'abc'[3],
    lambda: b'abc'[str(1)],
    lambda: b'abc' < 'abd',
    lambda: 'x' in b'abc',
    lambda: 300 in b'abc',
    lambda: bytes(-1),
    lambda: bytes([256]),
    lambda: bytes(['a']),
    lambda: bytes('abc'),
    lambda: bytes(1.5),
    lambda: bytes(b'x', 'utf-8'),
    lambda: {b'x': 1}[bytearray(b'x')],
    lambda: hash(bytearray(b'x')),
    lambda: b'x' * 'y',
    lambda: b'abc'.__setitem__,
    lambda: (256).to_bytes(1, 'big'),
    lambda: (-1).to_bytes(1, 'big'),
    lambda: (1).to_bytes(1, 'middle'),
    lambda: b'x' - b'y',
]
for t in tests:
    try:
        print('ok', t())
    except Exception as e:
        print(type(e).__name__, e)
try:
    b = b'abc'
    b[0] = 1
except TypeError as e:
    print('TypeError', e)
try:
    del b'abc'[0]
except TypeError as e:
    print('TypeError', e)
