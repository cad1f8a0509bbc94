# Lesson 6's downloads one after the other, without threads (CPython's sequential baseline).
import time

def download(file):
    time.sleep(2)

start = time.perf_counter()
for f in ["a.mp4", "b.mp4", "c.mp4"]:
    download(f)
print(f"elapsed {time.perf_counter() - start:.4f}")
