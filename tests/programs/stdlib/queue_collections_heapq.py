# Source: threadlab stdlib tests: queue classes, collections, heapq, bisect, operator; ends in queue.Empty
import queue, threading, heapq, bisect
from collections import deque, defaultdict, Counter, OrderedDict, namedtuple
import operator
q = queue.Queue()
def worker():
    while True:
        item = q.get()
        print(f'Working on {item}')
        print(f'Finished {item}')
        q.task_done()
threading.Thread(target=worker, daemon=True).start()
for item in range(5):
    q.put(item)
q.join()
print('All work completed')
pq = queue.PriorityQueue()
for x in [5, 1, 3, (2, 'a')] if False else [5, 1, 3, 2]:
    pq.put(x)
print([pq.get() for _ in range(4)])
lq = queue.LifoQueue(); lq.put(1); lq.put(2); print(lq.get(), lq.qsize(), lq.empty(), lq.full())
try:
    q.get_nowait()
except queue.Empty as e:
    print("empty", repr(e))
bq = queue.Queue(maxsize=1); bq.put(1)
try:
    bq.put(2, timeout=0.05)
except queue.Full:
    print("full")
sq = queue.SimpleQueue(); sq.put(3); print(sq.get(), sq.empty())
d = deque([1,2,3], maxlen=3); d.append(4); d.appendleft(0); print(d, d.maxlen); d.rotate(1); print(d)
dd = defaultdict(list); dd['a'].append(1); print(dd, dict(dd) if False else list(dd.items()))
c = Counter("abracadabra"); print(c, c.most_common(2), c['z'])
P = namedtuple('Point', 'x y'); p = P(1, y=2); print(p, p.x, p[1], p._asdict(), p._replace(x=5))
x, y = p; print(x + y)
od = OrderedDict(a=1, b=2); od.move_to_end('a'); print(od)
h = []; [heapq.heappush(h, v) for v in [5, 2, 8, 1]]; print(heapq.heappop(h), heapq.nsmallest(2, [4,1,3]), heapq.nlargest(2, [4,1,3]))
print(bisect.bisect([1,2,4], 3), operator.add(1, 2), operator.itemgetter(1)([1, 2]), sorted([(1,'b'),(0,'c')], key=operator.itemgetter(1)))
q.get(timeout=0.01)
