# multiprocessing.process: Process and current_process. A process is a fresh interpreter (see
# src/vm/modules/multiprocessing.rs): start() pickles this object, the child re-runs the
# program as __mp_main__, rebuilds the object and calls its run() (CPython's spawn method).

import _multiprocessing as _mp
import _mp_reduction as _reduction

_counter = [0]
_children = []
_current = [None]


class BaseProcess(object):
    _start_method = None
    _pool_worker = False  # set by Pool: the runtime may run it on the pool of cores

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        assert group is None, 'group argument must be None for now'
        _counter[0] += 1
        self._identity = (_counter[0],)
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + '-' + ':'.join(str(i) for i in self._identity)
        self._daemonic = bool(daemon) if daemon is not None else current_process().daemon
        self._pid = None
        self._exitcode = None
        self._started = False
        self._closed = False

    def run(self):
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        self._check_closed()
        assert not self._started, 'cannot start a process twice'
        assert _current[0] is None or not _current[0]._daemonic or True
        if current_process()._daemonic:
            raise AssertionError('daemonic processes are not allowed to have children')
        self._started = True
        payload = _reduction.dumps(self)
        self._pid = _mp.start(payload, self._name, self._daemonic, self._pool_worker)
        _children.append(self)

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def terminate(self):
        self._check_closed()
        if self._pid is not None:
            _mp.terminate(self._pid)

    kill = terminate

    def join(self, timeout=None):
        self._check_closed()
        assert self._started, 'can only join a started process'
        if self._pid is None:
            return
        if _mp.join(self._pid, timeout):
            if self in _children:
                _children.remove(self)

    def is_alive(self):
        self._check_closed()
        if self is _current[0] or (self._pid is not None and self._pid == _mp.identity()[0]):
            return True
        if not self._started or self._pid is None:
            return False
        return _mp.exitcode(self._pid) is None

    def close(self):
        if self._pid is not None and _mp.exitcode(self._pid) is None:
            raise ValueError("Cannot close a process while it is still running. "
                             "You should first call join() or terminate().")
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'
        self._name = name

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        assert not self._started, 'process has already started'
        self._daemonic = daemonic

    @property
    def exitcode(self):
        self._check_closed()
        if self._pid is None or self is _current[0]:
            return None
        return _mp.exitcode(self._pid)

    @property
    def ident(self):
        self._check_closed()
        return self._pid

    pid = ident

    @property
    def authkey(self):
        return b'threadlab'

    @property
    def sentinel(self):
        return self._pid

    def __repr__(self):
        exitcode = None
        if self is _current[0]:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif not self._started:
            status = 'initial'
        else:
            exitcode = _mp.exitcode(self._pid)
            status = 'started' if exitcode is None else 'stopped'
        info = [type(self).__name__, 'name=%r' % self._name]
        if self._pid is not None:
            info.append('pid=%s' % self._pid)
        info.append('parent=%s' % (_mp.identity()[0] if self is not _current[0] else _mp.identity()[2]))
        info.append(status)
        if exitcode is not None:
            info.append('exitcode=%s' % exitcode)
        if self._daemonic:
            info.append('daemon')
        return '<%s>' % ' '.join(info)


class _MainProcess(BaseProcess):
    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._daemonic = False
        self._pid = _mp.identity()[0]
        self._target = None
        self._args = ()
        self._kwargs = {}
        self._started = True
        self._closed = False
        self._exitcode = None

    def is_alive(self):
        return True


class Process(BaseProcess):
    _start_method = None


class SpawnProcess(BaseProcess):
    _start_method = 'spawn'


def current_process():
    if _current[0] is None:
        _current[0] = _MainProcess()
    return _current[0]


def parent_process():
    pid, name, parent = _mp.identity()
    if parent is None:
        return None
    p = _MainProcess()
    p._pid = parent
    return p


def active_children():
    for p in list(_children):
        if _mp.exitcode(p._pid) is not None:
            _children.remove(p)
    return list(_children)


def _child_load(payload):
    """Run in the child interpreter by the Rust core, which then calls the result's run()."""
    process = _reduction.loads(payload)
    process._pid = _mp.identity()[0]
    _current[0] = process
    _counter[0] = 0
    return process
