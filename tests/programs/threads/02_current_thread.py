# current_thread() inside a thread is that thread's own object; main_thread() is the same
# everywhere.
import threading

seen = {}

def record(key):
    me = threading.current_thread()
    seen[key] = (me.name, me is threading.main_thread(), me.ident == threading.get_ident())

threads = [threading.Thread(target=record, args=(i,)) for i in range(3)]
named = threading.Thread(target=record, args=("named",), name="special")
for t in threads + [named]:
    t.start()
for t in threads + [named]:
    t.join()
record("main")
for key in [0, 1, 2, "named", "main"]:
    print(key, seen[key])
main = threading.main_thread()
print(main.name, main.is_alive(), main.daemon, type(main).__name__)
print(threading.current_thread() is main)
print(isinstance(threads[0].ident, int), isinstance(threads[0].native_id, int))
