# ExceptionGroup / BaseExceptionGroup (PEP 654) without except*: construction, split, subgroup.
eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ExceptionGroup("nested", [ValueError(3)])])
print(eg, repr(eg.message), len(eg.exceptions), isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup))
match, rest = eg.split(ValueError)
print(match, [repr(e) for e in match.exceptions], rest, rest.exceptions)
print(eg.subgroup(lambda e: isinstance(e, TypeError)))
print(eg.subgroup(KeyError))
print(type(BaseExceptionGroup("b", [ValueError()])).__name__, type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__)
for bad in [("m", []), ("m", [1]), (1, [ValueError()])]:
    try:
        ExceptionGroup(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
try:
    raise eg
except ExceptionGroup as caught:
    print("caught", caught.exceptions[0])
class MyGroup(ExceptionGroup):
    pass
g = MyGroup("mine", [ValueError("v")])
print(type(g).__name__, g, type(g.derive([KeyError()])).__name__)
