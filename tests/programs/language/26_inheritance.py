# inheritance, method overriding, super() and isinstance/issubclass.
class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"

    def kind(self):
        return "animal"

class Dog(Animal):
    sound = "woof"

    def kind(self):
        return "dog, an " + super().kind()

class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age

    def speak(self):
        return super().speak() + f" (age {self.age})"

for a in [Animal("generic"), Dog("Rex"), Puppy("Bit", 1)]:
    print(a.speak(), "|", a.kind())

p = Puppy("Bit", 1)
print(isinstance(p, Puppy), isinstance(p, Dog), isinstance(p, Animal), isinstance(p, (int, Dog)))
print(issubclass(Puppy, Animal), issubclass(Animal, Dog), issubclass(Dog, object))
print(type(p).__name__, Puppy.__name__)

class Base:
    def __init__(self):
        self.log = ["Base"]

    def run(self):
        return self.step()

    def step(self):
        return "base step"

class Derived(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Derived")

    def step(self):
        return "derived step"

d = Derived()
print(d.log, d.run())

class Shape:
    def area(self):
        raise NotImplementedError("subclasses implement area")

class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

shapes = [Square(2), Square(3)]
print([s.area() for s in shapes], sum(s.area() for s in shapes))
try:
    Shape().area()
except NotImplementedError as e:
    print("NotImplementedError:", e)

class Named:
    def __init__(self, name):
        self.name = name

    def __str__(self):
        return "Named " + self.name

class Loud(Named):
    def __str__(self):
        return super().__str__().upper()

print(Loud("quiet"), str(Named("n")))
