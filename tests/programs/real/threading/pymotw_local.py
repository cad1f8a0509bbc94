# Source: PyMOTW-3, "threading — Manage Concurrent Operations Within a Process" (Thread-specific Data, local)
# compare: unordered
import threading

print_lock = threading.Lock()


def show_value(data):
    try:
        val = data.value
    except AttributeError:
        with print_lock:
            print('{}: No value yet'.format(threading.current_thread().name))
    else:
        with print_lock:
            print('{}: value={}'.format(threading.current_thread().name, val))


def worker(data, n):
    show_value(data)
    data.value = n * 10
    show_value(data)


local_data = threading.local()
show_value(local_data)
local_data.value = 1000
show_value(local_data)

threads = []
for i in range(2):
    t = threading.Thread(target=worker, args=(local_data, i))
    t.start()
    threads.append(t)
for t in threads:
    t.join()
show_value(local_data)


class MyLocal(threading.local):

    def __init__(self, value):
        super().__init__()
        with print_lock:
            print('{}: Initializing {}'.format(threading.current_thread().name, type(self).__name__))
        self.value = value


local_data = MyLocal(1000)
show_value(local_data)

threads = []
for i in range(2):
    t = threading.Thread(target=worker, args=(local_data, i))
    t.start()
    threads.append(t)
for t in threads:
    t.join()
