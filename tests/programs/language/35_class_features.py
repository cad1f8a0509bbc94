# staticmethod, classmethod, property and class-level state.
class Temperature:
    scale = "C"
    created = 0

    def __init__(self, celsius):
        self._celsius = celsius
        Temperature.created += 1

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @staticmethod
    def describe():
        return "temperature in degrees"

    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)

    def __repr__(self):
        return f"Temperature({self._celsius:.1f})"

t = Temperature(100)
print(t.fahrenheit, Temperature.describe(), t.describe())
u = Temperature.from_fahrenheit(212)
print(u, type(u).__name__, Temperature.created)

class Celsius(Temperature):
    scale = "K?"

c = Celsius.from_fahrenheit(32)
print(type(c).__name__, c, c.scale, Temperature.scale)
