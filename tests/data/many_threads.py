# Starts 100,000 short threads, a few alive at a time: the run finishes and its report shows
# the first threads and counts the rest (the timeline's caps).
import threading
count = 0
lock = threading.Lock()
def work():
    global count
    with lock:
        count += 1
THREADS = 100_000
for batch in range(THREADS // 50):
    ts = [threading.Thread(target=work) for _ in range(50)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
print(count, threading.active_count())
