"""A small JSON Schema validator for the mock server (stdlib only).

It covers what request validation needs (types, required, enums, const,
bounds, lengths, patterns, formats, arrays, objects, unions, $ref into the
document's components) and reports the first problem with the field it is in,
the way PostHog reports `attr`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from uuid import UUID

__all__ = ["Invalid", "validate"]


class Invalid(Exception):
    def __init__(self, message: str, attr: str | None) -> None:
        super().__init__(message)
        self.message = message
        self.attr = attr


_TYPES: dict[str, Any] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "null": lambda v: v is None,
}


def _format_ok(fmt: str, value: str) -> bool:
    try:
        if fmt == "uuid":
            UUID(value)
        elif fmt == "date-time":
            datetime.fromisoformat(value.replace("Z", "+00:00"))
        elif fmt == "date":
            date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _join(path: str, key: object) -> str:
    return f"{path}.{key}" if path else str(key)


def _discriminated(
    value: dict[str, Any],
    schema: dict[str, Any],
    discriminator: dict[str, Any],
    schemas: Mapping[str, Any],
) -> Any:
    """The union member the discriminator property selects, if it selects one."""
    tag = value.get(discriminator.get("propertyName", ""))
    mapping = discriminator.get("mapping") or {}
    if isinstance(tag, str) and tag in mapping:
        return {"$ref": mapping[tag]}
    for option in schema.get("oneOf") or schema.get("anyOf") or []:
        if isinstance(option, dict) and option.get("$ref", "").rsplit("/", 1)[-1] == tag:
            return option
    return None


def validate(
    value: Any,
    schema: Any,
    schemas: Mapping[str, Any],
    path: str = "",
    *,
    direction: str = "request",
) -> None:
    """Raise Invalid for the first way `value` breaks `schema`."""
    if schema is True or schema is None or schema == {}:
        return
    if schema is False:
        raise Invalid("no value is allowed here", path or None)
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
        target = schemas.get(ref.rsplit("/", 1)[1], {})
        validate(value, target, schemas, path, direction=direction)
        schema = {k: v for k, v in schema.items() if k != "$ref"}
        if not schema:
            return
    if value is None and schema.get("nullable"):
        return
    discriminator = schema.get("discriminator")
    if isinstance(discriminator, dict) and isinstance(value, dict):
        chosen = _discriminated(value, schema, discriminator, schemas)
        if chosen is not None:
            validate(value, chosen, schemas, path, direction=direction)
            return
    for key in ("anyOf", "oneOf"):
        options = schema.get(key)
        if isinstance(options, list):
            problems: list[Invalid] = []
            for option in options:
                try:
                    validate(value, option, schemas, path, direction=direction)
                    break
                except Invalid as exc:
                    problems.append(exc)
            else:
                deepest = max(
                    problems,
                    key=lambda p: len(p.attr or ""),
                    default=Invalid("no option matches", path or None),
                )
                raise deepest
    for part in schema.get("allOf") or []:
        validate(value, part, schemas, path, direction=direction)
    if "const" in schema and value != schema["const"]:
        raise Invalid(f"must be {schema['const']!r}", path or None)
    if isinstance(schema.get("enum"), list) and value not in schema["enum"]:
        choices = ", ".join(repr(v) for v in schema["enum"])
        raise Invalid(f"{value!r} is not a valid choice; expected one of {choices}", path or None)
    types = schema.get("type")
    if types is not None:
        names = types if isinstance(types, list) else [types]
        if schema.get("nullable") and "null" not in names:
            names = [*names, "null"]
        if not any(_TYPES.get(name, lambda v: True)(value) for name in names):
            raise Invalid(
                f"expected {' or '.join(names)}, got {type(value).__name__}", path or None
            )
    if isinstance(value, str):
        if isinstance(schema.get("minLength"), int) and len(value) < schema["minLength"]:
            raise Invalid(f"must have at least {schema['minLength']} characters", path or None)
        if isinstance(schema.get("maxLength"), int) and len(value) > schema["maxLength"]:
            raise Invalid(f"must have at most {schema['maxLength']} characters", path or None)
        if isinstance(schema.get("pattern"), str) and not re.search(schema["pattern"], value):
            raise Invalid(f"does not match {schema['pattern']}", path or None)
        if isinstance(schema.get("format"), str) and not _format_ok(schema["format"], value):
            raise Invalid(f"is not a valid {schema['format']}", path or None)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(schema.get("minimum"), (int, float)) and value < schema["minimum"]:
            raise Invalid(f"must be at least {schema['minimum']}", path or None)
        if isinstance(schema.get("maximum"), (int, float)) and value > schema["maximum"]:
            raise Invalid(f"must be at most {schema['maximum']}", path or None)
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            validate(item, schema["items"], schemas, _join(path, index), direction=direction)
    if isinstance(value, dict):
        properties = schema.get("properties") or {}
        for name in schema.get("required") or []:
            prop = properties.get(name, {})
            target = (
                schemas.get(prop["$ref"].rsplit("/", 1)[1], {})
                if isinstance(prop, dict) and "$ref" in prop
                else prop
            )
            skip = isinstance(target, dict) and target.get(
                "readOnly" if direction == "request" else "writeOnly"
            )
            if name not in value and not skip:
                raise Invalid("This field is required.", _join(path, name))
        for name, item in value.items():
            if name in properties:
                validate(item, properties[name], schemas, _join(path, name), direction=direction)
            elif schema.get("additionalProperties") is False:
                raise Invalid("unexpected field", _join(path, name))
            elif isinstance(schema.get("additionalProperties"), dict):
                validate(
                    item,
                    schema["additionalProperties"],
                    schemas,
                    _join(path, name),
                    direction=direction,
                )
