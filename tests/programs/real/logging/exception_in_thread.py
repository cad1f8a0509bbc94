# Source: Python docs, logging ("Logger.exception"; logging from a worker thread's except block)
import logging
import threading

logging.basicConfig(format='%(threadName)s:%(levelname)s:%(funcName)s:%(message)s')
log = logging.getLogger(__name__)


def divide(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        log.exception('cannot divide %d by %d', a, b)


t = threading.Thread(target=divide, args=(1, 0), name='Divider')
t.start()
t.join()
try:
    {}['missing']
except KeyError as e:
    log.error('lookup failed: %r', e, exc_info=True)
log.warning('done in %s', __name__)
