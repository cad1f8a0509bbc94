# The convoy effect: 200 x time.sleep(0.001), alone (SPIN = False) or beside one thread spinning
# on the CPU. The bench script rewrites SPIN and INTERVAL.
import sys
import threading
import time

SPIN = True
INTERVAL = 0.005
sys.setswitchinterval(INTERVAL)
stop = False

def spin():
    while not stop:
        pass

if SPIN:
    spinner = threading.Thread(target=spin)
    spinner.start()
start = time.perf_counter()
for _ in range(200):
    time.sleep(0.001)
elapsed = time.perf_counter() - start
stop = True
if SPIN:
    spinner.join()
print(f"elapsed {elapsed:.4f}")
