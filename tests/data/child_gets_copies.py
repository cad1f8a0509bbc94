# A child prints at module level (the program runs again as __mp_main__) and sends its changed
# argument back on a Queue the parent waits on; the parent still has its own copy.
import multiprocessing as mp

def child(data, q):
    data.append('child')
    q.put((__name__, data, mp.current_process().name))

print('module run as', __name__)

if __name__ == '__main__':
    mp.set_start_method('spawn')
    data = ['parent']
    q = mp.Queue()
    p = mp.Process(target=child, args=(data, q))
    p.start()
    print('child sent', q.get())
    p.join()
    print('parent still has', data, p.exitcode)
