# bool and None behaviour.
print(True, False, None)
print(True + True, True * 3, False - 1, int(True))
print(bool(0), bool(1), bool(""), bool("a"), bool([]), bool([0]), bool({}), bool(None), bool(0.0))
print(type(True).__name__, type(None).__name__)
print(True == 1, False == 0, True is True, None is None, None == False)
x = None
if x is None:
    print("x is None")
if x is not None:
    print("never")
print(isinstance(True, int), isinstance(1, bool))
print(str(True), repr(False), str(None))
print(1 if True else 2, [] or None, 0 and 1)
print(all([]), any([]), all([1, 2]), any([0, "", None]), any([0, 3]))
print(True & False, True | False, True ^ True)
print(not None, not not 5)
