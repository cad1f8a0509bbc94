# Thread names, args/kwargs, is_alive, daemon flag and current_thread inside a thread.
import threading
import time

seen = []

def worker(label, delay=0.0, upper=False):
    time.sleep(delay)
    name = threading.current_thread().name
    seen.append((label.upper() if upper else label, name))

t1 = threading.Thread(target=worker, args=("one",))
t2 = threading.Thread(target=worker, args=("two",), kwargs={"delay": 0.3, "upper": True}, name="custom")
print(t1.name, t2.name, t1.is_alive(), t1.daemon)
t1.start()
t2.start()
print("t2 alive while sleeping:", t2.is_alive())
t1.join()
t2.join()
print("alive after join:", t1.is_alive(), t2.is_alive())
print(sorted(seen))
print(threading.current_thread().name, threading.main_thread().name)
print("active:", threading.active_count())
