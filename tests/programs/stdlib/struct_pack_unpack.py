# struct: pack/unpack/calcsize in every byte order, the common codes, Struct, and struct.error
import struct

for fmt in ['@bi', '=bi', '<bi', '>bi', '!bi', '@bq', 'ci', 'il', '<il', 'P', '0i', '@ib', 'bhb', '3s2x?', '10p', 'e', 'hhl', 'Q', '4B']:
    print(fmt, struct.calcsize(fmt))
print(struct.pack('<hHiIqQ', -2, 65535, -7, 4000000000, -2 ** 63, 2 ** 64 - 1))
print(struct.pack('>hHiIqQ', -2, 65535, -7, 4000000000, -2 ** 63, 2 ** 64 - 1))
print(struct.pack('bi', 1, 2), struct.pack('=bi', 1, 2), struct.pack('lL', -1, 1))
print(struct.pack('<fd', 1.5, -0.1), struct.pack('>f', 3.14159), struct.pack('<e', 1.5), struct.pack('<e', 65504.0), struct.pack('<e', 1e-7), struct.pack('<e', -0.0))
print(struct.pack('c3s5s?x', b'A', b'abcdef', b'ab', 7), struct.pack('5p', b'ab'), struct.pack('2p', b'abc'))
print(struct.pack('<3h', 1, 2, 3), struct.pack('< 2i h', 1, 2, 3), struct.pack(b'<I', 1))
print(struct.unpack('<hHiIqQ', struct.pack('<hHiIqQ', -2, 65535, -7, 4000000000, -2 ** 63, 2 ** 64 - 1)))
print(struct.unpack('>fd', struct.pack('>fd', 1.5, -0.1)), struct.unpack('<f', struct.pack('<f', 0.1)))
print(struct.unpack('<eee', struct.pack('<eee', 1.5, 65504.0, 1e-7)))
print(struct.unpack('c3s5s?x', struct.pack('c3s5s?x', b'A', b'abcdef', b'ab', 7)), struct.unpack('5p', b'\x02abcd'))
print(struct.unpack('bi', struct.pack('bi', -1, -2)), struct.unpack('<4B', b'\x01\x02\x03\xff'))
print(struct.unpack_from('<h', b'\x00\x01\x02', 1), struct.unpack_from('<h', b'\x00\x01\x02', offset=-2))
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')))
buf = bytearray(8)
struct.pack_into('<hi', buf, 1, -1, 258)
print(buf)
s = struct.Struct('<2sH')
print(s.size, s.format, s.pack(b'hi', 513), s.unpack(b'hi\x01\x02'), s.unpack_from(b'xxhi\x00\x01', 2))
header = struct.pack('>4sHHI', b'RIFF', 1, 2, 36)
magic, major, minor, length = struct.unpack('>4sHHI', header)
print(magic, major, minor, length, len(header))
cases = [('b', (200,)), ('B', (-1,)), ('h', (70000,)), ('H', (-1,)), ('i', (2 ** 31,)), ('<i', (2 ** 31,)),
         ('I', (-1,)), ('<I', (2 ** 32,)), ('l', (2 ** 63,)), ('<l', (2 ** 31,)), ('q', (2 ** 63,)), ('Q', (-1,)),
         ('<Q', (2 ** 64,)), ('i', ('x',)), ('f', ('x',)), ('c', (b'ab',)), ('s', ('x',)), ('ii', (1,)),
         ('<n', (1,)), ('<b', (200,)), ('<B', (-1,)), ('<H', (-1,)), ('<h', (99999,)), ('<q', (2 ** 63,)), ('>i', (2 ** 31,)),
         ('>b', (200,)), ('>B', (-1,)), ('>H', (-1,)), ('>H', (70000,)), ('!h', (99999,)), ('=h', (99999,)), ('=b', (200,)),
         ('>I', (-1,)), ('<I', (-1,)), ('=I', (-1,)), ('>l', (2 ** 31,)), ('=i', (2 ** 31,)), ('>q', (2 ** 63,)), ('>Q', (-1,)),
         ('>Q', (2 ** 64,)), ('<L', (2 ** 32,)), ('<L', (-1,)), ('@L', (-1,)), ('@H', (2 ** 70,)), ('@h', (-2 ** 70,)), ('>h', (2 ** 70,)),
         ('@i', (2 ** 70,)), ('@I', (2 ** 33,)), ('@I', (2 ** 65,)), ('z', (1,)), ('<e', (1e10,)), ('<f', (1e300,)), ('x', (1,)), ('i', (1.5,)), ('3', ())]
for fmt, args in cases:
    try:
        print(fmt, struct.pack(fmt, *args))
    except (struct.error, OverflowError) as e:
        print(fmt, type(e).__name__, e)
for fmt, data in [('i', b'\x01'), ('<h', b'\x01\x02\x03'), ('ii', b'')]:
    try:
        struct.unpack(fmt, data)
    except struct.error as e:
        print(fmt, e)
for f in [lambda: struct.unpack_from('i', b'ab', 1), lambda: struct.iter_unpack('i', b'abc'), lambda: struct.pack_into('<i', bytearray(5), 2, 1)]:
    try:
        f()
    except struct.error as e:
        print(e)
print(struct.error, struct.error.__mro__, issubclass(struct.error, Exception))
