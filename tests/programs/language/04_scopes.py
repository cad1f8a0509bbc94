# global, nonlocal, closures and lambdas.
counter = 0

def bump():
    global counter
    counter += 1
    return counter

bump()
bump()
print("counter", counter)

def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(10), c2())

def make_adders():
    return [lambda x, n=n: x + n for n in range(3)]

print([f(10) for f in make_adders()])

square = lambda x: x * x
add = lambda a, b=1: a + b
print(square(7), add(1), add(1, 2))
print((lambda: "no args")())

def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()

print(outer())

x = "global"
def shadow():
    x = "local"
    return x
print(shadow(), x)

def late_binding():
    fns = []
    for i in range(3):
        fns.append(lambda: i)
    return [f() for f in fns]
print(late_binding())
