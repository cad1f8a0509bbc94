# Source: Python docs, multiprocessing "The Process class" (hello bob, and info() with the pids)
# normalize: digits
from multiprocessing import Process
import os

def info(title):
    print(title)
    print('module name:', __name__)
    print('process id:', os.getpid())

def f(name):
    info('function f')
    print('hello', name)

if __name__ == '__main__':
    import multiprocessing as mp
    mp.set_start_method('spawn')
    info('main line')
    p = Process(target=f, args=('bob',))
    p.start()
    p.join()
