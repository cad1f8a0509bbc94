# Source: Python docs, queue module example (worker threads with task_done/join), fed by a generator pipeline as in the Functional Programming HOWTO's "Generators" section
# compare: unordered
import queue
import threading

def read_jobs(n):
    for i in range(n):
        yield {"id": i, "payload": list(range(i))}

def with_priority(jobs):
    for job in jobs:
        job["priority"] = job["id"] % 3
        yield job

q = queue.Queue()
results = []
results_lock = threading.Lock()

def worker():
    while True:
        item = q.get()
        total = sum(x * x for x in item["payload"])
        with results_lock:
            results.append((item["id"], total))
        print(f"Finished job {item['id']} (priority {item['priority']})")
        q.task_done()

for i in range(3):
    threading.Thread(target=worker, daemon=True).start()

for job in with_priority(read_jobs(10)):
    q.put(job)

q.join()
print("All work completed")
print(sorted(results) == [(i, sum(x * x for x in range(i))) for i in range(10)])
