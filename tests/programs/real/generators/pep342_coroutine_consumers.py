# Source: PEP 342 "Coroutines via Enhanced Generators", Examples 1-2 (the consumer decorator, thumbnail pager), and David Beazley "A Curious Course on Coroutines and Concurrency" (grep coroutine, broadcast)
import functools

def consumer(func):
    @functools.wraps(func)
    def wrapper(*args, **kw):
        gen = func(*args, **kw)
        next(gen)
        return gen
    return wrapper

@consumer
def thumbnail_pager(pagesize, thumbsize, destination):
    while True:
        page = []
        while len(page) < pagesize:
            try:
                thumb = yield
            except GeneratorExit:
                if page:
                    destination.send(page)
                destination.close()
                return
            page.append(thumb)
        destination.send(page)

@consumer
def printer(label):
    try:
        while True:
            item = yield
            print(label, item)
    except GeneratorExit:
        print(label, "closed")

pager = thumbnail_pager(3, (64, 64), printer("page:"))
for name in ["a.jpg", "b.jpg", "c.jpg", "d.jpg", "e.jpg"]:
    pager.send(name)
pager.close()

@consumer
def grep(pattern, target):
    while True:
        line = yield
        if pattern in line:
            target.send(line)

@consumer
def broadcast(targets):
    while True:
        item = yield
        for t in targets:
            t.send(item)

def follow(lines, target):
    for line in lines:
        target.send(line)
    target.close()

@consumer
def collect(label, out):
    try:
        while True:
            out.append((label, (yield)))
    except GeneratorExit:
        print(label, "got", len(out), "lines")

found = []
follow(
    ["python is fun", "ply uses python", "swig", "python generators", "perl"],
    broadcast([grep("python", collect("python", found)), grep("ply", collect("ply", found))]),
)
print(found)
print(thumbnail_pager.__name__)
