"""Request and response fixtures for every operation, as JSON data.

A fixture comes from the spec's example when the example is valid against its schema
(checked with the mock server's own validator, so the mock accepts every request
fixture and the models parse every response fixture); otherwise it is synthesised from
the schema, deterministically: required fields (a response's optional ones too where
the document gives their example), the first enum value, formats honoured (date-time,
uuid, ...), patterns matched, bounds respected, the spec's examples and defaults of
nested schemas used where they are valid, recursion cut on cycles and at a fixed depth.
The output is data, never code.
"""

from __future__ import annotations

import importlib.util
import json
import math
import re
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from . import display, ir, openapi, patterns, streams
from .diagnostics import GeneratorBug
from .load import escape_pointer

if TYPE_CHECKING:
    from .fragments import Fragments
    from .views import OperationView

#: deeper than this a value is cut short (cycles through required properties)
MAX_DEPTH = 24
#: from this depth on (or inside a cycle), nullable fields are null and arrays empty when
#: the schema allows it, so that big documents keep small fixtures
ECONOMY_DEPTH = 6

_FORMATS = {
    "date-time": "2025-01-01T00:00:00Z",
    "date": "2025-01-01",
    "time": "12:00:00",
    "duration": "P1D",  # ISO 8601 (Azure's timeouts and intervals: PT1H)
    "uuid": "01890000-0000-7000-8000-000000000001",
    "email": "user@example.com",
    "uri": "https://example.com/",
    "url": "https://example.com/",
    "hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": "ZXhhbXBsZQ==",
    "binary": "example",
}

_VALIDATOR = Path(__file__).resolve().parent.parent / "templates" / "runtime" / "testing" / "_validator.py"


@cache
def validator() -> ModuleType:
    """The mock server's validator (templates/runtime/testing/_validator.py, stdlib only)."""
    spec = importlib.util.spec_from_file_location("_sdkgen_mock_validator", _VALIDATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def followable(resolver: openapi.Resolver, schema: Any) -> Any:
    """The schema as the mock server's spec carries it: itself, or what it names when it is
    a $ref the mock cannot follow. The mock knows components.schemas only, and documents
    refer into paths too (conjur's form body, DigitalOcean's maintenance window:
    `#/paths/~1v2~1databases/get/.../maintenance_window/allOf/0`)."""
    ref = schema.get("$ref") if isinstance(schema, dict) else None
    if not isinstance(ref, str) or ref.startswith("#/components/schemas/"):
        return schema
    target, _ = resolver.resolve_or_none(schema, "")
    return {} if target is None else target


class Synthesiser:
    """Values for schemas of one document (its local references resolved)."""

    def __init__(self, document: dict[str, Any]):
        self.resolver = openapi.Resolver(document)
        components = document.get("components") if isinstance(document, dict) else None
        schemas = components.get("schemas") if isinstance(components, dict) else None
        self.schemas: dict[str, Any] = schemas if isinstance(schemas, dict) else {}
        self._expanding: list[str] = []  # the references being sampled, outermost first
        paths = document.get("paths") if isinstance(document, dict) else None
        #: the literal segments of the document's paths: a path value equal to one may
        #: name another operation's path (`/aliases/v2/trackingId` beside `/{trackingId}`)
        self.literal_segments = {segment for path in (paths if isinstance(paths, dict) else {})
                                 for segment in str(path).split("/") if segment and "{" not in segment}

    def resolve(self, schema: Any) -> Any:
        """What a schema refers to; a broken reference samples as an empty schema."""
        resolved, _ = self.resolver.resolve_or_none(schema, "")
        return {} if resolved is None else resolved

    def valid(self, value: Any, schema: Any, direction: str = "response") -> bool:
        """Whether the mock server's validator accepts `value` for `schema`, as the mock's
        spec carries it."""
        checker = validator()
        try:
            checker.validate(value, followable(self.resolver, schema), self.schemas, direction=direction)
        except checker.Invalid:
            return False
        except RecursionError:
            return False
        return True

    def example_or_sample(self, has_example: bool, example: Any, schema: Any, *, direction: str, hint: str = "") -> Any:
        """The spec's example when it is valid against the schema and no oneOf in it takes
        it twice, else a synthesised value."""
        if has_example and self.valid(example, schema, direction) and not self.ambiguous(example, schema, direction):
            return example
        return self.sample(schema, direction=direction, hint=hint)

    def ambiguous(self, value: Any, schema: Any, direction: str, depth: int = 0) -> bool:
        """Whether a oneOf in `schema` takes its part of `value` by more than one member:
        the mock reads oneOf as anyOf, a validator that checks it (Prism's) refuses.
        WhatsApp's own example of a media provider's config, `{bearer: ...}`, is a bearer
        config and a basic one too, which requires nothing."""
        resolved = self.resolve(schema)
        if not isinstance(resolved, dict) or depth > MAX_DEPTH:
            return False
        options = resolved.get("oneOf")
        if isinstance(options, list) and not isinstance(resolved.get("discriminator"), dict):
            # (a discriminator names the member, as the client and the mock read it:
            # PostHog's query nodes by `kind`, beside a catch-all for other kinds)
            taking = [option for option in options if self.valid(value, option, direction)]
            if len(taking) > 1 or taking and self.ambiguous(value, taking[0], direction, depth + 1):
                return True
        for key in ("allOf", "anyOf"):
            members = resolved.get(key)
            for member in members if isinstance(members, list) else ():
                if (key == "allOf" or self.valid(value, member, direction)) \
                        and self.ambiguous(value, member, direction, depth + 1):
                    return True
        if isinstance(value, dict) and value:
            view = openapi.object_view(self.resolver, resolved, "")
            for name, item in value.items():
                found = view.properties.get(name)
                inner = found[0] if found else view.additional
                if isinstance(inner, dict) and self.ambiguous(item, inner, direction, depth + 1):
                    return True
        elif isinstance(value, list) and isinstance(resolved.get("items"), dict):
            return any(self.ambiguous(item, resolved["items"], direction, depth + 1) for item in value)
        return False

    def sample(self, schema: Any, *, direction: str = "response", depth: int = 0, hint: str = "") -> Any:
        """A value valid against `schema`. direction: 'request' drops readOnly, 'response' writeOnly."""
        ref = schema.get("$ref") if isinstance(schema, dict) else None
        resolved = self.resolve(schema)
        if not isinstance(ref, str):
            return self._sample(resolved, direction, depth, hint)
        cyclic = ref in self._expanding
        self._expanding.append(ref)
        try:
            value = self._sample(resolved, direction, depth, hint, cyclic=cyclic)
            if isinstance(value, dict) and isinstance(resolved, dict) and isinstance(resolved.get("discriminator"), dict) \
                    and not self.valid(value, resolved, direction):
                return self.extending(resolved, value, direction, depth, hint)
            return self.required_beside(value, schema, resolved, direction, depth)
        finally:
            self._expanding.pop()

    def required_beside(self, value: Any, schema: dict[str, Any], target: Any, direction: str, depth: int) -> Any:
        """`value` with the properties that a `required` beside the `$ref` names
        (DigitalOcean's add-droplets body: `{$ref: ..., required: [droplet_ids]}`). OpenAPI
        3.0 ignores it, the models too, but the author means it and a server (Prism, the
        API) wants them: the fixture sends them, which either reading accepts."""
        names = schema.get("required")
        if not isinstance(names, list) or not isinstance(value, dict) or not isinstance(target, dict):
            return value
        properties = openapi.object_view(self.resolver, target, "").properties
        grown = dict(value)
        for name in names:
            if isinstance(name, str) and name not in grown and name in properties:
                grown[name] = self.sample(properties[name][0], direction=direction, depth=depth + 1, hint=name)
        return grown if grown != value and self.valid(grown, target, direction) else value

    def extending(self, base: dict[str, Any], value: dict[str, Any], direction: str, depth: int, hint: str) -> Any:
        """A value of the first schema extending `base` (allOf) that its discriminator names
        and the base accepts, with that value set: where the base's own sample names a
        subtype it does not satisfy (an enum of the subtypes' values, as Azure writes
        them), as the client and the mock read it (subtypes.py, the validator's
        _extending)."""
        prop = base["discriminator"].get("propertyName")
        if not isinstance(prop, str):
            return value
        mapping = base["discriminator"].get("mapping")
        # the mapping's values first (Pinterest's grant_type: authorization_code names
        # OauthAccessTokenRequestCode), then the schemas extending it by their own names
        named = [(tag, target) for tag, target in (mapping.items() if isinstance(mapping, dict) else ())
                 if isinstance(tag, str) and isinstance(target, str)]
        named = [(tag, target if target.startswith("#") else "#/components/schemas/" + escape_pointer(target))
                 for tag, target in named]
        named += [(tag, "#/components/schemas/" + escape_pointer(name))
                  for tag, name in validator()._extending(self.schemas).get(id(base), {}).items()]
        for tag, ref in named:
            if ref in self._expanding:
                continue
            candidate = self.sample({"$ref": ref}, direction=direction, depth=depth + 1, hint=hint)
            if isinstance(candidate, dict):
                candidate = {**candidate, prop: tag}
                if self.valid(candidate, base, direction):
                    return candidate
        return value

    def _sample(self, schema: Any, direction: str, depth: int, hint: str, *, cyclic: bool = False) -> Any:
        if not isinstance(schema, dict):
            return None if schema is False else "example"
        if "const" in schema:
            return schema["const"]
        for given in self._given(schema):
            if self.valid(given, schema, direction) and not self.ambiguous(given, schema, direction):
                return given
        economy = cyclic or depth >= ECONOMY_DEPTH
        types = schema.get("type")
        nullable = bool(schema.get("nullable")) or (isinstance(types, list) and "null" in types)
        if isinstance(schema.get("enum"), list) and schema["enum"]:
            values = [v for v in validator().enum_values(schema) if v is not None]
            return values[0] if values else None
        if nullable and (economy or depth >= MAX_DEPTH):
            return None
        if isinstance(types, list):
            non_null = [t for t in types if t != "null"]
            types = non_null[0] if non_null else "null"
        if schema.get("format") == "file" and types in ("object", "string", "file", None) and "properties" not in schema:
            return _FORMATS["binary"]  # Swagger 2.0's file, typed `object` by converters: bytes (parse.py)
        beside_union = any(isinstance(schema.get(k), list) and schema[k] for k in ("oneOf", "anyOf"))
        if isinstance(schema.get("allOf"), list) and not (beside_union and self.resolver.describes_object(schema)):
            return self.all_of(schema, direction, depth, hint, economy)
        for key in ("oneOf", "anyOf"):
            options = schema.get(key)
            if isinstance(options, list) and options:
                if not any(k in schema for k in ("properties", "allOf", "required")):
                    return self.union(schema, options, direction, depth, hint)
                # `required` beside the union names fields of several members, or of none
                # (gerermesaffaires.com): the object gets them all, then a member's fields
                # members that only require some of the properties ("at least one of":
                # anyOf: [{required: [a]}, {required: [b]}]) require them of the object
                value = self.at_least_one_of(schema, options, direction, depth, economy)
                if value is not None:
                    return value
                # the models take the properties, the allOf members' too (the union beside
                # them is ignored); the union's member adds what the request must have
                # besides (extra_body)
                own = self.object(schema, direction, depth, economy)
                member = self.union({k: v for k, v in schema.items() if k not in ("properties", "allOf")}, options,
                                    direction, depth, hint)
                merged = {**own, **member} if isinstance(member, dict) else own
                # (the member alone, where `required` beside a union of strings asks nothing)
                return next((v for v in (merged, member) if self.valid(v, schema, direction)), own)
        if types == "object" or (types is None and "properties" in schema):
            return self.object(schema, direction, depth, economy)
        if types == "array" or (types is None and "items" in schema):
            low = schema.get("minItems")
            count = low if isinstance(low, int) and not isinstance(low, bool) and low > 0 else 0
            if depth >= MAX_DEPTH or (economy and not count):
                return []
            item = self.sample(schema.get("items", {}), direction=direction, depth=depth + 1, hint=hint)
            items = [item] * min(max(count, 1), 16)
            if schema.get("uniqueItems") is True and len(items) > 1:
                items = self.distinct(items, schema)
            return items
        if types == "string":
            return self.string(schema, hint)
        if types in ("integer", "number"):
            return self.number(schema, types == "integer")
        if types == "boolean":
            return True
        if types == "null":
            return None
        return {}

    def distinct(self, items: list[Any], schema: dict[str, Any]) -> list[Any]:
        """Items made unlike each other, as uniqueItems asks (Discord's bulk delete: at least
        two message ids, none twice): strings and numbers numbered; else as they were."""
        first = items[0]
        if isinstance(first, bool) or not isinstance(first, (str, int, float)):
            return items
        made = [f"{first}{n}" if isinstance(first, str) else first + n for n in range(len(items))]
        if isinstance(first, str) and first.isdigit():  # (a snowflake id stays digits)
            made = [str(int(first) + n) for n in range(len(items))]
        return made if self.valid(made, schema, "request") else items

    def addressable(self, schema: Any, value: Any, hint: str = "") -> Any:
        """A path parameter's value that names a resource (see _addressable): another of
        the enum's values, else a sample that ignores the given ones (stoplight's
        `default: ""`), or `value` when the schema allows no other."""
        resolved = self.resolve(schema)
        options = resolved.get("enum") if isinstance(resolved, dict) else None
        for option in options if isinstance(options, list) else []:
            if _addressable(option) and self.valid(option, schema, "request"):
                return option
        if isinstance(resolved, dict) and not options:
            bare = {k: v for k, v in resolved.items() if k not in ("default", "example", "examples")}
            fresh = self.sample(bare, direction="request", hint=hint)
            if _addressable(fresh) and self.valid(fresh, schema, "request"):
                return fresh
        return value

    @staticmethod
    def _given(schema: dict[str, Any]) -> Iterator[Any]:
        """The schema's own example, first of examples, and default, in that order."""
        if "example" in schema and schema["example"] is not None:
            yield schema["example"]
        if isinstance(schema.get("examples"), list) and schema["examples"]:
            yield schema["examples"][0]
        if "default" in schema and schema["default"] is not None:
            yield schema["default"]

    def all_of(self, schema: dict[str, Any], direction: str, depth: int, hint: str, economy: bool) -> Any:
        if self.resolver.describes_object(schema):
            value = self.object(schema, direction, depth, economy)
            # a member may hold a union the object must satisfy too (peertube's import:
            # oneOf targetUrl, magnetUri or torrentfile): its first member's fields join
            for part in schema["allOf"]:
                if isinstance(part, dict) and part.get("$ref") in self._expanding:
                    # the base this schema is a member of (`Circle: allOf: [Shape, ...]`,
                    # Shape a oneOf of Circle and Square): the value is that member already
                    continue
                member = self.resolve(part)
                options = next((member[k] for k in ("oneOf", "anyOf") if isinstance(member, dict)
                                and isinstance(member.get(k), list) and member[k]), None)
                if options is None:
                    continue
                required = self.at_least_one_of(schema, options, direction, depth, economy)
                if required is not None:
                    value = required
                    continue
                chosen = self.union({k: v for k, v in member.items() if k not in ("properties", "allOf")}, options,
                                    direction, depth, hint)
                merged = {**value, **chosen} if isinstance(chosen, dict) else value
                if self.valid(merged, schema, direction) or not self.valid(value, schema, direction):
                    value = merged
            return value
        # allOf: [$ref: SomeEnum] narrows a value, not an object
        values = [self.sample(part, direction=direction, depth=depth + 1, hint=hint) for part in schema["allOf"]]
        return next((v for v in values if self.valid(v, schema, direction)), values[0] if values else {})

    def at_least_one_of(self, schema: dict[str, Any], options: list[Any], direction: str, depth: int,
                        economy: bool) -> dict[str, Any] | None:
        """An object of `schema` that requires, beside its own, the properties of the first
        of the union's members that only require some ("at least one of": `anyOf:
        [{required: [name]}, {required: [company]}]`, beside the properties or in an allOf
        member, as Lob's addresses) and that `schema` accepts; None when there is none."""
        required = [r for r in schema.get("required") or [] if isinstance(r, str)]
        for option in options:
            resolved = self.resolve(option)
            if _requires_only(resolved):
                value = self.object({**schema, "required": [*required, *resolved["required"]]}, direction, depth, economy)
                if self.valid(value, schema, direction):
                    return value
        return None

    def union(self, schema: dict[str, Any], options: list[Any], direction: str, depth: int, hint: str) -> Any:
        """The first member's value that the whole union accepts (with its discriminator set)."""
        if depth >= MAX_DEPTH:  # members that hold the union again, however they do it
            return {}
        first: Any = None
        found = False
        one_of = options is schema.get("oneOf")
        for option in options:
            resolved = self.resolve(option)
            if isinstance(resolved, dict) and (resolved.get("type") == "null" or resolved.get("enum") == [None]):
                continue
            value = self.tagged(self.sample(option, direction=direction, depth=depth + 1, hint=hint), schema, option)
            if self.valid(value, schema, direction):
                if not one_of:
                    return value
                value = self.exclusive(value, option, options, direction)
                if not any(self.valid(value, o, direction) for o in options if o is not option):
                    return value
                # another member takes every value of this one (WhatsApp's Config: a bearer
                # token's object is also a basic one, which requires nothing): the next
            if not found:
                first, found = value, True
        return first

    def exclusive(self, value: Any, option: Any, options: list[Any], direction: str) -> Any:
        """`value` of the oneOf member `option`, made to match no other member, as oneOf
        asks and a validator that checks it (Prism's) refuses otherwise: where another
        member takes it too (Adyen's `{bankAccountNumber}`, ACH details and Bacs direct
        debit details alike), the member's optional properties that name it (an enum, a
        const, a default: ACH's `type: ach`) are added one by one until none does; else
        all of them at once, nested ones too; else the properties only it declares; else
        any of its properties as it types them (PagerDuty's custom field values: six
        objects of an optional `value`, a boolean, a number, a string ...)."""
        others = [o for o in options if o is not option]
        if not isinstance(value, dict) or not any(self.valid(value, o, direction) for o in others):
            return value
        resolved = self.resolve(option)
        view = openapi.object_view(self.resolver, resolved, "") if isinstance(resolved, dict) else None
        if view is None:
            return value
        # (a property no other member declares: Vercel's domains, the move-in's `token`,
        # where every member takes `method` as any string and refuses other fields)
        declared_elsewhere: set[str] = set()
        for other in others:
            found = self.resolve(other)
            if isinstance(found, dict):
                declared_elsewhere |= set(openapi.object_view(self.resolver, found, "").properties)
        grown = dict(value)
        for naming_only in (True, False, None):  # (None: any property of its own, as it types it)
            if naming_only is False:
                # every naming property at once, nested objects' too (PagerDuty's cache
                # variables: `configuration.type` is what tells the three apart)
                named = self.named(resolved, value, 0)
                if named != value and self.valid(named, option, direction) \
                        and not any(self.valid(named, o, direction) for o in others):
                    return named
            for name, (prop, _pointer) in view.properties.items():
                schema = self.resolve(prop)
                if name in grown or not isinstance(schema, dict):
                    continue
                if naming_only:
                    added = next((v for v in (schema.get("const"), (schema.get("enum") or [None])[0], schema.get("default"))
                                  if isinstance(v, str)), None)
                    if added is None:
                        continue
                elif naming_only is False and name in declared_elsewhere:
                    continue
                else:
                    added = self.sample(prop, direction=direction, depth=1, hint=name)  # (deeper: nullable is null)
                grown[name] = added
                if not self.valid(grown, option, direction):
                    del grown[name]
                elif not any(self.valid(grown, o, direction) for o in others):
                    return grown
        return value

    def named(self, schema: Any, value: Any, depth: int) -> Any:
        """`value` (an object of `schema`) with the properties that name what it is: each
        string const, first enum value or default it lacks, and the same inside its
        object properties, three levels down."""
        if not isinstance(value, dict) or not isinstance(schema, dict) or depth > 2:
            return value
        view = openapi.object_view(self.resolver, schema, "")
        out = dict(value)
        for name, (prop, _pointer) in view.properties.items():
            found = self.resolve(prop)
            if not isinstance(found, dict) or found.get("readOnly"):
                continue
            fixed = next((v for v in (found.get("const"), (found.get("enum") or [None])[0], found.get("default"))
                          if isinstance(v, str)), None)
            if fixed is not None and name not in out:
                out[name] = fixed
            elif self.resolver.describes_object(found) and isinstance(out.get(name, {}), dict):
                inner = self.named(found, out.get(name, {}), depth + 1)
                if inner:
                    out[name] = inner
        return out

    @staticmethod
    def tagged(value: Any, union: dict[str, Any], option: Any) -> Any:
        """Set the discriminator property to the value that selects `option`."""
        discriminator = union.get("discriminator")
        if not isinstance(discriminator, dict) or not isinstance(value, dict) or not isinstance(option, dict):
            return value
        prop, ref = discriminator.get("propertyName"), option.get("$ref")
        if not isinstance(prop, str) or not isinstance(ref, str):
            return value
        mapping = discriminator.get("mapping") or {}
        name = ref.rsplit("/", 1)[-1]
        tags = [tag for tag, target in mapping.items() if target in (ref, name)] if isinstance(mapping, dict) else []
        if prop in value and not tags and value[prop] != prop:
            return value  # the member's own schema fixed it (const or enum)
        return {**value, prop: tags[0] if tags else name}

    def object(self, schema: dict[str, Any], direction: str, depth: int, economy: bool) -> dict[str, Any]:
        if depth >= MAX_DEPTH:
            return {}
        view = openapi.object_view(self.resolver, schema, "")
        result: dict[str, Any] = {}
        for name in view.required:
            prop = view.properties[name][0] if name in view.properties else self.member_property(schema, name)
            if prop is None:
                prop = _alike(view.properties, name)
            if prop is None:
                prop = view.additional
            if not isinstance(prop, (dict, bool)):
                prop = {}
            resolved = self.resolve(prop)
            if isinstance(resolved, dict):
                if direction == "request" and resolved.get("readOnly"):
                    continue
                if direction == "response" and resolved.get("writeOnly"):
                    continue
            result[name] = self.sample(prop, direction=direction, depth=depth + 1, hint=name)
        least = self.least_properties(schema)
        if least and len(result) < least:
            self.fill(result, view, least, direction, depth)
        if direction == "response" and not economy:
            return self.with_examples(result, schema, view)
        return result

    def with_examples(self, value: dict[str, Any], schema: dict[str, Any], view: openapi.ObjectView) -> dict[str, Any]:
        """A response's object with the optional properties the document gives an example
        of, where the object stays valid: the mock then answers `{"id": 42, "price": 3.5}`
        where the document shows those, not `{}`. Optional properties without one stay out
        (a made-up value says nothing the document does)."""
        found: dict[str, tuple[Any, Any]] = {}
        for name, (prop, _pointer) in view.properties.items():
            resolved = self.resolve(prop)
            if name in value or not isinstance(resolved, dict) or resolved.get("writeOnly"):
                continue
            given = next(self._given({k: v for k, v in resolved.items() if k != "default"}), None)
            if given is not None:
                found[name] = (given, prop)
        if not found:
            return value
        grown = {**value, **{name: given for name, (given, _prop) in found.items()}}
        if self.valid(grown, schema, "response") and not self.ambiguous(grown, schema, "response"):
            return grown  # (one check where every example is right, as most are)
        grown = {**value, **{name: given for name, (given, prop) in found.items()
                             if self.valid(given, prop, "response") and not self.ambiguous(given, prop, "response")}}
        return grown if len(grown) > len(value) and self.valid(grown, schema, "response") else value

    def least_properties(self, schema: Any, depth: int = 0) -> int:
        """The schema's minProperties, or its allOf members' (AWS's `Tags: allOf: [{$ref:
        Tags}, {description}]`, the map's minProperties: 1 in the $ref)."""
        resolved = self.resolve(schema)
        if not isinstance(resolved, dict) or depth > 8:
            return 0
        least = resolved.get("minProperties")
        found = least if isinstance(least, int) and not isinstance(least, bool) else 0
        for part in resolved.get("allOf") or () if isinstance(resolved.get("allOf"), list) else ():
            found = max(found, self.least_properties(part, depth + 1))
        return found

    def fill(self, result: dict[str, Any], view: openapi.ObjectView, least: int, direction: str, depth: int) -> None:
        """`result` grown to `least` properties (minProperties: AWS's tag maps hold at least
        one): the optional properties first, then entries of the map's values."""
        for name, (prop, _pointer) in view.properties.items():
            if len(result) >= least:
                return
            resolved = self.resolve(prop)
            if name in result or isinstance(resolved, dict) and resolved.get(
                    "readOnly" if direction == "request" else "writeOnly"):
                continue
            result[name] = self.sample(prop, direction=direction, depth=depth + 1, hint=name)
        if view.additional is False or view.additional is None and view.properties:
            return
        values = view.additional if isinstance(view.additional, dict) else {}
        for index in range(1, min(least, 16) + 1):
            if len(result) >= least:
                return
            key = f"key{index}"
            if key not in result:
                result[key] = self.sample(values, direction=direction, depth=depth + 1, hint="value")

    def not_empty(self, value: Any, schema: Any) -> Any:
        """An empty object grown to one property where the schema allows it: a required
        query or header object, or a required form, of optional fields only goes as
        nothing when empty (Seldon's `?json=`), which a server reads as missing."""
        resolved = self.resolve(schema)
        if value != {} or not isinstance(resolved, dict):
            return value
        view = openapi.object_view(self.resolver, resolved, "")
        # a scalar field first: an object in a form or a query goes as text a server may
        # not read back as one (Twilio Video's `Configuration`)
        for name, (prop, _pointer) in view.properties.items():
            found = self.resolve(prop)
            if isinstance(found, dict) and not found.get("readOnly") \
                    and found.get("type") in ("string", "integer", "number", "boolean"):
                grown = {name: self.sample(prop, direction="request", depth=1, hint=name)}
                if self.valid(grown, schema, "request"):
                    return grown
        grown = {}
        self.fill(grown, view, 1, "request", 0)
        return grown if grown and self.valid(grown, schema, "request") else value

    def unambiguous_text(self, value: Any, schema: Any, hint: str) -> Any:
        """A parameter's value that is one oneOf member's alone, also as text: on the wire
        `1` is also a string, so a value of GitHub's `workflow_id` (oneOf integer or
        string) meets both members for a server that reads text as the schema's types
        (Prism), and PeerTube's uuid meets its `idOrUUID`'s uuid and its short uuid (any
        string). A string member's value that no other member takes goes instead."""
        resolved = self.resolve(schema)
        options = resolved.get("oneOf") if isinstance(resolved, dict) else None
        if not isinstance(options, list) or isinstance(value, bool) or not isinstance(value, (str, int, float)):
            return value

        def alone(text: str) -> bool:
            return not _reads_as_scalar(text) and sum(self.valid(text, option, "request") for option in options) == 1

        if isinstance(value, str) and alone(value):
            return value
        for option in options:
            member = self.resolve(option)
            if isinstance(member, dict) and member.get("type") == "string":
                text = self.sample(option, direction="request", hint=hint)
                if isinstance(text, str) and alone(text) and self.valid(text, schema, "request"):
                    return text
        return value

    def member_property(self, schema: dict[str, Any], name: str, depth: int = 0) -> Any:
        """The schema that a oneOf or anyOf member of `schema` (or of theirs) gives the
        property `name`, or None: an object may require what only its union declares."""
        for key in ("oneOf", "anyOf"):
            options = schema.get(key)
            for option in options if isinstance(options, list) and depth < MAX_DEPTH else []:
                resolved = self.resolve(option)
                if not isinstance(resolved, dict):
                    continue
                view = openapi.object_view(self.resolver, resolved, "")
                found = view.properties[name][0] if name in view.properties else self.member_property(resolved, name, depth + 1)
                if found is not None:
                    return found
        return None

    def string(self, schema: dict[str, Any], hint: str) -> str:
        """The format's example, the field's name, or a string the pattern matches: the
        first of them the schema accepts."""
        low = schema.get("minLength")
        high = schema.get("maxLength")
        low = low if isinstance(low, int) and not isinstance(low, bool) and low > 0 else 0
        high = high if isinstance(high, int) and not isinstance(high, bool) and high >= low else None
        candidates: list[str] = []
        fmt = schema.get("format")
        if fmt in _FORMATS:
            candidates.append(_FORMATS[fmt])
        text = hint if hint and hint.isascii() and hint.replace("_", "").isalnum() else "example"
        if len(text) < low:
            text += "x" * (low - len(text))
        if high is not None and len(text) > high:
            text = text[:high]
        candidates.append(text)
        pattern = schema.get("pattern")
        if isinstance(pattern, str):
            source, _ = validator().pattern_source(pattern)  # (a case-blind pattern takes the sample too)
            matching = patterns.string_matching(source, min_length=low, max_length=high)
            if matching is not None and not validator().judges_pattern(pattern):
                # the mock takes any value for a pattern it cannot judge safely (webflow's
                # e-mail pattern, nested repeats): the string made to match it goes first,
                # so that a server that judges it (Prism) takes it too
                candidates.insert(0, matching)
            elif matching is not None:
                candidates.append(matching)
        return next((c for c in candidates if self.valid(c, schema)), candidates[0])

    def number(self, schema: dict[str, Any], integer: bool) -> int | float:
        """1 (or 1.5), else a value at or next to one of the bounds, or a multiple of
        multipleOf: the first of them the schema accepts."""
        gap = 1 if integer else 0.5
        candidates: list[float] = [1 if integer else 1.5]
        bounds = [schema.get(k) for k in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum")]
        numbers = [float(b) for b in bounds if isinstance(b, (int, float)) and not isinstance(b, bool) and math.isfinite(b)]
        for bound in numbers:
            candidates += [bound, bound + gap, bound - gap]
        if len(numbers) >= 2:
            candidates.append((min(numbers) + max(numbers)) / 2)
        step = schema.get("multipleOf")
        if isinstance(step, (int, float)) and not isinstance(step, bool) and step > 0 and math.isfinite(step):
            candidates = [math.ceil(c / step) * step for c in candidates] + [step]
        values = [int(math.ceil(c)) for c in candidates] if integer else [float(c) for c in candidates]
        return next((v for v in values if self.valid(v, schema)), values[0])


def path_setting_value(api: ir.Api, wire: str) -> str:
    """What the contract tests give the client for a path parameter that is a client
    setting (a path default): "1" where its schema takes that, else a value made as its
    fixtures' are (Azure's subscriptionId is a uuid in some documents)."""
    param = next((p for op in api.operations for p in op.parameters if p.location == "path" and p.wire_name == wire),
                 None)
    if param is None:
        return "1"
    synth = Synthesiser(api.document)
    if synth.valid("1", param.schema, "request"):
        return "1"
    value = synth.example_or_sample(param.has_example, param.example, param.schema, direction="request", hint=wire)
    return value if isinstance(value, str) else json.dumps(value)


def operation_fixture(op: ir.Operation, synth: Synthesiser, auth: tuple[str, str] = ("none", "")) -> dict[str, Any]:
    """{"request": {path, query, headers, body}, "responses": {status: {content_type, body}}}.
    Required header parameters are in `headers` (left out when there are none); optional
    query and header parameters, and cookies, are not sent."""
    path: dict[str, Any] = {}
    query: dict[str, Any] = {}
    headers: dict[str, Any] = {}
    for p in op.parameters:
        if p.location not in ("path", "query", "header"):
            continue
        if p.location != "path" and not p.required:
            continue
        value = synth.example_or_sample(p.has_example, p.example, p.schema, direction="request", hint=p.wire_name)
        if value == {} and not synth.resolver.describes_object(p.schema):
            value = "example"  # an untyped parameter takes any value, and an empty object sends none
        elif p.location != "path":
            value = synth.not_empty(value, p.schema)
        value = synth.unambiguous_text(value, p.schema, p.wire_name)
        if p.location == "path" and not _addressable(value):
            value = synth.addressable(p.schema, value, p.wire_name)
        if p.location == "path" and isinstance(value, str) and value in synth.literal_segments \
                and synth.valid(f"{value}-1", p.schema, "request"):
            value = f"{value}-1"  # not the literal path it is spelt like, which the server serves first
        {"path": path, "query": query, "header": headers}[p.location][p.wire_name] = value
    request: dict[str, Any] = {"path": path, "query": query}
    if headers:
        request["headers"] = headers
    if op.body is not None and (op.body.has_example or op.body.required or op.body.fields):
        if op.body.encoding in ("binary", "text"):
            example = op.body.example if isinstance(op.body.example, str) else None
            request["body"] = example if example is not None and synth.valid(example, op.body.schema, "request") \
                else _scalar_text(synth, op.body.schema) if op.body.encoding == "text" else "example"
        else:
            request["body"] = synth.example_or_sample(op.body.has_example, op.body.example, op.body.schema, direction="request")
            if op.body.encoding in ("form", "multipart") and op.body.required:
                request["body"] = synth.not_empty(request["body"], op.body.schema)
    _framing_headers(op, request, headers, auth, synth)
    responses: dict[str, Any] = {}
    # a method that streams asks for the event stream: a status that has one answers with
    # it, though another media type comes first (JSON or SSE on one 200); one whose body
    # field asks for the stream answers JSON, as the call the contract test makes does
    flagged = streams.stream_flag(op) is not None
    streamed = set() if flagged else {r.status for r in op.responses if r.decoding == "sse"}
    whole = {r.status for r in op.responses if r.decoding not in ("sse", "lines")}
    for r in op.responses:
        if r.status in responses or (r.status in streamed and r.decoding != "sse"):
            continue
        if flagged and r.decoding in ("sse", "lines") and r.status in whole:
            continue  # (the whole answer, which the call without the field gets)
        if r.decoding == "location":
            address = r.example if r.has_example else "https://example.com/redirected"
            responses[r.status] = {"content_type": None, "body": None, "headers": {"Location": address}}
        elif r.decoding == "none" or r.media_type is None:
            responses[r.status] = {"content_type": None, "body": None}
        elif r.decoding == "json":
            body = synth.example_or_sample(r.has_example, r.example, r.schema if r.schema is not None else {}, direction="response")
            if op.pagination and op.pagination.items_in and r.status.startswith("2") and isinstance(body, dict):
                body = _with_an_item_in(body, op.pagination.items_in, op.pagination.items, r.schema, synth)
            elif op.pagination and r.status.startswith("2") and isinstance(body, dict) and not body.get(op.pagination.items):
                body = _with_an_item(body, op.pagination.items, r.schema, synth)
            elif op.pagination and r.status.startswith("2") and body == []:
                body = _list_with_an_item(r.schema, synth)
            for holder in (op.pagination.next_in, op.pagination.count_in) if op.pagination else ():
                if holder and r.status.startswith("2") and isinstance(body, dict) and not isinstance(body.get(holder), dict):
                    body = _with_a_sample_of(body, holder, r.schema, synth)
            if r.status.startswith("2") and isinstance(body, dict):
                body = _settled(body, r.schema, synth)
            responses[r.status] = {"content_type": r.media_type, "body": body}
        elif r.decoding == "sse":
            responses[r.status] = {"content_type": r.media_type, "body": _event_stream(r, synth)}
        elif r.decoding == "lines":
            responses[r.status] = {"content_type": r.media_type, "body": _json_lines(r, synth)}
        else:
            text = r.example if r.has_example and isinstance(r.example, str) else "example"
            responses[r.status] = {"content_type": r.media_type, "body": text}
    return {"operation_id": op.operation_id, "request": request, "responses": responses}


def _reads_as_scalar(text: str) -> bool:
    """Whether a text reads as a JSON number, boolean or null (`12`, `1e3`, `true`)."""
    try:
        return not isinstance(json.loads(text), (str, list, dict))
    except ValueError:
        return False


def _scalar_text(synth: Synthesiser, schema: Any) -> str:
    """A text body for a schema of one scalar (Meilisearch's settings take `true` or a
    number as text/plain): the value a sample of it gives, as JSON writes it; else
    "example"."""
    resolved = synth.resolve(schema)
    if isinstance(resolved, dict) and resolved.get("type") in ("boolean", "integer", "number"):
        return json.dumps(synth.sample(resolved, direction="request"))
    return "example"


def _settled(body: dict[str, Any], schema: Any, synth: Synthesiser) -> dict[str, Any]:
    """`body` with its provisioningState (Azure's, under `properties` or at the top)
    "Succeeded" where it names another state ("Creating", "Failed", a sample's "example")
    and the schema takes that: the mock answers as an API whose resources' changes are
    done and went well, so that a client that waits for one (an Azure long-running
    operation, _arm_polling.py) finds it done rather than polling the mock for ever, or
    raising on a change the document's example shows failed."""
    found = body.get("properties")
    properties: dict[str, Any] = found if isinstance(found, dict) else {}
    inside = isinstance(properties.get("provisioningState"), str)
    state = properties["provisioningState"] if inside else body.get("provisioningState")
    if not isinstance(state, str) or state.lower() == "succeeded":
        return body
    for settled in ("Succeeded", "succeeded"):  # as the schema's enum spells it
        candidate = {**body, "properties": {**properties, "provisioningState": settled}} if inside \
            else {**body, "provisioningState": settled}
        if synth.valid(candidate, schema):
            return candidate
    return body


def _with_an_item(body: dict[str, Any], items: str, schema: Any, synth: Synthesiser) -> dict[str, Any]:
    """A list's page with one item where its sample has none (Azure's `value`, an optional
    property, is left out of a sample): the mock serves its pages from the items of the
    fixture, and a page of empty objects would not be the item type."""
    resolved, _ = synth.resolver.resolve_or_none(schema, "")
    if not isinstance(resolved, dict):
        return body
    found = openapi.object_view(synth.resolver, resolved, "").properties.get(items)
    listed = _array_schema(found[0], synth) if found else None
    if listed is None:
        return body
    item = synth.sample(listed["items"], direction="response")
    with_item = {**body, items: [item]}
    return with_item if synth.valid(with_item, schema) else body


def _array_schema(schema: Any, synth: Synthesiser) -> dict[str, Any] | None:
    """The array schema `schema` is, followed through a reference and through an allOf
    that joins one to a description (AWS's `{allOf: [{$ref: LogGroups}, {description}]}`)."""
    resolved, _ = synth.resolver.resolve_or_none(schema, "")
    if isinstance(resolved, dict) and "items" in resolved:
        return resolved
    members = resolved.get("allOf") if isinstance(resolved, dict) else None
    for member in members if isinstance(members, list) else []:
        found, _ = synth.resolver.resolve_or_none(member, "")
        if isinstance(found, dict) and "items" in found:
            return found
    return None


def _with_an_item_in(body: dict[str, Any], holder: str, items: str, schema: Any, synth: Synthesiser) -> dict[str, Any]:
    """A page whose items are in an object of it (HAL's `_embedded`) with one item there."""
    resolved, _ = synth.resolver.resolve_or_none(schema, "")
    if not isinstance(resolved, dict):
        return body
    found = openapi.object_view(synth.resolver, resolved, "").properties.get(holder)
    if not found:
        return body
    kept = body.get(holder)
    inner = kept if isinstance(kept, dict) else synth.sample(found[0], direction="response")
    if not isinstance(inner, dict):
        return body
    if not inner.get(items):
        inner = _with_an_item(inner, items, found[0], synth)
    with_item = {**body, holder: inner}
    return with_item if synth.valid(with_item, schema) else body


def _with_a_sample_of(body: dict[str, Any], name: str, schema: Any, synth: Synthesiser) -> dict[str, Any]:
    """A page with the object its next link goes in (JSON:API's `links`), where its
    sample left that out: the mock writes the link there, and an object it made up
    would lack what the object requires."""
    resolved, _ = synth.resolver.resolve_or_none(schema, "")
    if not isinstance(resolved, dict):
        return body
    found = openapi.object_view(synth.resolver, resolved, "").properties.get(name)
    if not found:
        return body
    with_it = {**body, name: synth.sample(found[0], direction="response")}
    return with_it if synth.valid(with_it, schema) else body


def _list_with_an_item(schema: Any, synth: Synthesiser) -> list[Any]:
    """A page that is a bare list (GitHub's), with one item where its sample has none."""
    resolved, _ = synth.resolver.resolve_or_none(schema, "")
    if not isinstance(resolved, dict) or "items" not in resolved:
        return []
    listed = [synth.sample(resolved["items"], direction="response")]
    return listed if synth.valid(listed, schema) else []


def _alike(properties: dict[str, tuple[Any, str]], name: str) -> Any:
    """The schema of the property that a required `name` no property declares means, if one
    is the same up to case and punctuation (xero's `name` for `Name`, rudder's `type` for
    `_type`): the models read such a key as that property (its attribute name), so the
    sample must be one of its values. None when there is none."""
    key = re.sub(r"[^0-9a-z]", "", name.lower())
    found = [schema for wire, (schema, _) in properties.items() if re.sub(r"[^0-9a-z]", "", wire.lower()) == key]
    return found[0] if len(found) == 1 else None


def _event_stream(r: ir.Response, synth: Synthesiser) -> str:
    """An event stream of one event: the documented example when it is one, else an event
    whose data is a sample of the schema (JSON, unless the schema is a string)."""
    if r.has_example and isinstance(r.example, str) and r.example.lstrip().startswith(("data:", "event:", "id:")):
        return r.example
    sample = synth.sample(r.schema if r.schema is not None else {"type": "string"}, direction="response")
    data = sample if isinstance(sample, str) else json.dumps(sample, separators=(",", ":"), ensure_ascii=False)
    return "".join(f"data: {line}\n" for line in data.split("\n")) + "\n"


def _json_lines(r: ir.Response, synth: Synthesiser) -> Any:
    """A stream of one JSON value: the documented example where it is one value of the
    stream, else a sample; under its key where the stream names one (grpc-gateway's
    `{"result": ...}`). Under a JSON media type it is that value (the mock writes it on
    one line), else its line as text (after an RS in a JSON text sequence)."""
    schema = r.schema if r.schema is not None else {}
    value = synth.example_or_sample(r.has_example and not r.member, r.example, schema, direction="response")
    if r.member:
        value = {r.member: value}
    if openapi.is_json_media(r.media_type or ""):
        return value
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return ("\x1e" if openapi.media_base(r.media_type or "") == "application/json-seq" else "") + text + "\n"


def _addressable(value: Any) -> bool:
    """Whether the client can put `value` in a path: not empty, not `.` or `..` (URL
    normalisation would make them another resource), as the client's path_with_params
    writes it (a list joined by commas)."""
    items = value if isinstance(value, list) else [value]
    text = ",".join(str(v).lower() if isinstance(v, bool) else str(v) for v in items)
    return value is not None and text.strip() != "" and text not in (".", "..")


_CONSTRAINING = ("properties", "type", "$ref", "allOf", "oneOf", "anyOf", "enum", "const", "items", "not")


def _requires_only(schema: Any) -> bool:
    """A schema that names required properties and constrains nothing else."""
    return (
        isinstance(schema, dict)
        and isinstance(schema.get("required"), list)
        and all(isinstance(r, str) for r in schema["required"])
        and not any(key in schema for key in _CONSTRAINING)
    )


def _framing_headers(op: ir.Operation, request: dict[str, Any], headers: dict[str, Any], auth: tuple[str, str],
                     synth: Synthesiser) -> None:
    """Header parameters that describe the request itself get the values that are true of
    it: Content-Type the body's media type, Content-Length its size (as the client writes
    it), Accept the first documented answer's media type; the header that carries the API
    key (a parameter too in some documents) a credential of the scheme's form."""
    scheme, auth_header = auth
    for name in headers:
        lowered = name.lower()
        if lowered == auth_header.lower() and scheme in ("bearer", "basic"):
            headers[name] = "Bearer example-token" if scheme == "bearer" else "Basic ZXhhbXBsZTpleGFtcGxl"
        elif lowered == "content-type" and op.body is not None:
            # the type the client sends: a wildcard names none (vtex's application/*+json,
            # which Prism read as no JSON and refused)
            concrete = "*" not in op.body.media_type.split(";")[0]
            headers[name] = op.body.media_type if concrete else (op.body.sent_media_type or {
                "json": "application/json", "text": "text/plain"}.get(op.body.encoding, "application/octet-stream"))
        elif lowered == "accept":
            # one the parameter allows, where its schema names them (tnb: an enum of
            # application/zip where the answer is JSON; the value found already is one)
            schema = next((p.schema for p in op.parameters if p.location == "header" and p.wire_name == name), None)
            allowed = _enum_of(synth.resolve(schema) if schema is not None else None)
            media = next((r.media_type for r in op.responses if r.media_type and (allowed is None or r.media_type in allowed)), None)
            if media is not None:
                headers[name] = media
        elif lowered == "content-length":
            body = request.get("body")
            if op.body is None or body is None:
                headers[name] = 0
            elif op.body.encoding == "json":
                headers[name] = len(json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode())
            elif op.body.encoding == "ndjson" and isinstance(body, list):
                headers[name] = sum(len(json.dumps(v, separators=(",", ":"), ensure_ascii=False).encode()) + 1 for v in body)
            elif op.body.encoding in ("text", "binary") and isinstance(body, str):
                headers[name] = len(body.encode())


def _enum_of(schema: Any) -> list[Any] | None:
    """The values a parameter's schema (its $ref followed) allows, where it lists them."""
    return validator().enum_values(schema) if isinstance(schema, dict) and isinstance(schema.get("enum"), list) else None


def fixture_files(api: ir.Api) -> dict[str, str]:
    """operation id -> the file its fixture is in: one file per resource module, named after
    it (a document of thousands of operations makes hundreds of files, not thousands)."""
    files: dict[str, str] = {}
    for resource in api.resources:
        for op in resource.operations:
            files.setdefault(op.operation_id, f"{resource.module}.json")
    missing = [op.operation_id for op in api.operations if op.operation_id not in files]
    if missing:
        raise GeneratorBug(f"operation {missing[0]!r} belongs to no resource, so its fixture has no file")
    return files


def fixtures(api: ir.Api, pieces: Fragments | None = None, views: Mapping[int, OperationView] | None = None) -> dict[str, str]:
    """fixture file name -> {operation id: fixture} for the operations of one resource, as
    deterministic JSON text. With `pieces` (and the operations' `views`, by id of their
    IR), a file is the last run's when it is made from the same inputs: its operations'
    views, the document less its paths, the paths' literal segments (fragments.py) and the
    auth settings (operation_fixture reads nothing else)."""
    synth = Synthesiser(api.document)
    files = fixture_files(api)
    auth = (api.sdk.auth_scheme, api.sdk.auth_header)
    document = pieces.document(api.document) if pieces is not None and views is not None else None
    shared = pieces.key("fixture", document, *auth) if pieces is not None and document is not None else None
    grouped: dict[str, list[ir.Operation]] = {}
    for op in api.operations:
        grouped.setdefault(files[op.operation_id], []).append(op)
    texts: dict[str, str] = {}
    for name, operations in sorted(grouped.items()):
        def make(operations: list[ir.Operation] = operations) -> str:
            group = {op.operation_id: operation_fixture(op, synth, auth) for op in operations}
            return display.escape_json(display.json_text(group, indent=True, sort_keys=True)) + "\n"

        keyed = [views.get(id(op)) for op in operations] if views is not None else []
        if pieces is not None and shared is not None and keyed and all(ov is not None for ov in keyed):
            texts[name] = pieces.piece("fixture", pieces.key(shared, name, *(pieces.operation(ov) for ov in keyed if ov)), make,
                                       file=name)
        else:
            texts[name] = make()
    return texts


def mock_spec(api: ir.Api, pieces: Fragments | None = None, views: Mapping[int, OperationView] | None = None) -> str:
    """What the generated mock server needs to know about each operation, as JSON. With
    `pieces`, an operation's entry is the last run's when it is made from the same inputs:
    its view, its fixture file's name and the document less its paths (mock_entry reads
    nothing else)."""
    files = fixture_files(api)
    resolver = openapi.Resolver(api.document)
    document = pieces.document(api.document) if pieces is not None and views is not None else None
    shared = pieces.key("mock", document) if pieces is not None and document is not None else None
    operations: dict[str, str] = {}
    # made in the order the file lists them, as the pieces of a file are asked for
    for op in sorted(api.operations, key=lambda op: op.operation_id):
        def make(op: ir.Operation = op) -> str:
            return display.json_entry(mock_entry(op, files[op.operation_id], resolver), sort_keys=True)

        ov = views.get(id(op)) if views is not None else None
        operations[op.operation_id] = pieces.piece("mock", pieces.key(shared, files[op.operation_id], pieces.operation(ov)), make) \
            if pieces is not None and shared is not None and ov is not None else make()
    def schemas() -> str:
        return display.joined_entries({name: display.json_entry(schema, sort_keys=True)
                                       for name, schema in sorted(api.schemas.items())})

    # the components' entries, one piece: the document's key covers them (EC2's 3,027: 10 ms)
    return display.json_entries([("operations", operations), ("schemas", pieces.piece(
        "mock", pieces.key(shared, "schemas"), schemas) if pieces is not None and shared is not None else schemas())])


def mock_entry(op: ir.Operation, fixture_file: str, resolver: openapi.Resolver) -> dict[str, Any]:
    """An operation's entry in the mock server's spec."""
    entry: dict[str, Any] = {
        "fixture": fixture_file,
        "method": op.method.upper(),
        "path": op.path,
        "params": [
            {"name": p.wire_name, "in": p.location, "required": p.required, "schema": followable(resolver, p.schema),
             "style": p.style, "explode": p.explode, **({"slashed": True} if p.slashed else {})}
            for p in op.parameters
            if p.name != op.accept_param  # (the client's, not the API's: the mock negotiates as the server does)
        ],
        "body": {"required": op.body.required, "media_type": op.body.media_type, "schema": followable(resolver, op.body.schema),
                 **({"styles": op.body.form_styles} if op.body.form_styles else {})}
        if op.body is not None
        else None,
        "responses": {r.status: r.media_type for r in op.responses},
        "public": op.public,
        "scopes": op.scopes,
        **({"security": op.security} if op.security else {}),
        "pagination": None,
        "long_running": None,
    }
    if op.pagination:
        by_name = {p.name: p.wire_name for p in op.parameters}
        if op.pagination.token_in_body and op.body is not None:
            by_name = {f.name: f.wire_name for f in op.body.fields}
        entry["pagination"] = {
            "style": op.pagination.style,
            "items": op.pagination.items,
            "count": op.pagination.count,
            "next": op.pagination.next,
            "has_more": op.pagination.has_more,
            "limit": by_name.get(op.pagination.limit_param or ""),
            "offset": by_name.get(op.pagination.offset_param or ""),
            "page": by_name.get(op.pagination.page_param or ""),
            "token": by_name.get(op.pagination.token_param or ""),
            **({"next_in": op.pagination.next_in} if op.pagination.next_in else {}),
            **({"pages": op.pagination.pages} if op.pagination.pages else {}),
            **({"count_in": op.pagination.count_in} if op.pagination.count_in else {}),
            **({"items_in": op.pagination.items_in} if op.pagination.items_in else {}),
            **({"next_href": True} if op.pagination.next_href else {}),
            **({"token_in_body": True} if op.pagination.token_in_body else {}),
        }
    listed: dict[str, list[str]] = {}
    for r in op.responses:
        listed.setdefault(r.status, []).extend([r.media_type] if r.media_type else [])
    if any(len(medias) > 1 for medias in listed.values()):
        # what else a status may be answered as, for an Accept the fixture's type does not meet
        entry["media"] = {status: medias for status, medias in listed.items() if len(medias) > 1}
    lro = op.long_running
    if lro:
        entry["long_running"] = {
            "start": lro.start, "status": lro.status, "id": lro.id, "complete": lro.complete,
            "error": lro.error, "error_message": lro.error_message, "results": lro.results,
            "progress": lro.progress, "poll": lro.poll, "cancel": lro.cancel,
        }
    return entry
