# with and a user-defined context manager.
class Managed:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.swallow

with Managed("a") as value:
    print("body with", value)

with Managed("b", swallow=True):
    raise ValueError("swallowed")
print("after swallowed exception")

try:
    with Managed("c"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))

with Managed("outer") as o, Managed("inner") as i:
    print("both", o, i)

def early_return():
    with Managed("fn"):
        return "returned from inside with"

print(early_return())

for n in range(3):
    with Managed(f"loop{n}"):
        if n == 1:
            continue
        if n == 2:
            break
        print("loop body", n)
