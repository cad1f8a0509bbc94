# Source: Python Cookbook 3rd ed. (Beazley & Jones), 12.3 "Communicating Between Threads" (sentinel shutdown)
# compare: unordered
from queue import Queue
from threading import Thread

# Object that signals shutdown
_sentinel = object()


# A thread that produces data
def producer(out_q):
    for data in range(10):
        out_q.put(data)
    # Put the sentinel on the queue to indicate completion
    out_q.put(_sentinel)


# A thread that consumes data
def consumer(in_q, results):
    while True:
        # Get some data
        data = in_q.get()

        # Check for termination
        if data is _sentinel:
            in_q.put(_sentinel)
            break

        # Process the data
        results.append(data * data)
        print('got', data)


q = Queue()
results = []
t1 = Thread(target=consumer, args=(q, results))
t3 = Thread(target=consumer, args=(q, results))
t2 = Thread(target=producer, args=(q,))
t1.start()
t3.start()
t2.start()
t1.join()
t2.join()
t3.join()
print('sum of squares', sum(results), 'items', len(results))
