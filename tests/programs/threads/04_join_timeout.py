# join(timeout) returns after the timeout even if the thread still runs: check is_alive().
import threading
import time

stop = threading.Event()

def slow():
    stop.wait()
    print("slow thread finishing")

t = threading.Thread(target=slow)
t.start()
start = time.perf_counter()
t.join(timeout=0.05)
waited = time.perf_counter() - start
print("returned after timeout:", 0.04 < waited < 1.0)
print("still alive:", t.is_alive())
t.join(0)
print("still alive after join(0):", t.is_alive())
t.join(-1)
print("negative timeout returns too:", t.is_alive())
stop.set()
t.join()
print("alive after real join:", t.is_alive())
