# Source: CPython Lib/_threading_local.py docstring (the MyLocal example)
import threading
from threading import local, Thread

mydata = local()
mydata.number = 42
print(mydata.number)
print(mydata.__dict__)
mydata.__dict__.setdefault('widgets', [])
print(mydata.widgets)

log = []


def f():
    items = sorted(mydata.__dict__.items())
    log.append(items)
    mydata.number = 11
    log.append(mydata.number)


thread = Thread(target=f)
thread.start()
thread.join()
print(log)
print(mydata.number)


class MyLocal(local):
    number = 2

    def __init__(self, /, **kw):
        self.__dict__.update(kw)

    def squared(self):
        return self.number ** 2


mydata = MyLocal(color='red')
print(mydata.number, mydata.color)
del mydata.color
print(mydata.squared())
log = []
thread = Thread(target=f)
thread.start()
thread.join()
print(log)
print(mydata.color if hasattr(mydata, 'color') else 'no color')
