# Source: PyMOTW-3, threading (Signaling Between Threads with Event; Timer Threads)
import threading
import time


def wait_for_event(e):
    print('wait_for_event starting')
    event_is_set = e.wait()
    print('event set: {}'.format(event_is_set))


def wait_for_event_timeout(e, t):
    while not e.is_set():
        event_is_set = e.wait(t)
        if event_is_set:
            print('processing event')
        else:
            print('doing other work')
            break


e = threading.Event()
t1 = threading.Thread(name='block', target=wait_for_event, args=(e,))
t1.start()
time.sleep(0.05)
t2 = threading.Thread(name='nonblock', target=wait_for_event_timeout, args=(e, 0.05))
t2.start()
t2.join()
print('main: calling set()')
e.set()
t1.join()
print('main: event is set')


def delayed():
    print('worker running')


# The timers wait 0.5 s (PyMOTW: 0.3) so that a cancel 0.02 s after start wins on a loaded machine.
t1 = threading.Timer(0.5, delayed)
t1.name = 't1'
t2 = threading.Timer(0.5, delayed)
t2.name = 't2'
print('starting timers')
t1.start()
t2.start()
print('waiting before canceling {}'.format(t2.name))
time.sleep(0.02)
print('canceling {}'.format(t2.name))
t2.cancel()
t1.join()
print('done')
