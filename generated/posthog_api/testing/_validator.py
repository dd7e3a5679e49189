"""A small JSON Schema validator for the mock server (stdlib only).

It covers what request validation needs (types, required, enums, const, bounds,
lengths, patterns, formats, arrays, objects and their patternProperties, unions, $ref
into the document's components) and reports the first problem with the field it is in,
the way PostHog reports `attr`. A schema without a type is read as the generated
models read it (with properties: an object; with items: an array), and a pattern
that Python cannot compile, or that can make it backtrack for an exponential time, is
not judged. The generator checks the spec's examples with it too, so that every
fixture is one the mock server accepts.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Callable, Mapping
from datetime import date, datetime
from functools import lru_cache
from typing import Any
from urllib.parse import unquote
from uuid import UUID

try:  # Python 3.11 moved the parser; the old name warns
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse as _sre_parse

__all__ = ["Invalid", "pattern_source", "schema_target", "validate"]


class Invalid(Exception):
    def __init__(self, message: str, attr: str | None) -> None:
        super().__init__(message)
        self.message = message
        self.attr = attr


_TYPES: dict[str, Any] = {
    "string": lambda v: isinstance(v, (str, bytes)),  # bytes: a file (format: binary)
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "null": lambda v: v is None,
}


#: a date-time as the models (pydantic) read one: RFC 3339's extended form, the time
#: optional, seconds optional; not ISO 8601's basic form (AWS's example "20170214T1215Z").
#: (The models also take a Unix time, "1487074500"; refused here, to err on the strict side.)
_DATE_TIME = re.compile(
    r"^(\d{4}-\d{2}-\d{2})(?:[Tt _](\d{2}:\d{2})(:\d{2}(?:[.,](\d+))?)?([Zz]|[+-]\d{2}:?\d{2})?)?$"
)


def _date_time_ok(value: str) -> bool:
    found = _DATE_TIME.match(value)
    if found is None:
        return False
    day, clock, seconds, fraction, zone = found.groups()
    if clock is None:
        date.fromisoformat(day)
        return True
    text = f"{day}T{clock}{(seconds or ':00')[:3]}" + (f".{fraction[:6]:0<6}" if fraction else "")
    if zone and zone not in "Zz":
        text += zone if ":" in zone else f"{zone[:3]}:{zone[3:]}"
    datetime.fromisoformat(text)  # (a day or an hour out of range raises)
    return True


#: an ISO 8601 duration, as JSON Schema's `duration` format reads it (P1D, PT1H30M, P2W)
_DURATION = re.compile(
    r"P(?!$)(\d+(?:[.,]\d+)?Y)?(\d+(?:[.,]\d+)?M)?(\d+(?:[.,]\d+)?W)?(\d+(?:[.,]\d+)?D)?"
    r"(T(?=\d)(\d+(?:[.,]\d+)?H)?(\d+(?:[.,]\d+)?M)?(\d+(?:[.,]\d+)?S)?)?"
)


def _format_ok(fmt: str, value: str) -> bool:
    try:
        if fmt == "uuid":
            UUID(value)
        elif fmt == "date-time":
            return _date_time_ok(value)
        elif fmt == "date":
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is None:
                return False
            date.fromisoformat(value)
        elif fmt == "duration":
            return _DURATION.fullmatch(value) is not None
    except ValueError:
        return False
    return True


_COMBINATORS = ("allOf", "anyOf", "oneOf", "enum", "const")
_NUMBER_TEXT = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")


def enum_values(schema: Mapping[str, Any]) -> list[Any]:
    """A schema's enum as the generated models read it: beside `type: integer` or
    `number`, values written as strings of digits are those numbers (Bungie's
    `["1", "2", "4"]`, int64, answered as 1, 2, 4); else as written."""
    values = list(schema.get("enum") or ())
    if schema.get("type") not in ("integer", "number"):
        return values
    if not values or not all(
        v is None or isinstance(v, str) and _NUMBER_TEXT.fullmatch(v) for v in values
    ):
        return values
    return [v if v is None else int(v) if "." not in v else float(v) for v in values]


#: a schema with these keys only constrains a value by its type
_ANNOTATED_TYPE = frozenset(
    {
        "type",
        "description",
        "title",
        "example",
        "examples",
        "default",
        "deprecated",
        "externalDocs",
        "readOnly",
        "writeOnly",
        "xml",
    }
)
_SCHEMAS_PREFIX = "#/components/schemas/"
_MAX_HOPS = 64


def schema_target(ref: str, schemas: Mapping[str, Any]) -> Any:
    """What a reference into the document's schemas names (any other reference, or one
    that names nothing, is no constraint)."""
    if not ref.startswith(_SCHEMAS_PREFIX):
        return {}
    node: Any = schemas
    for part in ref[len(_SCHEMAS_PREFIX) :].split("/"):
        key = unquote(part).replace("~1", "/").replace("~0", "~")
        if isinstance(node, Mapping) and key in node:
            node = node[key]
        elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
            node = node[int(key)]
        else:
            return {}
    return node


#: a pattern written as a JavaScript literal, `/^[a-z0-9._]+$/` or `/[0-9]{5}/i` (the lint
#: rule pattern-not-a-literal reports them): read as the source it should be, it never
#: matches (`^` after a slash) or has its flags as characters, so the literal is meant
_JS_LITERAL = re.compile(r"^/(?P<body>.+)/(?P<flags>[dgimsuvy]*)$", re.DOTALL)


def pattern_source(pattern: str) -> tuple[str, int]:
    """The regular expression a schema's `pattern` means, and its flags (re.IGNORECASE
    for a literal's `i`): the pattern itself, or the body of a JavaScript literal."""
    literal = _JS_LITERAL.match(pattern)
    if literal is None or not (literal.group("body").startswith("^") or literal.group("flags")):
        return pattern, 0  # `/users/.+/` may well mean its slashes
    return literal.group("body"), re.IGNORECASE if "i" in literal.group("flags") else 0


@lru_cache(maxsize=1024)
def _compiled(pattern: str) -> re.Pattern[str] | None:
    pattern, flags = pattern_source(pattern)
    try:
        # `[[:alpha:]]` and the like: re warns of sets it may read as nested one day
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            compiled = re.compile(pattern, flags)
            parsed = _sre_parse.parse(pattern, flags)
    except (re.error, RecursionError, OverflowError):
        return None  # not a Python regular expression (ECMA's \p{L}, say): not judged
    return None if _nested_repeat(parsed) else compiled


#: a repeat of at most this many times counts as bounded: a{2,4} inside a star is harmless
_FEW = 16


def _nested_repeat(items: Any, inside: bool = False) -> bool:
    """Whether a long repeat holds a repeat of variable length, as in ([\\w.-]*)*,
    (\\w+\\.?)+ or ([a-z]{2,4})*: Python's backtracking engine can take an exponential
    time to find that such a pattern does not match a value (a URL pattern of BeezUP's
    took minutes on a short string). Such a pattern is not judged. Possessive repeats do
    not backtrack, so they count as fixed."""
    for op, arg in items:
        name = str(op)
        if name in ("MAX_REPEAT", "MIN_REPEAT"):
            low, high, sub = arg
            if inside and low != high and high > 1:  # a? is harmless; a{2,4}, a+ and a* are not
                return True
            # (-[a-z]+)* is harmless: each round starts with a character that none of its
            # repeats takes, so a value splits into rounds in one way only
            long = high > _FEW and not _led_by_separator(sub)
            if _nested_repeat(sub, inside or long):
                return True
        elif name == "SUBPATTERN":
            if _nested_repeat(arg[-1], inside):
                return True
        elif name == "BRANCH":
            if any(_nested_repeat(branch, inside) for branch in arg[1]):
                return True
        elif name in ("ASSERT", "ASSERT_NOT"):
            if _nested_repeat(arg[1], inside):
                return True
    return False


def _led_by_separator(items: Any) -> bool:
    """Whether a repeat's body starts with a literal character that no repeat in it can take."""
    first = items[0] if len(items) else None
    while first is not None and str(first[0]) == "SUBPATTERN":
        body = first[1][-1]
        first = body[0] if len(body) else None
    if first is None or str(first[0]) != "LITERAL":
        return False
    return not _repeat_may_take(items, chr(first[1]))


def _repeat_may_take(items: Any, char: str) -> bool:
    """Whether some repeat in `items` may take `char` (True when unsure)."""
    for op, arg in items:
        name = str(op)
        if name in ("MAX_REPEAT", "MIN_REPEAT"):
            body = arg[2]
            if len(body) != 1 or _item_may_take(body[0], char) or _repeat_may_take(body, char):
                return True
        elif name == "SUBPATTERN" and _repeat_may_take(arg[-1], char):
            return True
        elif name == "BRANCH" and any(_repeat_may_take(branch, char) for branch in arg[1]):
            return True
    return False


def _item_may_take(item: Any, char: str) -> bool:
    """Whether one item of a parsed pattern (a literal, a set, a class) may match `char`."""
    op, arg = str(item[0]), item[1]
    code = ord(char)
    if op == "LITERAL":
        return bool(arg == code)
    if op == "NOT_LITERAL":
        return bool(arg != code)
    if op == "IN":
        negated = any(str(o) == "NEGATE" for o, _ in arg)
        hit = False
        for o, a in arg:
            kind = str(o)
            if kind == "LITERAL":
                hit = hit or a == code
            elif kind == "RANGE":
                hit = hit or a[0] <= code <= a[1]
            elif kind == "CATEGORY":
                category = str(a)
                if category not in _CATEGORIES:
                    return True
                hit = hit or _CATEGORIES[category](char)
            elif kind != "NEGATE":
                return True
        return hit != negated
    if op == "CATEGORY":
        test = _CATEGORIES.get(str(arg))
        return True if test is None else test(char)
    return True  # ANY and whatever else: may


_CATEGORIES: dict[str, Callable[[str], bool]] = {
    "CATEGORY_DIGIT": str.isdigit,
    "CATEGORY_NOT_DIGIT": lambda c: not c.isdigit(),
    "CATEGORY_WORD": lambda c: c.isalnum() or c == "_",
    "CATEGORY_NOT_WORD": lambda c: not (c.isalnum() or c == "_"),
    "CATEGORY_SPACE": str.isspace,
    "CATEGORY_NOT_SPACE": lambda c: not c.isspace(),
}


def judges_pattern(pattern: str) -> bool:
    """Whether matches_pattern judges values against `pattern` (else it takes them all)."""
    return _compiled(pattern) is not None


def matches_pattern(pattern: str, value: str) -> bool:
    """Whether `value` matches the schema's `pattern`; True where the pattern is not judged
    (Python cannot read it, or it can backtrack for an exponential time)."""
    compiled = _compiled(pattern)
    return compiled is None or compiled.search(value) is not None


def _check_count(
    value: list[Any] | dict[str, Any],
    schema: dict[str, Any],
    low: str,
    high: str,
    what: str,
    path: str,
) -> None:
    """minItems/maxItems of a list, minProperties/maxProperties of an object (AWS's tag
    maps: at least one)."""
    least, most = schema.get(low), schema.get(high)
    if isinstance(least, int) and not isinstance(least, bool) and len(value) < least:
        raise Invalid(f"must have at least {least} {what}", path or None)
    if isinstance(most, int) and not isinstance(most, bool) and len(value) > most:
        raise Invalid(f"must have at most {most} {what}", path or None)


def _open_bounds(schema: dict[str, Any]) -> tuple[Any, Any]:
    """exclusiveMinimum/Maximum: a number (3.1), or true beside minimum/maximum (3.0)."""
    bounds: list[Any] = []
    for exclusive, inclusive in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        flag = schema.get(exclusive)
        bound = schema.get(inclusive) if flag is True else flag
        number = isinstance(bound, (int, float)) and not isinstance(bound, bool)
        bounds.append(bound if number else None)
    return bounds[0], bounds[1]


def _multiple(value: float, step: float) -> bool:
    quotient = value / step
    return abs(quotient - round(quotient)) <= 1e-9 * max(1.0, abs(quotient))


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
    if isinstance(tag, str) and isinstance(mapping.get(tag), str):
        target = mapping[tag]
        return {"$ref": target if target.startswith("#") else _SCHEMAS_PREFIX + target}
    for option in schema.get("oneOf") or schema.get("anyOf") or []:
        if isinstance(option, dict) and option.get("$ref", "").rsplit("/", 1)[-1] == tag:
            return option
    extending = _extending(schemas).get(id(schema), {}).get(tag) if isinstance(tag, str) else None
    if extending is not None:
        return {"$ref": _SCHEMAS_PREFIX + extending.replace("~", "~0").replace("/", "~1")}
    return None


#: the last `schemas` _extending indexed, and its index
_extending_index: list[tuple[Mapping[str, Any], dict[int, dict[str, str]]]] = []


def _extending(schemas: Mapping[str, Any]) -> dict[int, dict[str, str]]:
    """id(a schema) -> discriminator value -> the name of a schema that extends it (through
    allOf, at any depth) and that value names: its `x-ms-discriminator-value`, else its
    own name (OpenAPI's implicit mapping), as the generated client reads a base."""
    if _extending_index and _extending_index[0][0] is schemas:
        return _extending_index[0][1]
    parents: dict[str, list[str]] = {}
    for name, schema in schemas.items():
        parts = schema.get("allOf") if isinstance(schema, dict) else None
        for part in parts if isinstance(parts, list) else []:
            ref = part.get("$ref") if isinstance(part, dict) else None
            if isinstance(ref, str) and ref.startswith(_SCHEMAS_PREFIX):
                parent = unquote(ref[len(_SCHEMAS_PREFIX) :]).replace("~1", "/").replace("~0", "~")
                parents.setdefault(str(name), []).append(parent)
    index: dict[int, dict[str, str]] = {}
    for name, direct in parents.items():
        value = schemas[name].get("x-ms-discriminator-value")
        value = value if isinstance(value, str) else name
        seen: set[str] = set()
        todo = list(direct)
        while todo:
            parent = todo.pop()
            if parent in seen or not isinstance(schemas.get(parent), dict):
                continue
            seen.add(parent)
            index.setdefault(id(schemas[parent]), {}).setdefault(value, name)
            todo.extend(parents.get(parent, ()))
    _extending_index[:] = [(schemas, index)]
    return index


def _composed_properties(
    schema: Mapping[str, Any], schemas: Mapping[str, Any], depth: int = 0
) -> dict[str, Any]:
    """The properties (name -> schema) that `schema` and its allOf, oneOf and anyOf members
    declare (theirs included; a schema's own declaration of a name wins over its members'):
    the properties of the one object the generated models make of them."""
    found: dict[str, Any] = {}
    for key in ("allOf", "oneOf", "anyOf"):
        members = schema.get(key)
        for member in members if isinstance(members, list) else []:
            hops = 0
            while (
                isinstance(member, dict)
                and isinstance(member.get("$ref"), str)
                and hops < _MAX_HOPS
            ):
                member, hops = schema_target(member["$ref"], schemas), hops + 1
            if isinstance(member, dict) and depth < _MAX_HOPS:
                found.update(_composed_properties(member, schemas, depth + 1))
    own = schema.get("properties")
    found.update(own if isinstance(own, dict) else {})
    return found


def validate(
    value: Any,
    schema: Any,
    schemas: Mapping[str, Any],
    path: str = "",
    *,
    direction: str = "request",
    within: tuple[Mapping[str, Any], ...] = (),
    choosing: frozenset[int] = frozenset(),
) -> None:
    """Raise Invalid for the first way `value` breaks `schema`. `within`: the schemas that
    `schema` is a member of (allOf, oneOf, anyOf); the properties they and their members
    declare are not refused by `additionalProperties: false`. Documents close each part of
    a composition and mean the whole, as the models read it. `choosing`: the schemas
    (by id) whose discriminator or union is choosing a member for this value further
    out; met again, inside a member (`Cat: allOf: [Pet, ...]` under Pet's discriminator),
    they are checked without choosing again, which would go round forever."""
    hops = 0
    while isinstance(schema, dict) and len(schema) == 1 and isinstance(schema.get("$ref"), str):
        hops += 1
        if hops > _MAX_HOPS:
            return  # a cycle of references constrains nothing
        schema = schema_target(schema["$ref"], schemas)
    if schema is True or schema is None or schema == {}:
        return
    if schema is False:
        raise Invalid("no value is allowed here", path or None)
    if not isinstance(schema, dict):
        return
    if value is not None and _ANNOTATED_TYPE.issuperset(schema.keys()):
        # a type and words about it (most leaves of an example): the type is all there is
        # to check, here without the walk below, which finds the same
        name = schema.get("type")
        if isinstance(name, str) and name in _TYPES:
            if not _TYPES[name](value):
                raise Invalid(f"expected {name}, got {type(value).__name__}", path or None)
            return
    ref = schema.get("$ref")
    types = schema.get("type")
    if isinstance(ref, str):
        # Beside a $ref only null is read, as the generated models read it (`nullable`, or
        # "null" among the types); OpenAPI 3.0 ignores the other siblings, and documents
        # put a description there, or a `type: string` that contradicts the target.
        if value is None and (
            schema.get("nullable") or (isinstance(types, list) and "null" in types)
        ):
            return
        validate(
            value,
            schema_target(ref, schemas),
            schemas,
            path,
            direction=direction,
            within=within,
            choosing=choosing,
        )
        return
    if value is None and (schema.get("nullable") or (isinstance(types, list) and "null" in types)):
        return
    if isinstance(value, dict) and not schema.keys().isdisjoint(("allOf", "oneOf", "anyOf")):
        within = (*within, schema)
    chooses = id(schema) not in choosing
    if chooses and not schema.keys().isdisjoint(("discriminator", "oneOf", "anyOf")):
        choosing = choosing | {id(schema)}
    discriminator = schema.get("discriminator")
    if chooses and isinstance(discriminator, dict) and isinstance(value, dict):
        chosen = _discriminated(value, schema, discriminator, schemas)
        if chosen is not None:
            validate(
                value, chosen, schemas, path, direction=direction, within=within, choosing=choosing
            )
            return
    for key in ("anyOf", "oneOf") if chooses else ():
        options = schema.get(key)
        if isinstance(options, list):
            problems: list[Invalid] = []
            for option in options:
                try:
                    validate(
                        value,
                        option,
                        schemas,
                        path,
                        direction=direction,
                        within=within,
                        choosing=choosing,
                    )
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
        validate(value, part, schemas, path, direction=direction, within=within, choosing=choosing)
    if "const" in schema and value != schema["const"]:
        raise Invalid(f"must be {schema['const']!r}", path or None)
    if isinstance(schema.get("enum"), list) and value not in (allowed := enum_values(schema)):
        choices = ", ".join(repr(v) for v in allowed)
        raise Invalid(f"{value!r} is not a valid choice; expected one of {choices}", path or None)
    if types is None and schema.keys().isdisjoint(_COMBINATORS):
        # what the generated models make of a schema without a type
        types = "object" if "properties" in schema else "array" if "items" in schema else None
    if isinstance(schema.get("enum"), list):
        types = None  # the models type an enum by its values (`type: integer` beside "1", "2")
    names = [
        n
        for n in (types if isinstance(types, list) else [types])
        if isinstance(n, str) and n in _TYPES
    ]
    if isinstance(value, (bytes, str)) and schema.get("format") == "file":
        names = []  # a file (str in fixtures), whatever type Swagger 2.0's converters gave it
    if names:  # (an unknown type name constrains nothing)
        if schema.get("nullable") and "null" not in names:
            names = [*names, "null"]
        if not any(_TYPES[name](value) for name in names):
            raise Invalid(
                f"expected {' or '.join(names)}, got {type(value).__name__}", path or None
            )
    if isinstance(value, str):
        if isinstance(schema.get("minLength"), int) and len(value) < schema["minLength"]:
            raise Invalid(f"must have at least {schema['minLength']} characters", path or None)
        if isinstance(schema.get("maxLength"), int) and len(value) > schema["maxLength"]:
            raise Invalid(f"must have at most {schema['maxLength']} characters", path or None)
        if isinstance(schema.get("pattern"), str) and not matches_pattern(schema["pattern"], value):
            raise Invalid(f"does not match {schema['pattern']}", path or None)
        if (
            isinstance(schema.get("format"), str)
            and not isinstance(schema.get("enum"), list)  # the values say it (sendgrid's "now")
            and not _format_ok(schema["format"], value)
        ):
            raise Invalid(f"is not a valid {schema['format']}", path or None)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(schema.get("minimum"), (int, float)) and value < schema["minimum"]:
            raise Invalid(f"must be at least {schema['minimum']}", path or None)
        if isinstance(schema.get("maximum"), (int, float)) and value > schema["maximum"]:
            raise Invalid(f"must be at most {schema['maximum']}", path or None)
        low, high = _open_bounds(schema)
        if low is not None and value <= low:
            raise Invalid(f"must be more than {low}", path or None)
        if high is not None and value >= high:
            raise Invalid(f"must be less than {high}", path or None)
        step = schema.get("multipleOf")
        if isinstance(step, (int, float)) and step > 0 and not _multiple(value, step):
            raise Invalid(f"must be a multiple of {step}", path or None)
    if isinstance(value, list):
        _check_count(value, schema, "minItems", "maxItems", "items", path)
        if schema.get("uniqueItems") is True:
            seen = [json.dumps(item, sort_keys=True, default=str) for item in value]
            if len(set(seen)) < len(seen):
                raise Invalid("must not hold an item twice", path or None)
    if isinstance(value, dict):
        _check_count(value, schema, "minProperties", "maxProperties", "properties", path)
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            validate(item, schema["items"], schemas, _join(path, index), direction=direction)
    if isinstance(value, dict):
        properties = schema.get("properties") or {}
        for name in schema.get("required") or []:
            prop = properties.get(name)
            if prop is None:  # a member of the composition may declare it (readOnly, say)
                declared = (_composed_properties(whole, schemas) for whole in within)
                prop = next((found[name] for found in declared if name in found), {})
            target = (
                schema_target(prop["$ref"], schemas)
                if isinstance(prop, dict) and isinstance(prop.get("$ref"), str)
                else prop
            )
            skip = isinstance(target, dict) and target.get(
                "readOnly" if direction == "request" else "writeOnly"
            )
            if name not in value and not skip:
                raise Invalid("This field is required.", _join(path, name))
        additional = schema.get("additionalProperties")
        patterns = schema.get("patternProperties")
        for name, item in value.items():
            if name in properties:
                validate(item, properties[name], schemas, _join(path, name), direction=direction)
            elif isinstance(patterns, dict) and any(
                isinstance(p, str) and matches_pattern(p, name) for p in patterns
            ):
                # 3.1's patternProperties: each pattern the name matches checks the value,
                # and additionalProperties does not apply
                for pattern, each in patterns.items():
                    if isinstance(pattern, str) and matches_pattern(pattern, name):
                        validate(item, each, schemas, _join(path, name), direction=direction)
            elif (additional is False or isinstance(additional, dict)) and any(
                name in _composed_properties(whole, schemas) for whole in within
            ):
                continue  # a member of the composition declares it (and checks it)
            elif additional is False:
                raise Invalid("unexpected field", _join(path, name))
            elif isinstance(additional, dict):
                validate(item, additional, schemas, _join(path, name), direction=direction)
