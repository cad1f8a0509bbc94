"""Helper module."""
print('helper loading', __name__)
VALUE = 42
def greet(name):
    return f'hello {name}'
def fail():
    return 1 / 0
class Thing:
    pass
