# Source: Python docs, threading "Barrier Objects" (server/client example, made runnable)
# compare: unordered
import threading

b = threading.Barrier(2, timeout=5)
log = []
log_lock = threading.Lock()


def say(msg):
    with log_lock:
        print(msg)


def server():
    say("server: started")
    b.wait()
    say("server: serving")


def client():
    say("client: started")
    b.wait()
    say("client: connecting")


threads = [threading.Thread(target=server), threading.Thread(target=client)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("parties:", b.parties, "waiting:", b.n_waiting, "broken:", b.broken)

# A barrier whose party never arrives times out and is broken for everyone.
lonely = threading.Barrier(2)
try:
    lonely.wait(timeout=0.05)
except threading.BrokenBarrierError:
    print("BrokenBarrierError, broken =", lonely.broken)
lonely.reset()
print("after reset, broken =", lonely.broken)
