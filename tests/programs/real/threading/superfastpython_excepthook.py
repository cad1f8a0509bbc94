# Source: SuperFastPython, "Unhandled Exceptions in Threads" (threading.excepthook)
import threading
from time import sleep


def work():
    print('Working...')
    sleep(0.05)
    raise Exception('Something bad happened')


def custom_hook(args):
    print(f'Thread failed: {args.exc_value}')
    print(f'Type: {args.exc_type.__name__}, thread: {args.thread.name}')


threading.excepthook = custom_hook
thread = threading.Thread(target=work, name='Worker')
thread.start()
thread.join()
print('Continuing on...')
threading.excepthook = threading.__excepthook__
thread = threading.Thread(target=work, name='Worker2')
thread.start()
thread.join()
print('Done')
