# Instance __dict__ and vars(): a dict that writes through (update, item assignment, del, pop, setdefault), json of it, copy with __reduce__/__setstate__.
import json
class Config:
    def __init__(self, **kw):
        self.__dict__.update(kw)
c = Config(a=1, b='x')
print(c.a, c.b, vars(c), c.__dict__, isinstance(vars(c), dict), json.dumps(vars(c)), sorted(vars(c)), len(vars(c)))
vars(c)['z'] = 3
print(c.z, 'z' in c.__dict__, c.__dict__.get('a'), list(c.__dict__.items()))
del c.__dict__['z']
print(hasattr(c, 'z'), c.__dict__.pop('b'), hasattr(c, 'b'), c.__dict__.setdefault('q', 9), c.q)
d = dict(c.__dict__)
print(d, type(d) is dict, c.__dict__ == {'a': 1, 'q': 9})
import copy
class C2:
    def __init__(self):
        self.a = 1
    def __reduce__(self):
        return (C2, (), self.__dict__)
    def __setstate__(self, state):
        self.__dict__.update(state)
print(copy.deepcopy(C2()).a, copy.copy(c).a)
