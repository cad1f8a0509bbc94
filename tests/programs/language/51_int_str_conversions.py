# Conversions between ints, floats and strings, and their error messages.
print(int("42"), int("-0"), int("+7"), int("1_000"), int("0x1F", 16), int("z", 36), int("11", 2))
print(float("1.5e3"), float("-.5"), float("inf"), float("1_0.5"), str(1.5e3), str(10 ** 3))
print(str(2 ** 64), int(str(2 ** 64)) == 2 ** 64, int("9" * 30) + 1)
print((255).bit_length(), (-1).bit_length(), (0).bit_length())
for bad in ["", "abc", "1.5", "12a", " "]:
    try:
        int(bad)
    except ValueError as e:
        print(e)
for bad in ["x", "1.2.3", ""]:
    try:
        float(bad)
    except ValueError as e:
        print(e)
try:
    int("8", 8)
except ValueError as e:
    print(e)
try:
    int(None)
except TypeError as e:
    print(e)
print(int(1e10), int(-2.999), float(True), str(False), int(False))
print(repr(str(1)), repr(str(1.0)), repr(str("s")))
