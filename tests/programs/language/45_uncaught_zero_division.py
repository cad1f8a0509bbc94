# Output is flushed before the traceback; an uncaught exception exits with status 1.
def ratio(a, b):
    return a / b

print("before")
values = [(1, 2), (3, 0)]
for a, b in values:
    print(ratio(a, b))
print("never printed")
