items = [1, 2]
print(items * 2)
print(items - 1)
