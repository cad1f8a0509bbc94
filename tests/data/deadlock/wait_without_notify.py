import threading
cond = threading.Condition()
def consumer():
    with cond:
        cond.wait()
t = threading.Thread(target=consumer)
t.start()
t.join()
