total = 10
count = 0
print("computing")
average = total / count
