# Source: Python docs, Logging HOWTO ("A simple example", "Logging variable data", "Changing the format")
import logging
logging.warning('Watch out!')  # will print a message to the console
logging.info('I told you so')  # will not print anything
logging.warning('%s before you %s', 'Look', 'leap!')
logging.error('an error, %d', 42)
logging.critical('critical!')
logging.debug('not shown')
root = logging.getLogger()
print(root, root.level, logging.getLevelName(root.getEffectiveLevel()))
print(logging.getLevelName(logging.INFO), logging.getLevelName('ERROR'), logging.getLevelName(33))
