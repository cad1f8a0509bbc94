# An uncaught exception in a thread prints "Exception in thread NAME:" and the traceback on
# stderr; the other threads and the main thread go on, and the exit status stays 0.
import threading

log = []

def fails():
    log.append("fails starts")
    raise ValueError("boom")

def survives():
    log.append("survivor runs")

bad = threading.Thread(target=fails)
bad.start()
bad.join()
good = threading.Thread(target=survives)
good.start()
good.join()
print(log)
print("bad alive:", bad.is_alive())
print("main still running")
