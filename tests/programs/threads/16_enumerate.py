# active_count() and enumerate() list the main thread and the live threads.
import threading

release = threading.Event()
started = []
started_lock = threading.Lock()
all_in = threading.Event()

def wait_here():
    with started_lock:
        started.append(1)
        if len(started) == 3:
            all_in.set()
    release.wait()

print("alone:", threading.active_count(), [t.name for t in threading.enumerate()])
threads = [threading.Thread(target=wait_here, name="worker-%d" % i) for i in range(3)]
for t in threads:
    t.start()
all_in.wait()
print("with workers:", threading.active_count(), sorted(t.name for t in threading.enumerate()))
release.set()
for t in threads:
    t.join()
print("after join:", threading.active_count(), [t.name for t in threading.enumerate()])
