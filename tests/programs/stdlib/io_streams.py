# io.StringIO / io.BytesIO, print(file=...), and contextlib.redirect_stdout with print
import io
import sys
from contextlib import redirect_stdout

s = io.StringIO()
print(s.write('hello\n'), s.write('world\n'), s.tell())
print('printed', 42, sep='-', file=s)
print(repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()), repr(s.read(3)), repr(s.read()), repr(s.read()))
s.seek(0)
print([line for line in s])
s.seek(0)
print(s.readlines())
s.seek(6)
s.write('WORLD')
print(repr(s.getvalue()), s.tell())
s.seek(0, 2)
print(s.tell(), s.truncate(5), repr(s.getvalue()))
t = io.StringIO('one\ntwo\nthree')
print(t.tell(), t.readline(), t.readlines(), t.readable(), t.writable(), t.seekable())
with io.StringIO() as f:
    f.writelines(['a', 'b', 'c'])
    print(f.getvalue(), f.closed)
print(f.closed)
for bad in [lambda: f.getvalue(), lambda: f.write('x'), lambda: io.StringIO().write(5), lambda: io.StringIO(3), lambda: io.StringIO().seek(-1), lambda: io.StringIO('ab').seek(1, 1)]:
    try:
        bad()
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__, e)

b = io.BytesIO(b'abc')
print(b.read(), b.tell(), b.write(b'def'), b.getvalue(), b.seek(-2, 2), b.read(), b.seek(1), b.read(1))
b = io.BytesIO()
b.write(b'line1\nline2\n')
b.write(bytearray(b'tail'))
b.seek(0)
print(list(b), b.getvalue())
try:
    b.write('text')
except TypeError as e:
    print('TypeError', e)

buf = io.StringIO()
with redirect_stdout(buf):
    print('captured line')
    print('second', end='!')
    sys.stdout.write(' via write\n')
print('back on stdout')
print(repr(buf.getvalue()))

old = sys.stdout
sys.stdout = io.StringIO()
print('into a StringIO')
captured = sys.stdout.getvalue()
sys.stdout = old
print('restored:', repr(captured))
print(isinstance(s, io.TextIOBase), isinstance(b, io.BufferedIOBase), isinstance(s, io.IOBase), io.SEEK_END)
f = io.StringIO()
f.close()
g = io.BytesIO()
g.close()
for m in [f.read, f.tell, f.readline, lambda: f.seek(0), f.__enter__, lambda: iter(f), lambda: next(f), f.readable, lambda: f.write('x'), g.read, g.getvalue, lambda: g.write(b'x')]:
    try:
        m()
    except ValueError as e:
        print(e)
