# A Lock makes read-modify-write of a shared counter safe.
import threading

counter = 0
lock = threading.Lock()

def work(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1

threads = [threading.Thread(target=work, args=(5000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter", counter)

lock.acquire()
print("locked:", lock.locked())
lock.release()
print("locked:", lock.locked())
print("non-blocking acquire:", lock.acquire(blocking=False), lock.acquire(blocking=False))
lock.release()
