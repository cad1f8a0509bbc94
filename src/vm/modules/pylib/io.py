# io: in-memory streams (StringIO, BytesIO) and the base class names. threadlab's own, not
# CPython's _pyio: threadlab has no files, so there is no open(), FileIO or buffering layer.
# Text is kept as a list of pieces joined on demand, so many small writes at the end (what
# logging and print(file=...) do) cost no quadratic copying.

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError, ValueError):
    pass


class IOBase:
    # CPython's StringIO methods say it without the full stop; IOBase's and BytesIO's with it.
    _closed_msg = "I/O operation on closed file."

    def __enter__(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def _check_closed(self):
        if self.closed:
            raise ValueError(self._closed_msg)

    def readable(self):
        self._check_closed()
        return True

    def writable(self):
        self._check_closed()
        return True

    def seekable(self):
        self._check_closed()
        return True

    def isatty(self):
        self._check_closed()
        return False

    def flush(self):
        self._check_closed()

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                return lines

    def writelines(self, lines):
        self._check_closed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    pass


class _Memory:
    """The buffer both streams share: pieces, position, closed flag."""

    def _init(self, initial):
        self._pieces = [initial] if initial else []
        self._size = len(initial)
        self._pos = 0
        self.closed = False

    def _value(self):
        if len(self._pieces) > 1:
            self._pieces = [self._empty.join(self._pieces)]
        return self._pieces[0] if self._pieces else self._empty

    def getvalue(self):
        self._check_closed()
        return self._value()

    def close(self):
        self.closed = True

    def tell(self):
        self._check_closed()
        return self._pos

    def _write(self, s):
        self._check_closed()
        n = len(s)
        if not n:
            return 0
        pos = self._pos
        if pos == self._size:
            self._pieces.append(s)
        else:
            v = self._value()
            if pos > len(v):
                v = v + self._pad * (pos - len(v))
            self._pieces = [v[:pos] + s + v[pos + n:]]
        self._pos = pos + n
        if self._pos > self._size:
            self._size = self._pos
        return n

    def read(self, size=-1):
        self._check_closed()
        if size is None:
            size = -1
        v = self._value()
        start = self._pos
        end = len(v) if size < 0 else min(len(v), start + size)
        if start >= end:
            return self._empty
        self._pos = end
        return v[start:end]

    def readline(self, size=-1):
        self._check_closed()
        if size is None:
            size = -1
        v = self._value()
        start = self._pos
        i = v.find(self._newline, start)
        end = len(v) if i < 0 else i + 1
        if size >= 0:
            end = min(end, start + size)
        if start >= end:
            return self._empty
        self._pos = end
        return v[start:end]

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("Negative size value %d" % size)
        v = self._value()
        if size < len(v):
            self._pieces = [v[:size]] if size else []
            self._size = size
        return size


class StringIO(_Memory, TextIOBase):
    _closed_msg = "I/O operation on closed file"
    _empty = ''
    _pad = '\0'
    _newline = '\n'

    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s" % type(initial_value).__name__)
        if newline is not None and not isinstance(newline, str):
            raise TypeError("newline must be str or None, not %s" % type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError("illegal newline value: %r" % (newline,))
        self._init(initial_value)

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        return self._write(s)

    def seek(self, pos, whence=0):
        self._check_closed()
        if not isinstance(pos, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(pos).__name__)
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = self._size
        else:
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    @property
    def line_buffering(self):
        return False

    @property
    def encoding(self):
        return None

    @property
    def newlines(self):
        return None

    def __repr__(self):
        return "<_io.StringIO object at 0x%012x>" % id(self)


class BytesIO(_Memory, BufferedIOBase):
    _empty = b''
    _pad = b'\0'
    _newline = b'\n'

    def __init__(self, initial_bytes=b''):
        if initial_bytes is None:
            initial_bytes = b''
        self._init(bytes(initial_bytes))

    def write(self, b):
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        return self._write(bytes(b))

    def seek(self, pos, whence=0):
        self._check_closed()
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek value %d" % pos)
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, self._size + pos)
        else:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    def read1(self, size=-1):
        return self.read(size)

    def getbuffer(self):
        return bytearray(self.getvalue())

    def __repr__(self):
        return "<_io.BytesIO object at 0x%012x>" % id(self)


def open(*args, **kwargs):
    raise OSError("threadlab has no files: io.open() is not available (use io.StringIO)")
