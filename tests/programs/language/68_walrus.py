# The walrus operator: in conditions, comprehensions (binding in the enclosing scope), and with global.
if (n := 10) > 5:
    print(n)
print([y for x in range(5) if (y := x * 2) > 4], y)
def f(data):
    if [hit := v for v in data if v > 2]:
        return hit
    total = [last := v for v in data]
    return last, total
print(f([1, 3, 5]), f([1, 2]))

while (chunk := [1, 2][:0]):
    pass
print((z := 3) + z)
counter = 0
def g():
    global counter
    [counter := counter + 1 for _ in range(3)]
g()
print(counter)
print([(a, b) for a in range(3) if (b := a * a) % 2 == 0])
