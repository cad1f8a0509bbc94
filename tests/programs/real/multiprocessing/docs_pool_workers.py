# Source: Python docs, multiprocessing "Using a pool of workers" (map, imap_unordered, apply_async, TimeoutError; adapted: os.getpid and time.sleep wrapped in module-level functions, pids not printed)
# compare: unordered
from multiprocessing import Pool, TimeoutError
import time
import os

def f(x):
    return x*x

def nap(secs):
    time.sleep(secs)

def pid():
    return os.getpid() > 0

if __name__ == '__main__':
    # start 4 worker processes
    with Pool(processes=4) as pool:

        # print "[0, 1, 4,..., 81]"
        print(pool.map(f, range(10)))

        # print same numbers in arbitrary order
        for i in pool.imap_unordered(f, range(10)):
            print(i)

        # evaluate "f(20)" asynchronously
        res = pool.apply_async(f, (20,))      # runs in *only* one process
        print(res.get(timeout=10))             # prints "400"

        # launching multiple evaluations asynchronously *may* use more processes
        multiple_results = [pool.apply_async(pid, ()) for i in range(4)]
        print([res.get(timeout=10) for res in multiple_results])

        # make a single worker sleep for 10 seconds
        res = pool.apply_async(nap, (10,))
        try:
            print(res.get(timeout=0.5))
        except TimeoutError:
            print("We lacked patience and got a multiprocessing.TimeoutError")

        print("For the moment, the pool remains available for more work")

    # exiting the 'with'-block has stopped the pool
    print("Now the pool is closed and no longer available")
