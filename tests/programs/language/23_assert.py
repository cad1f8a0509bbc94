# assert with and without a message.
assert True
assert 1 + 1 == 2, "math works"
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert [], ["list", "message"]
except AssertionError as e:
    print("message object:", e.args)
try:
    assert False
except AssertionError as e:
    print("no message:", repr(e), e.args)
x = 5
try:
    assert x < 3, f"x is {x}"
except AssertionError as e:
    print(e)
