# Every thread waits somewhere else when Stop comes: computing, sleeping, a Lock, an Event, a
# Condition, a Semaphore, a join, the GIL. Never ends by itself: tests/green_stop.rs and
# tests/threads_modes.rs stop it (it is not in tests/programs/, which run to completion).
import threading, time

lock = threading.Lock()
lock.acquire()
cond = threading.Condition()
never = threading.Event()

def spin():
    while True:
        pass

def waits_on_cond():
    with cond:
        cond.wait()

threads = [
    threading.Thread(target=spin),
    threading.Thread(target=spin),
    threading.Thread(target=time.sleep, args=(60,)),
    threading.Thread(target=lock.acquire),
    threading.Thread(target=never.wait),
    threading.Thread(target=waits_on_cond),
    threading.Thread(target=threading.Semaphore(0).acquire),
]
for t in threads:
    t.start()
threads[0].join()
