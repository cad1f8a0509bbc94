# string: CPython 3.11's constants, capwords and Template ($-substitution parsed by hand:
# threadlab has no `re`).

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


def _is_id_start(c):
    return c == '_' or ('a' <= c <= 'z') or ('A' <= c <= 'Z')


def _is_id_char(c):
    return _is_id_start(c) or ('0' <= c <= '9')


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _invalid(self, i):
        lines = self.template[:i].split('\n')
        if not lines:
            lines = ['']
        colno = i - len(''.join(lines[:-1]))
        lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def _sub(self, lookup, safe):
        t = self.template
        out = []
        i = 0
        n = len(t)
        while i < n:
            c = t[i]
            if c != '$':
                out.append(c)
                i += 1
                continue
            if i + 1 < n and t[i + 1] == '$':
                out.append('$')
                i += 2
                continue
            if i + 1 < n and t[i + 1] == '{':
                j = t.find('}', i + 2)
                name = t[i + 2:j] if j >= 0 else ''
                if j >= 0 and name and _is_id_start(name[0]) and all(_is_id_char(ch) for ch in name):
                    out.append(lookup(name, t[i:j + 1]))
                    i = j + 1
                    continue
            elif i + 1 < n and _is_id_start(t[i + 1]):
                j = i + 1
                while j < n and _is_id_char(t[j]):
                    j += 1
                out.append(lookup(t[i + 1:j], t[i:j]))
                i = j
                continue
            if safe:
                out.append('$')
                i += 1
                continue
            self._invalid(i)
        return ''.join(out)

    def substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            merged = dict(mapping)
            merged.update(kws)
            mapping = merged

        def lookup(name, text):
            return str(mapping[name])
        return self._sub(lookup, False)

    def safe_substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            merged = dict(mapping)
            merged.update(kws)
            mapping = merged

        def lookup(name, text):
            try:
                return str(mapping[name])
            except KeyError:
                return text
        return self._sub(lookup, True)

    def get_identifiers(self):
        ids = []

        def lookup(name, text):
            if name not in ids:
                ids.append(name)
            return ''
        self._sub(lookup, True)
        return ids
