import threading
import time

def download(file):
    print(f"Downloading {file}")
    time.sleep(2)
    print(f"Finished {file}")


files = ["a.mp4", "b.mp4", "c.mp4"]

threads = []
for f in files:
    t = threading.Thread(target=download, args=(f,))
    threads.append(t)
    t.start()

for t in threads:
    t.join()

print("All downloads complete")

