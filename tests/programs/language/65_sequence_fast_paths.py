# The dispatch loop reads `seq[i]`, writes `lst[i] = v` and unpacks tuples and lists in place:
# the same results and errors as the general path, for every index sign and length.
t = (10, "b", 3.5, None)
lst = [1, 2.5, "c", (4, 5)]
for i in range(-5, 5):
    for seq in (t, lst):
        try:
            print(i, repr(seq[i]))
        except IndexError as e:
            print(i, "IndexError:", e)
for i in (-5, -4, -1, 0, 3, 4):
    try:
        lst[i] = i * 10
        print("set", i, lst)
    except IndexError as e:
        print("set", i, "IndexError:", e)
print(lst[True], t[False])

for seq in ((1, 2), [3, 4], (1, 2, 3), [1], [], "ab", range(2), {7: 1, 8: 2}):
    try:
        a, b = seq
        print("unpacked", a, b)
    except ValueError as e:
        print("ValueError:", e)
    except TypeError as e:
        print("TypeError:", e)


def swap_loop():
    a, b, c = 1, [2], "three"
    for _ in range(3):
        a, b, c = c, a, b
        (x, y), z = (b, [c, a]), 9
    grid = [[0] * 3 for _ in range(3)]
    for i in range(3):
        for j in range(3):
            grid[i][j] = grid[i - 1][j - 1] + i * j
    return a, b, c, x, y, z, grid


print(swap_loop())
shared = [[1, 2], [3, 4]]
for p, q in shared:
    print(p + q)
for p, q in [(1, 2), (3, 4)]:
    print(p * q)
