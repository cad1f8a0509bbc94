def f(a, y):
    pass
f(1)
