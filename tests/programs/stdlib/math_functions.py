# Source: threadlab stdlib tests: math functions over special values, errors, big-int functions
import math
vals = [0.0, 0.5, -0.5, 1.0, 2.0, 10.0, -3.7, 1e-10, 123.456, 1e300, -1e300, float('inf'), float('-inf'), float('nan'), 3, -2, 10**30]
funcs = ['acos','acosh','asin','asinh','atan','atanh','cbrt','ceil','cos','cosh','degrees','erf','exp','exp2','expm1','fabs','floor','gamma','lgamma','log','log10','log1p','log2','radians','sin','sinh','sqrt','tan','tanh','trunc','isfinite','isinf','isnan','frexp','modf','ulp']
for f in funcs:
    out = []
    for v in vals:
        try:
            out.append(repr(getattr(math, f)(v)))
        except Exception as e:
            out.append(type(e).__name__ + ':' + str(e))
    print(f, ' '.join(out))
for f in ['atan2','copysign','fmod','remainder','pow','hypot','nextafter','log','ldexp']:
    out = []
    for a in [0.0, 1.5, -2.0, 1e308, float('inf')]:
        for b in [0.0, 2.0, -0.5, 3]:
            try:
                if f == 'ldexp': b = int(b)
                out.append(repr(getattr(math, f)(a, b)))
            except Exception as e:
                out.append(type(e).__name__ + ':' + str(e))
    print(f, ' '.join(out))
print(math.factorial(30), math.gcd(12, 18, 30), math.lcm(4, 6, 10), math.isqrt(10**40 + 5), math.comb(50, 20), math.perm(10, 3), math.perm(5))
print(math.fsum([0.1]*10), sum([0.1]*10), math.prod([1, 2, 3, 4]), math.prod([]), math.dist((0, 0), (3, 4)), math.hypot(3, 4, 12))
print(math.isclose(1.0, 1.0 + 1e-10), math.pi, math.e, math.tau, math.inf, math.nan)
for bad in [lambda: math.factorial(-1), lambda: math.factorial(2.5), lambda: math.sqrt("x"), lambda: math.isqrt(-1), lambda: math.comb(-1, 2), lambda: math.log(0), lambda: math.log(10**400), lambda: math.log(10**400, 10), lambda: math.log2(2**2000), lambda: math.exp(1000), lambda: math.ceil(float('inf')), lambda: math.floor(float('nan')), lambda: math.floor(2.5e20)]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
