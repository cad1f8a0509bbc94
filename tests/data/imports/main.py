import helper
import helper as h2
from helper import greet, VALUE, Thing
import sys
print(helper.__name__, helper.__doc__, VALUE, greet('x'), h2 is helper, 'helper' in sys.modules, sys.modules['helper'] is helper)
print(Thing.__module__, repr(Thing)[:22], type(sys.modules).__name__)
import __main__
print(__main__.__name__, __main__ is sys.modules['__main__'], hasattr(__main__, 'helper'))
import pkg
print(pkg.subfunc(), pkg.sub.subfunc(), 'pkg.sub' in sys.modules)
from pkg import sub
print(sub.subfunc())
import a_mod
print(a_mod.A, a_mod.b_mod.B)
try:
    from helper import nothing
except ImportError as e:
    print('ImportError:', str(e).split(' (')[0])
try:
    import missing_thing
except ModuleNotFoundError as e:
    print(e)
# Relative imports inside the program's own packages.
import relpkg
from relpkg.sub import leaf
print(relpkg.helper.greet('x'), relpkg.greet is relpkg.helper.greet, leaf.VALUE, leaf.up(), leaf.pkgname)
try:
    from . import nothing
except ImportError as e:
    print('ImportError:', e)
helper.fail()
