# Lesson 5's count(), called once on the main thread: a loop over fast locals.
def count():
    total = 0
    for i in range(10_000_000):
        total += 1
    return total

print(count())
