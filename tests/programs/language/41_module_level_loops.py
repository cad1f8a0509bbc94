# Loops and accumulators at module level (globals rather than fast locals).
total = 0
for i in range(100000):
    total += i
print(total)
squares = 0
n = 0
while n < 1000:
    squares += n * n
    n += 1
print(squares)
evens = [i for i in range(50) if i % 2 == 0]
print(len(evens), evens[-1])
table = {}
for i in range(1, 6):
    table[i] = i ** 3
print(table)
acc = ""
for word in ("mod", "ule", "level"):
    acc = acc + word
print(acc)
