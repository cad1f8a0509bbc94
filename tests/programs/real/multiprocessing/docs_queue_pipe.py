# Source: Python docs, multiprocessing "Exchanging objects between processes" (Queues and Pipes)
from multiprocessing import Process, Queue, Pipe

def f(q):
    q.put([42, None, 'hello'])

def g(conn):
    conn.send([42, None, 'hello'])
    conn.close()

if __name__ == '__main__':
    q = Queue()
    p = Process(target=f, args=(q,))
    p.start()
    print(q.get())    # prints "[42, None, 'hello']"
    p.join()

    parent_conn, child_conn = Pipe()
    p = Process(target=g, args=(child_conn,))
    p.start()
    print(parent_conn.recv())   # prints "[42, None, 'hello']"
    p.join()
