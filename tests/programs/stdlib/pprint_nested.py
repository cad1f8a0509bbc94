# pprint: pprint/pformat of nested containers, width wrapping, depth, sort_dicts, compact
import pprint
from collections import OrderedDict, defaultdict, Counter, deque

data = {
    'name': 'threadlab',
    'tags': ['python', 'threads', 'gil', 'wasm', 'workers', 'timeline'],
    'nested': {'a': [1, 2, 3, {'deep': (4, 5, 6), 'deeper': {'x': None, 'y': True}}], 'b': 'x' * 30},
    'numbers': list(range(30)),
    'tuple': tuple(range(12)),
    'set': {3, 1, 2},
    'frozen': frozenset({20, 10}),
    'bytes': b'some bytes that are fairly long' * 3,
    'text': 'a long string with many words that has to be wrapped over several lines by pprint ' * 2,
    3: 'int key',
    'empty': [[], {}, (), set()],
}
pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, width=120, sort_dicts=False)
pprint.pprint(data, depth=2)
pprint.pprint(data['numbers'], compact=True, width=30)
pprint.pprint(data['nested'], indent=4)
print(pprint.pformat(data['tuple'], width=20))
print(pprint.pformat([{'k%d' % i: i * i} for i in range(8)], width=50))
print(pprint.saferepr(data['nested']), pprint.isreadable(data), pprint.isrecursive(data))
loop = [1, 2]
loop.append(loop)
print(pprint.pformat(loop).split(' with id=')[0], pprint.isrecursive(loop), pprint.saferepr(loop).split(' with id=')[0])
pp = pprint.PrettyPrinter(indent=2, width=30)
pp.pprint({'alpha': [1, 2, 3], 'beta': {'gamma': 'delta' * 5}})
print(pp.pformat(('one', 'two', 'three', 'four', 'five', 'six')))
pprint.pp({'z': 1, 'a': 2, 'm': [3] * 20})
od = OrderedDict([('b', 1), ('a', [2] * 20)])
dd = defaultdict(list, {'k': list(range(25))})
pprint.pprint(od)
pprint.pprint(dd)
pprint.pprint(Counter('abracadabra' * 5))
pprint.pprint(deque(range(30)))

class Thing:
    def __repr__(self):
        return 'Thing()'

pprint.pprint([Thing()] * 10, width=30)
pprint.pprint(list(range(1000000, 1000010)), underscore_numbers=True)
