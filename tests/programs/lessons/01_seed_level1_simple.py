import threading
import time

def task():
    for i in range(3):
        print("Task running")
        time.sleep(1)

t = threading.Thread(target=task)
t.start()

print("Main thread continues")
