# A Semaphore(2) lets at most two threads in at once.
import threading
import time

sem = threading.Semaphore(2)
state_lock = threading.Lock()
inside = 0
most = 0

def worker():
    global inside, most
    with sem:
        with state_lock:
            inside += 1
            most = max(most, inside)
        # Long enough for a second thread to get in, even on a loaded machine.
        time.sleep(0.2)
        with state_lock:
            inside -= 1

threads = [threading.Thread(target=worker) for _ in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("most inside at once:", most)
s = threading.Semaphore(1)
print(s.acquire(), s.acquire(blocking=False), s.acquire(timeout=0.01))
s.release()
s.release(2)
print(s.acquire(False), s.acquire(False), s.acquire(False), s.acquire(False))
b = threading.BoundedSemaphore(2)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
