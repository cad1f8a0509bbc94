# re: a table of patterns x subjects, each run through search, match, fullmatch, findall,
# finditer spans, sub and split; the output is compared with python3's line by line.
import re

patterns = [
    r'abc', r'a.c', r'a.c', r'^abc$', r'a*', r'a+?', r'a{2,3}', r'a{2,}?', r'a{,2}', r'(a|b)*c', r'(a|ab)(c|bcd)(d*)',
    r'\d+', r'\D+', r'\w+', r'\W', r'\s+', r'\S+', r'\bfoo\b', r'\Bo\B', r'[a-c]+', r'[^a-c]+', r'[\d\s]+', r'[-a]',
    r'[]a]', r'[a\]]+', r'(?i)HeLLo', r'(?i)[a-z]+', r'(?i)[^a-z]+', r'(?m)^\w+$', r'(?s)a.b', r'a.b', r'(?x) a b  # c',
    r'(\w)\1', r'(?P<q>["\']).*?(?P=q)', r'(?=foo)f', r'(?!foo)\w+', r'(?<=\$)\d+', r'(?<!\$)\b\d+', r'(a)?b',
    r'(a)|(b)', r'(?:ab)+', r'(a*)*', r'(a*)+', r'(a|)*', r'(?>a+)a', r'a++b', r'a*+a', r'(a)(?(1)b|c)', r'(x)?(?(1)y|z)',
    r'\Aab', r'ab\Z', r'$', r'^', r'(?m)$', r'x*', r'\b', r'\B', r'.*', r'.+?', r'[.]', r'\.', r'a|b|c|', r'(?i:A)b',
    r'(?-i:a)B', r'\x41\u00e9\101', r'[\x00-\x1f]', r'(\d+)-(\d+)', r'(?P<word>\w+)\s(?P=word)', r'\$\d+(\.\d\d)?',
    r'[A-Z][a-z]+(?: [A-Z][a-z]+)*', r'^(\w+)@(\w+)\.com$', r'(\w+)=(\d*)', r'<.*?>', r'<.*>', r'(?:(?:a|b)c)+',
    r'[éà]+', r'\w+', r'(?a)\w+', r'é', r'(?i)É', r'colou?r', r'\d{3}-\d{4}', r'(ab|a)(bc|c)?', r'((a)|b)+',
    r'(a+|b+)*c', r'[^\W\d]+', r'\t\n', r'(?:\r?\n)+',
]
subjects = [
    '', 'abc', 'aaa', 'abcd', 'xabcx', 'aXc\nabc', 'a\nb', 'foo bar foofoo', 'say "hi" and \'bye\'', 'x$12 34 $5',
    'Hello HELLO hello', 'abab  cdcd', 'The Quick Brown', 'alice@example.com', 'k=1, v=, z=22', '<a><b></b>', 'café à',
    'colour color', '555-1234 and 555-99999', 'aaab aab', 'a1 b2_c3', '\t\n\r\n\r\n', 'zzy xyz', 'word word twice twice',
]
def show(x):
    return repr(x)
for p in patterns:
    c = re.compile(p)
    print('pattern', repr(p), c.groups, sorted(c.groupindex.items()))
    for s in subjects:
        m = c.search(s)
        res = [m and (m.span(), m.groups()), bool(c.match(s)), bool(c.fullmatch(s))]
        fa = c.findall(s)
        spans = [mm.span() for mm in c.finditer(s)]
        sb = c.subn('<\\g<0>>', s)
        sp = c.split(s)
        print(' ', repr(s), res, fa, spans, sb, sp)
