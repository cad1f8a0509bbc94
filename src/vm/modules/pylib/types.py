# types: names for the interpreter's own types, SimpleNamespace, and types.coroutine (the
# generator-based coroutines asyncio's oldest code awaits). threadlab's version of CPython's
# Lib/types.py: no code, frame or traceback types, and MethodType is a function.
import sys


def _f():
    pass


async def _c():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(sys)
GeneratorType = type((x for x in ()))
_coro = _c()
CoroutineType = type(_coro)
_coro.close()
del _coro


class SimpleNamespace:
    def __init__(self, /, **kwargs):
        for k, v in kwargs.items():
            setattr(self, k, v)

    def __repr__(self):
        items = (f"{k}={v!r}" for k, v in self.__dict__.items())
        return "{}({})".format("namespace" if type(self) is SimpleNamespace else type(self).__name__, ", ".join(items))

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented


def MethodType(func, obj):
    def method(*args, **kwargs):
        return func(obj, *args, **kwargs)
    return method


def coroutine(func):
    """Convert regular generator function to a coroutine."""
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    # Generators made by `func` are then accepted by `await` (CPython: CO_ITERABLE_COROUTINE).
    func._is_iterable_coroutine = True
    return func
