# def with defaults, keyword arguments, *args, **kwargs and keyword-only parameters.
def greet(name, greeting="Hello"):
    return greeting + ", " + name + "!"

print(greet("Ada"))
print(greet("Bob", "Hi"))
print(greet(greeting="Hey", name="Cy"))

def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s

print(total(), total(1), total(1, 2, 3))
print(total(*[4, 5, 6]))

def describe(**info):
    for key in info:
        print(key, "=", info[key])

describe(a=1, b="two", c=[3])

def mixed(a, b=2, *rest, scale, verbose=False, **extra):
    print(a, b, rest, scale, verbose, extra)

mixed(1, scale=10)
mixed(1, 5, 6, 7, scale=3, verbose=True, color="red")
mixed(*(9, 8), **{"scale": 1, "z": 0})

def kwonly(*, x, y=4):
    return x * y

print(kwonly(x=3), kwonly(x=2, y=5))

def noreturn():
    pass

print(noreturn())

def early(n):
    if n < 0:
        return "negative"
    return

print(early(-1), early(1))
