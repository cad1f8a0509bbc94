# del of names, items and attributes; identity versus equality.
a = [1, 2, 3]
b = a
c = [1, 2, 3]
print(a == c, a is c, a is b, a is not c)
del b
try:
    print(b)
except NameError as e:
    print(e)
d = {"x": 1, "y": 2}
del d["x"]
print(d)
class Obj:
    pass
o = Obj()
o.attr = 5
print(hasattr(o, "attr"))
del o.attr
print(hasattr(o, "attr"))
lst = list(range(6))
del lst[1], lst[2]
print(lst)
x = None
print(x is None, type(x) is type(None))
s1 = "abc"
print(s1 == "ab" + "c")
t = ()
print(t == (), len(t))
