"""JSON Schema validation of example values, the way OpenAPI means its schemas.

3.1 schemas are JSON Schema 2020-12; 3.0 schemas are OpenAPI's own dialect
(draft 4 based, with `nullable`), which openapi-schema-validator implements.
Two OpenAPI rules are added on top of both:
- a property that is `readOnly` need not be in a request example even when it is
  required, nor a `writeOnly` one in a response example (the server adds or
  drops them);
- a `discriminator` picks the one oneOf/anyOf member to check, so members that
  overlap do not make a valid example fail.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, cast
from urllib.parse import quote

from jsonschema import Draft202012Validator, _keywords
from jsonschema.exceptions import ValidationError, best_match
from jsonschema.validators import extend
from referencing import Registry, Resource

from ..fixtures import validator as validator_module
from ..load import escape_pointer
from .context import Context

#: the bundled document is registered under this URI so component $refs resolve
_BASE_URI = "urn:sdkgen:spec"

#: usage -> the flag that excuses a missing required property
_EXCUSED = {"request": ("readOnly",), "response": ("writeOnly",), "": ("readOnly", "writeOnly")}

Keyword = Callable[[Any, Any, Any, dict[str, Any]], Iterator[ValidationError]]


class ExampleValidator:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        if ctx.version == "3.1":
            base: Any = Draft202012Validator
        else:  # here: openapi-schema-validator imports pydantic-settings, 0.15 s of every lint
            from openapi_schema_validator import OAS30Validator

            base = OAS30Validator
        # An opaque resource: the document is not itself a schema, so no $id handling at its top.
        self.registry: Registry[Any] = Registry().with_resource(_BASE_URI, Resource.opaque(ctx.data))
        self._validators: dict[tuple[str, str], Any] = {}
        self._active: set[tuple[str, int]] = set()
        # generators, which jsonschema's stubs type as returning None
        plain_one_of = cast(Keyword, _keywords.oneOf)
        plain_any_of = cast(Keyword, _keywords.anyOf)
        self.classes = {
            usage: extend(  # type: ignore[no-untyped-call]
                base,
                {
                    "required": self._required(excused),
                    "oneOf": self._discriminated(plain_one_of),
                    "anyOf": self._discriminated(plain_any_of),
                    "pattern": _pattern,
                },
            )
            for usage, excused in _EXCUSED.items()
        }

    def first_error(self, schema_pointer: str, usage: str, instance: Any) -> ValidationError | None:
        """The most relevant way `instance` fails the schema at `schema_pointer`, or None."""
        usage = usage if usage in ("request", "response") else ""
        key = (schema_pointer, usage)
        validator = self._validators.get(key)
        if validator is None:
            ref = f"{_BASE_URI}#{quote(schema_pointer, safe='/~')}"
            validator = self._validators[key] = self.classes[usage]({"$ref": ref}, registry=self.registry)
        found: ValidationError | None = best_match(validator.iter_errors(instance))
        return found

    def _required(self, excused: tuple[str, ...]) -> Keyword:
        ctx = self.ctx

        def required(validator: Any, names: Any, instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
            if not isinstance(instance, dict) or not isinstance(names, list):
                return
            properties = None
            for name in names:
                if name in instance:
                    continue
                properties = properties if properties is not None else ctx.properties(schema)
                prop = properties.get(name)
                if prop is not None:
                    resolved, _ = ctx.property_schema(prop)
                    flags = [prop.schema, resolved]
                    if any(isinstance(s, dict) and s.get(flag) is True for s in flags for flag in excused):
                        continue
                yield ValidationError(f"{name!r} is a required property")

        return required

    def _discriminated(self, plain: Keyword) -> Keyword:
        ctx = self.ctx
        active = self._active

        def keyword(validator: Any, members: Any, instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
            target = _chosen_member(ctx, schema, instance)
            if target is None:
                yield from plain(validator, members, instance, schema)
                return
            guard = (target, id(instance))
            if guard in active:  # a parent that lists its own children: checked once already
                return
            active.add(guard)
            try:
                yield from validator.descend(instance, {"$ref": f"{_BASE_URI}#{quote(target[1:], safe='/~')}"})
            finally:
                active.discard(guard)

        return keyword


def _pattern(validator: Any, pattern: Any, instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
    """`pattern` as the mock server judges it (its validator's matches_pattern): a pattern
    Python cannot read, or one that can make it backtrack for an exponential time, is not
    judged. jsonschema's own ran `re.search`, which took minutes on one of beezup's URL
    patterns against an example it does not match, and lint never finished."""
    if isinstance(instance, str) and isinstance(pattern, str) and not validator_module().matches_pattern(pattern, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _chosen_member(ctx: Context, schema: dict[str, Any], instance: Any) -> str | None:
    """The local $ref the discriminator selects for `instance`, when it selects one that exists."""
    discriminator = schema.get("discriminator")
    if not isinstance(discriminator, dict) or not isinstance(instance, dict):
        return None
    prop = discriminator.get("propertyName")
    value = instance.get(prop) if isinstance(prop, str) else None
    if not isinstance(value, str):
        return None
    mapping = discriminator.get("mapping")
    target = mapping.get(value) if isinstance(mapping, dict) else None
    if not isinstance(target, str):
        target = value
    if not target.startswith("#"):
        target = "#/components/schemas/" + escape_pointer(target)
    return target if ctx.lookup(target) is not None else None
