# try/except/else/finally: which blocks run, in which order.
def attempt(x):
    try:
        print("try", x)
        result = 10 / x
    except ZeroDivisionError:
        print("except ZeroDivisionError")
        result = None
    else:
        print("else", result)
    finally:
        print("finally")
    return result

print(attempt(2))
print(attempt(0))

try:
    [][1]
except (KeyError, IndexError) as e:
    print("caught", type(e).__name__, e)

try:
    {}["missing"]
except LookupError as e:
    print("LookupError catches", type(e).__name__, repr(e), e.args)

try:
    int("abc")
except ValueError as e:
    print("ValueError:", e)

try:
    undefined_name
except NameError as e:
    print("NameError:", e)

try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)

try:
    None.attr
except AttributeError as e:
    print("AttributeError:", e)

try:
    raise Exception("generic", 42)
except Exception as e:
    print(e.args, str(e), repr(e))

try:
    try:
        raise ValueError("inner")
    finally:
        print("inner finally runs during propagation")
except ValueError as e:
    print("outer caught", e)

try:
    pass
except Exception:
    print("never")
else:
    print("no exception: else")

for i in range(3):
    try:
        if i == 1:
            continue
        print("loop body", i)
    finally:
        print("loop finally", i)

try:
    raise KeyError("k")
except KeyError as e:
    print(str(e), e.args[0])

try:
    1 / 0
except:
    print("bare except")

e = "still defined?"
try:
    raise ValueError("x")
except ValueError as e:
    pass
try:
    print(e)
except NameError:
    print("except target is deleted after the handler")
