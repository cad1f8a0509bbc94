# The Python half of `sys`: version_info, a named tuple as in CPython.

from _structseq import structseq as _structseq


class _version_info(_structseq):
    __module__ = 'sys'
    _name = 'sys.version_info'
    _fields = ('major', 'minor', 'micro', 'releaselevel', 'serial')


version_info = _version_info((3, 11, 7, 'final', 0))
del _version_info
