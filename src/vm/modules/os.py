# The Python half of `os`: environ, the path-name constants and `os.path` (posixpath).

import posixpath as path

name = 'posix'
sep = '/'
altsep = None
extsep = '.'
pathsep = ':'
linesep = '\n'
curdir = '.'
pardir = '..'
devnull = '/dev/null'

environ = dict(_environ())
del _environ


def getenv(key, default=None):
    return environ.get(key, default)


def fspath(p):
    if isinstance(p, str):
        return p
    raise TypeError('expected str, bytes or os.PathLike object, not ' + type(p).__name__)
