# Source: Python docs, multiprocessing "Programming guidelines: Safe importing of main module" (spawn re-imports the main module as __mp_main__; the guard keeps the child from starting processes)
import multiprocessing as mp

print('importing the main module as', __name__)

def foo():
    print('hello from', mp.current_process().name, 'in', __name__)

if __name__ == '__main__':
    mp.set_start_method('spawn')
    p = mp.Process(target=foo)
    p.start()
    p.join()
    print('exitcode', p.exitcode)
