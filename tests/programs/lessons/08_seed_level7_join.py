# Seed lesson 7 is the fragment `t.start(); t.join(); print("Done")`; completed minimally.
import threading

def task():
    print("task ran")

t = threading.Thread(target=task)

t.start()
t.join()  # main thread waits here
print("Done")
