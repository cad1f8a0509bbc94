# Producer/consumer on a Condition: the consumer waits while the queue is empty.
import threading

items = []
cond = threading.Condition()
DONE = object()
consumed = []

def consumer():
    while True:
        with cond:
            while not items:
                cond.wait()
            item = items.pop(0)
        if item is DONE:
            break
        consumed.append(item)
        print("consumed", item)

def producer():
    for i in range(5):
        with cond:
            items.append(i)
            cond.notify()
    with cond:
        items.append(DONE)
        cond.notify()

c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start()
p.start()
p.join()
c.join()
print("total", sum(consumed))
