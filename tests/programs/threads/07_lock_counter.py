# A Lock makes the read-modify-write of a shared counter safe, in every mode.
import threading

counter = 0
lock = threading.Lock()

def work(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1

def work_explicit(n):
    global counter
    for _ in range(n):
        lock.acquire()
        try:
            counter += 1
        finally:
            lock.release()

threads = [threading.Thread(target=work, args=(20000,)) for _ in range(3)]
threads.append(threading.Thread(target=work_explicit, args=(20000,)))
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter", counter)
print(lock.locked(), lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01))
lock.release()
print(lock.locked())
