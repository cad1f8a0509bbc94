# int / int for big ints is correctly rounded (CPython's long_true_divide): random operands, halfway cases, subnormals, overflow.
import random
r = random.Random(5)
bad = 0
for i in range(400):
    a = r.getrandbits(r.randint(54, 200)); b = r.getrandbits(r.randint(1, 200)) + 1
    q = a / b
    if i < 3: print(q)
    print(repr(q))
print((2**53 + 1) / 1, (2**54+3)/2, 10**400 // 10**390 / 3, (10**308*10)/10**10)
print(-(10**30) / 7, 10**30 / -7, 0 / -(10**30), 1 / 10**400, (2**1024 - 2**971) / 1)
try:
    print(2**1024 / 1)
except OverflowError as e:
    print(e)
print(3**700 / 5**400, 5**400 / 3**700, (2**53 * 3 + 1) / 3, 2**-1074 == 1 / 2**1074, 3 / 2**1076)
