"""The base of every generated model, and conversions between models and JSON."""

from __future__ import annotations

import contextvars
import datetime as _dt
import enum
import functools
import importlib
import json
import logging
import sys
import typing
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, TypeVar

import pydantic
import pydantic_core

from . import _settings as settings
from ._types import NotGiven

__all__ = [
    "BaseModel",
    "PolymorphicModel",
    "UnknownVariant",
    "ForwardCompatibleEnum",
    "construct",
    "discriminate",
    "read_only",
    "required_in_responses",
    "to_json_data",
]

_T = TypeVar("_T")
_M = TypeVar("_M", bound="BaseModel")
log = logging.getLogger(settings.PACKAGE)
#: the recursion limit a model's validator is built under (BaseModel.model_rebuild): room
#: for a chain of some 700 models not built yet; Python's default is 1,000
RECURSION_ROOM = 10_000


class BaseModel(pydantic.BaseModel):
    """A response or request object.

    Unknown fields from the server are kept (`model.model_extra`), so a newer
    server never breaks an older client; `model_fields_set` tells which fields
    were present.
    """

    # defer_build: a model's validator is built when it is first used, not when its module
    # is imported. A big API's shared models module (Microsoft Graph's 1,909 classes) then
    # imports in 0.5 s instead of 3.2 s, and a call builds only the models it reaches.
    model_config = pydantic.ConfigDict(
        extra="allow",
        populate_by_name=True,
        protected_namespaces=(),
        use_enum_values=False,
        defer_build=True,
    )

    @classmethod
    def model_rebuild(
        cls,
        *,
        force: bool = False,
        raise_errors: bool = True,
        _parent_namespace_depth: int = 2,
        _types_namespace: Any = None,
    ) -> bool | None:
        """pydantic's, with room to recurse. Building a model's validator (at its first
        use, defer_build) recurses through every model its fields reach that is not built
        yet, about 13 frames each: a long chain of them (HubSpot's media bridge: a cycle of
        72) went past Python's default limit of 1,000 frames, and the first call raised
        RecursionError. The limit is raised, never lowered (room_to_recurse)."""
        room_to_recurse()
        return super().model_rebuild(
            force=force,
            raise_errors=raise_errors,
            # (one frame more than pydantic expects: this one)
            _parent_namespace_depth=_parent_namespace_depth + 1 if _parent_namespace_depth else 0,
            _types_namespace=_types_namespace,
        )

    def model_post_init(self, context: Any, /) -> None:
        # A constant (a field typed Literal["x"], such as a discriminator's `kind`) counts
        # as set even when it took its default: serialised without unset fields, a
        # HogQLQuery(query=...) must still say kind="HogQLQuery".
        constants = _constant_fields(type(self))
        if constants:
            self.__pydantic_fields_set__.update(constants)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-compatible dict of the fields that were set, by their wire names."""
        # warnings=False: a leniently read field keeps the server's value, whatever its type
        return self.model_dump(
            mode="json", by_alias=True, exclude_unset=True, warnings=False, serialize_as_any=True
        )

    def to_json(self, *, indent: int | None = 2) -> str:
        """to_dict() as JSON text."""
        return self.model_dump_json(
            by_alias=True, exclude_unset=True, indent=indent, warnings=False, serialize_as_any=True
        )

    @classmethod
    def from_dict(cls: type[_M], data: Mapping[str, Any]) -> _M:
        """Decoded JSON (by wire names) as this model, read as far as it goes, the way
        the client reads a response: a field that does not match the API document keeps
        the value sent, and each difference is logged at debug level. For data the client
        did not fetch itself (a webhook's payload, a stored response); `model_validate`
        raises on a difference instead."""
        if not isinstance(data, Mapping):
            raise TypeError(f"{cls.__name__}.from_dict takes an object, not {type(data).__name__}")
        name = cls.__name__

        def note(field: str, problem: str) -> None:
            log.debug(f"{name} differs from the API document at {field}: {problem}")

        result: _M = construct(cls, data, note)
        return result

    @classmethod
    def from_json(cls: type[_M], text: str | bytes | bytearray) -> _M:
        """from_dict() of JSON text; invalid JSON raises ValueError."""
        return cls.from_dict(json.loads(text))


def room_to_recurse() -> None:
    """Python's recursion limit at RECURSION_ROOM at least, for building validators."""
    if sys.getrecursionlimit() < RECURSION_ROOM:
        sys.setrecursionlimit(RECURSION_ROOM)


@functools.cache
def _constant_fields(model: type[pydantic.BaseModel]) -> frozenset[str]:
    """The fields of `model` that can hold one value only (Literal[x], defaulting to it)."""
    found = set()
    for name, info in model.model_fields.items():
        args = typing.get_args(info.annotation)
        if (
            typing.get_origin(info.annotation) is typing.Literal
            and len(args) == 1
            and info.default == args[0]
        ):
            found.add(name)
    return frozenset(found)


#: set while a PolymorphicModel's own constructor runs (see PolymorphicModel.__init__)
_constructing: contextvars.ContextVar[bool] = contextvars.ContextVar("_constructing", default=False)


class PolymorphicModel(BaseModel):
    """A model other models extend, whose discriminator property says which one an object is.

    Read from data (a response, `model_validate`, `from_dict`), an object whose
    discriminator names a subclass is that subclass: a field typed `Pet` holds a `Dog`
    when the server says `"petType": "dog"`, so `isinstance(pet, Dog)` tells them apart
    and `pet.bark` is typed once it does. An unknown value reads as this class, with the
    fields it does not know in `model_extra`. Calling the class itself makes that class.
    """

    #: the wire name of the property that tells the subclass
    __discriminator__: ClassVar[str] = ""
    #: discriminator value -> "module.Class" in the models package (imported when met)
    __subtypes__: ClassVar[dict[str, str]] = {}

    def __init__(self, /, **data: Any) -> None:
        # `Pet(petType="dog")` asks for a Pet: the dispatch below is for reading data
        token = _constructing.set(True)
        try:
            super().__init__(**data)
        finally:
            _constructing.reset(token)

    @pydantic.model_validator(mode="wrap")
    @classmethod
    def _read_as_subtype(
        cls,
        data: Any,
        handler: pydantic.ModelWrapValidatorHandler[Any],
        info: pydantic.ValidationInfo,
    ) -> Any:
        if _constructing.get():  # the constructor's own object: the first validator it reaches
            _constructing.set(False)
            return handler(data)
        subtype = cls.subtype_for(data)
        if subtype is cls:
            return handler(data)
        return subtype.model_validate(data, context=info.context)

    @classmethod
    def subtype_for(cls, data: Any) -> type[PolymorphicModel]:
        """The class `data` (decoded JSON) is read as: the subclass of this class its
        discriminator value names, else this class."""
        if not isinstance(data, Mapping) or not cls.__discriminator__:
            return cls
        value = data.get(cls.__discriminator__)
        where = cls.__subtypes__.get(value) if isinstance(value, str) else None
        if where is None:
            return cls
        subtype = _model_at(cls.__module__.rpartition(".")[0], where)
        return subtype if issubclass(subtype, cls) else cls


@functools.cache
def _model_at(package: str, where: str) -> type[PolymorphicModel]:
    """The class at "module.Class" in the models `package` (its module imported now: the
    subclasses of a type are loaded when an object of theirs is first read)."""
    module, _, name = where.rpartition(".")
    found: type[PolymorphicModel] = getattr(importlib.import_module(f"{package}.{module}"), name)
    return found


class UnknownVariant(BaseModel):
    """A member of a discriminated union whose tag this client does not know yet.

    Every field the server sent is kept as an extra attribute:
    `node.model_extra`, or `node.to_dict()`.
    """


class ForwardCompatibleEnum(str, enum.Enum):
    """A string enum that accepts values added to the API after this client was generated.

    An unknown value becomes a pseudo-member whose `.value` is the server's string,
    so comparisons with plain strings keep working.
    """

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member


class ForwardCompatibleIntEnum(int, enum.Enum):
    """An integer enum that accepts values added to the API later (see ForwardCompatibleEnum)."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        member = int.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member


#: The default of a field the API document marks readOnly and required. OpenAPI requires
#: such a field in responses only: the server always sends it, and a request never does.
#: So an object built to be sent may leave it out (it is then None, unset, and not sent),
#: while the annotation keeps the type a response's value has (hence Any here), and its
#: class's `required_in_responses` check asks for it in what the server sends.
read_only: Any = None

#: the validation context of data read from the server (a response, `from_dict`)
FROM_SERVER: dict[str, bool] = {"from_server": True}


class _RequiredInResponses:
    """The check `required_in_responses` makes, which construct() reads the names of."""

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = names

    def __call__(self, model: Any, info: pydantic.ValidationInfo) -> Any:
        if info.context is FROM_SERVER:
            missing = [n for n in self.names if n not in model.__pydantic_fields_set__]
            if missing:
                wire = ", ".join(type(model).model_fields[n].alias or n for n in missing)
                raise pydantic_core.PydanticCustomError(
                    "missing", "Field required in responses: {fields}", {"fields": wire}
                )
        return model


def required_in_responses(*names: str) -> Any:
    """A model validator for a class whose fields `names` are readOnly and required: data
    read from the server must hold them, while an object built to be sent need not."""
    return pydantic.model_validator(mode="after")(_RequiredInResponses(names))


@functools.cache
def _required_in_responses_of(model: type[pydantic.BaseModel]) -> frozenset[str]:
    decorators = model.__pydantic_decorators__.model_validators.values()
    return frozenset(
        name
        for d in decorators
        if isinstance(d.func, _RequiredInResponses)
        for name in d.func.names
    )


def discriminate(prop: str, known: frozenset[str]) -> Callable[[Any], str]:
    """A pydantic discriminator that routes unknown tags to `UnknownVariant`."""

    def tag_of(value: Any) -> str:
        tag = value.get(prop) if isinstance(value, Mapping) else getattr(value, prop, None)
        if isinstance(tag, enum.Enum):
            tag = tag.value
        return tag if isinstance(tag, str) and tag in known else "__unknown__"

    return tag_of


def to_json_data(value: Any) -> Any:
    """Models, enums, dates, bytes and containers of them as plain JSON data; NOT_GIVEN
    dropped."""
    if isinstance(value, pydantic.BaseModel):
        # serialize_as_any: a field typed Pet holding a Dog sends the Dog's fields too
        return value.model_dump(
            mode="json", by_alias=True, exclude_unset=True, serialize_as_any=True
        )
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return _json_text(value)
    if isinstance(value, Mapping):
        return {str(k): to_json_data(v) for k, v in value.items() if not isinstance(v, NotGiven)}
    if isinstance(value, (list, tuple)):
        return [to_json_data(v) for v in value]
    return value


def _json_text(value: bytes | bytearray) -> str:
    """Bytes in a JSON body (a `format: binary` string): their text, as pydantic writes a
    model's bytes field (JSON has no bytes)."""
    try:
        return bytes(value).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(
            "bytes in a JSON body must be UTF-8 text (JSON holds text, not bytes): "
            f"byte {exc.start} is not"
        ) from None


_adapters: dict[Any, pydantic.TypeAdapter[Any]] = {}


def validate_python(type_: Any, data: Any) -> Any:
    """Validate decoded JSON data from the server as `type_` (a model, alias or container)."""
    if isinstance(type_, type) and issubclass(type_, pydantic.BaseModel):
        return type_.model_validate(data, context=FROM_SERVER)
    adapter = _adapters.get(type_)
    if adapter is None:
        room_to_recurse()  # (a list of models builds them, BaseModel.model_rebuild)
        adapter = _adapters[type_] = pydantic.TypeAdapter(type_)
    return adapter.validate_python(data, context=FROM_SERVER)


def validate_json(type_: Any, raw: bytes | str) -> Any:
    """Parse JSON bytes from the server straight into `type_`, without an intermediate dict."""
    if isinstance(type_, type) and issubclass(type_, pydantic.BaseModel):
        return type_.model_validate_json(raw, context=FROM_SERVER)
    adapter = _adapters.get(type_)
    if adapter is None:
        room_to_recurse()  # (a list of models builds them, BaseModel.model_rebuild)
        adapter = _adapters[type_] = pydantic.TypeAdapter(type_)
    return adapter.validate_json(raw, context=FROM_SERVER)


# -- lenient reading -------------------------------------------------------------------
#
# A response that does not match the API document is read as far as it goes, the way
# hand-written code would read it: each field that validates is typed, one that does not
# keeps the value the server sent, missing fields are absent, extra fields are kept, an
# unknown union member passes through as sent. Every difference is reported to
# `on_difference` (the client logs them at debug level); `strict_response_validation`
# makes the client raise instead.


def construct(
    type_: Any, data: Any, on_difference: Callable[[str, str], None], where: str = ""
) -> Any:
    """`data` as `type_`, as well as it fits; never raises on a shape difference."""
    try:
        return validate_python(type_, data)
    except pydantic.ValidationError as exc:
        problem = exc.errors(include_url=False, include_input=False)[0]
        first_where = ".".join(str(part) for part in problem.get("loc", ()))
        if not (isinstance(type_, type) and issubclass(type_, pydantic.BaseModel)):
            origin = typing.get_origin(type_)
            if origin is list and isinstance(data, list):
                (item,) = typing.get_args(type_) or (Any,)
                return [
                    construct(item, value, on_difference, f"{where}[{i}]")
                    for i, value in enumerate(data)
                ]
            if origin is dict and isinstance(data, dict):
                args = typing.get_args(type_)
                value_type = args[1] if len(args) == 2 else Any
                return {
                    k: construct(value_type, v, on_difference, f"{where}.{k}")
                    for k, v in data.items()
                }
            on_difference(
                _join(where, first_where) or "body", str(problem.get("msg", "does not match"))
            )
            return data
    # a model that did not validate: field by field
    if not isinstance(data, Mapping):
        on_difference(
            where or "body", f"expected an object for {type_.__name__}, got {type(data).__name__}"
        )
        return data
    model: type[pydantic.BaseModel] = type_
    if issubclass(model, PolymorphicModel):  # the subclass the data names, field by field
        model = model.subtype_for(data)
    values: dict[str, Any] = {}
    taken: set[str] = set()
    served = _required_in_responses_of(model)
    for name, info in model.model_fields.items():
        key = info.alias or name
        if key not in data:
            if info.is_required() or name in served:
                on_difference(_join(where, key), "missing")
            continue
        taken.add(key)
        values[name] = construct(info.annotation, data[key], on_difference, _join(where, key))
    extra = {k: v for k, v in data.items() if k not in taken}
    extra_type = _extra_type(model) if extra else Any
    if extra_type is not Any:  # additionalProperties with a schema: `__pydantic_extra__`'s
        extra = {
            k: construct(extra_type, v, on_difference, _join(where, k)) for k, v in extra.items()
        }
    instance = model.model_construct(_fields_set=set(values), **values)
    if extra:
        if instance.__pydantic_extra__ is None:
            object.__setattr__(instance, "__pydantic_extra__", {})
        assert instance.__pydantic_extra__ is not None
        instance.__pydantic_extra__.update(extra)
    return instance


@functools.cache
def _extra_type(model: type[pydantic.BaseModel]) -> Any:
    """The type of the model's extra fields' values, where its class annotates
    `__pydantic_extra__` (a schema's typed additionalProperties), else Any."""
    try:
        hint = typing.get_type_hints(model).get("__pydantic_extra__")
    except (NameError, TypeError):  # a name the annotation's module cannot resolve
        return Any
    args = typing.get_args(hint)
    return args[1] if typing.get_origin(hint) is dict and len(args) == 2 else Any


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where and key else where or key
