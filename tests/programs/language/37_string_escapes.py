# String literals: escapes, raw strings, triple quotes, unicode.
print("tab:\t|newline escaped:\\n|quote:\"|apostrophe:\'")
print('single', "double", '''triple single''', """triple
double spanning lines""")
print(r"raw \n stays", len(r"\n"), len("\n"))
print("unicode: \u00e9 \u4e2d", "\U0001F600" == "\U0001f600")
print("hex \x41\x42", "octal \101", "bell is", repr("\a"), repr("\0"))
print(repr("line\nbreak"), repr("\t"), repr("\\"), repr("é"), repr("\x7f"))
print("con" "cat" "enation")
s = """first
  second
third"""
print(s.splitlines(), len(s))
print("lengths", len("ab"), len("日本"), "ü".upper(), "ß".upper(), "ÀÉ".lower())
