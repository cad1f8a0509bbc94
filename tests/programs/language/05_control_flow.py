# if/elif/else, while/else, for/else, break, continue, pass.
for n in [-5, 0, 3, 10, 100]:
    if n < 0:
        kind = "negative"
    elif n == 0:
        kind = "zero"
    elif n < 10:
        kind = "small"
    else:
        kind = "large"
    print(n, kind)

i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    if i == 4:
        pass
    print("while", i)
else:
    print("while finished without break")

while True:
    i -= 1
    if i < 2:
        break
print("after break", i)

n = 0
while n < 3:
    n += 1
    if n == 10:
        break
else:
    print("else runs:", n)

for x in range(2, 20):
    for d in range(2, x):
        if x % d == 0:
            break
    else:
        print(x, "is prime")

for ch in "abc":
    if ch == "b":
        break
else:
    print("not printed")

print("ternary:", "yes" if 3 > 2 else "no", "yes" if [] else "no")
x = 5
print(1 < x < 10, 1 < x > 10, x == 5 != 6)
print(not x, not 0, x and "and", 0 or "or", None or 0)
