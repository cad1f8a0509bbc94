# f-strings with format specs, conversions, nested specs and the = form.
pi = 3.14159265
name = "threads"
n = 1234567
print(f"{pi:.2f} {pi:.0f} {pi:8.3f}|{pi:<8.2f}|{pi:^10.4f}|{pi:08.3f}")
print(f"[{name:>8}] [{name:<8}] [{name:^9}] [{name:*^11}] [{name:.3}]")
print(f"{n:,} {n:_} {n:>12,} {n:012,} {-n:,}")
print(f"{255:x} {255:X} {255:#x} {255:o} {255:#b} {5:08b} {65:c}")
print(f"{0.25:%} {0.256:.1%} {1e-7:e} {123456.789:.3e} {0.000123:g} {1e20:g}")
print(f"{name!r} {name!s} {pi!r} {[1, 'a']!r}")
w = 10
p = 3
print(f"|{pi:{w}.{p}f}|{name:>{w}}|")
print(f"{n=} {pi=:.2f} {name = }")
print(f"{'nested'} {1 + 2} {[x * 2 for x in range(3)]} {len(name)}")
print(f"{{literal braces}} {n}")
print(f"{True} {None} {3.0} {-0.0} {2**70}")
print(f"{42:+d} {42: d} {-42:+d} {3.5:+.1f}")
d = {"k": "v"}
print(f"{d['k']} {d}")
print(f"{'left':<10}|{'right':>10}|")
items = [("apple", 1.5), ("kiwi", 12.25)]
for label, price in items:
    print(f"{label:<8}{price:>8.2f}")
print(f"{1000000.0:,.2f} {-1234.5:,.1f} {12:5d}|{12:<5d}|{-12:05d}")
print(f"{3:3}|{'ab':3}|{True:>6}|{None!s:>6}|")
print(f"{1e16} {1.5:g} {100:e} {0.1:.20f}")
print(f"{'multi' 'part'} " f"{n}")
