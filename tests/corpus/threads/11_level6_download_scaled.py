# Lesson 6 with scaled, distinct sleeps so the finishing order is fixed.
import threading
import time

def download(file, seconds):
    print(f"Downloading {file}")
    time.sleep(seconds)
    print(f"Finished {file}")

files = [("a.mp4", 0.15), ("b.mp4", 0.05), ("c.mp4", 0.10)]
start = time.perf_counter()
threads = []
for name, secs in files:
    t = threading.Thread(target=download, args=(name, secs))
    threads.append(t)
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
print("All downloads complete")
print("ran concurrently:", elapsed < 0.29)
