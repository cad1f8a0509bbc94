# multiprocessing.reduction: pickle semantics for values crossing between processes.
# `dumps(obj)` makes a transfer tree (only None, bool, int, float, str, bytes and tuples: the
# `_multiprocessing` core refuses anything else), `loads(tree)` builds fresh objects from one in
# the receiving interpreter. Functions and classes travel by qualified name, as pickle does, so
# local objects and lambdas cannot travel, with pickle's errors.

import _multiprocessing as _mp


class PicklingError(Exception):
    __module__ = '_pickle'


class UnpicklingError(Exception):
    __module__ = '_pickle'

_SCALARS = (type(None), bool, int, float, str, bytes)
_FUNCTION_TYPES = (type(len), type(lambda: None))


def _lookup(module, qualname):
    obj = _mp.import_module(module)
    for part in qualname.split('.'):
        obj = getattr(obj, part)
    return obj


def _global(obj):
    module = getattr(obj, '__module__', None)
    qualname = getattr(obj, '__qualname__', None) or obj.__name__
    if module is None and type(obj) is type(len):
        home = _mp.builtin_home(obj)
        if home is not None:
            return ('g',) + home
        module = 'builtins'
    module = module or '__main__'
    if '<locals>' in qualname:
        raise AttributeError("Can't pickle local object %r" % qualname)
    try:
        found = _lookup(module, qualname)
    except (ImportError, AttributeError):
        raise PicklingError("Can't pickle %r: attribute lookup %s on %s failed" % (obj, qualname, module)) from None
    if found is not obj:
        raise PicklingError("Can't pickle %r: it's not the same object as %s.%s" % (obj, module, qualname))
    return ('g', module, qualname)


def dumps(obj):
    t = type(obj)
    if t in _SCALARS:
        return obj
    if t is tuple:
        return ('t', tuple([dumps(x) for x in obj]))
    if t is list:
        return ('l', tuple([dumps(x) for x in obj]))
    if t is dict:
        return ('d', tuple([(dumps(k), dumps(v)) for k, v in obj.items()]))
    if t is set:
        return ('s', tuple([dumps(x) for x in obj]))
    if t is frozenset:
        return ('f', tuple([dumps(x) for x in obj]))
    if t is bytearray:
        return ('ba', bytes(obj))
    if t is range:
        return ('r', obj.start, obj.stop, obj.step)
    if isinstance(obj, type) or t in _FUNCTION_TYPES:
        return _global(obj)
    if isinstance(obj, BaseException):
        state = dict(getattr(obj, '__dict__', {}))
        return ('e', _global(t), dumps(obj.args), dumps(state))
    if t.__module__ == 'builtins' or not hasattr(obj, '__dict__'):
        name = t.__name__
        if name == 'lock':
            name = '_thread.lock'
        elif name == 'RLock':
            name = '_thread.RLock'
        raise TypeError("cannot pickle '%s' object" % name)
    cls = _global(t)
    getstate = getattr(obj, '__getstate__', None)
    if getstate is not None and '__getstate__' in _class_dict_chain(t):
        state = getstate()
    else:
        state = dict(obj.__dict__)
    base = None
    for b in (list, dict, tuple, set):
        if isinstance(obj, b):
            base = dumps(b(obj))
    return ('o', cls, dumps(state), base)


def _class_dict_chain(t):
    names = set()
    for k in t.__mro__:
        if k is not object:
            names.update(k.__dict__)
    return names


def _set_state(obj, state):
    # Item by item: this VM's `obj.__dict__` is a snapshot, not the live namespace.
    for k, v in state.items():
        object.__setattr__(obj, k, v)


def loads(tree):
    if type(tree) is not tuple:
        return tree
    tag = tree[0]
    if tag == 't':
        return tuple([loads(x) for x in tree[1]])
    if tag == 'l':
        return [loads(x) for x in tree[1]]
    if tag == 'd':
        return {loads(k): loads(v) for k, v in tree[1]}
    if tag == 's':
        return {loads(x) for x in tree[1]}
    if tag == 'f':
        return frozenset([loads(x) for x in tree[1]])
    if tag == 'ba':
        return bytearray(tree[1])
    if tag == 'r':
        return range(tree[1], tree[2], tree[3])
    if tag == 'g':
        try:
            return _lookup(tree[1], tree[2])
        except AttributeError:
            module = _mp.import_module(tree[1])
            raise AttributeError("Can't get attribute %r on %r" % (tree[2], module)) from None
    if tag == 'e':
        cls = loads(tree[1])
        exc = cls(*loads(tree[2]))
        _set_state(exc, loads(tree[3]))
        return exc
    if tag == 'o':
        cls = loads(tree[1])
        base = tree[3]
        if base is not None and issubclass(cls, tuple):
            obj = tuple.__new__(cls, loads(base))
        else:
            obj = object.__new__(cls) if base is None else cls.__new__(cls)
            if base is not None:
                b = loads(base)
                if isinstance(obj, dict):
                    obj.update(b)
                elif isinstance(obj, list):
                    obj.extend(b)
                elif isinstance(obj, set):
                    obj.update(b)
        state = loads(tree[2])
        setstate = getattr(obj, '__setstate__', None)
        if setstate is not None and '__setstate__' in _class_dict_chain(cls):
            setstate(state)
        elif state:
            _set_state(obj, state)
        return obj
    raise UnpicklingError('bad transfer tree tag %r' % (tag,))


class ForkingPickler:
    dumps = staticmethod(dumps)
    loads = staticmethod(loads)
