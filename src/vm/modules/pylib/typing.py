# typing: the names programs import for annotations. They can be subscripted (List[int]) and
# printed; threadlab does not check types, as CPython does not at run time.

__all__ = ['Any', 'Callable', 'ClassVar', 'Dict', 'Final', 'FrozenSet', 'Generic', 'Iterable',
           'Iterator', 'List', 'Literal', 'Mapping', 'NamedTuple', 'NoReturn', 'Optional',
           'Protocol', 'Sequence', 'Set', 'Tuple', 'Type', 'TypeVar', 'Union', 'Deque',
           'DefaultDict', 'Counter', 'Generator', 'Awaitable', 'Coroutine', 'cast',
           'overload', 'no_type_check', 'TYPE_CHECKING', 'get_type_hints', 'TypedDict', 'Hashable',
           'Sized', 'MutableMapping', 'runtime_checkable', 'MutableSequence', 'AbstractSet', 'SupportsInt', 'Text', 'AnyStr']

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


class _GenericAlias:
    """`Stack[int]` for a user's generic class: calls make instances of the class, and
    subclassing it subclasses the class (PEP 560's __mro_entries__)."""

    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args

    def __call__(self, *args, **kwargs):
        obj = self.__origin__(*args, **kwargs)
        try:
            obj.__orig_class__ = self
        except Exception:
            pass
        return obj

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __repr__(self):
        return '%s[%s]' % (_type_repr(self.__origin__), ', '.join(_type_repr(a) for a in self.__args__))


class Generic:
    """Base of generic classes: Generic[T] can be subclassed, and so can Stack[int]."""
    __slots__ = ()

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _GenericAlias(cls, params)


class Protocol(Generic):
    __slots__ = ()


def runtime_checkable(cls):
    return cls


# `class P(NamedTuple): x: int; y: int = 0` makes a collections.namedtuple class from the
# body's annotations and defaults, and keeps the body's methods, as CPython's NamedTupleMeta.
_nt_prohibited = frozenset({'__new__', '__init__', '__slots__', '__getnewargs__', '_fields',
                            '_field_defaults', '_make', '_replace', '_asdict', '_source'})
_nt_special = frozenset({'__module__', '__name__', '__annotations__'})


def _make_nmtuple(name, types, module, defaults=()):
    from collections import namedtuple
    fields = [n for n, t in types]
    nm_tpl = namedtuple(name, fields, defaults=defaults, module=module)
    nm_tpl.__annotations__ = dict(types)
    return nm_tpl


class _NamedTupleMeta(type):
    def __new__(mcls, typename, bases, ns):
        if not bases:
            return super().__new__(mcls, typename, bases, ns)
        types = ns.get('__annotations__', {})
        default_names = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError(f"Non-default namedtuple field {field_name} "
                                f"cannot follow default field"
                                f"{'s' if len(default_names) > 1 else ''} "
                                f"{', '.join(default_names)}")
        nm_tpl = _make_nmtuple(typename, list(types.items()), ns['__module__'],
                               [ns[n] for n in default_names])
        for key in ns:
            if key in _nt_prohibited:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            elif key not in _nt_special and key not in nm_tpl._fields:
                setattr(nm_tpl, key, ns[key])
        return nm_tpl

    def __call__(cls, typename, fields=None, **kwargs):
        if fields is None:
            fields = kwargs.items()
        return _make_nmtuple(typename, list(fields), '__main__')


class NamedTuple(metaclass=_NamedTupleMeta):
    pass


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
