# Source: Python docs, json module (Encoding basic Python object hierarchies, Compact encoding, Pretty printing, Decoding JSON, Specializing JSON object decoding, Extending JSONEncoder, json.tool-style output)
import json
from io import StringIO

print(json.dumps(['foo', {'bar': ('baz', None, 1.0, 2)}]))
print(json.dumps("\"foo\bar"))
print(json.dumps('\u1234'))
print(json.dumps('\\'))
print(json.dumps({"c": 0, "b": 0, "a": 0}, sort_keys=True))
io = StringIO()
json.dump(['streaming API'], io)
print(io.getvalue())

print(json.dumps([1, 2, 3, {'4': 5, '6': 7}], separators=(',', ':')))
print(json.dumps({'4': 5, '6': 7}, sort_keys=True, indent=4))

print(json.loads('["foo", {"bar":["baz", null, 1.0, 2]}]'))
print(json.loads('"\\"foo\\bar"'))
io = StringIO('["streaming API"]')
print(json.load(io))


def as_point(dct):
    if '__point__' in dct:
        return ('point', dct['x'], dct['y'])
    return dct


print(json.loads('{"__point__": true, "x": 1, "y": 2}', object_hook=as_point))
print(json.loads('1.1', parse_float=lambda s: 'float:' + s))


class SetEncoder(json.JSONEncoder):
    def default(self, obj):
        if isinstance(obj, (set, frozenset)):
            return sorted(obj)
        # Let the base class default method raise the TypeError
        return super().default(obj)


print(json.dumps({3, 1, 2}, cls=SetEncoder))
print(SetEncoder().encode({'s': frozenset([5, 4])}))
try:
    json.dumps(object())
except TypeError as e:
    print('TypeError:', e)

# json.tool's output for a document (indent=4, the default separators with an indent)
doc = '{"json": "obj", "list": [1, 2.5, true, null], "nested": {"empty": {}, "arr": []}}'
print(json.dumps(json.loads(doc), indent=4))
try:
    json.loads('{1.2:3.4}')
except json.JSONDecodeError as e:
    print(e)
