# Lesson 6 with scaled, distinct sleeps (200 ms apart) so the finishing order is fixed. The main
# thread announces each start itself: which new thread prints first is up to the scheduler.
# "Concurrently" is read from the downloads themselves, not from a stopwatch: all three were
# waiting at the same moment.
import threading
import time

lock = threading.Lock()
waiting = 0
most_waiting = 0

def download(file, seconds):
    global waiting, most_waiting
    with lock:
        waiting += 1
        most_waiting = max(most_waiting, waiting)
    time.sleep(seconds)
    with lock:
        waiting -= 1
    print(f"Finished {file}")

files = [("a.mp4", 0.6), ("b.mp4", 0.2), ("c.mp4", 0.4)]
threads = []
for name, secs in files:
    print(f"Downloading {name}")
    t = threading.Thread(target=download, args=(name, secs))
    threads.append(t)
    t.start()
for t in threads:
    t.join()
print("All downloads complete")
print("ran concurrently:", most_waiting == 3)
