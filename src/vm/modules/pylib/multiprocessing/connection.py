# multiprocessing.connection: Pipe() as two channels of the Rust core, one each way.

import _multiprocessing as _mp
import _mp_reduction as _reduction


class Connection(object):
    def __init__(self, recv_chan, send_chan, readable=True, writable=True):
        self._recv_chan = recv_chan
        self._send_chan = send_chan
        self._readable = readable
        self._writable = writable
        self._closed = False

    def _check(self, what):
        if self._closed:
            raise OSError('handle is closed')
        if what == 'r' and not self._readable:
            raise OSError('connection is write-only')
        if what == 'w' and not self._writable:
            raise OSError('connection is read-only')

    def send(self, obj):
        self._check('w')
        _mp.chan_put(self._send_chan, _reduction.dumps(obj))

    def send_bytes(self, buf, offset=0, size=None):
        self._check('w')
        buf = bytes(buf)
        end = len(buf) if size is None else offset + size
        _mp.chan_put(self._send_chan, buf[offset:end])

    def recv(self):
        self._check('r')
        ok, tree = _mp.chan_get(self._recv_chan, None)
        return _reduction.loads(tree)

    def recv_bytes(self, maxlength=None):
        self._check('r')
        ok, tree = _mp.chan_get(self._recv_chan, None)
        return tree

    def poll(self, timeout=0.0):
        self._check('r')
        if _mp.chan_size(self._recv_chan):
            return True
        if timeout == 0.0:
            return False
        # Wait for an item without taking it: take it and put it back in front is not
        # possible, so wait in short slices.
        import time
        deadline = None if timeout is None else time.monotonic() + timeout
        while not _mp.chan_size(self._recv_chan):
            if deadline is not None and time.monotonic() >= deadline:
                return False
            time.sleep(0.001)
        return True

    def close(self):
        self._closed = True

    @property
    def closed(self):
        return self._closed

    @property
    def readable(self):
        return self._readable

    @property
    def writable(self):
        return self._writable

    def fileno(self):
        return self._recv_chan

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def Pipe(duplex=True):
    a, b = _mp.chan_new(), _mp.chan_new()
    if duplex:
        return Connection(a, b), Connection(b, a)
    return Connection(a, None, True, False), Connection(None, a, False, True)
