"""The base of every generated model, and conversions between models and JSON."""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import pydantic

from ._types import NotGiven

__all__ = ["BaseModel", "UnknownVariant", "ForwardCompatibleEnum", "discriminate", "to_json_data"]

_T = TypeVar("_T")


class BaseModel(pydantic.BaseModel):
    """A response or request object.

    Unknown fields from the server are kept (`model.model_extra`), so a newer
    server never breaks an older client; `model_fields_set` tells which fields
    were present.
    """

    model_config = pydantic.ConfigDict(
        extra="allow", populate_by_name=True, protected_namespaces=(), use_enum_values=False
    )

    def to_dict(self) -> dict[str, Any]:
        """The JSON-compatible dict of the fields that were set, by their wire names."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=True)


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


def discriminate(prop: str, known: frozenset[str]) -> Callable[[Any], str]:
    """A pydantic discriminator that routes unknown tags to `UnknownVariant`."""

    def tag_of(value: Any) -> str:
        tag = value.get(prop) if isinstance(value, Mapping) else getattr(value, prop, None)
        if isinstance(tag, enum.Enum):
            tag = tag.value
        return tag if isinstance(tag, str) and tag in known else "__unknown__"

    return tag_of


def to_json_data(value: Any) -> Any:
    """Models, enums, dates and containers of them as plain JSON data; NOT_GIVEN dropped."""
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): to_json_data(v) for k, v in value.items() if not isinstance(v, NotGiven)}
    if isinstance(value, (list, tuple)):
        return [to_json_data(v) for v in value]
    return value


_adapters: dict[Any, pydantic.TypeAdapter[Any]] = {}


def validate_python(type_: Any, data: Any) -> Any:
    """Validate decoded JSON data as `type_` (a model, alias or container)."""
    if isinstance(type_, type) and issubclass(type_, pydantic.BaseModel):
        return type_.model_validate(data)
    adapter = _adapters.get(type_)
    if adapter is None:
        adapter = _adapters[type_] = pydantic.TypeAdapter(type_)
    return adapter.validate_python(data)


def validate_json(type_: Any, raw: bytes) -> Any:
    """Parse JSON bytes straight into `type_`, without an intermediate dict."""
    if isinstance(type_, type) and issubclass(type_, pydantic.BaseModel):
        return type_.model_validate_json(raw)
    adapter = _adapters.get(type_)
    if adapter is None:
        adapter = _adapters[type_] = pydantic.TypeAdapter(type_)
    return adapter.validate_json(raw)
