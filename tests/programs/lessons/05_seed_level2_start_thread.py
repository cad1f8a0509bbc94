# Seed lesson 2.4 is the fragment `t.start()`; completed minimally.
import threading

def task():
    print("task ran")

t = threading.Thread(target=task)
t.start()
