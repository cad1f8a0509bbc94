# join() waits for a thread; results come back through a shared list.
import threading
import time

results = []

def square(n, delay):
    time.sleep(delay)
    results.append(n * n)

threads = []
# 250 ms between the wake-ups: a loaded machine cannot reorder them.
for n, delay in [(3, 0.6), (1, 0.1), (2, 0.35)]:
    t = threading.Thread(target=square, args=(n, delay))
    threads.append(t)
    t.start()
for t in threads:
    t.join()
print("results in finishing order:", results)
print("all done:", [t.is_alive() for t in threads])
print(threads[0].join(), threads[0].join(0))
