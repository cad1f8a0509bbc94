# An exception in a thread is reported on stderr; the main thread carries on (exit status 0).
import threading

def bad():
    print("thread starting")
    raise ValueError("boom in thread")

t = threading.Thread(target=bad)
t.start()
t.join()
print("main thread still running")
