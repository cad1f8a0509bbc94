# Private names (two leading underscores) are mangled inside a class: `__x` is stored as
# `_Class__x`, so a subclass's `__x` does not clobber its base's.
import threading


class Account:
    __count = 0  # a class attribute, stored as _Account__count

    def __init__(self, owner, balance):
        self.owner = owner
        self.__balance = balance
        self.__lock = threading.Lock()
        Account.__count += 1

    def deposit(self, amount):
        with self.__lock:
            self.__balance += amount

    def __secret(self):
        return "secret of " + self.owner

    def reveal(self):
        return self.__secret()

    @property
    def balance(self):
        return self.__balance

    @classmethod
    def count(cls):
        return cls.__count


class Savings(Account):
    def __init__(self, owner, balance):
        super().__init__(owner, balance)
        self.__balance = "savings' own"  # _Savings__balance, not the base's

    def both(self):
        return self.__balance, self.balance


a = Account("ann", 10)
threads = [threading.Thread(target=a.deposit, args=(5,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(a.balance, a._Account__balance)
print(sorted(k for k in vars(a) if k != "_Account__lock"))
print(a.reveal(), Account._Account__secret.__name__, Account._Account__secret.__qualname__)
s = Savings("sam", 3)
print(s.both(), sorted(vars(s)))
print(Account.count(), "_Account__count" in Account.__dict__)

try:
    a.__balance
except AttributeError as e:
    print("AttributeError:", e)


class _Hidden:
    def __init__(self):
        self.__x = 1


print(vars(_Hidden()))


class ___:
    def __init__(self):
        self.__y = 2  # a class named only with underscores mangles nothing


print(vars(___()))


class Outer:
    def make(self):
        class Inner:
            def __init__(self):
                self.__z = 3
        self.__w = 4
        return Inner()

    def lam(self):
        f = lambda __q=5: __q
        return f(), [__i for __i in range(3)], {__k: 1 for __k in "ab"}


o = Outer()
print(vars(o.make()), vars(o))
print(o.lam())


class Annotated:
    __n: int = 1
    __dunder__ = "not mangled"

    def f(self, __p: int, *, __k: str = "k") -> None:
        global __g
        __g = __p
        return __p, __k


print(Annotated.__annotations__, Annotated.f.__annotations__)
print(Annotated().f(7), Annotated.__dunder__, Annotated._Annotated__n)
print(sorted(k for k in globals() if "__g" in k))


class Getter:
    def __init__(self):
        self.__v = 9

    def get(self):
        return getattr(self, "__v", "strings are not mangled"), getattr(self, "_Getter__v")


print(Getter().get())
