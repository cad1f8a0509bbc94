# Lesson 5 (CPU-bound count in two threads), smaller N, results checked.
import threading

totals = []

def count():
    total = 0
    for i in range(300_000):
        total += 1
    totals.append(total)

t1 = threading.Thread(target=count)
t2 = threading.Thread(target=count)
t1.start()
t2.start()
t1.join()
t2.join()
print(totals)
print("Done")
