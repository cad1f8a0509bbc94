def leaf():
    yield 1
    raise KeyError("missing")

def middle():
    yield from leaf()

def top():
    yield from middle()

for v in top():
    print(v)
