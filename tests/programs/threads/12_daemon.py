# Daemon threads are cut off at exit; threads made by a daemon thread are daemons too.
import threading
import time

ready = threading.Event()

def child():
    while True:
        time.sleep(0.01)

def forever():
    kid = threading.Thread(target=child)
    print("child inherits daemon:", kid.daemon)
    kid.start()
    ready.set()
    while True:
        time.sleep(0.01)

d = threading.Thread(target=forever, daemon=True)
print("daemon:", d.daemon)
d.start()
ready.wait()
print("alive:", d.is_alive(), "count:", threading.active_count())
n = threading.Thread(target=time.sleep, args=(0.05,))
n.daemon = False
n.start()
print("main exits; the non-daemon thread is waited for, the daemons are not")
