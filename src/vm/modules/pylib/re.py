# re: CPython 3.11's re API (compile, match, fullmatch, search, findall, finditer, sub, subn,
# split, escape, purge, error, the flags, Pattern and Match) on threadlab's own backtracking
# engine written in Rust (_sre: parser, matcher). The template code follows CPython's
# re/_parser.py parse_template and its messages. Limits: RegexFlag is an int subclass with
# IntFlag's repr (threadlab has no enum module), Pattern.scanner is absent, and \N{...}
# names are not known.

import _sre

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "template", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG",
]

__version__ = "2.2.1"

class RegexFlag(int):
    """The flags, as ints whose repr names them (CPython's enum.IntFlag for re)."""
    __module__ = 're'

    def __repr__(self):
        v = int(self)
        if v == 0:
            return 're.NOFLAG'
        names = []
        for bit, name in _FLAG_NAMES:
            if v & bit:
                names.append('re.' + name)
                v &= ~bit
        if v:
            names.append(hex(v))
        return '|'.join(names)

    __str__ = __repr__

    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) | int(other))

    __ror__ = __or__

    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) & int(other))

    __rand__ = __and__

    def __xor__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) ^ int(other))

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & 0x1ff)


_FLAG_NAMES = [(1, 'TEMPLATE'), (2, 'IGNORECASE'), (4, 'LOCALE'), (8, 'MULTILINE'), (16, 'DOTALL'),
               (32, 'UNICODE'), (64, 'VERBOSE'), (128, 'DEBUG'), (256, 'ASCII')]

NOFLAG = RegexFlag(0)
TEMPLATE = T = RegexFlag(1)
IGNORECASE = I = RegexFlag(2)
LOCALE = L = RegexFlag(4)
MULTILINE = M = RegexFlag(8)
DOTALL = S = RegexFlag(16)
UNICODE = U = RegexFlag(32)
VERBOSE = X = RegexFlag(64)
DEBUG = RegexFlag(128)
ASCII = A = RegexFlag(256)


class error(Exception):
    """Exception raised for invalid regular expressions."""
    __module__ = 're'

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            if isinstance(pattern, str):
                newline = '\n'
            else:
                newline = b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


def _group_text(string, spans, i):
    s = spans[2 * i]
    if s < 0:
        return None
    return string[s:spans[2 * i + 1]]


class Match:
    __module__ = 're'

    def __init__(self, pattern, string, pos, endpos, spans):
        self.re = pattern
        self.string = string
        n = len(string)
        self.pos = min(max(pos, 0), n)
        self.endpos = n if endpos is None else min(max(endpos, 0), n)
        self._spans = spans

    def _index(self, g):
        if isinstance(g, int) and not isinstance(g, bool):
            if 0 <= g <= self.re.groups:
                return g
        elif isinstance(g, (str, bytes)):
            i = self.re.groupindex.get(g)
            if i is not None:
                return i
        raise IndexError("no such group")

    def group(self, *args):
        if not args:
            return _group_text(self.string, self._spans, 0)
        if len(args) == 1:
            return _group_text(self.string, self._spans, self._index(args[0]))
        return tuple([_group_text(self.string, self._spans, self._index(g)) for g in args])

    def __getitem__(self, g):
        return _group_text(self.string, self._spans, self._index(g))

    def groups(self, default=None):
        out = []
        for i in range(1, self.re.groups + 1):
            v = _group_text(self.string, self._spans, i)
            out.append(default if v is None else v)
        return tuple(out)

    def groupdict(self, default=None):
        d = {}
        for name, i in self.re.groupindex.items():
            v = _group_text(self.string, self._spans, i)
            d[name] = default if v is None else v
        return d

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        i = self._index(group)
        return (self._spans[2 * i], self._spans[2 * i + 1])

    @property
    def regs(self):
        return tuple([(self._spans[2 * i], self._spans[2 * i + 1]) for i in range(self.re.groups + 1)])

    @property
    def lastindex(self):
        # The group that closed last: the latest end, and of groups ending together the
        # outermost (it closes after the ones inside it).
        best = None
        best_end = -1
        for i in range(1, self.re.groups + 1):
            e = self._spans[2 * i + 1]
            if self._spans[2 * i] >= 0 and e > best_end:
                best, best_end = i, e
        return best

    @property
    def lastgroup(self):
        i = self.lastindex
        if i is None:
            return None
        for name, j in self.re.groupindex.items():
            if j == i:
                return name
        return None

    def expand(self, template):
        return _expand_template(_compile_template(self.re, template), self)

    def __repr__(self):
        return '<re.Match object; span=%r, match=%r>' % (self.span(), self.group())

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class Pattern:
    __module__ = 're'

    def __init__(self, pattern, flags):
        self.pattern = pattern
        self._prog = _sre.compile(pattern, int(flags), error)
        groups, names, self.flags = _sre.info(self._prog)
        self.groups = groups
        self.groupindex = dict(names)

    def _one(self, string, pos, endpos, mode):
        spans = _sre.search(self._prog, string, pos, endpos, mode)
        if spans is None:
            return None
        return Match(self, string, pos, endpos, spans)

    def match(self, string, pos=0, endpos=None):
        return self._one(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._one(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=None):
        return self._one(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=None):
        return iter([Match(self, string, pos, endpos, sp)
                     for sp in _sre.scan(self._prog, string, pos, endpos, 0)])

    def findall(self, string, pos=0, endpos=None):
        out = []
        g = self.groups
        empty = string[:0]
        for sp in _sre.scan(self._prog, string, pos, endpos, 0):
            if g == 0:
                out.append(string[sp[0]:sp[1]])
            elif g == 1:
                v = _group_text(string, sp, 1)
                out.append(empty if v is None else v)
            else:
                t = []
                for i in range(1, g + 1):
                    v = _group_text(string, sp, i)
                    t.append(empty if v is None else v)
                out.append(tuple(t))
        return out

    def split(self, string, maxsplit=0):
        if maxsplit < 0:
            return [string]
        out = []
        last = 0
        for sp in _sre.scan(self._prog, string, 0, None, maxsplit):
            out.append(string[last:sp[0]])
            for i in range(1, self.groups + 1):
                out.append(_group_text(string, sp, i))
            last = sp[1]
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        if callable(repl):
            f = repl
        else:
            template = _compile_template(self, repl)
            if len(template) == 1 and not isinstance(template[0], int):
                literal = template[0]
                f = lambda m: literal
            else:
                f = lambda m: _expand_template(template, m)
        if count < 0:
            return string, 0
        pieces = []
        last = 0
        n = 0
        for sp in _sre.scan(self._prog, string, 0, None, count):
            # Empty pieces are left out, as CPython does (its TypeError counts the items).
            if sp[0] > last:
                pieces.append(string[last:sp[0]])
            pieces.append(f(Match(self, string, 0, None, sp)))
            last = sp[1]
            n += 1
        if n == 0:
            return string, 0
        pieces.append(string[last:])
        return string[:0].join(pieces), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def __repr__(self):
        flags = self.flags
        if isinstance(self.pattern, str):
            flags &= ~UNICODE
        r = repr(self.pattern)
        if len(r) > 200:
            r = r[:200]
        if not flags:
            return 're.compile(%s)' % r
        names = []
        for v, n in _FLAG_NAMES[1:]:
            if flags & v:
                names.append('re.' + n)
                flags &= ~v
        if flags:
            names.append(hex(flags))
        return 're.compile(%s, %s)' % (r, '|'.join(names))

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


# ---- templates (CPython's re/_parser.py parse_template) ----------------------------------------

_TEMPLATE_ESCAPES = {'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v', '\\': '\\'}
_OCT = '01234567'
_DIGITS = '0123456789'
_ASCII_LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'


def _compile_template(pattern, repl):
    """A list of literal strings and group numbers."""
    if isinstance(repl, str):
        if not isinstance(pattern.pattern, str):
            raise TypeError("expected a bytes-like object, str found")
        text = repl
        is_bytes = False
    elif isinstance(repl, (bytes, bytearray)):
        if isinstance(pattern.pattern, str):
            raise TypeError("expected str instance, %s found" % type(repl).__name__)
        text = bytes(repl).decode('latin-1')
        is_bytes = True
    else:
        raise TypeError("decoding to str: need a bytes-like object, %s found" % type(repl).__name__)
    out = []
    lit = []
    i = 0
    n = len(text)

    def flush():
        if lit:
            out.append(''.join(lit))
            lit.clear()

    def group_ref(index, pos):
        flush()
        if index > pattern.groups:
            raise error("invalid group reference %d" % index, repl, pos)
        out.append(index)

    while i < n:
        c = text[i]
        if c != '\\':
            lit.append(c)
            i += 1
            continue
        start = i
        if i + 1 >= n:
            raise error("bad escape (end of pattern)", repl, start)
        c = text[i + 1]
        i += 2
        if c == 'g':
            if i >= n or text[i] != '<':
                raise error("missing <", repl, i)
            j = text.find('>', i + 1)
            if j < 0:
                if i + 1 >= n:
                    raise error("missing group name", repl, i + 1)
                raise error("missing >, unterminated name", repl, i + 1)
            name = text[i + 1:j]
            if not name:
                raise error("missing group name", repl, i + 1)
            if name.isdigit():
                index = int(name)
                if index >= 1 << 30:
                    raise error("invalid group reference %d" % index, repl, i + 1)
            elif name.isidentifier():
                key = name.encode('latin-1') if is_bytes else name
                if key not in pattern.groupindex and name not in pattern.groupindex:
                    raise IndexError("unknown group name '%s'" % name)
                index = pattern.groupindex.get(key, pattern.groupindex.get(name))
            else:
                raise error("bad character in group name '%s'" % name, repl, i + 1)
            group_ref(index, i + 1)
            i = j + 1
        elif c == '0':
            v = 0
            k = 0
            while k < 2 and i < n and text[i] in _OCT:
                v = v * 8 + int(text[i])
                i += 1
                k += 1
            lit.append(chr(v))
        elif c in _DIGITS:
            if i < n and text[i] in _DIGITS:
                if c in _OCT and text[i] in _OCT and i + 1 < n and text[i + 1] in _OCT:
                    v = int(c) * 64 + int(text[i]) * 8 + int(text[i + 1])
                    if v > 0o377:
                        raise error('octal escape value \\%s outside of range 0-0o377' % text[start + 1:i + 2], repl, start)
                    lit.append(chr(v))
                    i += 2
                    continue
                index = int(c + text[i])
                i += 1
            else:
                index = int(c)
            group_ref(index, start + 1)
        elif c in _TEMPLATE_ESCAPES:
            lit.append(_TEMPLATE_ESCAPES[c])
        elif c in _ASCII_LETTERS:
            raise error('bad escape \\%s' % c, repl, start)
        else:
            lit.append('\\' + c)
    flush()
    if is_bytes:
        out = [x.encode('latin-1') if isinstance(x, str) else x for x in out]
    if not out:
        out.append(repl[:0])
    return out


def _expand_template(template, match):
    string = match.string
    empty = string[:0]
    pieces = []
    for item in template:
        if isinstance(item, int):
            v = _group_text(string, match._spans, item)
            pieces.append(empty if v is None else v)
        else:
            pieces.append(item)
    return empty.join(pieces)


# ---- the module functions ---------------------------------------------------------------------

_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    flags = int(flags)
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is not None:
        return p
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    p = Pattern(pattern, flags)
    if len(_cache) >= _MAXCACHE:
        _cache.clear()
    _cache[key] = p
    return p


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def purge():
    _cache.clear()


def template(pattern, flags=0):
    return _compile(pattern, flags | T)


_special_chars_map = {c: '\\' + c for c in '()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    if isinstance(pattern, str):
        return ''.join([_special_chars_map.get(c, c) for c in pattern])
    text = bytes(pattern).decode('latin1')
    return ''.join([_special_chars_map.get(c, c) for c in text]).encode('latin1')
