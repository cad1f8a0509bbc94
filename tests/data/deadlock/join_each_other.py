import threading
started = threading.Event()
def first():
    started.wait()
    t2.join()
def second():
    started.set()
    t1.join()
t1 = threading.Thread(target=first)
t2 = threading.Thread(target=second)
t1.start()
t2.start()
t1.join()
