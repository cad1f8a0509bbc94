name = "Ada"
n = 3
pi = 3.14159265
print(f"Hello {name}! {n} items, pi={pi:.3f}, {pi:10.2f}|{pi:<10.1f}|{n:+d}|{n:#x}|{n:08.3f}")
print(f"{'left':<10}|{'right':>10}|{'mid':^10}|{name!r}|{name!s}|{n*2}|{[1,2]}|{ {'a': 1} }")
print(f"{1234567.891:,.2f} {0.000123:e} {1e-7} {123456789012345678} {1.0} {100.0/3:g}")
width = 8
print(f"{name:>{width}}|{pi:.{n}f}")
print("%s is %d years and %.1f%%" % ("Bob", 30, 99.5), "%r" % "x", "%5.2f|%-6d|%06d" % (2.5, 42, 7))
print("{:>6}|{:<6}|{:^6}|{:.2%}".format("a", "b", "c", 0.256))
print("a,b,c".split(","), "a b  c".split(" "), "line1\nline2\n".splitlines(), "abc".find("c"), "abc".find("z"))
print("Hello".replace("l", "L"), "hello world".title(), "HELLO".lower(), "hello".capitalize(), "  x ".lstrip() + "|")
print("abc".startswith(("x", "a")), "abc".endswith("bc"), "a-b-c".rsplit("-", 1), "a=b=c".partition("="))
print(str(1/3), str(2.0), str(-0.0), str(1e100), repr(1.1), 3.0 * 2, 0.1 * 3, 1e-5, 123456789.0 * 10, float("inf"), -float("inf"))
print(len("héllo"), "héllo"[1], "héllo".upper(), "日本語"[::-1], ascii("é"), repr("tab\there"), repr("nl\n"))
print("x".join("abc"), "".join(reversed("abc")), "ab" < "b", ord("é"), chr(233))
print(str(True), str(None), int(True), True + True, 5 // 2, -5 // 2, 5 % -3, 2 ** -1, 10 ** 18 * 10)
print(round(0.5), round(1.5), round(1.25, 1), round(1234, -2), round(-2.5), round(7.0), 10 / 4, 3 // 0.5)
s = "The quick brown fox"
words = s.split()
print(len(words), max(words, key=len), sorted(words, key=lambda w: w.lower()), [w[0] for w in words])
print("{0} {1} {0}".format("x", "y"), "{a}-{b}".format(a=1, b=2), "{:*^11}".format("mid"), "{{}}".format())
