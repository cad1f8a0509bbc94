# copy: shallow and deep copies, following CPython 3.11's Lib/copy.py rules (__copy__,
# __deepcopy__, the memo for shared and cyclic structure) for threadlab's types.


class Error(Exception):
    pass


error = Error

def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in (list, dict, set):
        return x.copy()
    if cls in (tuple, frozenset, str, int, float, bool, type(None), range) or isinstance(x, type):
        return x
    copier = getattr(x, '__copy__', None)
    if copier is not None:
        return copier()
    if callable(x) and not hasattr(x, '__dict__'):
        return x
    return _reconstruct(x, None)


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in (int, float, bool, str, type(None), range) or isinstance(x, type):
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        if d in memo:
            return memo[d]
        same = True
        for k, j in zip(x, items):
            if k is not j:
                same = False
                break
        y = x if same else tuple(items)
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = set()
        memo[d] = y
        for a in x:
            y.add(deepcopy(a, memo))
    elif cls is frozenset:
        y = frozenset(deepcopy(a, memo) for a in x)
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        elif callable(x) and not hasattr(x, '__dict__'):
            return x
        else:
            y = _reconstruct(x, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo):
    # A new instance of x's class with (a copy of) its attributes, without running __init__.
    cls = type(x)
    deep = memo is not None
    # Subclasses of builtin types: a new one from the builtin value, as copyreg's
    # __reduce_ex__ makes it (immutable ones from their value, containers refilled after).
    for base in (int, float, str, tuple, frozenset):
        if isinstance(x, base):
            y = cls.__new__(cls, base(deepcopy(a, memo) for a in x) if deep and base in (tuple, frozenset) else base(x))
            break
    else:
        y = cls.__new__(cls) if isinstance(x, (list, dict, set)) else object.__new__(cls)
    if memo is not None:
        memo[id(x)] = y
    state = getattr(x, '__dict__', None)
    if state is not None:
        state = dict(state)
    if hasattr(x, '__getstate__') and not isinstance(x, type):
        try:
            state = x.__getstate__()
        except (TypeError, AttributeError):
            pass
    if state:
        if memo is not None:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            for k, v in state.items():
                object.__setattr__(y, k, v)
    if isinstance(x, list):
        y.extend(deepcopy(a, memo) if deep else a for a in x)
    elif isinstance(x, dict):
        for k, v in x.items():
            y[deepcopy(k, memo) if deep else k] = deepcopy(v, memo) if deep else v
    elif isinstance(x, set):
        y.update(deepcopy(a, memo) if deep else a for a in x)
    return y
