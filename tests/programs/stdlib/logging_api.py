# Source: threadlab stdlib tests: logging defaults, basicConfig(force), hierarchy, exception, {-style, stdout handler
import logging, threading, time
def thread_function(name):
    logging.info("Thread %s: starting", name)
    time.sleep(0.1)
    logging.info("Thread %s: finishing", name)
logging.warning("hello")
format = "%(threadName)s %(levelname)-8s %(name)s %(funcName)s %(lineno)d %(module)s %(filename)s: %(message)s"
logging.basicConfig(format=format, level=logging.INFO, datefmt="%H:%M:%S", force=True)
x = threading.Thread(target=thread_function, args=(1,))
x.start(); x.join()
log = logging.getLogger("app.sub")
log.debug("no"); log.error("err %d", 3)
try:
    1/0
except ZeroDivisionError:
    log.exception("boom")
print(logging.getLevelName(10), logging.getLevelName("INFO"), logging.getLevelName(5), log, logging.getLogger())
h = logging.StreamHandler()
h.setFormatter(logging.Formatter("{levelname}|{name}|{message}", style="{"))
l2 = logging.getLogger("x"); l2.propagate = False; l2.addHandler(h); l2.setLevel(logging.DEBUG); l2.debug("dbg")
import sys
l3 = logging.getLogger("y"); l3.propagate=False; h3 = logging.StreamHandler(sys.stdout); h3.setFormatter(logging.Formatter("%(asctime).2s %(message)s", datefmt="%Y")); l3.addHandler(h3); l3.warning("to stdout")
