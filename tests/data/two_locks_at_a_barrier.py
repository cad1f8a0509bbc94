import threading
a, b = threading.Lock(), threading.Lock()
meet = threading.Barrier(2)
def one():
    with a:
        meet.wait()
        with b:
            pass
def two():
    with b:
        meet.wait()
        with a:
            pass
t1 = threading.Thread(target=one, name="one")
t2 = threading.Thread(target=two, name="two")
t1.start(); t2.start()
t1.join()
