# Source: Python docs, multiprocessing "Process and exceptions" (exitcode: 0, the sys.exit code, 1 after an uncaught exception with the traceback on stderr, -SIGTERM after terminate(); adapted: -15 for -15, threadlab has no signal module)
import multiprocessing
import sys
import time

def ok():
    pass

def leave():
    sys.exit(3)

def fail():
    raise ValueError('bad value')

def spin():
    while True:
        time.sleep(0.01)

if __name__ == '__main__':
    for target in (ok, leave, fail):
        p = multiprocessing.Process(target=target)
        p.start()
        p.join()
        print(target.__name__, p.exitcode)
    p = multiprocessing.Process(target=spin)
    p.start()
    print(p.is_alive())
    p.terminate()
    p.join()
    print(p.exitcode == -15, p.is_alive())
