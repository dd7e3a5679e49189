"""Schemas say what they mean: the SDK's models are generated from them."""

from __future__ import annotations

import json
import re
from typing import Any

from ..load import escape_pointer, unescape_pointer
from ..openapi import all_of_without_common_type, is_json_media, required_cycles
from .context import Context, as_dict, as_list
from .index import SchemaSite
from .registry import check, rule

REQUIRED_DEFINED = rule("schema-required-defined", "error", "Every `required` name is a property of the schema (allOf members included).")
ENUM = rule("schema-enum", "error", "Enum values are unique and of the schema's type.")
NULLABLE = rule("schema-nullable", "error", "Nullability is said the version's way: 3.0 `nullable` with a `type`, 3.1 `type: [..., 'null']`.")
DISCRIMINATOR = rule("schema-discriminator", "error", "A discriminator's mapping targets exist and each requires the discriminator property.")
UNUSED_COMPONENT = rule("unused-component", "warning", "Every component schema, parameter, response... is used by an operation.")
ALL_OF_TYPES = rule(
    "schema-allof-types", "error",
    "The members of an allOf, and the schema beside them, admit a type in common (no value is both a string and an integer).",
)
REQUIRED_CYCLE = rule(
    "schema-required-cycle", "error",
    "No chain of required, non-null properties leads from a schema back to itself (no finite value could meet it).",
)
ONE_OF_DUPLICATE = rule(
    "schema-oneof-duplicate", "error",
    "No oneOf lists the same branch twice, or two that differ only in descriptions, examples or formats no validator "
    "knows (a value matching one would match both, which oneOf rejects).",
)
BOUNDS = rule(
    "schema-bounds", "error",
    "A schema's bounds admit a value: each minimum at most its maximum, and a uuid's or a date's length within minLength and maxLength.",
)
PATTERN_LITERAL = rule(
    "schema-pattern-literal", "warning",
    "A `pattern` is a regular expression, not a JavaScript literal `/.../flags` (whose slashes then must match).",
)
NAMED_RESPONSE = rule(
    "success-response-named-schema", "warning",
    "A 2xx JSON response's object schema is a $ref to a named component (the SDK needs a class name).",
)

# Combinators whose members describe the same object as their parent.
_SAME_OBJECT = frozenset({"allOf", "anyOf", "oneOf", "not", "if", "then", "else"})
_COMPONENT_SECTIONS = ("schemas", "parameters", "responses", "requestBodies", "headers", "examples")


def _types(schema: dict[str, Any]) -> list[str]:
    declared = schema.get("type")
    if isinstance(declared, str):
        return [declared]
    return [t for t in declared if isinstance(t, str)] if isinstance(declared, list) else []


def _allows_extra(site: SchemaSite) -> bool:
    additional = site.node.get("additionalProperties")
    return bool(site.node.get("patternProperties")) or additional is True or (isinstance(additional, dict) and bool(additional))


@check(REQUIRED_DEFINED)
def required_properties_exist(ctx: Context) -> None:
    for site in ctx.index.schemas:
        required = site.node.get("required")
        if not isinstance(required, list) or not required:
            continue
        known = set(ctx.properties(site.node, site.pointer))
        owner: SchemaSite | None = site
        while owner is not None and owner.via in _SAME_OBJECT and owner.parent is not None:
            owner = owner.parent  # `oneOf: [{required: [a]}, ...]` requires the parent's properties
            known |= set(ctx.properties(owner.node, owner.pointer))
        if _allows_extra(site):
            continue
        for i, name in enumerate(required):
            if isinstance(name, str) and name not in known:
                ctx.report(REQUIRED_DEFINED, f"{site.pointer}/required/{i}", f"required property {name!r} is not defined in properties")


@check(ALL_OF_TYPES)
def all_of_types(ctx: Context) -> None:
    for site in ctx.index.schemas:
        if "allOf" not in site.node:
            continue
        disjoint = all_of_without_common_type(ctx.resolver, site.node)
        if disjoint:
            kinds = " and ".join(" or ".join(sorted(types)) for types in disjoint)
            ctx.report(ALL_OF_TYPES, site.pointer + "/allOf", f"allOf of {kinds} admits no value: no value is of all these types")


@check(ONE_OF_DUPLICATE)
def one_of_duplicates(ctx: Context) -> None:
    for site in ctx.index.schemas:
        branches = site.node.get("oneOf")
        if not isinstance(branches, list) or len(branches) < 2:
            continue
        first_at: dict[str, int] = {}
        alike_at: dict[str, int] = {}
        for i, branch in enumerate(branches):
            text = json.dumps(branch, sort_keys=True, default=str)
            if text in first_at:
                shown = branch["$ref"] if isinstance(branch, dict) and isinstance(branch.get("$ref"), str) \
                    else "the same schema"
                ctx.report(ONE_OF_DUPLICATE, f"{site.pointer}/oneOf/{i}",
                           f"oneOf lists {shown} twice (branches {first_at[text]} and {i}): a value matching it matches "
                           "two branches, which oneOf rejects; list it once")
                continue
            first_at[text] = i
            if "discriminator" in site.node:
                continue  # its tag names the branch, as tools read it, alike or not
            resolved, _ = ctx.resolve(branch, f"{site.pointer}/oneOf/{i}")
            if not isinstance(resolved, dict):
                continue
            shape = json.dumps(_without_annotations(resolved), sort_keys=True, default=str)
            if shape in alike_at:
                ctx.report(ONE_OF_DUPLICATE, f"{site.pointer}/oneOf/{i}",
                           f"oneOf branches {alike_at[shape]} and {i} differ only in descriptions, examples or formats "
                           "no validator knows: a value matching one matches both, which oneOf rejects; list one, or "
                           "tell them apart (an enum or const on a property such as `type`, a pattern)")
                continue
            alike_at[shape] = i


#: what a schema says of its values for people and tools, not which values it admits
_ANNOTATIONS = frozenset({"description", "title", "example", "examples", "externalDocs", "deprecated", "$comment",
                          "readOnly", "writeOnly", "xml", "default"})
#: the formats validators check (JSON Schema's and OpenAPI's); any other is an annotation,
#: as JSON Schema 2020-12 says of a format a validator does not know (Shutterstock's
#: `asset-id` and `asset-upload-id`: both any string)
_CHECKED_FORMATS = frozenset({
    "date-time", "date", "time", "duration", "email", "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6", "uri",
    "uri-reference", "iri", "iri-reference", "uuid", "uri-template", "json-pointer", "relative-json-pointer", "regex",
    "int32", "int64", "float", "double", "byte", "binary"})
#: keywords whose value maps names (a property's, say "description") to schemas
_SCHEMA_MAPS = frozenset({"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"})
#: keywords whose value is a value, or a list of them, not schemas
_VALUES = frozenset({"enum", "const", "required", "type", "discriminator"})


def _without_annotations(schema: Any, depth: int = 0) -> Any:
    """`schema` less its annotations and extensions, at every level of its own (not
    through its $refs): two schemas alike but for those admit the same values."""
    if depth > 32 or not isinstance(schema, dict):
        return schema
    kept: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _ANNOTATIONS or key.startswith("x-") or key == "format" and value not in _CHECKED_FORMATS:
            continue
        if key in _VALUES:
            kept[key] = value
        elif key in _SCHEMA_MAPS and isinstance(value, dict):
            kept[key] = {name: _without_annotations(sub, depth + 1) for name, sub in value.items()}
        elif isinstance(value, list):
            kept[key] = [_without_annotations(sub, depth + 1) for sub in value]
        else:
            kept[key] = _without_annotations(value, depth + 1)
    return kept


_BOUND_PAIRS = (("minLength", "maxLength"), ("minimum", "maximum"), ("minItems", "maxItems"), ("minProperties", "maxProperties"))
#: the length of every value of a format, as the mock's format checker reads it
_FORMAT_LENGTHS = {"uuid": 36, "date": 10}


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


@check(BOUNDS)
def bounds_admit_a_value(ctx: Context) -> None:
    for site in ctx.index.schemas:
        node = site.node
        for low, high in _BOUND_PAIRS:
            if _number(node.get(low)) and _number(node.get(high)) and node[low] > node[high]:
                ctx.report(BOUNDS, f"{site.pointer}/{low}", f"{low} {node[low]} is more than {high} {node[high]}: no value meets both")
        fmt = node.get("format")
        length = _FORMAT_LENGTHS.get(fmt) if isinstance(fmt, str) else None
        if length is None:
            continue
        for key, sign in (("minLength", 1), ("maxLength", -1)):
            if _number(node.get(key)) and (node[key] - length) * sign > 0:
                ctx.report(BOUNDS, f"{site.pointer}/{key}",
                           f"a {fmt} is {length} characters long, which {key} {node[key]} excludes: no value meets both")


@check(REQUIRED_CYCLE)
def required_loops(ctx: Context) -> None:
    components = as_dict(ctx.data.get("components")) if isinstance(ctx.data, dict) else {}
    for loop in required_cycles(ctx.resolver, components.get("schemas")):
        steps = " -> ".join(f"{schema}.{prop}" for schema, prop, _ in loop) + f" -> {loop[0][0]}"
        ctx.report(REQUIRED_CYCLE, loop[0][2],
                   f"required properties loop ({steps}): no finite value meets {loop[0][0]}; make one of them optional or nullable")


def _matches_type(value: Any, type_name: str) -> bool:
    if type_name == "string":
        return isinstance(value, str)
    if type_name == "integer":
        return (isinstance(value, int) and not isinstance(value, bool)) or (isinstance(value, float) and value.is_integer())
    if type_name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if type_name == "boolean":
        return isinstance(value, bool)
    if type_name == "array":
        return isinstance(value, list)
    if type_name == "object":
        return isinstance(value, dict)
    if type_name == "null":
        return value is None
    return True  # an unknown type name is oas-schema's business


@check(ENUM)
def enum_values(ctx: Context) -> None:
    for site in ctx.index.schemas:
        values = site.node.get("enum")
        if not isinstance(values, list):
            continue
        types = _types(site.node)
        if site.node.get("nullable") is True:
            types.append("null")
        seen: set[str] = set()
        for i, value in enumerate(values):
            key = json.dumps(value, sort_keys=True, default=str) + type(value).__name__
            if key in seen:
                ctx.report(ENUM, f"{site.pointer}/enum/{i}", f"enum value {value!r} is listed twice")
            seen.add(key)
            if types and not any(_matches_type(value, t) for t in types):
                ctx.report(ENUM, f"{site.pointer}/enum/{i}", f"enum value {value!r} is not of type {' or '.join(types)}")


@check(NULLABLE)
def nullability(ctx: Context) -> None:
    for site in ctx.index.schemas:
        node = site.node
        if ctx.version == "3.1":
            if "nullable" in node:
                ctx.report(NULLABLE, site.pointer + "/nullable", "`nullable` is not part of OpenAPI 3.1; add 'null' to `type` instead")
            declared = node.get("type")
            if isinstance(declared, list) and len(set(map(str, declared))) != len(declared):
                ctx.report(NULLABLE, site.pointer + "/type", f"type {declared} lists a type twice")
            allows_null = "null" in _types(node)
        else:
            if node.get("nullable") is True and "type" not in node:
                ctx.report(NULLABLE, site.pointer + "/nullable", "`nullable: true` has no effect without a `type` in the same schema")
            allows_null = node.get("nullable") is True and "type" in node
        values = node.get("enum")
        if allows_null and isinstance(values, list) and None not in values:
            ctx.report(NULLABLE, site.pointer + "/enum", "the schema allows null but its enum does not list null, so null is refused")


def _mapping_target(target: str) -> str:
    return target if target.startswith("#") or "/" in target else "#/components/schemas/" + escape_pointer(target)


@check(DISCRIMINATOR)
def discriminators(ctx: Context) -> None:
    for site in ctx.index.schemas:
        discriminator = site.node.get("discriminator")
        if not isinstance(discriminator, dict) or not isinstance(discriminator.get("propertyName"), str):
            continue
        prop = discriminator["propertyName"]
        # (ref, pointer of the mapping entry or oneOf member that names it)
        targets: list[tuple[str, str]] = []
        for value, target in as_dict(discriminator.get("mapping")).items():
            where = f"{site.pointer}/discriminator/mapping/{escape_pointer(str(value))}"
            if isinstance(target, str):
                targets.append((_mapping_target(target), where))
        for keyword in ("oneOf", "anyOf"):
            for i, member in enumerate(as_list(site.node.get(keyword))):
                if isinstance(member, dict) and isinstance(member.get("$ref"), str):
                    targets.append((member["$ref"], f"{site.pointer}/{keyword}/{i}"))
        checked: set[str] = set()
        for ref, where in targets:
            if ref in checked:
                continue
            checked.add(ref)
            found = ctx.lookup(ref)
            if found is None:
                ctx.report(DISCRIMINATOR, where, f"discriminator mapping target {ref!r} does not exist")
                continue
            schema, pointer = ctx.resolve(*found)
            if prop not in ctx.required(schema, pointer):
                name = unescape_pointer(pointer.rsplit("/", 1)[-1])
                ctx.report(DISCRIMINATOR, where, f"{name} does not require the discriminator property {prop!r}")


def _component_of(pointer: str) -> tuple[str, str] | None:
    """(section, name) when `pointer` is inside a tracked component."""
    parts = pointer.split("/", 4)
    if len(parts) >= 4 and parts[1] == "components" and parts[2] in _COMPONENT_SECTIONS:
        return parts[2], escape_pointer(unescape_pointer(parts[3]))
    return None


@check(UNUSED_COMPONENT)
def unused_components(ctx: Context) -> None:
    edges: dict[tuple[str, str] | None, list[tuple[str, str]]] = {}
    uses = [(site.pointer, site.node["$ref"]) for site in ctx.index.refs]
    for site in ctx.index.schemas:  # discriminator mappings use components too
        mapping = as_dict(as_dict(site.node.get("discriminator")).get("mapping"))
        uses += [(site.pointer, _mapping_target(t)) for t in mapping.values() if isinstance(t, str)]
    for pointer, ref in uses:
        target = _component_of(ref[1:]) if ref.startswith("#") else None
        if target is not None:
            edges.setdefault(_component_of(pointer), []).append(target)
    reached: set[tuple[str, str]] = set()
    pending = list(edges.get(None, []))  # used from outside the tracked components
    while pending:
        component = pending.pop()
        if component not in reached:
            reached.add(component)
            pending.extend(edges.get(component, []))
    components = as_dict(ctx.data.get("components"))
    for section in _COMPONENT_SECTIONS:
        for name in as_dict(components.get(section)):
            if (section, escape_pointer(str(name))) not in reached:
                ctx.report(
                    UNUSED_COMPONENT, f"/components/{section}/{escape_pointer(str(name))}",
                    f"components.{section}.{name} is never used",
                )


def _is_anonymous_object(schema: Any) -> bool:
    if not isinstance(schema, dict) or "$ref" in schema:
        return False
    return bool(schema.get("properties")) or any(k in schema for k in ("allOf", "oneOf", "anyOf"))


@check(NAMED_RESPONSE)
def success_responses_are_named(ctx: Context) -> None:
    for op in ctx.index.operations:
        for status, raw in as_dict(op.node.get("responses")).items():
            if not str(status).startswith("2"):
                continue
            response, pointer = ctx.resolve(raw, f"{op.pointer}/responses/{escape_pointer(str(status))}")
            for media, media_object in as_dict(as_dict(response).get("content")).items():
                schema = as_dict(media_object).get("schema")
                if is_json_media(str(media)) and _is_anonymous_object(schema):
                    ctx.report(
                        NAMED_RESPONSE, f"{pointer}/content/{escape_pointer(str(media))}/schema",
                        f"the {status} response of {op.label} is an inline object; $ref a named component schema",
                    )


_REGEX_LITERAL = re.compile(r"^/(?P<body>.+)/(?P<flags>[dgimsuvy]*)$", re.DOTALL)


@check(PATTERN_LITERAL)
def pattern_not_a_literal(ctx: Context) -> None:
    for site in ctx.index.schemas:
        pattern = site.node.get("pattern")
        found = _REGEX_LITERAL.match(pattern) if isinstance(pattern, str) else None
        if found is None or not found.group("body").startswith("^") and not found.group("flags"):
            continue  # `/users/.+/` may well mean slashes; `/^...$/` or `/.../i` cannot
        flags = found.group("flags")
        advice = f"; flags ({flags}) cannot be given in a pattern" if flags else ""
        ctx.report(PATTERN_LITERAL, f"{site.pointer}/pattern",
                   f"pattern {pattern!r} is written as a JavaScript literal: no value matches it as a regular "
                   f"expression (its slashes are characters); write {found.group('body')!r}{advice}")
