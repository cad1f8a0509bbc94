# Condition.wait_for(predicate, timeout) and notify_all.
import threading

cond = threading.Condition(threading.Lock())
ready = []

def waiter(i):
    with cond:
        cond.wait_for(lambda: len(ready) > 0)
        ready.append(i)

threads = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
with cond:
    ready.append("go")
    cond.notify_all()
for t in threads:
    t.join()
print(ready[0], sorted(ready[1:]))
with cond:
    print("timed out:", cond.wait_for(lambda: False, timeout=0.02))
    print("wait timeout:", cond.wait(0.01))
