# closures, nonlocal, defaults, kwargs
def make_counter():
    n = 0
    def inc(by=1):
        nonlocal n
        n += by
        return n
    return inc
c = make_counter()
print(c(), c(), c(5))
def f(a, b=2, *args, c=3, **kw):
    return (a, b, args, c, kw)
print(f(1))
print(f(1, 5, 6, 7, c=9, z=1))
print(f(*[1, 2, 3], **{"c": 4, "d": 5}))
g = lambda x, y=10: x * y
print(g(3), g(3, 4))
print([x * x for x in range(5) if x % 2 == 0])
print({k: v for k, v in zip("abc", range(3))})
print({x % 3 for x in range(10)})
print(sum(x for x in range(101)))
a, *b, c = [1, 2, 3, 4, 5]
print(a, b, c)
(x, y), z = (1, 2), 3
print(x, y, z)
s = "Hello, World"
print(s[::-1], s[1:5], s[-3:], s.upper(), s.lower(), s.split(", "))
print("-".join(["a", "b", "c"]), "  pad ".strip(), "x".center(7, "*"), "42".zfill(5))
print("%d items at %.2f each, %s" % (3, 1.5, "ok"), "%5s|%-5s|" % ("a", "b"))
print("{} and {}".format(1, 2), "{0}{1}{0}".format("a", "b"), "{name}!".format(name="x"))
print(round(2.5), round(3.5), round(2.675, 2), round(-0.5), abs(-3), divmod(7, -2), 7 // -2, -7 % 3)
print(int("42"), int("  -7 "), float("3.25"), int(3.9), int("ff", 16), bool(""), str(12.0))
print(1e16, 1.5e-5, 0.1 + 0.2, 1/3, 2**0.5, 10/2, 7/2)
print(sorted([3, 1, 2], reverse=True), sorted(["b", "A", "c"], key=str.lower))
print(max([1, 5, 3]), min(4, 2, 8), max("abc", key=ord), max([], default=0))
print(list(enumerate("ab", 1)), list(zip([1, 2], "xy")), list(map(str, [1, 2])), list(filter(None, [0, 1, 2])))
print(isinstance(True, int), isinstance(3, (str, float)), issubclass(bool, int), type(3).__name__, type("x") is str)
print(hex(255), bin(5), oct(8), chr(65), ord("a"), hash(1), hash((1, 2)) == hash((1, 2)))
print(any([0, 0, 1]), all([1, 2, 0]), callable(len), callable(3))
print(list(reversed([1, 2, 3])), list(range(10, 0, -3)), range(5), repr("it's"), repr('a"b'))
