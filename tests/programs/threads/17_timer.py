# Timer runs a function after a delay unless cancelled.
import threading

fired = []
t = threading.Timer(0.02, fired.append, args=("first",))
t.start()
t.join()
c = threading.Timer(5.0, fired.append, args=("never",))
c.start()
c.cancel()
c.join()
print(fired, t.name, c.name)
