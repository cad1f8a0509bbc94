# Lesson 5's CPU-bound count with a smaller N, returning results through a list.
import threading

results = []

def count(n):
    total = 0
    for i in range(n):
        total += 1
    results.append(total)

t1 = threading.Thread(target=count, args=(200_000,))
t2 = threading.Thread(target=count, args=(200_000,))
t1.start()
t2.start()
t1.join()
t2.join()
print(sorted(results), sum(results))
print("Done")
