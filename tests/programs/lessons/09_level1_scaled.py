# Lesson 1 with sleeps scaled down; the main thread joins so the output order is fixed.
import threading
import time

def task():
    for i in range(3):
        print("Task running", i)
        time.sleep(0.3)

t = threading.Thread(target=task)
t.start()
time.sleep(0.15)  # between the task's first and second line, 150 ms from either
print("Main thread continues")
t.join()
print("Task finished")
