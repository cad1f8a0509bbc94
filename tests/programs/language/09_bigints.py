# Arbitrary-precision integers and integer arithmetic.
print(2 ** 100)
print(2 ** 64 - 1, -(2 ** 63))
def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result
print(factorial(50))
print(factorial(25) // factorial(23))
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(divmod(17, 5), divmod(-17, 5), divmod(2 ** 70, 3))
print(int("123") + 1, int("-42"), int("  7  "), int("ff", 16), int("0b101", 0), int("777", 8))
print(hex(255), hex(-255), oct(8), bin(10), hex(2 ** 70))
print(abs(-5), abs(-(2 ** 80)))
print(pow(2, 10), pow(3, 100, 7), pow(2, -1))
print(10 ** 20 + 1, (10 ** 20) * (10 ** 20))
big = 123456789012345678901234567890
print(big % 97, big // 10 ** 10, -big // 7)
print(1 << 70, (1 << 70) >> 65, 0xFF & 0x0F, 0xF0 | 0x0F, 6 ^ 3, ~5)
print(2 ** 63 == 9223372036854775808, 2 ** 63 > 2 ** 62)
print(int(3.99), int(-3.99), int(True), round(2 ** 70 / 3) > 0)
print(1_000_000, 0x_ff, 0o17, 0b1010)
print(len(str(2 ** 1000)))
print(sum(range(101)), max(2 ** 65, 3), min(-2 ** 65, 0))
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(3037000500 * 3037000500)
print(abs(-9223372036854775808), -(-9223372036854775808))
print(int(1e20), float(2 ** 60))
