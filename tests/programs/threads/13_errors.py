# CPython's errors for misuse of threads and locks.
import threading

def attempt(label, f):
    try:
        f()
        print(label, "-> ok")
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

def join_self():
    threading.current_thread().join()

t = threading.Thread(target=lambda: None)
attempt("join before start", t.join)
t.start()
attempt("start twice", t.start)
t.join()
attempt("start after finish", t.start)
attempt("join current thread", join_self)
attempt("join main from main", threading.main_thread().join)
attempt("daemon after start", lambda: setattr(t, "daemon", True))
lock = threading.Lock()
attempt("release unlocked lock", lock.release)
attempt("non-blocking with timeout", lambda: lock.acquire(False, 1))
attempt("negative timeout", lambda: lock.acquire(True, -2))
attempt("release un-acquired RLock", threading.RLock().release)
cond = threading.Condition()
attempt("wait without lock", cond.wait)
attempt("notify without lock", cond.notify)
attempt("negative semaphore", lambda: threading.Semaphore(-1))
attempt("semaphore release 0", lambda: threading.Semaphore().release(0))
attempt("group argument", lambda: threading.Thread(group=1))
attempt("unknown keyword", lambda: threading.Thread(colour=1))

errors = []

def in_thread():
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        errors.append(str(e))

w = threading.Thread(target=in_thread)
w.start()
w.join()
print("inside a thread:", errors)
