# Source: Python docs, logging "LogRecord attributes" (the fields threading programs print)
# normalize: digits
import logging
import threading

logging.basicConfig(
    format='%(name)s %(levelno)s %(levelname)s %(module)s %(filename)s %(funcName)s %(lineno)d '
           '%(threadName)s %(thread)d %(process)d %(processName)s %(msecs)d %(relativeCreated)d '
           '%(asctime)s | %(message)s',
    level=logging.DEBUG)


def in_function():
    logging.getLogger('fields').debug('from %s', 'a function')


in_function()
t = threading.Thread(target=in_function, name='Other')
t.start()
t.join()
logging.log(25, 'custom level %d', 25)
logging.addLevelName(25, 'NOTICE')
logging.log(25, 'named now')
