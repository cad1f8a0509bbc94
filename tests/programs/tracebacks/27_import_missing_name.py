from time import nope
