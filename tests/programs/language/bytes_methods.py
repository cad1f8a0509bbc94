# bytes methods (shared with bytearray): search, split/join, strip, case, predicates, hex
s = b'  Hello, World! Hello!  '
print(s.strip(), s.lstrip(), s.rstrip(), b'xxhixx'.strip(b'x'), b'abcba'.strip(b'ab'))
print(s.find(b'Hello'), s.find(b'Hello', 5), s.rfind(b'Hello'), s.find(b'nope'), s.find(72), s.find(b''), s.find(b'', 100))
print(s.index(b'World'), s.rindex(b'l'), s.count(b'l'), s.count(b'Hello'), s.count(b''), b'aaaa'.count(b'aa'), s.count(108, 0, 10))
print(s.startswith(b'  H'), s.endswith(b'!  '), s.startswith((b'x', b' ')), b'abc'.startswith(b'b', 1), b'abc'.endswith(b'b', 0, 2))
print(b'a,b,,c'.split(b','), b'a b  c\n'.split(), b'a,b,c'.split(b',', 1), b'  a  b  '.split(None, 1), b''.split(), b''.split(b','))
print(b'a,b,c'.rsplit(b',', 1), b' a b c '.rsplit(None, 1), b'a\nb\r\nc\rd'.splitlines(), b'a\nb\n'.splitlines(True))
print(b'-'.join([b'a', b'b', bytearray(b'c')]), b''.join([]), b', '.join(x for x in [b'1', b'2']))
print(b'aXbXc'.replace(b'X', b'--'), b'aaa'.replace(b'a', b'b', 2), b'abc'.replace(b'', b'.'), b'abc'.replace(b'', b'-', 2))
print(b'MiXeD 1x'.upper(), b'MiXeD'.lower(), b'MiXeD'.swapcase(), b'hello world'.title(), b'hELLO'.capitalize())
print(b'123'.isdigit(), b'12a'.isdigit(), b''.isdigit(), b'abc'.isalpha(), b'ab1'.isalnum(), b' \t\n'.isspace(), b'ABC'.isupper(), b'abc1'.islower(), b'\x80'.isascii(), b'Title Case'.istitle())
print(b'key=value=x'.partition(b'='), b'key=value=x'.rpartition(b'='), b'none'.partition(b'='), b'none'.rpartition(b'='))
print(b'prefix_body'.removeprefix(b'prefix_'), b'body.txt'.removesuffix(b'.txt'), b'x'.removeprefix(b'y'))
print(b'ab'.ljust(5), b'ab'.rjust(5, b'*'), b'ab'.center(7, b'-'), b'abc'.center(6), b'42'.zfill(5), b'-42'.zfill(5), b'tab\there'.expandtabs(4))
print(b'\xde\xad\xbe\xef'.hex(), b'\x01\x02\x03'.hex('-'), b'\x01\x02\x03\x04\x05'.hex(':', 2), b'\x01\x02\x03\x04\x05'.hex(' ', -2), b''.hex())
print(bytes.fromhex('deadbeef'), bytes.fromhex('de ad  be ef'), bytearray.fromhex('00ff'))
print(b'hello'.decode(), b'caf\xc3\xa9'.decode('utf-8'), b'abc'.decode('ascii'), b'\xe9'.decode('latin-1'))
print(b'abc'.translate(None, b'b'), b'abc'.translate(bytes(range(256))[::-1]))
errs = [
    lambda: s.index(b'zzz'),
    lambda: s.find('H'),
    lambda: s.split(','),
    lambda: s.split(b''),
    lambda: b'-'.join([b'a', 'b']),
    lambda: b'-'.join([1]),
    lambda: s.strip('x'),
    lambda: s.startswith('x'),
    lambda: s.replace('a', 'b'),
    lambda: bytes.fromhex('zz'),
    lambda: bytes.fromhex('abc'),
    lambda: s.partition(b''),
    lambda: b'a'.center(5, 'x'),
    lambda: b'a'.ljust(3, b'xy'),
]
for e in errs:
    try:
        print('ok', e())
    except Exception as ex:
        print(type(ex).__name__, ex)
