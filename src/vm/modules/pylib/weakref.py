# weakref: ref, getweakrefcount, WeakValueDictionary, WeakKeyDictionary, WeakSet, threadlab's
# own on _weakref. threadlab's objects do not report their death, so dead entries are dropped
# when a container is next read (len, iteration, lookup) rather than at once, and callbacks
# (ref's second argument, finalize) are not supported. The weak-key containers compare keys by
# identity (CPython uses the keys' == and hash).

from _weakref import ref, getweakrefcount, ReferenceType

__all__ = ["ref", "getweakrefcount", "WeakKeyDictionary", "ReferenceType", "WeakSet",
           "WeakValueDictionary", "finalize"]


def getweakrefs(obj):
    raise NotImplementedError("weakref.getweakrefs is not supported by threadlab")


def proxy(obj, callback=None):
    raise NotImplementedError("weakref.proxy is not supported by threadlab")


class finalize:
    def __init__(self, obj, func, /, *args, **kwargs):
        raise NotImplementedError("weakref.finalize is not supported by threadlab "
                                  "(objects do not report their death)")


class WeakValueDictionary:
    def __init__(self, other=(), /, **kw):
        self.data = {}
        self.update(other, **kw)

    def _prune(self):
        for k, r in list(self.data.items()):
            if r() is None:
                del self.data[k]

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            del self.data[key]
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self.data[key] = ref(value)

    def __delitem__(self, key):
        r = self.data.pop(key)
        if r() is None:
            raise KeyError(key)

    def __len__(self):
        self._prune()
        return len(self.data)

    def __contains__(self, key):
        r = self.data.get(key)
        return r is not None and r() is not None

    def __iter__(self):
        self._prune()
        return iter(list(self.data))

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def keys(self):
        self._prune()
        return list(self.data)

    def values(self):
        out = []
        for r in list(self.data.values()):
            o = r()
            if o is not None:
                out.append(o)
        return out

    def items(self):
        out = []
        for k, r in list(self.data.items()):
            o = r()
            if o is not None:
                out.append((k, o))
        return out

    def get(self, key, default=None):
        r = self.data.get(key)
        if r is None:
            return default
        o = r()
        return default if o is None else o

    def pop(self, key, *args):
        r = self.data.pop(key, None)
        o = None if r is None else r()
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o

    def popitem(self):
        while True:
            key, r = self.data.popitem()
            o = r()
            if o is not None:
                return key, o

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=None, /, **kwargs):
        if other is not None:
            if hasattr(other, 'items'):
                other = other.items()
            for k, v in other:
                self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def clear(self):
        self.data.clear()

    def copy(self):
        return WeakValueDictionary(self.items())

    def valuerefs(self):
        return list(self.data.values())


class WeakKeyDictionary:
    def __init__(self, dict=None):
        self.data = {}
        if dict is not None:
            self.update(dict)

    def _entries(self):
        out = []
        for k, (r, v) in list(self.data.items()):
            o = r()
            if o is None:
                del self.data[k]
            else:
                out.append((o, v))
        return out

    def __getitem__(self, key):
        e = self.data.get(id(key))
        if e is None or e[0]() is not key:
            raise KeyError(key)
        return e[1]

    def __setitem__(self, key, value):
        self.data[id(key)] = (ref(key), value)

    def __delitem__(self, key):
        e = self.data.get(id(key))
        if e is None or e[0]() is not key:
            raise KeyError(key)
        del self.data[id(key)]

    def __contains__(self, key):
        e = self.data.get(id(key))
        return e is not None and e[0]() is key

    def __len__(self):
        return len(self._entries())

    def __iter__(self):
        return iter([k for k, v in self._entries()])

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def keys(self):
        return [k for k, v in self._entries()]

    def values(self):
        return [v for k, v in self._entries()]

    def items(self):
        return self._entries()

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def pop(self, key, *args):
        try:
            v = self[key]
        except KeyError:
            if args:
                return args[0]
            raise
        del self.data[id(key)]
        return v

    def setdefault(self, key, default=None):
        if key in self:
            return self[key]
        self[key] = default
        return default

    def update(self, dict=None, /, **kwargs):
        if dict is not None:
            if hasattr(dict, 'items'):
                dict = dict.items()
            for k, v in dict:
                self[k] = v
        if kwargs:
            self.update(kwargs)

    def clear(self):
        self.data.clear()

    def copy(self):
        return WeakKeyDictionary(self.items())


class WeakSet:
    def __init__(self, data=None):
        self.data = {}
        if data is not None:
            for x in data:
                self.add(x)

    def _live(self):
        out = []
        for k, r in list(self.data.items()):
            o = r()
            if o is None:
                del self.data[k]
            else:
                out.append(o)
        return out

    def add(self, item):
        self.data[id(item)] = ref(item)

    def discard(self, item):
        r = self.data.get(id(item))
        if r is not None and r() is item:
            del self.data[id(item)]

    def remove(self, item):
        if item not in self:
            raise KeyError(item)
        self.discard(item)

    def __contains__(self, item):
        r = self.data.get(id(item))
        return r is not None and r() is item

    def __len__(self):
        return len(self._live())

    def __iter__(self):
        return iter(self._live())

    def clear(self):
        self.data.clear()

    def copy(self):
        return WeakSet(self._live())

    def __repr__(self):
        return "{%s}" % ", ".join([repr(x) for x in self._live()])
