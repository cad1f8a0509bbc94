# Float repr, arithmetic, round and division.
print(0.1 + 0.2)
print(1.0, 0.5, 1e16, 1e15, 1.5e-5, 0.0001, 123456789.0)
print(-0.0, 1 / 3, 2 / 3, 10 / 2, 7 / 2)
print(1e300 * 1e10, -1e300 * 1e10)
print(float("inf"), float("-inf"), float("nan"))
print(float("3.25"), float(" 2 "), float(7), float("1e3"))
print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(2.675, 2))
print(round(1234.5678, -2), round(7), round(7.0), round(3.14159, 3))
print(3 // 2.0, -3 // 2.0, 3 % 2.5, -3 % 2.5, 2 ** 0.5, 2.0 ** 3)
print(abs(-2.5), max(1.5, 2), min(1, 0.5), sum([0.1] * 10))
print(1e16 + 1, 2 ** 53 + 1.0, 1.2345678901234567e20)
print(5e-324, 1.7976931348623157e308, 2.2250738585072014e-308)
print(100.0 / 3, 1 / 7, 22 / 7)
print(int(2.5), int(-0.5), 0.1 * 3, 4.35 * 100)
print(1.0 == 1, 0.1 + 0.2 == 0.3, 1.5 < 2, float("nan") == float("nan"))
print(str(1.0), repr(0.1), str(1e-7), 1e22, 1e21, 12345678901234567890.0)
print(divmod(7.5, 2), divmod(-7.5, 2))
print((1.5).is_integer(), (2.0).is_integer())
x = 0.0
for _ in range(10):
    x += 0.1
print(x, round(x, 10))
