# threadlab-expect: NotImplementedError line 4
# Generators are valid Python outside threadlab's subset; CPython would print 0 1 2.
def numbers():
    yield 1

for n in numbers():
    print(n)
