# Ping-pong: two threads hand control back and forth with two Events.
import threading

ping = threading.Event()
pong = threading.Event()

def player(name, mine, theirs, rounds):
    for i in range(rounds):
        mine.wait()
        mine.clear()
        print(name, i)
        theirs.set()

a = threading.Thread(target=player, args=("ping", ping, pong, 4))
b = threading.Thread(target=player, args=("pong", pong, ping, 4))
a.start()
b.start()
ping.set()
a.join()
b.join()
print("event set:", ping.is_set(), pong.is_set())
print("wait timeout:", threading.Event().wait(0.01))
