# An Event hands a signal from one thread to another.
import threading
import time

ready = threading.Event()
log = []

def waiter():
    log.append("waiting")
    ready.wait()
    log.append("got signal")

t = threading.Thread(target=waiter)
t.start()
time.sleep(0.2)  # the waiter is waiting by then, even on a loaded machine
print("is_set before:", ready.is_set())
log.append("setting")
ready.set()
t.join()
print(log)
print("is_set after:", ready.is_set())
print("wait with timeout on a set event:", ready.wait(0.01))
ready.clear()
print("wait with timeout on a cleared event:", ready.wait(0.01))
