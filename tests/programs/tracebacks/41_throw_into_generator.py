def waiter():
    while True:
        value = yield
        print("got", value)

w = waiter()
next(w)
w.send(1)
w.throw(TimeoutError("took too long"))
