# Two processes of two counting threads each, meeting at a shared Value (tests/processes.rs and
# tests/e2e/processes.test.mjs: the running spans overlap across processes, never within one).
import multiprocessing as mp
import threading

def count(arrived):
    with arrived.get_lock():
        arrived.value += 1
    total = 0
    while total < 300_000 or arrived.value < 4:
        total += 1

def job(arrived):
    ts = [threading.Thread(target=count, args=(arrived,)) for _ in range(2)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()

if __name__ == '__main__':
    arrived = mp.Value('i', 0)
    ps = [mp.Process(target=job, args=(arrived,)) for _ in range(2)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print('exitcodes', [p.exitcode for p in ps], arrived.value)
