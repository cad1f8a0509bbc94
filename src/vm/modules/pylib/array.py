# array: typed arrays of numbers (typecodes b B u h H i I l L q Q f d) as CPython 3.11 has
# them, with its messages. threadlab's own: the items live in a list, checked against the
# typecode's C range on the way in; bytes conversions go through struct (native sizes, as on
# 64-bit Linux). No buffer protocol: memoryview and buffer_info's address are not real.

import struct as _struct

typecodes = 'bBuhHiIlLqQfd'

_SIZES = {'b': 1, 'B': 1, 'u': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8, 'L': 8,
          'q': 8, 'Q': 8, 'f': 4, 'd': 8}

_C_LONG = 'Python int too large to convert to C long'
_C_ULONG = 'Python int too large to convert to C unsigned long'

# typecode: (min, max, below-min message, above-max message, the C conversion first done)
_LIMITS = {
    'b': (-128, 127, 'signed char is less than minimum', 'signed char is greater than maximum', 'long'),
    'B': (0, 255, 'unsigned byte integer is less than minimum', 'unsigned byte integer is greater than maximum', 'long'),
    'h': (-32768, 32767, 'signed short integer is less than minimum', 'signed short integer is greater than maximum', 'long'),
    'H': (0, 65535, 'unsigned short is less than minimum', 'unsigned short is greater than maximum', 'long'),
    'i': (-2 ** 31, 2 ** 31 - 1, 'signed integer is less than minimum', 'signed integer is greater than maximum', 'long'),
    'I': (0, 2 ** 32 - 1, "can't convert negative value to unsigned int", 'unsigned int is greater than maximum', 'ulong'),
    'l': (-2 ** 63, 2 ** 63 - 1, _C_LONG, _C_LONG, 'long'),
    'L': (0, 2 ** 64 - 1, "can't convert negative value to unsigned int", _C_ULONG, 'ulong'),
    'q': (-2 ** 63, 2 ** 63 - 1, 'int too big to convert', 'int too big to convert', None),
    'Q': (0, 2 ** 64 - 1, "can't convert negative int to unsigned", 'int too big to convert', None),
}


def _check(tc, v):
    if tc in 'fd':
        if isinstance(v, (int, float)):
            v = float(v)
            if tc == 'f':
                v = _struct.unpack('f', _struct.pack('f', v))[0]
            return v
        raise TypeError('must be real number, not %s' % type(v).__name__)
    if tc == 'u':
        if not isinstance(v, str) or len(v) != 1:
            if isinstance(v, str):
                raise TypeError('array item must be unicode character')
            raise TypeError('array item must be unicode character, not %s' % type(v).__name__)
        return v
    if not isinstance(v, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    # CPython converts 'b' through a C short and 'H' through a C int first, and says so.
    if tc == 'b':
        _check('h', v)
    elif tc == 'H':
        _check('i', v)
    lo, hi, below, above, conv = _LIMITS[tc]
    if conv == 'long' and not -2 ** 63 <= v < 2 ** 63:
        raise OverflowError(_C_LONG)
    if conv == 'ulong':
        if v < 0:
            raise OverflowError("can't convert negative value to unsigned int")
        if v >= 2 ** 64:
            raise OverflowError(_C_ULONG)
    if v < lo:
        raise OverflowError(below)
    if v > hi:
        raise OverflowError(above)
    return int(v)


class array:
    __module__ = 'array'

    def __init__(self, typecode, initializer=None):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError('array() argument 1 must be a unicode character, not %s' % type(typecode).__name__)
        if typecode not in _SIZES:
            raise ValueError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)')
        self.typecode = typecode
        self.itemsize = _SIZES[typecode]
        self._data = []
        if initializer is None:
            return
        if isinstance(initializer, str):
            if typecode != 'u':
                raise TypeError("cannot use a str to initialize an array with typecode '%s'" % typecode)
            self._data = list(initializer)
        elif isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, array):
            if initializer.typecode == 'u' and typecode != 'u':
                raise TypeError("cannot use a unicode array to initialize an array with typecode '%s'" % typecode)
            self._data = [_check(typecode, v) for v in initializer._data]
        else:
            self._data = [_check(typecode, v) for v in initializer]

    # -- conversions ----------------------------------------------------------------------
    def _fmt(self, n):
        return '@%d%s' % (n, 'I' if self.typecode == 'u' else self.typecode)

    def tobytes(self):
        if self.typecode == 'u':
            return _struct.pack(self._fmt(len(self._data)), *[ord(c) for c in self._data])
        return _struct.pack(self._fmt(len(self._data)), *self._data)

    def frombytes(self, b):
        b = bytes(b)
        if len(b) % self.itemsize:
            raise ValueError('bytes length not a multiple of item size')
        vals = list(_struct.unpack(self._fmt(len(b) // self.itemsize), b))
        if self.typecode == 'u':
            vals = [chr(v) for v in vals]
        self._data.extend(vals)

    def tolist(self):
        return list(self._data)

    def fromlist(self, items):
        if not isinstance(items, list):
            raise TypeError('arg must be list')
        self._data.extend([_check(self.typecode, v) for v in items])

    def tounicode(self):
        if self.typecode != 'u':
            raise ValueError('tounicode() may only be called on unicode type arrays')
        return ''.join(self._data)

    def fromunicode(self, s):
        if self.typecode != 'u':
            raise ValueError('fromunicode() may only be called on unicode type arrays')
        self._data.extend(s)

    def buffer_info(self):
        return (id(self._data), len(self._data))

    def byteswap(self):
        if self.itemsize == 1:
            return
        raw = self.tobytes()
        n = self.itemsize
        swapped = b''.join([raw[i:i + n][::-1] for i in range(0, len(raw), n)])
        self._data = []
        self.frombytes(swapped)

    # -- list-like methods ----------------------------------------------------------------
    def append(self, v):
        self._data.append(_check(self.typecode, v))

    def extend(self, items):
        if isinstance(items, array):
            if items.typecode != self.typecode:
                raise TypeError('can only extend with array of same kind')
            self._data.extend(items._data)
        else:
            self._data.extend([_check(self.typecode, v) for v in items])

    def insert(self, i, v):
        self._data.insert(i, _check(self.typecode, v))

    def pop(self, i=-1):
        if not self._data:
            raise IndexError('pop from empty array')
        try:
            return self._data.pop(i)
        except IndexError:
            raise IndexError('pop index out of range') from None

    def remove(self, v):
        try:
            self._data.remove(v)
        except ValueError:
            raise ValueError('array.remove(x): x not in array') from None

    def index(self, v, start=0, stop=None):
        n = len(self._data)
        stop = n if stop is None else stop
        try:
            return self._data.index(v, start, stop)
        except ValueError:
            raise ValueError('array.index(x): x not in array') from None

    def count(self, v):
        return self._data.count(v)

    def reverse(self):
        self._data.reverse()

    def __copy__(self):
        return array(self.typecode, self)

    def __deepcopy__(self, memo):
        return array(self.typecode, self)

    # -- protocols ------------------------------------------------------------------------
    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __contains__(self, v):
        return v in self._data

    def __getitem__(self, i):
        if isinstance(i, slice):
            r = array(self.typecode)
            r._data = self._data[i]
            return r
        try:
            return self._data[i]
        except IndexError:
            raise IndexError('array index out of range') from None
        except TypeError:
            raise TypeError('array indices must be integers') from None

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            if not isinstance(v, array):
                raise TypeError('can only assign array (not "%s") to array slice' % type(v).__name__)
            if v.typecode != self.typecode:
                raise TypeError('bad argument type for built-in operation')
            self._data[i] = v._data
            return
        v = _check(self.typecode, v)
        try:
            self._data[i] = v
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def __delitem__(self, i):
        try:
            del self._data[i]
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only append array (not "%s") to array' % type(other).__name__)
        if other.typecode != self.typecode:
            raise TypeError('bad argument type for built-in operation')
        r = array(self.typecode)
        r._data = self._data + other._data
        return r

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only extend array with array (not "%s")' % type(other).__name__)
        self.extend(other)
        return self

    def __mul__(self, n):
        if not isinstance(n, int):
            return NotImplemented
        r = array(self.typecode)
        r._data = self._data * n
        return r

    __rmul__ = __mul__

    def __imul__(self, n):
        self._data *= n
        return self

    def _cmp_data(self, other):
        if isinstance(other, array):
            return other._data
        return None

    def __eq__(self, other):
        d = self._cmp_data(other)
        return NotImplemented if d is None else self._data == d

    def __ne__(self, other):
        d = self._cmp_data(other)
        return NotImplemented if d is None else self._data != d

    def __lt__(self, other):
        d = self._cmp_data(other)
        return NotImplemented if d is None else self._data < d

    def __le__(self, other):
        d = self._cmp_data(other)
        return NotImplemented if d is None else self._data <= d

    def __gt__(self, other):
        d = self._cmp_data(other)
        return NotImplemented if d is None else self._data > d

    def __ge__(self, other):
        d = self._cmp_data(other)
        return NotImplemented if d is None else self._data >= d

    __hash__ = None

    def __repr__(self):
        if not self._data:
            return "array('%s')" % self.typecode
        if self.typecode == 'u':
            return "array('u', %r)" % ''.join(self._data)
        return "array('%s', %r)" % (self.typecode, self._data)


ArrayType = array
