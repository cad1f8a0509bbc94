# Lesson 6 with scaled, distinct sleeps (50 ms apart) so the finishing order is fixed. The main
# thread announces each start itself: which new thread prints first is up to the scheduler.
import threading
import time

def download(file, seconds):
    time.sleep(seconds)
    print(f"Finished {file}")

files = [("a.mp4", 0.15), ("b.mp4", 0.05), ("c.mp4", 0.10)]
start = time.perf_counter()
threads = []
for name, secs in files:
    print(f"Downloading {name}")
    t = threading.Thread(target=download, args=(name, secs))
    threads.append(t)
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
print("All downloads complete")
print("ran concurrently:", elapsed < 0.29)
