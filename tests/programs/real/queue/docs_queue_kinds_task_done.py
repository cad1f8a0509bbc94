# Python docs (queue): Queue task_done/join, LifoQueue, PriorityQueue, SimpleQueue, Full/Empty
import queue, threading
q = queue.Queue()
done = []
def worker():
    while True:
        item = q.get()
        done.append(item * 2)
        q.task_done()
threading.Thread(target=worker, daemon=True).start()
for item in range(30):
    q.put(item)
q.join()
print('All work completed', sum(done), len(done))
lq = queue.LifoQueue()
for i in range(4): lq.put(i)
print([lq.get() for _ in range(4)])
pq = queue.PriorityQueue()
for p, job in [(3, 'low'), (1, 'high'), (2, 'mid')]: pq.put((p, job))
while not pq.empty(): print(pq.get())
sq = queue.SimpleQueue(); sq.put('a'); sq.put('b'); print(sq.qsize(), sq.get(), sq.get_nowait(), sq.empty())
bq = queue.Queue(maxsize=2); bq.put(1); bq.put(2); print(bq.full(), bq.qsize())
try:
    bq.put(3, block=False)
except queue.Full:
    print('Full')
try:
    bq.put(3, timeout=0.01)
except queue.Full:
    print('Full after timeout')
bq.get(); bq.get()
try:
    bq.get_nowait()
except queue.Empty:
    print('Empty')
try:
    sq.get(timeout=0.01)
except queue.Empty as e:
    print('Empty', repr(e))
q2 = queue.Queue()
try:
    q2.task_done()
except ValueError as e:
    print(e)
print(queue.Queue.__name__, issubclass(queue.LifoQueue, queue.Queue))
