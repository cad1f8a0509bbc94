from . import helper
from .helper import greet
NAME = "relpkg"
