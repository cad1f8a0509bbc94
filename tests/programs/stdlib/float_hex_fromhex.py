# Python docs: float.hex() and float.fromhex(), exact round trips, rounding and errors
for x in [1.5, 0.1, -0.0, 0.0, 5e-324, 2.2250738585072014e-308, 1e308, float('inf'), float('-inf'), float('nan'), 3.0, -123.456]:
    h = x.hex(); print(h, float.fromhex(h))
for s in ['0x1.8p1', '  -0X1P-2 ', '1', '0x.8', 'ff.8', '0x1.fffffffffffff8p0', '0x1.00000000000008p0', '0x1.00000000000018p0', '0x1p-1075', '0x1.1p-1075', '0x1p-1074', 'inf', '-Infinity', 'nan', '0x1p1023']:
    print(repr(s), float.fromhex(s))
for s in ['0x1p1024', 'x', '0x', '0x1p', '1.2.3', '']:
    try:
        print(float.fromhex(s))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
class F(float): pass
print(type(F.fromhex('0x1p3')).__name__, F.fromhex('0x1p3'))
