# Source: Python docs, re module, "Regular Expression Examples" (Checking for a Pair, search() vs. match(), Making a Phonebook, Text Munging, Finding all Adverbs, Raw String Notation)
import random
import re


def displaymatch(match):
    if match is None:
        return None
    return '<Match: %r, groups=%r>' % (match.group(), match.groups())


valid = re.compile(r"^[a2-9tjqk]{5}$")
print(displaymatch(valid.match("akt5q")))  # Valid.
print(displaymatch(valid.match("akt5e")))  # Invalid.
print(displaymatch(valid.match("akt")))    # Invalid.
print(displaymatch(valid.match("727ak")))  # Valid.

pair = re.compile(r".*(.).*\1")
print(displaymatch(pair.match("717ak")))     # Pair of 7s.
print(displaymatch(pair.match("718ak")))     # No pairs.
print(displaymatch(pair.match("354aa")))     # Pair of aces.
print(pair.match("717ak").group(1))
print(pair.match("354aa").group(1))

print(re.match("c", "abcdef"))    # No match
print(re.search("c", "abcdef"))   # Match
print(re.match("c", "abcdef"))    # No match
print(re.search("^c", "abcdef"))  # No match
print(re.search("^a", "abcdef"))  # Match
print(re.match("X", "A\nB\nX", re.MULTILINE))  # No match
print(re.search("^X", "A\nB\nX", re.MULTILINE))  # Match

text = """Ross McFluff: 834.345.1254 155 Elm Street

Ronald Heathmore: 892.345.3428 436 Finley Avenue
Frank Burger: 925.541.7625 662 South Dogwood Way


Heather Albrecht: 548.326.4584 919 Park Place"""
entries = re.split("\n+", text)
print(entries)
print([re.split(":? ", entry, 3) for entry in entries])
print([re.split(":? ", entry, 4) for entry in entries])


def repl(m):
    inner_word = list(m.group(2))
    random.shuffle(inner_word)
    return m.group(1) + "".join(inner_word) + m.group(3)


random.seed(5)
text = "Professor Abdolmalek, please report your absences promptly."
print(re.sub(r"(\w)(\w+)(\w)", repl, text))
print(re.sub(r"(\w)(\w+)(\w)", repl, text))

text = "He was carefully disguised but captured quickly by police."
print(re.findall(r"\w+ly\b", text))
for m in re.finditer(r"\w+ly\b", text):
    print('%02d-%02d: %s' % (m.start(), m.end(), m.group(0)))

print(re.match(r"\W(.)\1\W", " ff "))
print(re.match("\\W(.)\\1\\W", " ff "))
print(re.match(r"\\", r"\\"))
print(re.match("\\\\", r"\\"))

# Simulating scanf(): "%s - %d errors, %d warnings"
m = re.search(r"(\S+) - (\d+) errors, (\d+) warnings", "/usr/sbin/sendmail - 0 errors, 4 warnings")
print(m.groups())
