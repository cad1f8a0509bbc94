# str.encode / bytes.decode: utf-8, ascii, latin-1; error handlers and the Unicode errors
text = 'Grüße, 世界! 😀'
for enc in ['utf-8', 'UTF8', 'utf_8']:
    print(enc, text.encode(enc), text.encode(enc).decode(enc) == text)
print('abc'.encode(), 'abc'.encode('ascii'), 'é'.encode('latin-1'), 'é'.encode('iso-8859-1'))
for errors in ['ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace']:
    print(errors, text.encode('ascii', errors), text.encode('latin-1', errors=errors))
bad = b'ok \xff\xfe end \xe4\xb8 \xc3'
for errors in ['ignore', 'replace', 'backslashreplace']:
    print(errors, bad.decode('utf-8', errors), bad.decode('ascii', errors))
print(bytes('x€', 'utf-8', 'strict'), bytearray('€', 'utf-8'))
cases = [
    lambda: 'é'.encode('ascii'),
    lambda: 'aé€z'.encode('ascii'),
    lambda: '€'.encode('latin-1'),
    lambda: 'a😀'.encode('latin-1'),
    lambda: b'\xff'.decode(),
    lambda: b'ab\xe4\xb8'.decode('utf-8'),
    lambda: b'\xe4\xb8x'.decode(),
    lambda: b'\x80abc'.decode('ascii'),
    lambda: b'\xc0\xaf'.decode(),
    lambda: 'x'.encode('no-such-codec'),
    lambda: b'x'.decode('nope'),
    lambda: 'x'.encode(1),
    lambda: 'é'.encode('ascii', 'bogus'),
]
for c in cases:
    try:
        print('ok', c())
    except UnicodeError as e:
        print(type(e).__name__, e, '|', e.encoding, e.start, e.end, e.reason, repr(e.object))
        print(isinstance(e, ValueError), e.args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    b'\xff'.decode()
except UnicodeDecodeError:
    print('caught as UnicodeDecodeError')
b'\xff\xfe'.decode('utf-8')
