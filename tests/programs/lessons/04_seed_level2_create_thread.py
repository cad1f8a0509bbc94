# Seed lesson 2.3 is the fragment `t = threading.Thread(target=task)`; completed minimally.
import threading

def task():
    print("task ran")

t = threading.Thread(target=task)
