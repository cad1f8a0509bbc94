# Source: Python docs, Logging HOWTO ("Configuring Logging": logger, StreamHandler, Formatter)
import logging
import sys

# create logger
logger = logging.getLogger('simple_example')
logger.setLevel(logging.DEBUG)

# create console handler and set level to debug
ch = logging.StreamHandler()
ch.setLevel(logging.DEBUG)

# create formatter
formatter = logging.Formatter('%(name)s - %(levelname)s - %(message)s')

# add formatter to ch
ch.setFormatter(formatter)

# add ch to logger
logger.addHandler(ch)

# 'application' code
logger.debug('debug message')
logger.info('info message')
logger.warning('warn message')
logger.error('error message')
logger.critical('critical message')

child = logging.getLogger('simple_example.child')
child.info('from the child, through the parent handler')
print(child.parent.name, child.getEffectiveLevel(), child.name)
out = logging.StreamHandler(sys.stdout)
out.setFormatter(logging.Formatter('{levelname}:{name}:{message}', style='{'))
child.addHandler(out)
child.propagate = False
child.warning('only on stdout')
print(logging.getLogger('simple_example') is logger, logging.getLogger('simple_example.child.x').parent is child)
