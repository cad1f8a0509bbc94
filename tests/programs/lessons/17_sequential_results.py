# Threads writing to their own slots of a shared list: no lock needed, results in order.
import threading

squares = [None] * 5

def fill(i):
    squares[i] = i * i

threads = [threading.Thread(target=fill, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(squares)
names = [t.name for t in threads]
print(len(set(names)) == 5)
