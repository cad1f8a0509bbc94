# Exceptions crossing function frames, hierarchy matching and handler order.
def level3(x):
    return 100 // x

def level2(x):
    try:
        return level3(x)
    finally:
        print("level2 cleanup for", x)

def level1(x):
    try:
        return level2(x)
    except TypeError:
        return "type problem"

for arg in [4, 0, "s"]:
    try:
        print("result", level1(arg))
    except ArithmeticError as e:
        print("ArithmeticError caught at top:", type(e).__name__, e)

errors = [ValueError("v"), KeyError("k"), IndexError("i"), ZeroDivisionError("z"), RuntimeError("r")]
for err in errors:
    try:
        raise err
    except (KeyError, IndexError) as e:
        print("lookup", repr(e))
    except ArithmeticError as e:
        print("arith", repr(e))
    except Exception as e:
        print("other", repr(e))

def validate(age):
    if not isinstance(age, int):
        raise TypeError(f"age must be int, not {type(age).__name__}")
    if age < 0:
        raise ValueError("age must be >= 0")
    return age

for value in [5, -1, "7", 2.5]:
    try:
        print("valid", validate(value))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

print(isinstance(ZeroDivisionError(), ArithmeticError), issubclass(KeyError, LookupError))
print(issubclass(RecursionError, RuntimeError), issubclass(NotImplementedError, RuntimeError))
