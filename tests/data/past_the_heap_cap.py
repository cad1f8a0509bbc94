# Sizes CPython tries to allocate (and then runs for minutes or exhausts the machine): past the
# heap cap threadlab raises MemoryError at once.
import threading
def show(what, f):
    try:
        f()
        print(what, "ok")
    except MemoryError:
        print(what, "MemoryError")
def probe(where):
    show(where + " shift", lambda: 1 << 10**10)
    show(where + " pow", lambda: 2 ** (10**12))
    show(where + " pow()", lambda: pow(10, 10**12))
    show(where + " repeat", lambda: [0, 1] * (10**9))
probe("main")
t = threading.Thread(target=probe, args=("thread",))
t.start()
t.join()
