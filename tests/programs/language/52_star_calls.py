# *args/**kwargs forwarding and argument-error messages.
def show(*args, **kwargs):
    return f"args={args} kwargs={kwargs}"

def forward(*args, **kwargs):
    return show(*args, extra=True, **kwargs)

print(show())
print(show(1, "two", key="v"))
print(forward(1, 2, a=3))
print(show(*range(3), *"ab", **{"x": 1}, **{"y": 2}))

def need_two(a, b):
    return a + b

for args, kwargs in [((1,), {}), ((1, 2, 3), {}), ((1,), {"c": 2}), ((1,), {"a": 2})]:
    try:
        need_two(*args, **kwargs)
    except TypeError as e:
        print(e)

def kw_only(*, flag):
    return flag

try:
    kw_only(True)
except TypeError as e:
    print(e)
try:
    kw_only()
except TypeError as e:
    print(e)
print(kw_only(flag="ok"))
