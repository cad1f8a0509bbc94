# multiprocessing.context: the errors and the start-method API. threadlab has one start
# method, spawn (a fresh interpreter that re-runs the program as __mp_main__), so every
# context is the spawn context.

import os as _os
import _multiprocessing as _mp


class ProcessError(Exception):
    __module__ = 'multiprocessing.context'


class BufferTooShort(ProcessError):
    __module__ = 'multiprocessing.context'


class TimeoutError(ProcessError):
    __module__ = 'multiprocessing.context'


class AuthenticationError(ProcessError):
    __module__ = 'multiprocessing.context'


_METHODS = ['spawn']
# A child was spawned, so its context is set already (CPython's set_start_method raises there).
_chosen = [None if _mp.identity()[1] is None else 'spawn']


def cpu_count():
    return _os.cpu_count() or 1


def get_all_start_methods():
    return list(_METHODS)


def get_start_method(allow_none=False):
    if _chosen[0] is None and not allow_none:
        _chosen[0] = 'spawn'
    return _chosen[0]


def set_start_method(method, force=False):
    if _chosen[0] is not None and not force:
        raise RuntimeError('context has already been set')
    if method not in ('spawn', 'fork', 'forkserver', None):
        raise ValueError('cannot find context for %r' % (method,))
    if method in ('fork', 'forkserver'):
        # No fork in one OS process: every process is spawned (docs/processes.md).
        method = 'spawn'
    _chosen[0] = method


def freeze_support():
    pass


def set_executable(executable):
    pass


def set_forkserver_preload(module_names):
    pass


class SpawnContext(object):
    _name = 'spawn'

    def get_start_method(self, allow_none=False):
        return self._name

    def __getattr__(self, name):
        import multiprocessing
        return getattr(multiprocessing, name)

    @property
    def Process(self):
        import _mp_process
        return _mp_process.SpawnProcess


def get_context(method=None):
    if method not in (None, 'spawn', 'fork', 'forkserver'):
        raise ValueError('cannot find context for %r' % (method,))
    return SpawnContext()
