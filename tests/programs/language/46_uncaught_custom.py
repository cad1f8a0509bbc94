# An uncaught user-defined exception with a message, raised from a method.
class ValidationError(Exception):
    pass

class Form:
    def __init__(self, fields):
        self.fields = fields

    def validate(self):
        for name, value in self.fields.items():
            if not value:
                raise ValidationError(f"field {name!r} is empty")
        return True

print(Form({"a": "x"}).validate())
Form({"a": "x", "b": ""}).validate()
