def greet(n): return "hi " + n
