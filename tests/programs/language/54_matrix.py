# Matrix arithmetic with nested lists.
def matmul(a, b):
    rows, inner, cols = len(a), len(b), len(b[0])
    return [[sum(a[i][k] * b[k][j] for k in range(inner)) for j in range(cols)] for i in range(rows)]

def transpose(m):
    return [list(row) for row in zip(*m)]

def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]

a = [[1, 2], [3, 4]]
b = [[5, 6], [7, 8]]
print(matmul(a, b), transpose(a), matmul(a, identity(2)) == a)
power = identity(2)
fibm = [[1, 1], [1, 0]]
for _ in range(30):
    power = matmul(power, fibm)
print(power[0][1])
for row in matmul([[1.5, 0], [0, 2]], [[2, 1], [1, 0.25]]):
    print(" ".join(f"{v:6.2f}" for v in row))
print(sum(sum(row) for row in identity(5)), [row[::-1] for row in a])
