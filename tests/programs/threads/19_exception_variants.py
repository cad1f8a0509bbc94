# SystemExit in a thread is silent; an exception from a subclass's run() is reported with the
# thread's current name.
import sys
import threading

class Broken(threading.Thread):
    def run(self):
        self.name = "renamed-before-failing"
        raise KeyError("missing")

q = threading.Thread(target=sys.exit, args=(3,))
q.start()
q.join()
print("SystemExit in a thread is silent")
b = Broken()
b.start()
b.join()
print("done")
