# logging HOWTO / cookbook: basicConfig with threadName and levelname, loggers, handlers
import logging, threading, sys
logging.basicConfig(level=logging.DEBUG, stream=sys.stdout,
                    format='%(threadName)-10s %(levelname)-8s %(name)s: %(message)s')
log = logging.getLogger('app')
def work(n):
    log.info('working on %d', n)
ts = [threading.Thread(target=work, args=(i,), name=f'T{i}') for i in range(3)]
for t in ts:
    t.start(); t.join()
log.debug('debug %s', 'msg'); log.warning('warn'); log.error('err %r', {'k': 1})
child = logging.getLogger('app.db'); child.critical('child critical')
print(child.parent is log, child.getEffectiveLevel(), logging.getLevelName(30), logging.getLevelName('ERROR'))
h = logging.StreamHandler(sys.stdout); h.setFormatter(logging.Formatter('[%(levelno)s] %(funcName)s %(message)s'))
h.setLevel(logging.WARNING)
other = logging.getLogger('other'); other.propagate = False; other.addHandler(h)
def f(): other.warning('from f'); other.info('hidden')
f()
try:
    raise ZeroDivisionError('division by zero')
except ZeroDivisionError:
    other.exception('boom')
log.setLevel(logging.ERROR); log.warning('suppressed'); print(log.isEnabledFor(logging.ERROR), log.isEnabledFor(logging.INFO))
logging.disable(logging.CRITICAL); log.critical('disabled'); logging.disable(logging.NOTSET)
class Filt(logging.Filter):
    def filter(self, record):
        return 'secret' not in record.getMessage()
other.addFilter(Filt()); other.warning('a secret'); other.warning('public')
adapter = logging.LoggerAdapter(other, {'x': 1}); adapter.warning('via adapter')
