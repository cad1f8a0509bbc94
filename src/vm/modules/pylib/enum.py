# enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, written for threadlab from
# CPython 3.11's Lib/enum.py (same member rules, reprs, strs and messages for the common uses).
# Simplified: members are plain class attributes (no DynamicClassAttribute), no functional
# API boundaries (STRICT/CONFORM/EJECT), no _ignore_, no pickling support.

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag',
           'ReprEnum', 'auto', 'unique']

_auto_null = object()


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""
    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' and name[-2] != '_'


def _is_private(cls_name, name):
    pattern = '_%s__' % (cls_name,)
    return len(name) > len(pattern) and name.startswith(pattern)


def _is_descriptor(obj):
    return (callable(obj) and not isinstance(obj, auto)) or isinstance(obj, (property, classmethod, staticmethod))


def _find_data_type(bases):
    for chain in bases:
        for base in chain.__mro__:
            if base is object or base is Enum or base is Flag or base is ReprEnum:
                continue
            if base in (int, str, float, tuple, list, dict, set, frozenset):
                return base
            if '__new__' in base.__dict__ and not isinstance(base, EnumType):
                return base
    return object


class EnumType(type):
    """Metaclass for Enum"""

    def __new__(metacls, cls, bases, classdict, **kwds):
        body = {}
        members = []
        for key, value in classdict.items():
            if key == '_order_' or key == '_ignore_':
                continue
            if _is_dunder(key) or _is_sunder(key) or _is_private(cls, key) or _is_descriptor(value):
                body[key] = value
            else:
                members.append((key, value))
        # A __new__ in an enum's body makes its members (Enum's own is the value lookup that
        # calling the class does): kept as _new_member_, for subclasses too.
        own_new = body.pop('__new__', None) if Enum is not None else None
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        if own_new is not None:
            enum_class._new_member_ = own_new
        new_member = getattr(enum_class, '_new_member_', None)
        member_type = _find_data_type(bases)
        if Enum is not None:
            # Calling the class looks a value up, whatever the data type's __new__ is; and
            # repr/str/format are the enum's unless the body defines them (CPython's rule).
            enum_class.__new__ = Enum.__dict__['__new__']
            first_enum = bases[-1]
            for name in ('__repr__', '__str__', '__format__'):
                if name not in classdict:
                    found = getattr(enum_class, name, None)
                    if found is getattr(member_type, name, None) or found is getattr(object, name, None):
                        setattr(enum_class, name, getattr(first_enum, name))
        enum_class._member_names_ = []
        enum_class._member_map_ = {}
        enum_class._value2member_map_ = {}
        enum_class._member_type_ = member_type
        is_flag = Flag is not None and any(issubclass(b, Flag) for b in bases if isinstance(b, EnumType))
        last_values = []
        for name, value in members:
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = enum_class._generate_next_value_(name, 1, len(last_values), last_values[:])
                value = value.value
            args = value if isinstance(value, tuple) else (value,)
            if member_type is tuple:
                args = (args,)
            if new_member is not None:
                member = new_member(enum_class, *args)
                if not hasattr(member, '_value_'):
                    member._value_ = value if member_type is object else member_type(*args)
            elif member_type is object:
                member = object.__new__(enum_class)
                member._value_ = value
            else:
                member = member_type.__new__(enum_class, *args)
                member._value_ = member_type(*args)
            value = member._value_
            member._name_ = name
            member.__objclass__ = enum_class
            init = getattr(enum_class, '__init__')
            if init is not Enum.__init__:
                init(member, *args)
            for canonical in enum_class._member_map_.values():
                if canonical._value_ == value:
                    member = canonical
                    break
            else:
                if not is_flag or _is_single_bit(value):
                    enum_class._member_names_.append(name)
            enum_class._member_map_[name] = member
            try:
                enum_class._value2member_map_.setdefault(value, member)
            except TypeError:
                pass
            setattr(enum_class, name, member)
            last_values.append(value)
        if is_flag:
            flag_mask = 0
            for v in last_values:
                flag_mask |= v
            enum_class._flag_mask_ = flag_mask
        return enum_class

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type, start=start)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1):
        bases = (cls,) if type is None else (type, cls)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        ns = {}
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            last = []
            for count, name in enumerate(names):
                v = cls._generate_next_value_(name, start, count, last[:])
                last.append(v)
                ns[name] = v
        elif isinstance(names, dict):
            ns.update(names)
        else:
            for name, v in names:
                ns[name] = v
        ns['__module__'] = module if module is not None else '__main__'
        if qualname is not None:
            ns['__qualname__'] = qualname
        return EnumType.__new__(EnumType, class_name, bases, ns)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return iter([cls._member_map_[name] for name in cls._member_names_])

    def __reversed__(cls):
        return iter([cls._member_map_[name] for name in reversed(cls._member_names_)])

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    @property
    def __members__(cls):
        return dict(cls._member_map_)


EnumMeta = EnumType
Enum = Flag = None


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs."""

    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        raise TypeError('error in %s._missing_: returned %r instead of None or a valid member'
                        % (cls.__name__, result))

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ if hasattr(self.__class__, '_value_repr_') else repr
        return '<%s.%s: %s>' % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints"""

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, format_spec):
        return int.__format__(int(self), format_spec)

    def __hash__(self):
        return int.__hash__(self)


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings"""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError('%r is not a string' % (values[0],))
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    def __str__(self):
        return str.__str__(self)

    def __format__(self, format_spec):
        return str.__format__(str.__str__(self), format_spec)

    def __hash__(self):
        return str.__hash__(self)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _is_single_bit(num):
    return num != 0 and num & (num - 1) == 0


def _bits(num):
    out = []
    bit = 1
    while bit <= num:
        if num & bit:
            out.append(bit)
        bit <<= 1
    return out


class Flag(Enum):
    """Support for flags"""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high = 0
        for v in last_values:
            high = max(high, v)
        return 1 << (high.bit_length()) if high else 1

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        mask = getattr(cls, '_flag_mask_', 0)
        if value < 0:
            value = value & mask
        if value & ~mask and cls._member_type_ is object:
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        pseudo._value_ = value
        names = [m._name_ for m in cls._iter_member_(value)]
        extra = value & ~mask
        if extra:
            names.append(str(extra))
        pseudo._name_ = '|'.join(names) if names else None
        cls._value2member_map_[value] = pseudo
        return pseudo

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    @classmethod
    def _iter_member_(cls, value):
        # The members whose bits make up value: by value, or in definition order when the
        # members were not defined in ascending order (CPython 3.11's _iter_member_by_def_).
        members = [cls._value2member_map_[b] for b in _bits(value) if b in cls._value2member_map_]
        defined = [cls._member_map_[n]._value_ for n in cls._member_names_]
        if defined != sorted(defined):
            members.sort(key=lambda m: cls._member_names_.index(m._name_))
        return members

    def __iter__(self):
        return iter(self._iter_member_(self._value_))

    def __len__(self):
        return len(_bits(self._value_))

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = repr if self._member_type_ is object else self._member_type_.__repr__
        if self._name_ is None:
            return '<%s: %s>' % (cls_name, v_repr(self._value_))
        return '<%s.%s: %s>' % (cls_name, self._name_, v_repr(self._value_))

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return '%s.%s' % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    def __invert__(self):
        return self.__class__(self.__class__._flag_mask_ & ~self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag):
    """Support for integer-based Flags"""

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, format_spec):
        return int.__format__(int(self), format_spec)

    def __hash__(self):
        return int.__hash__(self)

    __or__ = Flag.__or__
    __and__ = Flag.__and__
    __xor__ = Flag.__xor__
    __ror__ = Flag.__or__
    __rand__ = Flag.__and__
    __rxor__ = Flag.__xor__
    __invert__ = Flag.__invert__
    __repr__ = Flag.__repr__
    __contains__ = Flag.__contains__
    __iter__ = Flag.__iter__
    __len__ = Flag.__len__
    __bool__ = Flag.__bool__


def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join(['%s -> %s' % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
    return enumeration
