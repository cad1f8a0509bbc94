# textwrap: wrap, fill, shorten, dedent, indent, TextWrapper options; and the str methods it uses
import textwrap

text = ("The quick brown fox jumps over the lazy dog. Python's textwrap module wraps "
        "paragraphs of text; it breaks long-winded, hyphenated words sensibly.  Sentences end here. "
        "A verylongwordthatcannotbebrokeneasilyatall appears too.")
print(textwrap.wrap(text, 30))
print(textwrap.fill(text, 40))
print(textwrap.fill(text, width=25, initial_indent='* ', subsequent_indent='  '))
print(textwrap.fill(text, 20, break_long_words=False))
print(textwrap.fill(text, 20, break_on_hyphens=False))
print(textwrap.fill(text, 50, fix_sentence_endings=True))
print(textwrap.wrap('  leading and trailing   spaces  ', 10, drop_whitespace=False))
print(textwrap.wrap('tabs\there\tand\tthere', 12), textwrap.wrap('tabs\there', 12, expand_tabs=False, replace_whitespace=False))
print(textwrap.wrap(text, 30, max_lines=3), textwrap.wrap(text, 30, max_lines=2, placeholder=' [more]'))
print(textwrap.shorten(text, 40), textwrap.shorten('Hello  world!', width=12), textwrap.shorten('Hello world', 11))
print(textwrap.wrap(''), textwrap.wrap('   '), textwrap.fill('one', 1))
w = textwrap.TextWrapper(width=15, initial_indent='> ', subsequent_indent='>> ')
print(w.wrap('a b c d e f g h i j k l m n o p q'), w.fill('wrapper objects can be reused'))
code = '''
    def f():
        return 1

    x = f()
'''
print(repr(textwrap.dedent(code)))
print(repr(textwrap.dedent('  a\n\t b\n')), repr(textwrap.dedent('\tx\n\ty')), repr(textwrap.dedent('  x\n \n  y')))
print(textwrap.indent('a\nb\n\nc', '> '))
print(textwrap.indent('a\n  \nb', '+', lambda line: True))
try:
    textwrap.wrap('abc', 0)
except ValueError as e:
    print('ValueError', e)
try:
    textwrap.wrap(text, 10, max_lines=1, placeholder='.........................')
except ValueError as e:
    print('ValueError', e)
print('a\tb\tc'.expandtabs(), 'ab\tc\n\td'.expandtabs(4), 'x\ty'.expandtabs(0))
print('hello'.translate({ord('l'): 'L', ord('o'): None, 104: 72}), 'abc'.translate(str.maketrans('ab', 'xy', 'c')))
print(str.maketrans({'a': 'b', 98: None}), 'abc'.isascii(), 'é'.isascii(), 'ab c'.isprintable(), 'a\nb'.isprintable())
