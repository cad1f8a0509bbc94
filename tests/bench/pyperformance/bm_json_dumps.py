# Adapted from pyperformance 1.14.0, benchmarks/bm_json_dumps/run_benchmark.py
# (https://github.com/python/pyperformance), MIT License: see LICENSE in this folder.
# Changes: pyperf and its timing removed; the program runs once at BENCH_SIZE (argv[1] overrides it)
# and prints a checksum of its results, never a time (see README.md in this folder).
#
# json.dumps is replaced by the pure-Python encoder below, so that every runtime runs the same
# Python code: CPython's json module would use its C accelerator (_json.make_encoder), which
# threadlab does not have. The encoder is CPython 3.11's own pure-Python path, from
# Lib/json/encoder.py (/usr/lib/python3.11/json/encoder.py): ESCAPE_DCT, the floatstr closure of
# JSONEncoder.iterencode, and _make_iterencode unchanged; py_encode_basestring_ascii with its
# re.sub() written out as a loop over the characters (same output, no `re` module needed).
# That code is Copyright (c) 2001-2023 Python Software Foundation; All Rights Reserved, under the
# PSF License Agreement (see LICENSE in this folder).

# ---- from CPython Lib/json/encoder.py ----

ESCAPE_DCT = {
    '\\': '\\\\',
    '"': '\\"',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
}
for i in range(0x20):
    ESCAPE_DCT.setdefault(chr(i), '\\u{0:04x}'.format(i))
    #ESCAPE_DCT.setdefault(chr(i), '\\u%04x' % (i,))
del i

INFINITY = float('inf')


def py_encode_basestring_ascii(s):
    """Return an ASCII-only JSON representation of a Python string

    """
    # CPython: '"' + ESCAPE_ASCII.sub(replace, s) + '"', where ESCAPE_ASCII matches
    # ([\\"]|[^\ -~]); the same replacement, one character at a time.
    chunks = ['"']
    for c in s:
        if c == '\\' or c == '"' or not (' ' <= c <= '~'):
            try:
                c = ESCAPE_DCT[c]
            except KeyError:
                n = ord(c)
                if n < 0x10000:
                    c = '\\u{0:04x}'.format(n)
                else:
                    # surrogate pair
                    n -= 0x10000
                    s1 = 0xd800 | ((n >> 10) & 0x3ff)
                    s2 = 0xdc00 | (n & 0x3ff)
                    c = '\\u{0:04x}\\u{1:04x}'.format(s1, s2)
        chunks.append(c)
    chunks.append('"')
    return ''.join(chunks)


def floatstr(o, allow_nan=True,
        _repr=float.__repr__, _inf=INFINITY, _neginf=-INFINITY):
    # Check for specials.  Note that this type of test is processor
    # and/or platform-specific, so do tests which don't depend on the
    # internals.

    if o != o:
        text = 'NaN'
    elif o == _inf:
        text = 'Infinity'
    elif o == _neginf:
        text = '-Infinity'
    else:
        return _repr(o)

    if not allow_nan:
        raise ValueError(
            "Out of range float values are not JSON compliant: " +
            repr(o))

    return text


def _make_iterencode(markers, _default, _encoder, _indent, _floatstr,
        _key_separator, _item_separator, _sort_keys, _skipkeys, _one_shot,
        ## HACK: hand-optimized bytecode; turn globals into locals
        ValueError=ValueError,
        dict=dict,
        float=float,
        id=id,
        int=int,
        isinstance=isinstance,
        list=list,
        str=str,
        tuple=tuple,
        _intstr=int.__repr__,
    ):

    if _indent is not None and not isinstance(_indent, str):
        _indent = ' ' * _indent

    def _iterencode_list(lst, _current_indent_level):
        if not lst:
            yield '[]'
            return
        if markers is not None:
            markerid = id(lst)
            if markerid in markers:
                raise ValueError("Circular reference detected")
            markers[markerid] = lst
        buf = '['
        if _indent is not None:
            _current_indent_level += 1
            newline_indent = '\n' + _indent * _current_indent_level
            separator = _item_separator + newline_indent
            buf += newline_indent
        else:
            newline_indent = None
            separator = _item_separator
        first = True
        for value in lst:
            if first:
                first = False
            else:
                buf = separator
            if isinstance(value, str):
                yield buf + _encoder(value)
            elif value is None:
                yield buf + 'null'
            elif value is True:
                yield buf + 'true'
            elif value is False:
                yield buf + 'false'
            elif isinstance(value, int):
                # Subclasses of int/float may override __repr__, but we still
                # want to encode them as integers/floats in JSON. One example
                # within the standard library is IntEnum.
                yield buf + _intstr(value)
            elif isinstance(value, float):
                # see comment above for int
                yield buf + _floatstr(value)
            else:
                yield buf
                if isinstance(value, (list, tuple)):
                    chunks = _iterencode_list(value, _current_indent_level)
                elif isinstance(value, dict):
                    chunks = _iterencode_dict(value, _current_indent_level)
                else:
                    chunks = _iterencode(value, _current_indent_level)
                yield from chunks
        if newline_indent is not None:
            _current_indent_level -= 1
            yield '\n' + _indent * _current_indent_level
        yield ']'
        if markers is not None:
            del markers[markerid]

    def _iterencode_dict(dct, _current_indent_level):
        if not dct:
            yield '{}'
            return
        if markers is not None:
            markerid = id(dct)
            if markerid in markers:
                raise ValueError("Circular reference detected")
            markers[markerid] = dct
        yield '{'
        if _indent is not None:
            _current_indent_level += 1
            newline_indent = '\n' + _indent * _current_indent_level
            item_separator = _item_separator + newline_indent
            yield newline_indent
        else:
            newline_indent = None
            item_separator = _item_separator
        first = True
        if _sort_keys:
            items = sorted(dct.items())
        else:
            items = dct.items()
        for key, value in items:
            if isinstance(key, str):
                pass
            # JavaScript is weakly typed for these, so it makes sense to
            # also allow them.  Many encoders seem to do something like this.
            elif isinstance(key, float):
                # see comment for int/float in _make_iterencode
                key = _floatstr(key)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                # see comment for int/float in _make_iterencode
                key = _intstr(key)
            elif _skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, '
                                f'not {key.__class__.__name__}')
            if first:
                first = False
            else:
                yield item_separator
            yield _encoder(key)
            yield _key_separator
            if isinstance(value, str):
                yield _encoder(value)
            elif value is None:
                yield 'null'
            elif value is True:
                yield 'true'
            elif value is False:
                yield 'false'
            elif isinstance(value, int):
                # see comment for int/float in _make_iterencode
                yield _intstr(value)
            elif isinstance(value, float):
                # see comment for int/float in _make_iterencode
                yield _floatstr(value)
            else:
                if isinstance(value, (list, tuple)):
                    chunks = _iterencode_list(value, _current_indent_level)
                elif isinstance(value, dict):
                    chunks = _iterencode_dict(value, _current_indent_level)
                else:
                    chunks = _iterencode(value, _current_indent_level)
                yield from chunks
        if newline_indent is not None:
            _current_indent_level -= 1
            yield '\n' + _indent * _current_indent_level
        yield '}'
        if markers is not None:
            del markers[markerid]

    def _iterencode(o, _current_indent_level):
        if isinstance(o, str):
            yield _encoder(o)
        elif o is None:
            yield 'null'
        elif o is True:
            yield 'true'
        elif o is False:
            yield 'false'
        elif isinstance(o, int):
            # see comment for int/float in _make_iterencode
            yield _intstr(o)
        elif isinstance(o, float):
            # see comment for int/float in _make_iterencode
            yield _floatstr(o)
        elif isinstance(o, (list, tuple)):
            yield from _iterencode_list(o, _current_indent_level)
        elif isinstance(o, dict):
            yield from _iterencode_dict(o, _current_indent_level)
        else:
            if markers is not None:
                markerid = id(o)
                if markerid in markers:
                    raise ValueError("Circular reference detected")
                markers[markerid] = o
            o = _default(o)
            yield from _iterencode(o, _current_indent_level)
            if markers is not None:
                del markers[markerid]
    return _iterencode


def default(o):
    raise TypeError(f'Object of type {o.__class__.__name__} '
                    f'is not JSON serializable')


def dumps(o):
    """json.dumps(o) with its defaults, as JSONEncoder.encode runs it without _json."""
    if isinstance(o, str):
        return py_encode_basestring_ascii(o)
    chunks = _make_iterencode(
        {}, default, py_encode_basestring_ascii, None, floatstr,
        ': ', ', ', False, False, True)(o, 0)
    if not isinstance(chunks, (list, tuple)):
        chunks = list(chunks)
    return ''.join(chunks)


# ---- the benchmark (pyperformance) ----


EMPTY = ({}, 2000)
SIMPLE_DATA = {'key1': 0, 'key2': True, 'key3': 'value', 'key4': 'foo',
               'key5': 'string'}
SIMPLE = (SIMPLE_DATA, 1000)
NESTED_DATA = {'key1': 0, 'key2': SIMPLE[0], 'key3': 'value', 'key4': SIMPLE[0],
               'key5': SIMPLE[0], 'key': '\u0105\u0107\u017c'}
NESTED = (NESTED_DATA, 1000)
HUGE = ([NESTED[0]] * 1000, 1)

CASES = ['EMPTY', 'SIMPLE', 'NESTED', 'HUGE']


def bench_json_dumps(data):
    total = 0
    for obj, count_it in data:
        for _ in count_it:
            total += len(dumps(obj))
    return total


import sys

# The tiny size the smoke test runs (tests/pyperformance.rs). tests/bench/pyperformance.sh rewrites
# this line to the bench size in manifest.txt, since threadlab's runner passes no program arguments.
BENCH_SIZE = 1


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else BENCH_SIZE
    # The size is how many times all four cases are dumped (each case's count as pyperformance's).
    data = []
    for case in CASES:
        obj, count = globals()[case]
        data.append((obj, range(count)))
    total = 0
    for _ in range(size):
        total += bench_json_dumps(data)
    print(total)
    print(dumps(NESTED_DATA))
    print(dumps([1.5, -0.0, 10 ** 20, None, True, "tab\tquote\"", "\U0001f600"]))
