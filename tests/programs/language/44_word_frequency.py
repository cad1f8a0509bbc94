# Word frequency: string processing, dicts and sorting.
text = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief"""
words = []
for raw in text.lower().split():
    word = raw.strip(".,;:!?")
    if word:
        words.append(word)
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
for word, count in top:
    print(f"{word:>8} {count:2d} {'*' * count}")
print(len(words), len(freq))
longest = max(words, key=len)
print(longest, len(longest))
by_length = {}
for w in sorted(freq):
    by_length.setdefault(len(w), []).append(w)
print(by_length)
