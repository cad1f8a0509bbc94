# Lesson 5: two threads each counting to 10,000,000 (locals in a function). Prints the seconds
# the counting took, measured inside the program.
import threading
import time

def count():
    total = 0
    for i in range(10_000_000):
        total += 1

start = time.perf_counter()
t1 = threading.Thread(target=count)
t2 = threading.Thread(target=count)
t1.start()
t2.start()
t1.join()
t2.join()
print(f"elapsed {time.perf_counter() - start:.4f}")
