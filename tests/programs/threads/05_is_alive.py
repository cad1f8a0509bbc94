# is_alive(): False before start, True while running, False after it ends.
import threading

go = threading.Event()
running = threading.Event()

def work():
    running.set()
    go.wait()

t = threading.Thread(target=work)
print("before start:", t.is_alive(), t.ident)
t.start()
running.wait()
print("while running:", t.is_alive(), t.ident is not None)
go.set()
t.join()
print("after join:", t.is_alive())
print("repr stopped:", repr(t).startswith("<Thread(Thread-1 (work), stopped "))
