# ThreadPoolExecutor's ways of waiting, under the with statement: submit/result, map,
# as_completed, wait, an exception, and a call that submits more work from inside a worker.
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED


def square(x):
    return x * x


def fail(x):
    raise ValueError('bad %d' % x)


with ThreadPoolExecutor(max_workers=2) as ex:
    futures = [ex.submit(square, i) for i in range(5)]
    print('submit', [f.result() for f in futures])
    print('map', list(ex.map(square, range(6))))
    print('map2', list(ex.map(pow, [2, 3], [5, 2])))
    done = sorted(f.result() for f in as_completed([ex.submit(square, i) for i in range(4)]))
    print('as_completed', done)
    done, pending = wait([ex.submit(square, 9), ex.submit(square, 10)])
    print('wait', sorted(f.result() for f in done), len(pending))
    done, pending = wait([ex.submit(square, 11)], return_when=FIRST_COMPLETED)
    print('first', [f.result() for f in done])
    bad = ex.submit(fail, 3)
    print('exception', repr(bad.exception()))
    try:
        bad.result()
    except ValueError as e:
        print('raised', e)
    outer = ex.submit(lambda: ex.submit(square, 12).result() + 1)
    print('nested', outer.result())
print('after with', ex._shutdown)
