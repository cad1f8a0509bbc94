from ..helper import greet
from .. import helper
from . import __name__ as pkgname
VALUE = 3
def up(): return greet("leaf") + " " + helper.__name__ + " " + __package__
