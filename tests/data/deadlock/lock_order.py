import threading
a, b = threading.Lock(), threading.Lock()
a_taken, b_taken = threading.Event(), threading.Event()
def one():
    with a:
        a_taken.set()
        b_taken.wait()
        with b:
            pass
def two():
    with b:
        b_taken.set()
        a_taken.wait()
        with a:
            pass
t1 = threading.Thread(target=one)
t2 = threading.Thread(target=two)
t1.start()
t2.start()
t1.join()
t2.join()
