# Allocations a program sizes: past the heap cap MemoryError, as CPython (whose allocator fails
# first); huge format precisions print; int/str conversion's 4300-digit limit; time.sleep's range.
# Also inside a thread.
import sys, threading, time

def show(c, f):
    try:
        print(c[:40], "->", repr(f())[:60])
    except Exception as e:
        print(c[:40], "->", type(e).__name__, str(e)[:150])


show("len('%.65536f' % 1.5)", lambda: len('%.65536f' % 1.5))
show("len(format(1.5, '.70000f'))", lambda: len(format(1.5, '.70000f')))
show("len(f'{1.5:.70000e}')", lambda: len(f'{1.5:.70000e}'))
show("f'{1.5:.70000g}'", lambda: f'{1.5:.70000g}')
show("'%.3f' % 1.5", lambda: '%.3f' % 1.5)
show("f'{2.5:.100f}'", lambda: f'{2.5:.100f}')
show("'%.1100f' % 1e-300 == '%.1100f' % 1e-300", lambda: '%.1100f' % 1e-300 == '%.1100f' % 1e-300)
show("'a'.ljust(10**12)", lambda: 'a'.ljust(10**12))
show("'a'.rjust(10**12)", lambda: 'a'.rjust(10**12))
show("'a'.center(10**12)", lambda: 'a'.center(10**12))
show("'x'.zfill(10**12)", lambda: 'x'.zfill(10**12))
show("'a'.ljust(5, '*')", lambda: 'a'.ljust(5, '*'))
show('[0] * 10**12', lambda: [0] * 10**12)
show("'ab' * 10**12", lambda: 'ab' * 10**12)
show('(1,) * 2**62', lambda: (1,) * 2**62)
show('[[0]*10]*10**12', lambda: [[0]*10]*10**12)
show('len(list(range(10**12)))', lambda: len(list(range(10**12))))
show("format(1, '99999999999d')", lambda: format(1, '99999999999d'))
show("'{:99999999999}'.format(1)", lambda: '{:99999999999}'.format(1))
show("'{:999999999999999999999}'.format(1)", lambda: '{:999999999999999999999}'.format(1))
show("','.join(['a'*10**6]*10**6)", lambda: ','.join(['a'*10**6]*10**6))
show('1 << 10**20', lambda: 1 << 10**20)
show('1 << -1', lambda: 1 << -1)
show('(2**100) >> 10**7', lambda: (2**100) >> 10**7)
show('(-2**100) >> 10**7', lambda: (-2**100) >> 10**7)
show('(3**10000 >> 3) % 1000', lambda: (3**10000 >> 3) % 1000)
show('1 ** (10**30)', lambda: 1 ** (10**30))
show('(-1) ** (10**30 + 1)', lambda: (-1) ** (10**30 + 1))
show('len(str(7 ** 5000))', lambda: len(str(7 ** 5000)))
show("int('9' * 5000)", lambda: int('9' * 5000))
show("int('9' * 4300) > 0", lambda: int('9' * 4300) > 0)
show('str(10**5000)', lambda: str(10**5000))
show("'%d' % 10**5000", lambda: '%d' % 10**5000)
show("f'{10**5000}'", lambda: f'{10**5000}')
show('hex(10**5000)[:4]', lambda: hex(10**5000)[:4])
show("f'{10**5000:x}'[:4]", lambda: f'{10**5000:x}'[:4])
show('time.sleep(1e300)', lambda: time.sleep(1e300))
show('time.sleep(10**10)', lambda: time.sleep(10**10))
show("time.sleep(float('nan'))", lambda: time.sleep(float('nan')))
show("time.sleep(float('inf'))", lambda: time.sleep(float('inf')))
show('sys.get_int_max_str_digits()', lambda: sys.get_int_max_str_digits())
show('sys.set_int_max_str_digits(100)', lambda: sys.set_int_max_str_digits(100))
show('sys.set_int_max_str_digits(0) or len(str(10**5000))', lambda: sys.set_int_max_str_digits(0) or len(str(10**5000)))
show('sys.set_int_max_str_digits(maxdigits=700) or sys.get_int_max_str_digits()', lambda: sys.set_int_max_str_digits(maxdigits=700) or sys.get_int_max_str_digits())
show('str(10**800)', lambda: str(10**800))
show('(7**1000) * (11**1000) == 77**1000', lambda: (7**1000) * (11**1000) == 77**1000)
show('3**200000 % 1000007', lambda: 3**200000 % 1000007)
show('(-(5**100000)) * (7**90000) % 1000003', lambda: (-(5**100000)) * (7**90000) % 1000003)

show("bytes(10**12)", lambda: bytes(10**12))
show("bytearray(10**12)", lambda: bytearray(10**12))
show("b.ljust(10**12)", lambda: b"a".ljust(10**12))
show("b.zfill(10**12)", lambda: b"1".zfill(10**12))
show("b * 10**12", lambda: b"ab" * 10**12)


def in_thread():
    show("thread [0] * 10**12", lambda: [0] * 10**12)
    show("thread 'a'.ljust(10**12)", lambda: 'a'.ljust(10**12))
    show("thread '%.65536f'", lambda: len('%.65536f' % 1.5))


t = threading.Thread(target=in_thread)
t.start()
t.join()
