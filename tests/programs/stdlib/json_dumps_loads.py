# json: dumps options and escaping, loads and its errors, dump/load with file-likes
import io
import json

data = {'name': 'Ada', 'age': 36, 'langs': ['en', 'fr'], 'ok': True, 'none': None, 'pi': 3.14159,
        'big': 2 ** 70, 'neg': -0.0, 'nested': {'t': (1, 2), 'empty': [], 'e2': {}}, 'f': 1e100, 'g': 1.5e-7}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent='\t', sort_keys=True))
print(json.dumps(data, indent=0))
print(json.dumps(data, separators=(',', ':'), sort_keys=True))
print(json.dumps([1, [2, [3]]], indent=4, separators=(', ', ' = ')))
print(json.dumps('héllo wörld ☃ 😀 "q" \\ \n\t\r\b\f \x00 \x1f \x7f'))
print(json.dumps('héllo ☃ 😀 \x7f \x01', ensure_ascii=False))
print(json.dumps({1: 'a', 2.5: 'b', True: 'c', None: 'd', 'k': 'e'}))
print(json.dumps({'b': 1, 'a': 2, 'c': {'z': 0, 'y': 1}}, sort_keys=True))
print(json.dumps([float('nan'), float('inf'), -float('inf')]))
print(json.dumps(3), json.dumps('s'), json.dumps(None), json.dumps(False), json.dumps(()), json.dumps(1.0))
print(json.dumps({(1, 2): 'x', 'y': 1}, skipkeys=True))
print(json.dumps({'s': {1, 2}}, default=sorted))
print(json.dumps({'s': {3, 1}}, default=lambda o: list(sorted(o)), indent=1))

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {'x': o.x, 'y': o.y}
        return super().default(o)

print(json.dumps([Point(1, 2), Point(3, 4)], cls=PointEncoder))
print(PointEncoder(indent=2).encode({'p': Point(0, 0)}))

errs = [
    lambda: json.dumps({'s': {1}}),
    lambda: json.dumps(Point(1, 2)),
    lambda: json.dumps({(1, 2): 3}),
    lambda: json.dumps(float('nan'), allow_nan=False),
    lambda: json.dumps({'a': 1, 2: 'b'}, sort_keys=True),
    lambda: json.dumps([Point(1, 2)], cls=json.JSONEncoder),
]
for e in errs:
    try:
        print(e())
    except (TypeError, ValueError) as ex:
        print(type(ex).__name__, ex)
circ = []
circ.append(circ)
try:
    json.dumps(circ)
except ValueError as ex:
    print('ValueError', ex)

text = ' {"a": [1, 2.5, -3e2, true, false, null, "s\\u00e9\\n\\ud83d\\ude00"], "b": {"c": {}}, "d": [], "e": 12345678901234567890} '
obj = json.loads(text)
print(obj, type(obj['a'][1]).__name__, type(obj['e']).__name__)
print(json.loads('"x"'), json.loads('  42  '), json.loads('NaN'), json.loads('-Infinity'), json.loads('-0'), json.loads('1E+2'))
print(json.loads(b'[1, "bytes"]'), json.loads(bytearray(b'{"k": "v"}')))
print(json.loads('{"a": 1, "a": 2, "b": 3}'))
print(json.loads('{"x": 1.5, "y": 2}', parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('{"x": {"y": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=list))
print(json.loads(json.dumps(data)) == {**data, 'nested': {'t': [1, 2], 'empty': [], 'e2': {}}})
bad = ['', ' ', '[1,]', '{"a":1,}', '{"a" 1}', '{1:2}', '[1 2]', '"abc', '"a\\qb"', '"\\u12"', '"a\nb"', '01', '1.',
       '-', 'nul', '[1, 2', '{"a": 1', '{', '[', '"abc" x', '[1]\n\n  x', '{"a": [1, {"b": }]}']
for s in bad:
    try:
        json.loads(s)
    except json.JSONDecodeError as e:
        print(repr(s), '->', e, '|', repr(e.msg), e.pos, e.lineno, e.colno, isinstance(e, ValueError))
try:
    json.loads(5)
except TypeError as e:
    print('TypeError', e)

buf = io.StringIO()
json.dump({'k': [1, 2], 'v': 'x'}, buf, indent=2)
print(buf.getvalue())
buf.seek(0)
print(json.load(buf))
print(json.loads('{"a": 1}', strict=False), json.loads('"tab\there"', strict=False))
json.loads('[1, 2, oops]')
