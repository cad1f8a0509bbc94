# gc: the names programs call. threadlab frees objects by reference counting alone (Rust's
# Arc), with no cycle collector, so collect() finds nothing to free (and returns 0) and
# reference cycles are never freed.

_enabled = True


def collect(generation=2):
    return 0


def enable():
    global _enabled
    _enabled = True


def disable():
    global _enabled
    _enabled = False


def isenabled():
    return _enabled


def get_count():
    return (0, 0, 0)


def get_threshold():
    return (700, 10, 10)


def set_threshold(*args):
    pass


garbage = []
callbacks = []
