# Source: Python docs, Logging Cookbook ("Using LoggerAdapters", "extra", a Handler subclass), threaded
# compare: unordered
import logging
import threading


class ListHandler(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append(self.format(record))


handler = ListHandler()
handler.setFormatter(logging.Formatter('%(levelname)s|%(name)s|%(user)s|%(threadName)s|%(message)s'))
logger = logging.getLogger('app')
logger.addHandler(handler)
logger.setLevel(logging.INFO)
logger.propagate = False


def work(n):
    adapter = logging.LoggerAdapter(logger, {'user': 'user%d' % n})
    adapter.info('working on %d', n)
    adapter.debug('hidden')


threads = [threading.Thread(target=work, args=(i,), name='W%d' % i) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for line in handler.records:
    print(line)
logger.warning('with extra', extra={'user': 'root'})
print(handler.records[-1])
