# typing: the names programs import for annotations. They can be subscripted (List[int]) and
# printed; threadlab does not check types, as CPython does not at run time.

__all__ = ['Any', 'Callable', 'ClassVar', 'Dict', 'Final', 'FrozenSet', 'Generic', 'Iterable',
           'Iterator', 'List', 'Literal', 'Mapping', 'NamedTuple', 'NoReturn', 'Optional',
           'Protocol', 'Sequence', 'Set', 'Tuple', 'Type', 'TypeVar', 'Union', 'Deque',
           'DefaultDict', 'Counter', 'Generator', 'Awaitable', 'Coroutine', 'cast',
           'overload', 'no_type_check', 'TYPE_CHECKING', 'get_type_hints', 'TypedDict', 'Hashable',
           'Sized', 'MutableMapping', 'MutableSequence', 'AbstractSet', 'SupportsInt', 'Text', 'AnyStr']

TYPE_CHECKING = False


class _Special:
    __module__ = 'typing'

    def __init__(self, name, args=None):
        self._name = name
        self.__args__ = args

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _Special(self._name, params)

    def __call__(self, *args, **kwargs):
        raise TypeError('Cannot instantiate typing.%s' % self._name)

    def __repr__(self):
        if self.__args__ is None:
            return 'typing.' + self._name
        return 'typing.%s[%s]' % (self._name, ', '.join(_type_repr(a) for a in self.__args__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return '...'
    if obj is None or obj is type(None):
        return 'None'
    return repr(obj)


Any = _Special('Any')
Callable = _Special('Callable')
ClassVar = _Special('ClassVar')
Dict = _Special('Dict')
Final = _Special('Final')
FrozenSet = _Special('FrozenSet')
Iterable = _Special('Iterable')
Iterator = _Special('Iterator')
List = _Special('List')
Literal = _Special('Literal')
Mapping = _Special('Mapping')
NoReturn = _Special('NoReturn')
Optional = _Special('Optional')
Sequence = _Special('Sequence')
Set = _Special('Set')
Tuple = _Special('Tuple')
Type = _Special('Type')
Union = _Special('Union')
Deque = _Special('Deque')
DefaultDict = _Special('DefaultDict')
Counter = _Special('Counter')
Generator = _Special('Generator')
Awaitable = _Special('Awaitable')
Coroutine = _Special('Coroutine')
Hashable = _Special('Hashable')
Sized = _Special('Sized')
MutableMapping = _Special('MutableMapping')
MutableSequence = _Special('MutableSequence')
AbstractSet = _Special('AbstractSet')
SupportsInt = _Special('SupportsInt')
AnyStr = _Special('AnyStr')
Text = str


class TypeVar:
    __module__ = 'typing'

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound

    def __repr__(self):
        return '~' + self.__name__


class Generic:
    """Base of generic classes: Generic[T] can be subclassed."""

    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    pass


def NamedTuple(typename, fields=None, **kwargs):
    from collections import namedtuple
    if fields is None:
        fields = kwargs.items()
    return namedtuple(typename, [name for name, _ in fields])


def TypedDict(typename, fields=None, **kwargs):
    return dict


def cast(typ, val):
    return val


def overload(func):
    return func


def no_type_check(func):
    return func


def get_type_hints(obj, globalns=None, localns=None):
    return dict(getattr(obj, '__annotations__', {}))
