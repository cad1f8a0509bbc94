# A daemon thread does not keep the program alive.
import threading
import time

def forever():
    while True:
        time.sleep(0.01)

d = threading.Thread(target=forever, daemon=True)
d.start()
print("daemon:", d.daemon, "alive:", d.is_alive())
time.sleep(0.03)
print("main exits without joining the daemon")
