# multiprocessing.Pool and ProcessPoolExecutor, printing only what CPython makes deterministic:
# results, the initializer running once in each of the pool's workers (one map's tasks reach
# every worker), worker names from SpawnPoolWorker-1..N, a task's exception in the parent.
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor, as_completed

inits = None
tag = None


def init(counter, t):
    global inits, tag
    inits, tag = counter, t
    with counter.get_lock():
        counter.value += 1


def tagged(x):
    return tag, x * x


def square(x):
    return x * x


def named(x):
    return x, mp.current_process().name


def fail(x):
    raise ValueError('bad %d' % x)


if __name__ == '__main__':
    mp.set_start_method('spawn')
    counter = mp.Value('i', 0)
    pool = mp.Pool(2, initializer=init, initargs=(counter, 'w'))
    print('map', pool.map(tagged, range(6)))
    pool.close()
    pool.join()
    print('initializer ran', counter.value, 'times')
    pool = mp.Pool(3)
    names = pool.map(named, range(7)) + [pool.apply_async(named, (i,)).get() for i in range(4)]
    print('names', set(n for _, n in names) <= {'SpawnPoolWorker-3', 'SpawnPoolWorker-4', 'SpawnPoolWorker-5'})
    print('starmap', pool.starmap(pow, [(2, 5), (3, 2)]))
    print('imap', list(pool.imap(square, range(4))))
    print('unordered', sorted(pool.imap_unordered(square, range(4))))
    print('empty', pool.map(square, []))
    try:
        pool.apply_async(fail, (2,)).get()
    except ValueError as e:
        print('raised', e)
    pool.close()
    pool.join()
    print('next process', mp.Process(target=print).name)
    with ProcessPoolExecutor(max_workers=2) as ex:
        print('submit', [f.result() for f in [ex.submit(square, i) for i in range(3)]])
        print('executor map', list(ex.map(square, range(5))))
        print('as_completed', sorted(f.result() for f in as_completed([ex.submit(square, i) for i in range(4)])))
