# raise, re-raise, raise from, exception chaining attributes and custom classes.
class AppError(Exception):
    pass

class ConfigError(AppError):
    def __init__(self, key, detail="bad value"):
        super().__init__(f"{key}: {detail}")
        self.key = key

def load(key):
    if key == "":
        raise ConfigError("empty")
    if key == "port":
        raise ConfigError(key, "not a number")
    return key.upper()

for k in ["host", "", "port"]:
    try:
        print(load(k))
    except AppError as e:
        print(type(e).__name__, "-", e, "- key", e.key, isinstance(e, Exception))

def wrap():
    try:
        int("x")
    except ValueError as e:
        raise RuntimeError("wrapped") from e

try:
    wrap()
except RuntimeError as e:
    print(e, "| cause:", type(e.__cause__).__name__, e.__cause__)

def reraise():
    try:
        raise IndexError("first")
    except IndexError:
        print("handling, then re-raising")
        raise

try:
    reraise()
except IndexError as e:
    print("re-raised:", e)

try:
    raise ValueError
except ValueError as e:
    print("class raised:", repr(e), str(e) == "")

try:
    try:
        raise TypeError("original")
    except TypeError:
        raise KeyError("during handling")
except KeyError as e:
    print(repr(e), "context:", repr(e.__context__))

class Empty(Exception):
    pass

try:
    raise Empty()
except Exception as e:
    print(repr(e), e.args)

try:
    raise AppError("a", "b")
except AppError as e:
    print(e, e.args)

print(issubclass(ConfigError, AppError), issubclass(AppError, Exception), issubclass(ValueError, AppError))
