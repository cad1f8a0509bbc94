def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "big"
print([classify(x) for x in (-5, 0, 5, 50)])
total = 0
i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    total += i
print(total)
for a in range(3):
    for b in range(3):
        if b == 2:
            break
        print(a, b, end="; ")
print()
found = None
for x in [1, 3, 5, 6, 7]:
    if x % 2 == 0:
        found = x
        break
else:
    found = -1
print("found", found)
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)], [x for row in matrix for x in row if x > 2])
pairs = [(1, "one"), (2, "two")]
for num, word in pairs:
    print(num, word)
for i, (num, word) in enumerate(pairs):
    print(i, num, word)
d = {"x": 1, "y": 2}
for k in d:
    print(k, d[k])
print(list(range(5))[::2], list(range(10))[-3:], [1, 2, 3][::-1])
def gen_squares(n):
    return (x * x for x in range(n))
print(sum(gen_squares(4)), list(gen_squares(3)), any(x > 3 for x in [1, 5]))
x = 5
print("even" if x % 2 == 0 else "odd", x > 3 and x < 10, x < 3 or x > 4, not x)
print(0 or "default", "" and "x", None or 0 or [], 1 and 2 and 3)
def outer():
    v = "outer"
    def inner():
        return v + "-inner"
    return inner()
print(outer())
counter = 0
def incr():
    global counter
    for _ in range(1000):
        counter += 1
incr(); incr()
print(counter)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), fact(25))
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print([fib(i) for i in range(15)], fib(100))
funcs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in funcs])
print(sorted([(2, "b"), (1, "z"), (2, "a")]), sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
nums = [4, 1, 3]
nums.sort(key=lambda v: -v)
print(nums, list(map(lambda v: v * 2, nums)), list(filter(lambda v: v > 1, nums)))
