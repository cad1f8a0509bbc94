# Source: Python docs, Logging Cookbook ("Logging from multiple threads"), bounded instead of waiting for Ctrl-C
# compare: unordered
# normalize: digits
import logging
import threading
import time


def worker(arg):
    for _ in range(3):  # bounded here: the count of lines must not depend on timing
        if arg['stop']:
            break
        logging.debug('Hi from myfunc')
        time.sleep(0.05)


def main():
    logging.basicConfig(level=logging.DEBUG, format='%(relativeCreated)6d %(threadName)s %(message)s')
    info = {'stop': False}
    thread = threading.Thread(target=worker, args=(info,))
    thread.start()
    for _ in range(3):
        logging.debug('Hello from main')
        time.sleep(0.075)
    time.sleep(0.1)
    info['stop'] = True
    thread.join()


if __name__ == '__main__':
    main()
