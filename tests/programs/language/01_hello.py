# The smallest program: print with its separators and line ends.
print("Hello")
print("a", "b", "c")
print("a", "b", sep="-")
print("no newline", end="")
print(" then newline")
print()
print(1, 2.5, True, None, "x")
print("multi", "sep", sep=", ", end="!\n")
