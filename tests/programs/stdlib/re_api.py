# re: the module functions, Match and Pattern objects, templates, flags, and re.error messages
import re

m = re.match(r'(?P<first>\w+) (?P<last>\w+)(?P<x>!)?', 'Jane Doe, more')
print(m, bool(m), m.group(), m.group(0), m.group(1), m.group('last'), m.group(1, 'last', 0), m[2], m['first'])
print(m.groups(), m.groups('-'), m.groupdict(), m.groupdict(0), m.span(), m.span(2), m.start('last'), m.end(1))
print(m.start('x'), m.span(3), m.lastindex, m.lastgroup, m.re, m.string, m.pos, m.endpos, m.regs)
print(m.expand(r'\2, \1! \g<first> \g<2>'), re.match('(a)(b)?', 'a').lastindex, re.match('(a(b))', 'ab').lastindex)
try:
    m.group(5)
except IndexError as e:
    print('IndexError', e)
try:
    m.group('nope')
except IndexError as e:
    print('IndexError', e)
p = re.compile(r'\d+')
print(p, p.pattern, p.flags, p.groups, p.groupindex, p.search('ab 12 cd 345').group(), p.match('12a').end())
print(p.search('12 34 56', 3), p.search('12 34 56', 3, 4), p.match('x12', 1), p.fullmatch('123'), p.fullmatch('123', 0, 2))
print(p.findall('1 22 333', 2), [m.group() for m in p.finditer('a1b22c333')], p.split('a1b22c333'), p.split('a1b22c333', 1))
print(re.split(r'(\d)', 'a1b2c'), re.split(r'(x)|(\d)', 'a1bxc'), re.split(r'\b', 'one two'), re.split('', 'abc'), re.split('x*', 'axbc'))
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@site and ann@host'), re.sub(r'a', 'b', 'aaa', count=2), re.subn(r'a', 'b', 'aaa'))
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1 b22 c333'), re.sub('(?P<n>x)', r'[\g<n>]', 'axbx'))
print(re.sub('a', r'\n\t\\', 'a'), re.sub('a', '\\q'.replace('q', '%'), 'a'), re.sub(r'(a)', r'\1\g<1>0', 'a'), re.sub('', '-', 'ab'))
print(re.sub(r'(b)?a', r'[\1]', 'ab a'), re.sub('x', '\\0', 'x').encode(), re.sub('(x)', '\\1\\061', 'x'))
print(re.escape('a.b*c?d+e(f)[g]{h}|i^j$k\\l m-n#o&p~q'), re.escape(b'a.b'), re.escape('é_1'))
print(re.findall(r'(\w)(\d)?', 'a1 b c2'), re.findall(r'x*', 'axxb'), re.findall(b'[a-c]+', b'xxabcxxcb'))
print(re.search(b'(?i)ABC', b'xxabc'), re.match(rb'\x00\xff', b'\x00\xff'), re.sub(b'a', b'b', b'aa'))
print(re.compile('x', re.I), re.compile('x', re.I | re.S | re.X), re.compile(b'x'), re.compile('x', re.A), re.compile('a') == re.compile('a'))
print(re.I, re.M | re.S, re.I | 8, 16 | re.I, re.A & re.I, repr(re.X), str(re.NOFLAG), re.I == 2, int(re.M | re.S), re.compile('a', re.X | re.A).flags, re.compile('a').flags, re.compile(b'a').flags)
print(re.search('^b', 'a\nb', re.M), re.search('a.b', 'a\nb', re.DOTALL), re.findall('a b', 'ab a b', re.VERBOSE))
print(re.compile(re.compile('abc')).pattern, re.purge())
text = '''Name: Alice Age: 30
Name: Bob   Age: 25'''
for mm in re.finditer(r'Name: (?P<name>\w+)\s+Age: (?P<age>\d+)', text):
    print(mm.group('name'), int(mm.group('age')), mm.span())
errors = ['*a', 'a**', '(ab', 'ab)', '[ab', r'\q', 'a\\', '[b-a]', '(?<x)', '(?P<1a>x)', '(?P<a>x)(?P<a>y)', '(?P=zz)',
          r'\5', '(?<=a+)b', 'a(?i)b', 'a{3,2}', '(?', '(?P<a', '(?z)', 'a|*', '(*)', r'[\q]', 'x{2}{3}', '(?(1)a|b|c)',
          '(?(x)a)', r'\x4', r'\u12', '(?P<>x)', '[]', '[^]', '(?#abc', 'ab\n)', '(a)\\2', '(?P<n>a)(?P=n', '[a-\\d]']
for pat in errors:
    try:
        re.compile(pat)
        print(repr(pat), 'compiles')
    except re.error as e:
        print(repr(pat), '->', e, '|', e.msg, e.pos, e.lineno, e.colno, e.pattern == pat)
for f in [lambda: re.sub('a', r'\g<zz>', 'a'), lambda: re.sub('a', r'\3', 'a'), lambda: re.sub('a', '\\q', 'a'),
          lambda: re.sub('a', r'\g<1', 'a'), lambda: re.match('a', b'a'), lambda: re.match(b'a', 'a'),
          lambda: re.compile(5), lambda: re.compile(re.compile('a'), re.I), lambda: re.sub('a', 5, 'a'),
          lambda: re.sub('a', lambda m: 5, 'a'), lambda: re.compile(b'x', re.U)]:
    try:
        print(f())
    except (re.error, TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
print(isinstance(re.compile('a'), re.Pattern), isinstance(re.match('a', 'a'), re.Match), issubclass(re.error, Exception))
long = 'ab' * 20000 + 'c'
print(len(re.match(r'(?:ab)*c', long).group()), re.search(r'(a|b)*c', long).span(), len(re.findall('b', long)))
print(re.match(r'(a*)*b', 'a' * 20 + 'b').span(), re.match('x(?:y|z)*' , 'x' + 'yz' * 5000).end())
re.compile('(unclosed')
