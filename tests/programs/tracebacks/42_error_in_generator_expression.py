def ratios(values):
    return list(100 // v for v in values)

print(ratios([5, 2, 0]))
