# An RLock can be taken again by the thread that holds it; other threads wait for the last
# release.
import threading

rlock = threading.RLock()
log = []

def countdown(n):
    with rlock:
        log.append(n)
        if n > 0:
            countdown(n - 1)

def other():
    with rlock:
        log.append("other")

with rlock:
    t = threading.Thread(target=other)
    t.start()
    countdown(3)
    log.append("main done")
t.join()
print(log)
print(rlock.acquire(), rlock.acquire(), rlock.acquire(blocking=False))
rlock.release()
rlock.release()
rlock.release()
try:
    rlock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
