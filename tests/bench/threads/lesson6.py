# Lesson 6: three downloads that each wait 2 s.
import threading
import time

def download(file):
    time.sleep(2)

start = time.perf_counter()
threads = []
for f in ["a.mp4", "b.mp4", "c.mp4"]:
    t = threading.Thread(target=download, args=(f,))
    threads.append(t)
    t.start()
for t in threads:
    t.join()
print(f"elapsed {time.perf_counter() - start:.4f}")
