# Thread-N numbering: N counts every Thread() made without a name, from 1; the target's name
# is added in parentheses; no suffix without a target (subclasses, Thread()).
import threading

def task():
    pass

class Worker(threading.Thread):
    def run(self):
        pass

class Job:
    def __call__(self):
        pass

print(threading.current_thread().name)
a = threading.Thread(target=task)
b = threading.Thread(target=task, name="downloader")
c = threading.Thread()
d = Worker()
e = threading.Thread(target=lambda: None)
f = threading.Thread(target=Job())
g = threading.Thread(target=task, name="")
h = threading.Thread(target=print, name=42)
for t in (a, b, c, d, e, f, g, h):
    print(repr(t.name))
a.name = "renamed"
print(a.name)
print(repr(threading.Thread(target=task)))
print(repr(Worker()))
