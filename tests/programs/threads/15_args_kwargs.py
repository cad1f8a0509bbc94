# args and kwargs reach the target; args may be any iterable.
import threading

out = []

def describe(a, b=0, *rest, sep="-", **extra):
    out.append(sep.join(str(x) for x in (a, b) + rest) + " " + str(sorted(extra.items())))

calls = [
    dict(args=(1, 2)),
    dict(args=[3], kwargs={"b": 4}),
    dict(args=(5, 6, 7, 8), kwargs={"sep": "+"}),
    dict(kwargs={"a": 9, "colour": "red"}),
]
for kw in calls:
    t = threading.Thread(target=describe, **kw)
    t.start()
    t.join()
for line in out:
    print(line)
