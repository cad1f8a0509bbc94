# Python docs: functools.singledispatch (functions)
from functools import singledispatch
@singledispatch
def fun(arg, verbose=False):
    if verbose:
        print("Let me just say,", end=" ")
    print(arg)
@fun.register
def _(arg: int, verbose=False):
    if verbose:
        print("Strength in numbers, eh?", end=" ")
    print(arg)
@fun.register
def _(arg: list, verbose=False):
    if verbose:
        print("Enumerate this:")
    for i, elem in enumerate(arg):
        print(i, elem)
@fun.register(tuple)
def _(arg, verbose=False):
    print("Better than complicated.", len(arg))
def nothing(arg, verbose=False):
    print("Nothing.")
fun.register(type(None), nothing)
fun.register(float, lambda a, verbose=False: print("float", a))
fun("Hello, world.")
fun("test.", verbose=True)
fun(42, verbose=True)
fun(['spam', 'spam', 'eggs', 'spam'], verbose=True)
fun(None)
fun(1.23)
fun(True)
fun((2, 3))
print(fun.dispatch(float) is not fun.dispatch(object), fun.dispatch(dict) is fun.registry[object])
print(sorted(t.__name__ for t in fun.registry))
try:
    fun()
except TypeError as e:
    print(e)
