# Higher-order functions, decorators and functions as values.
def logged(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("returned", result)
        return result
    return wrapper

@logged
def add(a, b=0):
    return a + b

add(2, b=3)
add(1)

def repeat(times):
    def decorate(fn):
        def run(*args):
            return [fn(*args) for _ in range(times)]
        return run
    return decorate

@repeat(3)
def hello(name):
    return "hi " + name

print(hello("x"))

def compose(*fns):
    def run(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return run

inc = lambda x: x + 1
double = lambda x: x * 2
print(compose(inc, double)(5), compose(double, inc)(5))

def apply_all(fns, value):
    return [f(value) for f in fns]

print(apply_all([abs, str, lambda v: v * v], -4))
ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b}
print({name: op(3, 4) for name, op in ops.items()})

def accumulator():
    total = []
    def add(x):
        total.append(x)
        return sum(total)
    return add

acc = accumulator()
print(acc(1), acc(2), acc(10))
